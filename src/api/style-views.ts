// Style memory as the API shows it: samples, and the profile with its measured figures, what the
// LLM described, what the user edited (pinned) and whether an LLM is there to derive with.
import { z } from '@hono/zod-openapi';
import { styleFields, styleSampleSources } from '../domain/style-memory.ts';
import type { StyleProfileRecord, StyleSampleRecord } from '../store/style-repository.ts';
import { timestamp } from './schemas.ts';
import { iso, isoOrNull } from './serialize.ts';

const spread = z.object({ mean: z.number(), spread: z.number().describe('The standard deviation.') });
const usage = z.enum(['often', 'sometimes', 'never']);

export const measuredStyleSchema = z
  .object({
    samples: z.number().int(),
    words: z.number().int(),
    sentences: z.number().int(),
    paragraphs: z.number().int(),
    sentenceWords: spread.describe('Words per sentence.'),
    paragraphSentences: spread.describe('Sentences per paragraph.'),
    paragraphWords: spread.describe('Words per paragraph.'),
    readingEase: z.number().nullable().describe('Flesch reading ease: 60-70 is plain English.'),
    readingLevel: z.string(),
    formality: z.object({
      label: z.enum(['formal', 'neutral', 'casual']),
      contractionsPer100Words: z.number(),
      firstPersonPer100Words: z.number(),
      secondPersonPer100Words: z.number(),
      exclamationShare: z.number(),
      questionShare: z.number(),
      passiveShare: z.number(),
      hedgesPer100Words: z.number(),
      emojiPer100Words: z.number(),
    }),
    lists: usage,
    headings: usage,
    useWords: z.array(z.string()),
    avoidWords: z.array(z.string()),
  })
  .openapi('MeasuredStyle');

export const styleSampleSchema = z
  .object({
    id: z.string(),
    source: z.enum(styleSampleSources),
    name: z.string(),
    text: z.string(),
    original: z.string().nullable().describe('For a correction: the output before the user corrected it.'),
    deliverableId: z.string().nullable(),
    runId: z.string().nullable(),
    stepId: z.string().nullable(),
    characters: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
  })
  .openapi('StyleSample');

export const styleSchema = z
  .object({
    agentId: z.string(),
    samples: z.number().int().describe('How many samples the agent has.'),
    measured: measuredStyleSchema.nullable().describe('Figures computed from the samples, without an LLM.'),
    description: z.string(),
    tone: z.string(),
    rules: z.array(z.string()),
    useWords: z.array(z.string()),
    avoidWords: z.array(z.string()),
    pinned: z
      .array(z.enum(styleFields))
      .describe('Fields the user edited: recomputation and derivation leave them as they are.'),
    derivedBy: z.string().nullable().describe('The model that wrote the description, if one did.'),
    derivedAt: timestamp.nullable(),
    llmAvailable: z.boolean().describe('Whether an LLM is configured to derive a description with.'),
    updatedAt: timestamp.nullable(),
  })
  .openapi('Style');

export function styleSampleView(sample: StyleSampleRecord) {
  return {
    id: sample.id,
    source: sample.source,
    name: sample.name,
    text: sample.text,
    original: sample.original,
    deliverableId: sample.deliverableId,
    runId: sample.runId,
    stepId: sample.stepId,
    characters: sample.text.length,
    createdBy: sample.createdBy,
    createdAt: iso(sample.createdAt),
  };
}

export function styleView(
  agentId: string,
  profile: StyleProfileRecord | undefined,
  samples: number,
  llmAvailable: boolean,
) {
  return {
    agentId,
    samples,
    measured: samples > 0 ? (profile?.measured ?? null) : null,
    description: profile?.description ?? '',
    tone: profile?.tone ?? '',
    rules: profile?.rules ?? [],
    useWords: profile?.useWords ?? [],
    avoidWords: profile?.avoidWords ?? [],
    pinned: profile?.pinned ?? [],
    derivedBy: profile?.derivedBy ?? null,
    derivedAt: isoOrNull(profile?.derivedAt ?? null),
    llmAvailable,
    updatedAt: isoOrNull(profile?.updatedAt ?? null),
  };
}
