// Password strength as the server judges it (src/domain/password.ts: zxcvbn-ts with the common
// and English dictionaries, score 3 of 4 and 10 characters at least), loaded on demand: the
// dictionaries are large and only this form needs them.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export const minimumLength = 10;
export const minimumScore = 3;

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** What to do about it, in words; empty when the password is fine. */
  advice: string;
}

/** The estimate for `password`, with the person's e-mail and name counted as guessable. */
export function passwordStrength(password: string, personal: string[]): Strength {
  const userInputs = personal.flatMap((value) => {
    const lower = value.toLowerCase();
    return [lower, lower.split('@')[0] ?? '', ...lower.split(/[^\p{L}\p{N}]+/u)];
  });
  const result = estimator.check(
    password,
    userInputs.filter((word) => word.length >= 3),
  );
  const score = result.score;
  const tooShort = password.length < minimumLength;
  const acceptable = !tooShort && score >= minimumScore;
  const advice = acceptable
    ? ''
    : [
        tooShort ? `Use at least ${minimumLength} characters.` : '',
        result.feedback.warning ?? '',
        ...result.feedback.suggestions,
      ]
        .filter(Boolean)
        .join(' ') || 'Add another unrelated word or two.';
  return { score, acceptable, advice };
}
