// Reads prose into the units style is measured in: paragraphs, sentences, words and syllables.
// Heuristics for English, good enough to compare one writer with another; Markdown headings and
// list items are recognised, since how a writer uses them is part of the style.

export interface ReadParagraph {
  sentences: string[][];
  /** A list of items (each item counts as one sentence). */
  list: boolean;
}

export interface ReadText {
  paragraphs: ReadParagraph[];
  headings: number;
  listItems: number;
  /** Sentences as written, with their closing punctuation, for rates such as questions. */
  sentenceTexts: string[];
}

const wordPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const headingLine = /^\s{0,3}#{1,6}\s+\S/;
const listLine = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+\S/;
const listMarker = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+/;
// Full stops that do not end a sentence: they are hidden while splitting, then put back.
const abbreviations = /\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|vs|etc|e\.g|i\.e|No|approx|incl|Inc|Ltd|Co)\./g;
const hiddenStop = '\u0000';
const sentenceEnd = /(?<=[.!?…])["'”’)\]]*\s+(?=["'“‘([]?[\p{Lu}\p{N}])/u;

/** The words of a text, as written (contractions and hyphenated words are one word). */
export function wordsOf(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

/** Sentences of one paragraph of running text. */
export function sentencesOf(text: string): string[] {
  const hidden = text.replace(abbreviations, (match) => match.replace(/\./g, hiddenStop));
  return hidden
    .split(sentenceEnd)
    .map((sentence) => sentence.replaceAll(hiddenStop, '.').trim())
    .filter((sentence) => wordsOf(sentence).length > 0);
}

/** Splits a sample into paragraphs (blank lines), headings and list items. */
export function readText(text: string): ReadText {
  const read: ReadText = { paragraphs: [], headings: 0, listItems: 0, sentenceTexts: [] };
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    const prose: string[] = [];
    const items: string[] = [];
    for (const line of lines) {
      if (headingLine.test(line)) read.headings++;
      else if (listLine.test(line)) items.push(line.replace(listMarker, ''));
      else prose.push(line.trim());
    }
    if (prose.length > 0) {
      const sentences = sentencesOf(prose.join(' '));
      if (sentences.length > 0) {
        read.sentenceTexts.push(...sentences);
        read.paragraphs.push({ sentences: sentences.map(wordsOf), list: false });
      }
    }
    if (items.length > 0) {
      read.listItems += items.length;
      read.sentenceTexts.push(...items);
      read.paragraphs.push({ sentences: items.map(wordsOf).filter((words) => words.length > 0), list: true });
    }
  }
  return read;
}

/** Syllables in an English word, by vowel groups: close to a dictionary's count for most words. */
export function syllablesOf(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return 1;
  if (letters.length <= 3) return 1;
  const trimmed = letters.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (ending) => ending[0] ?? '');
  const groups = trimmed.replace(/^y/, '').match(/[aeiouy]+/g);
  return Math.max(1, groups?.length ?? 1);
}
