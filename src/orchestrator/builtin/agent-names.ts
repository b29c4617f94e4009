// Finding the agent a person means: "the lead scraper" is "Lead Scraper", "old reporting agent"
// is "Reporting Agent (old)", "the reporter" may be "Weekly Reporter" or "Old Reporting Agent".
// Names are compared as sets of words, without the filler people add; a word matches exactly,
// by its stem (Porter: "reporting" and "reporter" are both "report") or with a typo.
import { stemmer } from 'stemmer';
import { typoDistance } from './typo-distance.ts';

const filler = new Set(['the', 'my', 'our', 'a', 'an', 'agent', 'bot', 'one', 'that', 'this', 'please']);

/**
 * The words of names read before: every rule of a message reads the workspace's names again, and
 * with hundreds of agents that was a tenth of the planner's time. Bounded, so a stream of new
 * texts cannot grow it without end.
 */
const readWords = new Map<string, readonly string[]>();
const readWordsAtMost = 5000;

export function nameWords(text: string): string[] {
  const known = readWords.get(text);
  if (known) return [...known];
  const words = wordsOf(text);
  if (readWords.size >= readWordsAtMost) readWords.clear();
  readWords.set(text, words);
  return [...words];
}

function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      // A host name (example.co.uk, 127.0.0.1) is one word, not four.
      .replace(/[a-z0-9-]+(?:\.[a-z0-9-]+)+/g, (host) => host.replace(/[.-]/g, ''))
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 0 && !filler.has(word))
      .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word))
  );
}

/** How much a matched word counts: an exact word is worth more than a stem or a typo. */
const exact = 1;
const sameStem = 0.85;
const typo = 0.75;

// Stems are asked for once per word: a request is matched against every agent of the workspace.
const stems = new Map<string, string>();
function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stems.size > 10_000) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** A mention's words, with their stems, read once for all the agents it is compared with. */
interface Mention {
  words: ReadonlySet<string>;
  stems: ReadonlySet<string>;
  /** The first letters of its long words: two name words written as one are looked for only there. */
  longStarts: ReadonlySet<string>;
}

/** The shortest word two name words written as one are looked for in ("leadscraper", "jobcollector"). */
const joinedAtLeast = 7;

function readMention(text: string): Mention {
  const words = new Set(nameWords(text));
  const longStarts = new Set(
    [...words].filter((word) => word.length >= joinedAtLeast).map((word) => word[0] ?? ''),
  );
  return { words, stems: new Set([...words].map(stemOf)), longStarts };
}

/** How well one word of a name is matched by the words of a mention (0 when not at all). */
function wordMatch(wanted: string, mention: Mention): number {
  if (mention.words.has(wanted)) return exact;
  // Short stems ("job", "lea") join too many unrelated words to count.
  const stem = stemOf(wanted);
  if (stem.length >= 4 && mention.stems.has(stem)) return sameStem;
  // One slip in a word of five letters or more, two in a long word; digits are never typos.
  if (wanted.length < 5 || /\d/.test(wanted)) return 0;
  const allowed = wanted.length >= 8 ? 2 : 1;
  for (const word of mention.words) {
    // A typo rarely starts a word: comparing only words that share a first or second letter
    // keeps this fast in a workspace of hundreds of agents.
    if (word[0] !== wanted[0] && word[1] !== wanted[1]) continue;
    if (Math.abs(word.length - wanted.length) > allowed) continue;
    if (typoDistance(word, wanted) <= allowed) return typo;
  }
  return 0;
}

export interface NameScore {
  /** The matched share of the name's words, weighted by how well each matched (0 to 1). */
  score: number;
  /** How many of the name's words the mention matched. */
  shared: number;
  /** How many words the name has. */
  size: number;
}

const namesWords = new Map<string, string[]>();
function wordsOfName(name: string): string[] {
  let words = namesWords.get(name);
  if (!words) {
    words = [...new Set(nameWords(name))];
    if (namesWords.size > 10_000) namesWords.clear();
    namesWords.set(name, words);
  }
  return words;
}

