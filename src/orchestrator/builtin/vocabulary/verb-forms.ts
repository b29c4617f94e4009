// The forms a verb takes in a request: "collects", "collecting", "collected" are read as
// "collect" wherever the vocabulary lists verbs. Forms are made by English spelling rules (and
// a table of the irregular verbs the vocabulary uses) when the vocabulary is loaded, so
// matching stays a plain look-up of phrases. The stemmer is the check that a made form reads
// as its verb: a form it does not bring back to the verb's stem is kept only when it is one of
// the spelling rules' known exceptions (consonant + y, "add" → "added").
import { stemmer } from 'stemmer';

/** Past forms of the irregular verbs people use with agents. */
const irregular: Record<string, readonly string[]> = {
  run: ['ran'],
  send: ['sent'],
  make: ['made'],
  build: ['built'],
  get: ['got', 'gotten'],
  set: [],
  keep: ['kept'],
  tell: ['told'],
  give: ['gave', 'given'],
  feed: ['fed'],
  write: ['wrote', 'written'],
  find: ['found'],
  take: ['took', 'taken'],
  put: [],
  shut: [],
  let: [],
  split: [],
  hold: ['held'],
  break: ['broke', 'broken'],
  cut: [],
  do: ['did', 'done'],
  go: ['went', 'gone'],
};

const vowels = /[aeiou]/;

/** One syllable ending consonant-vowel-consonant ("stop", "run"): its last letter doubles. */
function doublesLastLetter(word: string): boolean {
  const groups = word.match(/[aeiou]+/g) ?? [];
  const [last, beforeLast, third] = [word.at(-1) ?? '', word.at(-2) ?? '', word.at(-3) ?? ''];
  return (
    groups.length === 1 &&
    !vowels.test(last) &&
    !'wxy'.includes(last) &&
    vowels.test(beforeLast) &&
    !vowels.test(third)
  );
}

function thirdPerson(word: string): string {
  if (/(s|x|z|ch|sh|o)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function presentParticiple(word: string): string {
  if (word.endsWith('ie')) return `${word.slice(0, -2)}ying`;
  if (word.endsWith('e') && !/(ee|ye|oe)$/.test(word)) return `${word.slice(0, -1)}ing`;
  if (doublesLastLetter(word)) return `${word}${word.at(-1)}ing`;
  return `${word}ing`;
}

function pastTense(word: string): string {
  if (word.endsWith('e')) return `${word}d`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ied`;
  if (doublesLastLetter(word)) return `${word}${word.at(-1)}ed`;
  return `${word}ed`;
}

/** Whether the stemmer reads `form` as `verb`, or the form is one its rules are known to miss. */
function readsAs(form: string, verb: string): boolean {
  if (stemmer(form) === stemmer(verb)) return true;
  // Porter keeps "tries" as "tri" but "try" as "try", and "added" as "ad": regular spellings.
  return /[^aeiou]y$/.test(verb) || doublesLastLetter(verb) || /(.)\1$/.test(verb);
}

/** The forms of one verb: itself, -s, -ing, -ed (or its irregular past). */
export function formsOfVerb(verb: string): string[] {
  const word = verb.toLowerCase();
  // "e-mail" inflects as "mail": e-mails, e-mailing, e-mailed.
  const hyphen = word.lastIndexOf('-');
  const head = word.slice(0, hyphen + 1);
  const tail = word.slice(hyphen + 1);
  if (!/^[a-z]+$/.test(tail)) return [word];
  const made = [thirdPerson(tail), presentParticiple(tail)];
  const past = irregular[tail];
  made.push(...(past ?? [pastTense(tail)]));
  const forms = made.filter((form) => past?.includes(form) || readsAs(form, tail));
  return [...new Set([word, ...forms.map((form) => `${head}${form}`)])];
}

/**
 * A list of verb phrases with every form of each: the first word of a phrase is its verb
 * ("keep an eye" gives "keeps an eye", "keeping an eye", "kept an eye").
 */
export function withVerbForms(phrases: readonly string[]): string[] {
  const all = phrases.flatMap((phrase) => {
    const [verb = '', ...rest] = phrase.split(' ');
    const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
    return formsOfVerb(verb).map((form) => `${form}${tail}`);
  });
  return [...new Set(all)];
}
