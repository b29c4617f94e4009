// Rules of style memory shared by the API, the store and the tools: where samples come from, how
// large they may be, which profile fields a user may pin, and how a learned profile reads as
// instructions to a model.
import { z } from 'zod';
import type { MeasuredStyle } from './style-profile.ts';

export const styleSampleSources = ['upload', 'deliverable', 'correction'] as const;
export type StyleSampleSource = (typeof styleSampleSources)[number];

/** Profile fields a user may edit; an edited field is pinned and recomputation leaves it alone. */
export const styleFields = ['description', 'tone', 'rules', 'useWords', 'avoidWords'] as const;
export type StyleField = (typeof styleFields)[number];

export const styleLimits = {
  /** Characters of one sample: a long letter or a short article. */
  sampleCharacters: 20_000,
  samplesPerAgent: 50,
  descriptionCharacters: 2_000,
  rules: 20,
  ruleCharacters: 300,
  words: 40,
  wordCharacters: 60,
};

export const styleSampleText = z
  .string()
  .refine((text) => text.trim() !== '', 'must not be empty: paste some of your writing')
  .refine(
    (text) => text.length <= styleLimits.sampleCharacters,
    `must be at most ${styleLimits.sampleCharacters.toLocaleString('en')} characters: add a shorter piece, or split it into several samples`,
  );

const word = z
  .string()
  .trim()
  .min(1, 'a word must not be empty')
  .max(
    styleLimits.wordCharacters,
    `a word or phrase must be at most ${styleLimits.wordCharacters} characters`,
  );

export const styleWordList = z
  .array(word)
  .max(styleLimits.words, `at most ${styleLimits.words} words or phrases`)
  .transform((words) => [...new Map(words.map((entry) => [entry.toLowerCase(), entry])).values()]);

export const styleRules = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'a rule must not be empty')
      .max(styleLimits.ruleCharacters, `a rule must be at most ${styleLimits.ruleCharacters} characters`),
  )
  .max(styleLimits.rules, `at most ${styleLimits.rules} rules`);

export const styleDescription = z
  .string()
  .trim()
  .max(styleLimits.descriptionCharacters, `must be at most ${styleLimits.descriptionCharacters} characters`);

/** What a run's writing tools are given of the agent's learned style. */
export interface LearnedStyle {
  description: string;
  tone: string;
  rules: readonly string[];
  useWords: readonly string[];
  avoidWords: readonly string[];
  measured: MeasuredStyle | null;
  /** The newest samples, the user's own writing. */
  samples: readonly string[];
}

function sentenceTarget(measured: MeasuredStyle): string | undefined {
  if (measured.sentences < 3) return undefined;
  const { mean, spread } = measured.sentenceWords;
  const low = Math.max(1, Math.round(mean - spread));
  const high = Math.round(mean + spread);
  return `Sentences of about ${Math.round(mean)} words (most between ${low} and ${high}).`;
}

function paragraphTarget(measured: MeasuredStyle): string | undefined {
  if (measured.paragraphs < 2) return undefined;
  return `Paragraphs of about ${Math.round(measured.paragraphSentences.mean)} sentences.`;
}

function formattingTarget(measured: MeasuredStyle): string {
  const usage = { often: 'often', sometimes: 'sometimes', never: 'never' } as const;
  return `Lists: ${usage[measured.lists]}; headings: ${usage[measured.headings]}.`;
}

function formalityTarget(measured: MeasuredStyle): string {
  const { formality } = measured;
  const contractions =
    formality.contractionsPer100Words >= 1 ? 'uses contractions' : 'rarely uses contractions';
  const exclamations = formality.exclamationShare >= 0.05 ? 'some exclamations' : 'few exclamations';
  const emoji = formality.emojiPer100Words > 0 ? 'some emoji' : 'no emoji';
  const level =
    measured.readingEase === null
      ? ''
      : ` Reading level: ${measured.readingLevel} (Flesch ${Math.round(measured.readingEase)}).`;
  return `Register: ${formality.label}; ${contractions}, ${exclamations}, ${emoji}.${level}`;
}

/**
 * The learned profile as lines of instructions for a model: the description and rules the LLM
 * derived (or the user wrote), the vocabulary to use and to avoid, and the measured targets.
 */
export function styleInstructions(style: Omit<LearnedStyle, 'samples'>): string[] {
  const lines: string[] = [];
  if (style.description.trim()) lines.push(`Voice: ${style.description.trim()}`);
  if (style.tone.trim()) lines.push(`Tone: ${style.tone.trim()}`);
  if (style.rules.length > 0) lines.push(`Rules:\n${style.rules.map((rule) => `- ${rule}`).join('\n')}`);
  if (style.useWords.length > 0)
    lines.push(`Words and phrases this writer uses: ${style.useWords.join(', ')}.`);
  if (style.avoidWords.length > 0) lines.push(`Never use these words: ${style.avoidWords.join(', ')}.`);
  const measured = style.measured;
  if (measured && measured.words > 0) {
    const targets = [
      sentenceTarget(measured),
      paragraphTarget(measured),
      formattingTarget(measured),
      formalityTarget(measured),
    ];
    lines.push(`Measured from the samples: ${targets.filter((target) => target !== undefined).join(' ')}`);
  }
  return lines;
}
