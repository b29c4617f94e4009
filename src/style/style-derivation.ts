// The descriptive profile: the configured LLM reads the agent's samples (and the corrections the
// user made) and describes the voice in words, with do and don't rules. It sits beside the
// measured profile, which needs no model and is in use either way.
import { APICallError, generateText, NoObjectGeneratedError, Output } from 'ai';
import { z } from 'zod';
import { OrcaError } from '../domain/errors.ts';
import type { MeasuredStyle } from '../domain/style-profile.ts';
import type { LanguageModelService } from '../runtime/tool-services.ts';
import type { StyleSampleRecord } from '../store/style-repository.ts';

export const derivedStyleSchema = z.object({
  description: z.string().describe('Two to four sentences describing the voice, for someone imitating it.'),
  tone: z.string().describe('A few words, such as "warm, direct, informal".'),
  rules: z
    .array(z.string())
    .describe('Five to ten rules, each a short instruction starting with "Do" or "Don’t".'),
});

export type DerivedStyle = z.infer<typeof derivedStyleSchema>;

// Bounds on what the model reads: enough writing to hear the voice, at a bounded cost.
const promptLimits = { sampleCharacters: 3_000, allCharacters: 15_000, corrections: 5, rules: 12 };

const system = [
  'You are an editor who describes writers’ voices so that others can imitate them.',
  'Describe how the samples are written, never what they are about: tone, sentence shape, vocabulary, formatting, how the writer addresses the reader.',
  'Where corrections are given, the corrected version is how the writer wants it: turn what changed into rules.',
  'Answer with a JSON object with description, tone and rules.',
].join(' ');

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** The prompt: samples newest first within the budget, the corrections, and the measured figures. */
export function derivationPrompt(
  samples: readonly StyleSampleRecord[],
  measured: MeasuredStyle | null,
): string {
  const parts: string[] = [];
  let characters = 0;
  let shown = 0;
  for (const sample of samples) {
    const text = cut(sample.text.trim(), promptLimits.sampleCharacters);
    if (characters + text.length > promptLimits.allCharacters) break;
    characters += text.length;
    parts.push(`Sample ${++shown}:\n"""\n${text}\n"""`);
  }
  const corrections = samples.filter((sample) => sample.original !== null).slice(0, promptLimits.corrections);
  corrections.forEach((sample, index) => {
    parts.push(
      `Correction ${index + 1}, as first written:\n"""\n${cut(sample.original ?? '', 1_500)}\n"""\nas the writer corrected it:\n"""\n${cut(sample.text, 1_500)}\n"""`,
    );
  });
  if (measured) {
    parts.push(
      `Measured: ${measured.sentenceWords.mean} words a sentence on average; register ${measured.formality.label}; Flesch reading ease ${measured.readingEase ?? 'unknown'}; lists ${measured.lists}; headings ${measured.headings}.`,
    );
  }
  return `Describe the voice of this writer.\n\n${parts.join('\n\n')}`;
}

function clean(derived: DerivedStyle): DerivedStyle {
  return {
    description: derived.description.trim().slice(0, 2_000),
    tone: derived.tone.trim().slice(0, 200),
    rules: derived.rules
      .map((rule) => rule.trim().slice(0, 300))
      .filter((rule) => rule !== '')
      .slice(0, promptLimits.rules),
  };
}

function derivationFailed(llm: LanguageModelService, error: unknown): OrcaError {
  const detail = error instanceof Error ? error.message.trim().replace(/\.+$/, '') : String(error);
  if (NoObjectGeneratedError.isInstance(error)) {
    return new OrcaError(
      'service_unavailable',
      `${llm.name} did not answer with a description of the voice (${detail}). Try again; the measured profile stays in use.`,
    );
  }
  const status =
    APICallError.isInstance(error) && error.statusCode ? ` answered ${error.statusCode}:` : ' failed:';
  return new OrcaError(
    'service_unavailable',
    `${llm.name}${status} ${detail}. Try again later; the measured profile stays in use.`,
    { cause: error },
  );
}

/** Asks the model to describe the voice of the samples. */
export async function deriveStyle(
  llm: LanguageModelService,
  samples: readonly StyleSampleRecord[],
  measured: MeasuredStyle | null,
  signal?: AbortSignal,
): Promise<DerivedStyle> {
  try {
    const result = await generateText({
      model: llm.model,
      system,
      prompt: derivationPrompt(samples, measured),
      output: Output.object({ schema: derivedStyleSchema }),
      temperature: 0.2,
      abortSignal: signal,
      // The user sees the failure at once and may try again; the measured profile stays in use meanwhile.
      maxRetries: 0,
    });
    return clean(result.output);
  } catch (error) {
    throw derivationFailed(llm, error);
  }
}
