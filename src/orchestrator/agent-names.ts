// Finding the agent a person means: "the lead scraper" is "Lead Scraper", "old reporting agent"
// is "Reporting Agent (old)". Names are compared as sets of words, without the filler people add.

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

/**
 * How well `mention` names `name`: the share of the name's words the mention has (0 to 1), and
 * how many they are (more shared words is the better match when shares are equal).
 */
export function nameScore(mention: string, name: string): { score: number; shared: number } {
  const wanted = nameWords(name);
  const given = new Set(nameWords(mention));
  if (wanted.length === 0 || given.size === 0) return { score: 0, shared: 0 };
  const shared = new Set(wanted.filter((word) => given.has(word))).size;
  return { score: shared / new Set(wanted).size, shared };
}

export interface NameMatch<T> {
  item: T;
  score: number;
  shared: number;
}

/**
 * The agents a text mentions, best first: those all of whose name words appear in it, else
 * those most of whose words do. Several equally good matches are an ambiguity to ask about.
 */
export function agentsMentioned<T extends { name: string }>(
  text: string,
  agents: readonly T[],
): NameMatch<T>[] {
  const scored = agents
    .map((item) => ({ item, ...nameScore(text, item.name) }))
    .filter((match) => match.score >= 0.5)
    .sort((a, b) => b.score - a.score || b.shared - a.shared);
  const [best] = scored;
  if (!best) return [];
  return scored.filter((match) => match.score === best.score && match.shared === best.shared);
}
