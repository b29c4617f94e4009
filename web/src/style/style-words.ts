// The measured profile in words a user reads at a glance.
import type { Style } from './style-queries.ts';

type Measured = NonNullable<Style['measured']>;

export function sentenceWords(measured: Measured): string {
  const { mean, spread } = measured.sentenceWords;
  const low = Math.max(1, Math.round(mean - spread));
  return `${Math.round(mean)} words on average (most between ${low} and ${Math.round(mean + spread)})`;
}

export function paragraphWords(measured: Measured): string {
  if (measured.paragraphs === 0) return 'no paragraphs of prose';
  return `${Math.round(measured.paragraphSentences.mean)} sentences, ${Math.round(measured.paragraphWords.mean)} words on average`;
}

export function formalityWords(measured: Measured): string {
  const { formality } = measured;
  const parts = [
    `${formality.contractionsPer100Words} contractions per 100 words`,
    `${Math.round(formality.exclamationShare * 100)}% exclamations`,
    `${Math.round(formality.questionShare * 100)}% questions`,
    `${formality.hedgesPer100Words} hedges per 100 words`,
  ];
  if (formality.emojiPer100Words > 0) parts.push(`${formality.emojiPer100Words} emoji per 100 words`);
  return `${formality.label} (${parts.join(', ')})`;
}

export function readingWords(measured: Measured): string {
  return measured.readingEase === null
    ? 'not enough text'
    : `${measured.readingLevel} (Flesch reading ease ${Math.round(measured.readingEase)})`;
}

/** "a, b, c" as typed into a field, one list of words back. */
export function parseWords(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

export const fieldNames: Record<Style['pinned'][number], string> = {
  description: 'description',
  tone: 'tone',
  rules: 'rules',
  useWords: 'words to use',
  avoidWords: 'words to avoid',
};
