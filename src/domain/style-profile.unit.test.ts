import { describe, expect, it } from 'vitest';
import { styleInstructions } from './style-memory.ts';
import {
  correctionVocabulary,
  distinctiveVocabulary,
  measureStyle,
  readingLevelOf,
} from './style-profile.ts';
import { readText, sentencesOf, syllablesOf } from './style-text.ts';

describe('reading text', () => {
  it('splits sentences at their ends, not at abbreviations', () => {
    expect(sentencesOf('Dr. Smith arrived at 9. He left, e.g. at noon! Did he? Yes.')).toEqual([
      'Dr. Smith arrived at 9.',
      'He left, e.g. at noon!',
      'Did he?',
      'Yes.',
    ]);
  });

  it('tells paragraphs, headings and list items apart', () => {
    const read = readText('# Plan\n\nFirst we look. Then we leap.\n\n- one thing\n- another thing\n\nDone.');
    expect(read.headings).toBe(1);
    expect(read.listItems).toBe(2);
    expect(read.paragraphs.map((paragraph) => [paragraph.list, paragraph.sentences.length])).toEqual([
      [false, 2],
      [true, 2],
      [false, 1],
    ]);
  });

  it('counts syllables close to a dictionary', () => {
    expect(
      ['the', 'cat', 'table', 'reading', 'beautiful', 'communication', 'shipped', 'make'].map(syllablesOf),
    ).toEqual([1, 1, 2, 2, 3, 5, 1, 1]);
  });
});

describe('measuring style', () => {
  it('gives the average and spread of sentence and paragraph length in words', () => {
    // Sentences of 2, 4, 6 and 2 words: mean 3.5, standard deviation √2.75 ≈ 1.7.
    const measured = measureStyle(['Go now. We go there now. We all go over there now.\n\nThe end.']);
    expect(measured.sentenceWords).toEqual({ mean: 3.5, spread: 1.7 });
    expect(measured.sentences).toBe(4);
    expect(measured.paragraphs).toBe(2);
    expect(measured.paragraphSentences).toEqual({ mean: 2, spread: 1 });
    expect(measured.paragraphWords).toEqual({ mean: 7, spread: 5 });
  });

  it('computes Flesch reading ease: short plain words read easy, long ones hard', () => {
    const easy = measureStyle(['The cat sat on the mat. It was a good day. We had fun.']);
    const hard = measureStyle([
      'Organisational communication necessitates comprehensive consideration of institutional accountability mechanisms, particularly regarding interdepartmental collaboration.',
    ]);
    expect(easy.readingEase).toBeGreaterThan(90);
    expect(easy.readingLevel).toBe('easy');
    expect(hard.readingEase).toBeLessThan(0);
    expect(hard.readingLevel).toBe('very difficult');
    expect(readingLevelOf(65)).toBe('plain');
    expect(measureStyle([]).readingEase).toBeNull();
  });

  it('reads formality from contractions, exclamations, emoji, persons, passives and hedges', () => {
    const casual = measureStyle([
      "Hey! We're so happy you're here 🎉. Don't worry, it's easy! Maybe try it?",
    ]);
    expect(casual.formality.label).toBe('casual');
    expect(casual.formality.contractionsPer100Words).toBeGreaterThan(20);
    expect(casual.formality.exclamationShare).toBe(0.5);
    expect(casual.formality.questionShare).toBe(0.25);
    expect(casual.formality.emojiPer100Words).toBeGreaterThan(0);
    expect(casual.formality.secondPersonPer100Words).toBeGreaterThan(0);
    expect(casual.formality.hedgesPer100Words).toBeGreaterThan(0);

    const formal = measureStyle([
      'The report was reviewed by the committee. The findings are presented below. The board approved the budget.',
    ]);
    expect(formal.formality.label).toBe('formal');
    expect(formal.formality.contractionsPer100Words).toBe(0);
    expect(formal.formality.passiveShare).toBeCloseTo(2 / 3, 2);
    expect(formal.formality.firstPersonPer100Words).toBe(0);
  });

  it('says how often samples use lists and headings', () => {
    const measured = measureStyle(['# Title\n\n- a point\n- another', 'Just prose here.', 'More prose.']);
    expect(measured.lists).toBe('sometimes');
    expect(measured.headings).toBe('sometimes');
    expect(measureStyle(['- a\n- b', '1. one\n2. two']).lists).toBe('often');
    expect(measureStyle(['Prose.']).headings).toBe('never');
  });
});

describe('vocabulary', () => {
  it('finds the words and phrases a writer repeats, not the ones everyone uses', () => {
    const words = distinctiveVocabulary([
      'The quarterly roadmap is ready. The roadmap covers the people and the time we have.',
      'Our quarterly roadmap changed. People asked about the roadmap, and time is short.',
    ]);
    expect(words[0]).toBe('quarterly roadmap');
    expect(words).not.toContain('roadmap');
    expect(words).not.toContain('the');
    // Used twice, but ordinary English: ranked below the writer's own words, or left out.
    expect(words.indexOf('people')).not.toBe(0);
  });

  it('wants a word in more than one sample when there are several', () => {
    expect(distinctiveVocabulary(['Kudos kudos kudos.', 'Nothing here.'])).toEqual([]);
    expect(distinctiveVocabulary(['Kudos, team. Kudos again.'])).toEqual(['kudos']);
  });

  it('learns from corrections: removed words to avoid, added ones to use, grammar words ignored', () => {
    const taught = correctionVocabulary([
      {
        original: 'We are very excited to utilize the new tool.',
        corrected: 'We are thrilled to use the tool.',
      },
      { original: 'Please utilize the form.', corrected: 'Please use the form.' },
    ]);
    expect(taught.avoid[0]).toBe('utilize');
    expect(taught.avoid).toEqual(expect.arrayContaining(['very', 'excited', 'new']));
    expect(taught.use).toEqual(['use', 'thrilled']);
    expect(taught.avoid).not.toContain('the');
  });

  it('keeps corrected-away words out of the words to use', () => {
    const measured = measureStyle(
      ['Leverage the synergy. Leverage it daily.', 'We leverage everything.'],
      [{ original: 'Leverage the plan.', corrected: 'Use the plan.' }],
    );
    expect(measured.avoidWords).toContain('leverage');
    expect(measured.useWords).not.toContain('leverage');
    expect(measured.useWords).toContain('use');
  });
});

describe('style as instructions', () => {
  it('turns the profile into lines a model can follow', () => {
    const measured = measureStyle([
      'Short one. Another short one. A third short one here.\n\nNext part. Ends here.',
    ]);
    const lines = styleInstructions({
      description: 'Terse.',
      tone: 'dry',
      rules: ['Do be brief.'],
      useWords: ['roadmap'],
      avoidWords: ['synergy'],
      measured,
    });
    expect(lines).toEqual([
      'Voice: Terse.',
      'Tone: dry',
      'Rules:\n- Do be brief.',
      'Words and phrases this writer uses: roadmap.',
      'Never use these words: synergy.',
      expect.stringMatching(
        /^Measured from the samples: Sentences of about 3 words \(most between 2 and 4\)\. Paragraphs of about 3 sentences\. Lists: never; headings: never\. Register: formal;/,
      ),
    ]);
  });
});
