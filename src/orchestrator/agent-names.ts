// Finding the agent a person means: "the lead scraper" is "Lead Scraper", "old reporting agent"
// is "Reporting Agent (old)", "the reporter" may be "Weekly Reporter" or "Old Reporting Agent".
// Names are compared as sets of words, without the filler people add; a word matches exactly,
// by its stem (Porter: "reporting" and "reporter" are both "report") or with a typo.
import { stemmer } from 'stemmer';
import { typoDistance } from './typo-distance.ts';

const filler = new Set(['the', 'my', 'our', 'a', 'an', 'agent', 'bot', 'one', 'that', 'this', 'please']);

export function nameWords(text: string): string[] {
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

/** How well one word of a name is matched by the words of a mention (0 when not at all). */
function wordMatch(wanted: string, given: readonly string[]): number {
  if (given.includes(wanted)) return exact;
  // Short stems ("job", "lea") join too many unrelated words to count.
  const stem = stemOf(wanted);
  if (stem.length >= 4 && given.some((word) => stemOf(word) === stem)) return sameStem;
  // One slip in a word of five letters or more, two in a long word; digits are never typos.
  if (wanted.length < 5 || /\d/.test(wanted)) return 0;
  const allowed = wanted.length >= 8 ? 2 : 1;
  const slipped = given.some(
    (word) => Math.abs(word.length - wanted.length) <= allowed && typoDistance(word, wanted) <= allowed,
  );
  return slipped ? typo : 0;
}

export interface NameScore {
  /** The matched share of the name's words, weighted by how well each matched (0 to 1). */
  score: number;
  /** How many of the name's words the mention matched. */
  shared: number;
  /** How many words the name has. */
  size: number;
}

/** How well `mention` names `name`. */
export function nameScore(mention: string, name: string): NameScore {
  const wanted = [...new Set(nameWords(name))];
  const given = [...new Set(nameWords(mention))];
  if (wanted.length === 0 || given.length === 0) return { score: 0, shared: 0, size: wanted.length };
  const matches = wanted.map((word) => wordMatch(word, given));
  const shared = matches.filter((value) => value > 0).length;
  return {
    score: matches.reduce((sum, value) => sum + value, 0) / wanted.length,
    shared,
    size: wanted.length,
  };
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
  const scored = agents
    .map((item) => ({ item, ...nameScore(text, item.name) }))
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
