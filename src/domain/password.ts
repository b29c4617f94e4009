// Password rules and hashing. Strength is estimated with zxcvbn-ts (pattern matching against
// dictionaries of common passwords, words and names), as OWASP's guidance advises over rules about
// character classes. scrypt is memory-hard and ships with Node, so no native addon has
// to build on a clean clone.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keyLength: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const cost = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const keyLength = 64;

export const passwordMinimumLength = 10;
export const passwordMaximumLength = 200;

/** Guessability estimates of zxcvbn run from 0 (guessed at once) to 4; below this is refused. */
export const passwordMinimumScore = 3;

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: loading the dictionaries takes ~150 ms that commands without sign-up skip. */
function passwordEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/**
 * Why a password is too weak, or undefined when it is acceptable. The estimate knows common
 * passwords, words, names, dates, keyboard walks and the words of `personal` (e-mail, name).
 */
export function passwordWeakness(password: string, personal: string[] = []): string | undefined {
  if (password.length < passwordMinimumLength) {
    return `Use at least ${passwordMinimumLength} characters.`;
  }
  if (password.length > passwordMaximumLength) return `Use at most ${passwordMaximumLength} characters.`;
  // The whole value, an e-mail's local part and each word: zxcvbn matches user inputs whole.
  const userInputs = personal.flatMap((value) => {
    const lower = value.toLowerCase();
    return [lower, lower.split('@')[0] ?? '', ...lower.split(/[^\p{L}\p{N}]+/u)];
  });
  const result = passwordEstimator().check(
    password,
    userInputs.filter((word) => word.length >= 3),
  );
  if (result.score >= passwordMinimumScore) return undefined;
  const personalMatch = result.sequence.some(
    (match) => match.pattern === 'dictionary' && match.dictionaryName === 'userInputs',
  );
  const reasons = [
    personalMatch ? 'It is built from your e-mail address or name.' : result.feedback.warning,
    ...result.feedback.suggestions,
  ].filter((reason): reason is string => Boolean(reason));
  return [
    'It would be guessed too easily.',
    ...reasons,
    'A few unrelated words (a passphrase) are strong and easy to remember.',
  ].join(' ');
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, keyLength, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, n, r, p, salt, key] = stored.split('$');
  if (algorithm !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: cost.maxmem,
  });
  return timingSafeEqual(expected, actual);
}

/** A hash to compare against when the account does not exist, so timing does not reveal it. */
export const decoyPasswordHash = await hashPassword(randomBytes(12).toString('hex'));
