// "Job collector's selector is wrong, the listings are .job-card now", "its selector should be
// .posting", "change the selector of X to .row", "X selector should be .card not .lead": a new
// selector for an agent's extraction, said about the selector or about what the items are now.
// The selector kept is the new one: never the one after "not" or "instead of" (the old one).
import type { PlannerRequest } from '../planner.ts';
import { agentsMentioned } from './agent-names.ts';
import type { SnapshotAgent } from './agent-verb-drafts.ts';
import { selectorIn } from './request-text.ts';
import { pronouns } from './vocabulary/vocabulary.ts';

/** Words that say the request is about what the agent reads: its selector, or its items now. */
const aboutSelector =
  /\b(?:selector|css|(?:items?|listings?|rows?|cards?|records?|entries|posts?|jobs?|leads?|products?)\s+(?:are|is)\s+(?:now\s+)?[.#`])/i;

/** The old selector, said to be replaced: "not .lead", "instead of .lead", "(was .lead)". */
const oldSelector = /\b(?:not|instead of|rather than|was|were|no longer|replacing)\s+`?[.#][\w-]+`?/gi;

/** Parts of a selector after its first: classes, ids, combinators and tag names, never words like "now". */
const selectorPart =
  /^(?:[.#>+~][\w.#-]*|(?:a|li|ul|ol|tr|td|th|div|span|p|article|section|table|tbody|h[1-6])(?:[.#][\w-]+)*)$/;

/** "`.job-card now`" read bare is ".job-card": the selector ends where plain words start. */
function selectorOnly(found: string): string {
  const [first = '', ...rest] = found.split(/\s+/);
  const kept = [first];
  for (const part of rest) {
    if (!selectorPart.test(part)) break;
    kept.push(part);
  }
  return kept.join(' ');
}

export interface SelectorRequest {
  agent: SnapshotAgent;
  selector: string;
}

/** The agent and its new selector, or undefined when the request says no new selector. */
export function readSelectorRequest(text: string, request: PlannerRequest): SelectorRequest | undefined {
  // "Why is X failing? each job is `.job-card` now" asks for the cause: troubleshooting answers it.
  if (!aboutSelector.test(text) || /https?:\/\/|\?/i.test(text)) return undefined;
  const found = selectorIn(text.replace(oldSelector, ' '));
  if (!found) return undefined;
  const selector = found.startsWith('.') || found.startsWith('#') ? selectorOnly(found) : found;
  const { agents } = request.snapshot;
  const named = agentsMentioned(text.replace(/[.#][\w-]+/g, ' '), agents);
  if (named.length === 1 && named[0]) return { agent: named[0].item, selector };
  if (named.length > 1) return undefined;
  // "its selector should be .posting": the agent just spoken of.
  const saysIt = pronouns.some((pronoun) => new RegExp(`\\b${pronoun}\\b`, 'i').test(text));
  const last = agents.find((agent) => agent.name === request.lastAgentName);
  return saysIt && last ? { agent: last, selector } : undefined;
}
