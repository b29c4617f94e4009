// The measurable style profile: figures computed from a writer's samples and corrections by plain
// code, with no model. It is what style memory uses when no LLM is configured, and what the LLM's
// description sits beside when one is.
import { readText, syllablesOf, wordsOf } from './style-text.ts';
import { distinctiveness, functionWords, voiceWords } from './style-words.ts';

export interface Spread {
  /** The average. */
  mean: number;
  /** The standard deviation: how far a typical value is from the average. */
  spread: number;
}

export type Formality = 'formal' | 'neutral' | 'casual';
export type Usage = 'often' | 'sometimes' | 'never';

export interface MeasuredStyle {
  samples: number;
  words: number;
  sentences: number;
  paragraphs: number;
  /** Words per sentence. */
  sentenceWords: Spread;
  /** Sentences per paragraph. */
  paragraphSentences: Spread;
  /** Words per paragraph. */
  paragraphWords: Spread;
  /** Flesch reading ease: 100 very easy, 60-70 plain English, below 30 very hard; null without text. */
  readingEase: number | null;
  readingLevel: string;
  formality: {
    label: Formality;
    contractionsPer100Words: number;
    firstPersonPer100Words: number;
    secondPersonPer100Words: number;
    /** Share of sentences ending with "!", 0 to 1. */
    exclamationShare: number;
    /** Share of sentences ending with "?", 0 to 1. */
    questionShare: number;
    /** Share of sentences with a passive-looking verb ("was sent", "is being reviewed"). */
    passiveShare: number;
    hedgesPer100Words: number;
    emojiPer100Words: number;
  };
  /** How often samples use lists and headings. */
  lists: Usage;
  headings: Usage;
  /** Distinctive words and phrases of the samples, and words corrections added. */
  useWords: string[];
  /** Words corrections removed. */
  avoidWords: string[];
}

export interface Correction {
  original: string;
  corrected: string;
}

const limits = { useWords: 15, phrases: 5, avoidWords: 15 };

