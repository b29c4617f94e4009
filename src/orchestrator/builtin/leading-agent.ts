// The agent named at the start of some words, and the words after it: "the lead scraper Lead
// Finder" is "Lead Scraper" and "Lead Finder". A name's words can be anywhere in a mention, so
// the shortest start that names the agent as well as any longer one does is taken, and its
// first word must belong to that name: "me a digest of what my agents found" names no agent.
import { type AgentResolution, resolveAgent } from './agent-choice.ts';
import { agentsMentioned, nameScore } from './agent-names.ts';
import { pronouns } from './vocabulary/vocabulary.ts';

export interface LeadingAgent<T> {
  resolution: Exclude<AgentResolution<T>, { kind: 'none' }>;
  /** The words after the agent's, as written. */
  rest: string;
}

const leadingFiller = new Set(['the', 'my', 'our', 'a', 'an', 'that', 'this', 'your']);
const pronounWords = [...pronouns].sort((a, b) => b.split(' ').length - a.split(' ').length);

export function leadingAgent<T extends { name: string }>(
  text: string,
  agents: readonly T[],
  lastAgentName?: string,
): LeadingAgent<T> | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lower = words.map((word) => word.toLowerCase().replace(/['’]s$|[,.;:!?]+$/g, ''));
  for (const pronoun of pronounWords) {
    const size = pronoun.split(' ').length;
    if (lower.slice(0, size).join(' ') !== pronoun) continue;
    const resolution = resolveAgent(pronoun, agents, lastAgentName);
    if (resolution.kind === 'none') return undefined;
    return { resolution, rest: words.slice(size).join(' ') };
  }
  const first = lower.findIndex((word) => !leadingFiller.has(word));
  const firstWord = lower[first];
  if (first < 0 || !firstWord) return undefined;
  // An address is never part of a name: "the price monitor watch https://example.com/…" names
  // the monitor, whatever words the address holds.
  const addressAt = words.findIndex((word) => /^https?:\/\//i.test(word));
  const end = addressAt < 0 ? words.length : addressAt;
  let best: { size: number; score: number; shared: number } | undefined;
  for (let size = first + 1; size <= end; size++) {
    const [top] = agentsMentioned(words.slice(0, size).join(' '), agents);
    if (!top) continue;
    if (!best || top.score > best.score || (top.score === best.score && top.shared > best.shared))
      best = { size, score: top.score, shared: top.shared };
  }
  if (!best) return undefined;
  const mention = words.slice(0, best.size).join(' ');
  const resolution = resolveAgent(mention, agents, lastAgentName);
  if (resolution.kind === 'none') return undefined;
  const named = resolution.kind === 'one' ? [resolution.agent] : resolution.candidates;
  if (!named.some((agent) => nameScore(firstWord, agent.name).shared > 0)) return undefined;
  return { resolution, rest: words.slice(best.size).join(' ') };
}