function scoreAgainst(mention: Mention, name: string): NameScore {
  const wanted = wordsOfName(name);
  if (wanted.length === 0 || mention.words.size === 0) return { score: 0, shared: 0, size: wanted.length };
  // "pricemonitor", "leadscraper": two words of the name written as one count as both, as a
  // typo would (never above an exact match of the words apart).
  const joined = new Map<number, number>();
  for (let index = 0; mention.longStarts.size > 0 && index + 1 < wanted.length; index++) {
    if (!mention.longStarts.has(wanted[index]?.[0] ?? '')) continue;
    const together = `${wanted[index]}${wanted[index + 1]}`;
    if (together.length < joinedAtLeast) continue;
    const match = Math.min(typo, wordMatch(together, mention));
    if (match === 0) continue;
    joined.set(index, Math.max(joined.get(index) ?? 0, match));
    joined.set(index + 1, Math.max(joined.get(index + 1) ?? 0, match));
  }
  let score = 0;
  let shared = 0;
  for (const [index, word] of wanted.entries()) {
    const match = Math.max(wordMatch(word, mention), joined.get(index) ?? 0);
    score += match;
    if (match > 0) shared++;
  }
  return { score: score / wanted.length, shared, size: wanted.length };
}

/** How well `mention` names `name`. */
export function nameScore(mention: string, name: string): NameScore {
  return scoreAgainst(readMention(mention), name);
}

export interface NameMatch<T> extends NameScore {
  item: T;
}

/**
 * The agents a text mentions, best first. An agent all of whose name words appear exactly wins
 * (the one with more such words, when two do). Otherwise every agent most of whose words are
 * matched, as many as the best one's, is plausible: one is the answer, several are a question,
 * never a silent pick by a stem or a typo.
 */
export function agentsMentioned<T extends { name: string }>(
  text: string,
  agents: readonly T[],
): NameMatch<T>[] {
  const mention = readMention(text);
  const scored = agents
    .map((item) => ({ item, ...scoreAgainst(mention, item.name) }))
    .filter((match) => match.shared > 0 && match.shared / match.size >= 0.5)
    .sort((a, b) => b.score - a.score || b.shared - a.shared);
  const [best] = scored;
  if (!best) return [];
  if (best.score === exact) {
    return scored.filter((match) => match.score === exact && match.shared === best.shared);
  }
  const most = Math.max(...scored.map((match) => match.shared));
  return scored.filter((match) => match.shared === most);
}

/** How many tokens from `start` say the name's words in its order, from any word of it on. */
function runInNameOrder(
  tokens: readonly string[],
  start: number,
  own: readonly string[],
  taken: Set<number>,
) {
  let best = 0;
  for (let first = 0; first < own.length; first++) {
    let at = first;
    let length = 0;
    while (start + length < tokens.length && !taken.has(start + length) && at < own.length) {
      const words = nameWords(tokens[start + length] ?? '');
      if (words.length === 0) break;
      if (!words.every((word, offset) => own[at + offset] === word)) break;
      at += words.length;
      length++;
    }
    best = Math.max(best, length);
  }
  return best;
}

/**
 * The text without where it names each agent: the longest stretch of words that say its name's
 * words in their order, two at least unless the name has one ("the price monitor", not the verb
 * of "monitor prices"), so a name's words are not read as what the request asks ("price monitor
 * every 15 minutes" asks for no new monitor).
 */
export function withoutNames(text: string, names: readonly string[]): string {
  const tokens = text.split(/\s+/).filter((token) => token.length > 0);
  const removed = new Set<number>();
  for (const name of names) {
    const own = nameWords(name);
    let best = { start: -1, length: 0 };
    for (let start = 0; start < tokens.length; start++) {
      const length = runInNameOrder(tokens, start, own, removed);
      if (length > best.length) best = { start, length };
    }
    if (best.length < Math.min(2, own.length)) continue;
    for (let index = best.start; index < best.start + best.length; index++) removed.add(index);
  }
  return tokens.filter((_, index) => !removed.has(index)).join(' ');
}