const firstPerson = new Set(
  "i me my mine myself we us our ours ourselves i'm i've i'll i'd we're we've we'll we'd".split(' '),
);
const secondPerson = new Set("you your yours yourself yourselves you're you've you'll you'd".split(' '));
const contraction =
  /^(?:\p{L}+n['’]t|\p{L}+['’](?:re|ve|ll|d|m)|(?:it|that|there|here|what|who|he|she|let|where|how)['’]s)$/iu;
const hedges = new Set(
  'perhaps maybe might possibly probably likely somewhat arguably seems seem seemed apparently presumably'.split(
    ' ',
  ),
);
const hedgePhrases = /\b(?:i think|i believe|i guess|sort of|kind of|a bit|more or less|it seems)\b/gi;
const beForms = new Set('am is are was were be been being'.split(' '));
const irregularParticiples = new Set(
  'done made sent given taken written known seen found told paid built held kept shown chosen brought bought caught taught thought left lost met put read set sold'.split(
    ' ',
  ),
);
const emoji = /\p{Extended_Pictographic}/gu;

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function spreadOf(values: number[]): Spread {
  if (values.length === 0) return { mean: 0, spread: 0 };
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { mean: round(mean), spread: round(Math.sqrt(variance)) };
}

function per100(count: number, words: number): number {
  return words === 0 ? 0 : round((count / words) * 100, 2);
}

function share(count: number, total: number): number {
  return total === 0 ? 0 : round(count / total, 3);
}

/** Flesch reading ease in words a user knows. */
export function readingLevelOf(ease: number | null): string {
  if (ease === null) return 'not enough text';
  if (ease >= 80) return 'easy';
  if (ease >= 60) return 'plain';
  if (ease >= 50) return 'fairly difficult';
  if (ease >= 30) return 'difficult';
  return 'very difficult';
}

function usageOf(samplesUsing: number, samples: number): Usage {
  if (samplesUsing === 0) return 'never';
  return samplesUsing * 2 >= samples ? 'often' : 'sometimes';
}

function isPassive(words: string[]): boolean {
  return words.some((word, index) => {
    if (!beForms.has(word)) return false;
    // "was sent", and one word between: "is being reviewed", "was quickly sent".
    return words
      .slice(index + 1, index + 3)
      .some((next) => /[a-z]{3,}ed$/.test(next) || irregularParticiples.has(next));
  });
}

function formalityLabel(rates: {
  contractions: number;
  exclamations: number;
  emoji: number;
  secondPerson: number;
}): Formality {
  const casualSigns =
    (rates.contractions >= 2 ? 1 : 0) + (rates.exclamations >= 0.1 ? 1 : 0) + (rates.emoji > 0 ? 1 : 0);
  if (casualSigns >= 2 || rates.emoji >= 1) return 'casual';
  if (rates.contractions < 0.5 && rates.exclamations < 0.02 && rates.emoji === 0 && rates.secondPerson < 3)
    return 'formal';
  return 'neutral';
}

/** Lower-case words for vocabulary counts ("’" read as "'"). */
function vocabularyOf(text: string): string[] {
  return wordsOf(text).map((word) => word.toLowerCase().replace(/’/g, "'"));
}

function isContentWord(word: string): boolean {
  // Contractions are counted as formality, not vocabulary.
  return (
    word.length >= 3 &&
    !functionWords.has(word) &&
    !voiceWords.has(word) &&
    !/^\d/.test(word) &&
    !word.includes("'")
  );
}

function countInto(counts: Map<string, number>, key: string, by = 1) {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/**
 * The samples' distinctive words and two-word phrases: used at least twice (in more than one
 * sample when there are several), ranked by use times how rare the word is in ordinary English.
 */
export function distinctiveVocabulary(samples: readonly string[]): string[] {
  const counts = new Map<string, number>();
  const samplesWith = new Map<string, number>();
  for (const sample of samples) {
    const words = vocabularyOf(sample);
    const seen = new Set<string>();
    words.forEach((word, index) => {
      const next = words[index + 1];
      const keys = isContentWord(word) ? [word] : [];
      if (next !== undefined && isContentWord(word) && isContentWord(next)) keys.push(`${word} ${next}`);
      for (const key of keys) {
        countInto(counts, key);
        seen.add(key);
      }
    });
    for (const key of seen) countInto(samplesWith, key);
  }
  const minimumSamples = samples.length > 1 ? 2 : 1;
  const scored = [...counts]
    .filter(([key, count]) => count >= 2 && (samplesWith.get(key) ?? 0) >= minimumSamples)
    .map(([key, count]) => {
      const parts = key.split(' ');
      const weight = Math.max(...parts.map(distinctiveness)) * (parts.length > 1 ? 1.5 : 1);
      return { key, score: count * weight, phrase: parts.length > 1 };
    })
    .sort((first, second) => second.score - first.score || first.key.localeCompare(second.key));
  const phrases = scored.filter((entry) => entry.phrase).slice(0, limits.phrases);
  // A word already inside a chosen phrase is not listed again on its own.
  const inPhrases = new Set(phrases.flatMap((entry) => entry.key.split(' ')));
  const words = scored.filter((entry) => !entry.phrase && !inPhrases.has(entry.key));
  return [...phrases, ...words].slice(0, limits.useWords).map((entry) => entry.key);
}

/** What corrections teach: words the user took out (avoid) and words they put in (use). */
export function correctionVocabulary(corrections: readonly Correction[]): { use: string[]; avoid: string[] } {
  const removed = new Map<string, number>();
  const added = new Map<string, number>();
  for (const correction of corrections) {
    const before = new Map<string, number>();
    const after = new Map<string, number>();
    for (const word of vocabularyOf(correction.original)) countInto(before, word);
    for (const word of vocabularyOf(correction.corrected)) countInto(after, word);
    for (const [word, count] of before) {
      const difference = count - (after.get(word) ?? 0);
      if (difference > 0) countInto(removed, word, difference);
    }
    for (const [word, count] of after) {
      const difference = count - (before.get(word) ?? 0);
      if (difference > 0) countInto(added, word, difference);
    }
  }
  const taught = (counts: Map<string, number>, opposite: Map<string, number>) =>
    [...counts]
      .filter(([word]) => (voiceWords.has(word) || isContentWord(word)) && !opposite.has(word))
      .sort((first, second) => second[1] - first[1] || first[0].localeCompare(second[0]))
      .slice(0, limits.avoidWords)
      .map(([word]) => word);
  return { use: taught(added, removed), avoid: taught(removed, added) };
}

/** Measures the samples (and learns from the corrections); pure, so recomputing is cheap and repeatable. */
export function measureStyle(
  samples: readonly string[],
  corrections: readonly Correction[] = [],
): MeasuredStyle {
  const sentenceLengths: number[] = [];
  const paragraphSentences: number[] = [];
  const paragraphWords: number[] = [];
  const sentenceTexts: string[] = [];
  let words = 0;
  let syllables = 0;
  let contractions = 0;
  let first = 0;
  let second = 0;
  let hedgeCount = 0;
  let emojiCount = 0;
  let passive = 0;
  let samplesWithLists = 0;
  let samplesWithHeadings = 0;
  for (const sample of samples) {
    const read = readText(sample);
    if (read.listItems > 0) samplesWithLists++;
    if (read.headings > 0) samplesWithHeadings++;
    sentenceTexts.push(...read.sentenceTexts);
    emojiCount += sample.match(emoji)?.length ?? 0;
    hedgeCount += sample.match(hedgePhrases)?.length ?? 0;
    for (const paragraph of read.paragraphs) {
      let wordsInParagraph = 0;
      for (const sentence of paragraph.sentences) {
        sentenceLengths.push(sentence.length);
        wordsInParagraph += sentence.length;
        const lower = sentence.map((word) => word.toLowerCase().replace(/’/g, "'"));
        if (isPassive(lower)) passive++;
        for (const word of lower) {
          syllables += syllablesOf(word);
          if (contraction.test(word)) contractions++;
          if (firstPerson.has(word)) first++;
          if (secondPerson.has(word)) second++;
          if (hedges.has(word)) hedgeCount++;
        }
      }
      words += wordsInParagraph;
      // Lists are measured as sentences, but a paragraph's length is the prose's.
      if (!paragraph.list) {
        paragraphSentences.push(paragraph.sentences.length);
        paragraphWords.push(wordsInParagraph);
      }
    }
  }
  const sentences = sentenceLengths.length;
  const readingEase =
    words === 0 || sentences === 0
      ? null
      : round(206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words));
  const exclamationShare = share(sentenceTexts.filter((text) => /!["'”’)\]]*$/.test(text)).length, sentences);
  const questionShare = share(sentenceTexts.filter((text) => /\?["'”’)\]]*$/.test(text)).length, sentences);
  const rates = {
    contractions: per100(contractions, words),
    exclamations: exclamationShare,
    emoji: per100(emojiCount, words),
    secondPerson: per100(second, words),
  };
  const taught = correctionVocabulary(corrections);
  const distinctive = distinctiveVocabulary(samples).filter((word) => !taught.avoid.includes(word));
  return {
    samples: samples.length,
    words,
    sentences,
    paragraphs: paragraphSentences.length,
    sentenceWords: spreadOf(sentenceLengths),
    paragraphSentences: spreadOf(paragraphSentences),
    paragraphWords: spreadOf(paragraphWords),
    readingEase,
    readingLevel: readingLevelOf(readingEase),
    formality: {
      label: formalityLabel(rates),
      contractionsPer100Words: rates.contractions,
      firstPersonPer100Words: per100(first, words),
      secondPersonPer100Words: rates.secondPerson,
      exclamationShare,
      questionShare,
      passiveShare: share(passive, sentences),
      hedgesPer100Words: per100(hedgeCount, words),
      emojiPer100Words: rates.emoji,
    },
    lists: usageOf(samplesWithLists, samples.length),
    headings: usageOf(samplesWithHeadings, samples.length),
    useWords: [...new Set([...taught.use, ...distinctive])].slice(0, limits.useWords),
    avoidWords: taught.avoid,
  };
}
