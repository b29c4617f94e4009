// Asking which agent a person means when two fit, and reading the answer ("the weekly one",
// "the second"), and "it" for the agent the conversation was about.
import type { PlanQuestion } from '../../domain/plan.ts';
import { agentsMentioned } from './agent-names.ts';
import { pronouns } from './vocabulary/vocabulary.ts';

export function whichAgent(candidates: readonly { name: string }[]): PlanQuestion {
  return {
    id: 'agent',
    text: `Which agent do you mean: ${candidates.map((agent) => `"${agent.name}"`).join(' or ')}?`,
    options: candidates.map((agent) => agent.name),
  };
}

/** The candidate an answer picks, by name or by its place in the question; undefined when unclear. */
export function chosenAgent<T extends { name: string }>(
  text: string,
  candidates: readonly T[],
): T | undefined {
  const ordinal = /\b(first|1st|one|1)\b/i.test(text) ? 0 : /\b(second|2nd|two|2)\b/i.test(text) ? 1 : -1;
  const chosen = agentsMentioned(text, candidates).map((match) => match.item);
  return chosen.length === 1 ? chosen[0] : ordinal >= 0 ? candidates[ordinal] : undefined;
}

export type AgentResolution<T> =
  | { kind: 'one'; agent: T }
  | { kind: 'several'; candidates: T[] }
  | { kind: 'none'; words: string };

const pronounPattern = new RegExp(
  `^(?:${[...pronouns].sort((a, b) => b.length - a.length).join('|')})(?:'s)?$`,
);

/**
 * The agent some words name: by their name's words, or "it" for the agent the conversation was
 * about. Several equally good matches are for the person to choose from.
 */
export function resolveAgent<T extends { name: string }>(
  words: string,
  agents: readonly T[],
  lastAgentName?: string,
): AgentResolution<T> {
  const cleaned = words
    .trim()
    .toLowerCase()
    .replace(/^(?:the|my|our)\s+/, '')
    .replace(/[\s,.;:!?]+$/, '');
  if (pronounPattern.test(cleaned)) {
    const last = agents.find((agent) => agent.name.toLowerCase() === lastAgentName?.toLowerCase());
    return last ? { kind: 'one', agent: last } : { kind: 'none', words: words.trim() };
  }
  const matches = agentsMentioned(words, agents).map((match) => match.item);
  if (matches.length === 1 && matches[0]) return { kind: 'one', agent: matches[0] };
  if (matches.length > 1) return { kind: 'several', candidates: matches };
  return { kind: 'none', words: words.trim() };
}

/** The agents a question offered, in the order it offered them: "the second" means its second. */
export function offeredAgents<T extends { id: string }>(
  agents: readonly T[],
  offeredIds: readonly string[],
): T[] {
  const byId = new Map(agents.map((agent) => [agent.id, agent]));
  return offeredIds.flatMap((id) => {
    const agent = byId.get(id);
    return agent ? [agent] : [];
  });
}
