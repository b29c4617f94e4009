// The built-in planner's chains: "when the collector finishes, send its results to the
// reporter", "if X fails, run Y", "unchain X from Y". The sentence shapes are built from the word
// lists in vocabulary.ts; the agents on either side are found by their names (or "it").

import { cycleClosedBy } from '../../domain/chain-graph.ts';
import type { ChainConditionName, PlanOperation } from '../../domain/plan.ts';
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { type AgentResolution, resolveAgent, whichAgent } from './agent-choice.ts';
import { emailsIn, hasAny, urlsIn } from './request-text.ts';
import {
  chainAlwaysWords,
  chainConditionWords,
  chainDetachWords,
  chainEndings,
  chainFeedingWords,
  chainHandOverWords,
  chainJoinWords,
  chainRemoveWords,
  chainResultWords,
  chainStartWords,
  chainStopWords,
  chainWhenWords,
} from './vocabulary/vocabulary.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];
type Side = 'from' | 'to';

/** What the planner keeps while it waits to know which agent one side of a chain is. */
export interface ChainDraft {
  kind: 'chain';
  intent: 'chain' | 'unchain';
  text: string;
  candidates: string[];
  side: Side;
  /** Sides already known, by agent id. */
  fixed: { from?: string; to?: string };
}

function escaped(word: string) {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

/** One regex alternative of the words, longest first (so "has failed" wins over "failed"). */
function anyOf(words: readonly string[]) {
  return `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map(escaped)
    .join('|')})`;
}

const when = anyOf(chainWhenWords);
const ending = `(?<event>${anyOf(Object.keys(chainEndings))})`;
const handOver = `${anyOf(chainHandOverWords)}\\w*`;
const start = `${anyOf(chainStartWords)}\\w*`;
const results = anyOf(chainResultWords);
const owner = '(?:(?:its|the|their|all|those|his|her)\\s+)?';
const then = '[\\s,;:]*(?:then\\s+|and\\s+)?';
const joined = '\\s+(?:to|into|with|and then|then|->|→)\\s+(?<to>.+)$';

/**
 * Sentence shapes, most specific first. A weak shape ("run Y after X", "connect X to Y") only
 * counts when both sides are agents; a strong one ("when X finishes, …") says so when an agent
 * is not found.
 */
const chainShapes = [
  `\\b${when}\\s+(?<from>.+?)\\s+${ending}\\b${then}${handOver}\\s+${owner}${results}\\s+(?:(?:over|on)\\s+)?(?:to|into|with)\\s+(?<to>.+)$`,
  `\\b${when}\\s+(?<from>.+?)\\s+${ending}\\b${then}${start}\\s+(?<to>.+)$`,
  // "Chain the reporter after the weekly report": the agent named first runs second.
  `\\bchain\\s+(?<to>.+?)\\s+(?:(?:right|straight|directly)\\s+)?(?:after|behind|onto|on to the end of)\\s+(?<from>.+)$`,
  `\\bchain\\s+(?<from>.+?)${joined}`,
].map((shape) => ({ pattern: new RegExp(shape), strong: true }));

const weakChainShapes = [
  `\\b${anyOf(chainJoinWords)}\\s+(?<from>.+?)${joined}`,
  `\\b${start}\\s+(?<to>.+?)\\s+${when}\\s+(?<from>.+?)(?:\\s+${ending})?$`,
  // "The reporter should run after the scraper", "have Y kick off once X is done".
  `^(?:(?:make|have|let)\\s+)?(?<to>.+?)\\s+(?:(?:should|must|needs? to|has to|will|can|to)\\s+)?(?:always\\s+)?${start}\\s+(?:right\\s+|straight\\s+|directly\\s+|automatically\\s+)?${when}\\s+(?<from>.+?)(?:\\s+(?:is|has)?\\s*${ending})?$`,
  // "Make the reporter follow the weekly report", "the reporter should come after the scraper".
  `^(?:(?:make|have|let)\\s+)?(?<to>.+?)\\s+(?:(?:should|must|needs? to|has to|will|to)\\s+)?(?:always\\s+)?(?:follows?|come after|comes after|go after|goes after)\\s+(?:(?:right|straight|directly)\\s+)?(?!.*\\b(?:format|layout|style|template|same|like|selectors?|pattern|structure|example|rules?|instructions?|steps?)\\b)(?<from>.+?)(?:['’]s\\s+(?:runs?|finish|end))?(?:\\s+instead)?$`,
  `\\b${handOver}\\s+(?:the\\s+)?${results}\\s+(?:of|from)\\s+(?<from>.+?)\\s+(?:(?:on|over)\\s+)?(?:to|into|onto)\\s+(?<to>.+)$`,
  `\\b${handOver}\\s+(?<from>.+?)(?:'s)?\\s+${results}\\s+(?:(?:on|over)\\s+)?(?:to|into|onto)\\s+(?<to>.+)$`,
  // "…, and send results to the reporter": the results of the agent just spoken of ("it").
  `^(?:(?:and|then|also|after that)[\\s,]+)*${handOver}\\s+(?:(?:the|all|those|these)\\s+)?${results}\\s+(?:over\\s+)?(?:on\\s+)?(?:to|into|onto)\\s+(?<to>.+)$`,
].map((shape) => ({ pattern: new RegExp(shape), strong: false }));

const stop = anyOf(chainStopWords);
/** Verbs that end a chain named as a thing, the stop words among them. */
const unchainVerb = anyOf([...chainRemoveWords, ...chainStopWords]);
const link = '(?:chain|link|connection|hand-?off)';
const unchainShapes = [
  `\\bunchain\\s+(?<from>.+?)\\s+(?:from|and|to|->|→)\\s+(?<to>.+)$`,
  `\\bunchain\\s+(?<from>.+)$`,
  // "Stop chaining the scraper into the reporting agent", "no longer link X with Y".
  `\\b${stop}\\s+(?:chaining|linking|piping|hooking)\\s+(?<from>.+?)\\s+(?:up\\s+)?(?:to|into|onto|with|and|->|→)\\s+(?<to>.+)$`,
  `\\b${stop}\\s+(?:chaining|linking|piping)\\s+(?<from>.+)$`,
  `\\b${stop}\\s+${handOver}\\s+(?:the\\s+)?${results}\\s+(?:of|from)\\s+(?<from>.+?)\\s+(?:to|into)\\s+(?<to>.+)$`,
  `\\b${stop}\\s+${handOver}\\s+(?<from>.+?)(?:'s)?\\s+${results}\\s+(?:to|into)\\s+(?<to>.+)$`,
  `\\b${unchainVerb}\\s+(?:the\\s+)?${link}\\s+(?:from|between|of)\\s+(?<from>.+?)\\s+(?:to|and|->|→)\\s+(?<to>.+)$`,
  // "Kill the chain lead scraper to reporter": only "chain" says it without a preposition.
  `\\b${unchainVerb}\\s+(?:the\\s+)?(?:chain|hand-?off)\\s+(?<from>.+?)\\s+(?:to|->|→)\\s+(?<to>.+)$`,
  `\\b${stop}\\s+${start}\\s+(?<to>.+?)\\s+${when}\\s+(?<from>.+?)(?:\\s+${ending})?$`,
].map((shape) => ({ pattern: new RegExp(shape), strong: true }));

/**
 * Verbs that are not only about chains ("disconnect the crm account", "stop X running"): they
 * unchain only when both sides are agents, in whichever order they are named.
 */
const weakUnchainShapes = [
  `\\b${anyOf(chainDetachWords)}\\s+(?<from>.+?)\\s+(?:from|and|->|→)\\s+(?<to>.+)$`,
  `\\b${stop}\\s+(?<from>.+?)\\s+(?:from\\s+)?${anyOf(chainFeedingWords)}\\s+(?<to>.+)$`,
  // "Stop the scraper → reporter chain", "cancel the lead scraper's chain": the chain named by
  // its agents before the word ("delete the crm connection" names an account, not an agent).
  `\\b${unchainVerb}\\s+(?:the\\s+)?(?<from>.+?)\\s+(?:to|->|→)\\s+(?<to>.+?)\\s+${link}$`,
  `\\b${unchainVerb}\\s+(?:the\\s+)?(?<from>.+?)(?:'s)?\\s+(?:chains|${link})$`,
].map((shape) => ({ pattern: new RegExp(shape), strong: false }));

interface ChainWords {
  from: string;
  to?: string;
  event?: string;
  strong: boolean;
}

function normalised(text: string) {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[.!?]+$/, '')
    .trim();
}

/** Words said after the agent that are not part of its name. */
function withoutTail(words: string) {
  return words.replace(/[\s,;:]+(?:too|as well|please|then|next|now|instead|as (?:its )?input)$/, '').trim();
}

function read(text: string, shapes: readonly { pattern: RegExp; strong: boolean }[]): ChainWords | undefined {
  for (const shape of shapes) {
    const groups = shape.pattern.exec(text)?.groups;
    // A shape without a first agent hands on the results of the agent spoken of: "it".
    if (groups && (groups.from || groups.to)) {
      return {
        from: groups.from ? withoutTail(groups.from) : 'it',
        to: groups.to === undefined ? undefined : withoutTail(groups.to),
        event: groups.event,
        strong: shape.strong,
      };
    }
  }
  return undefined;
}

function agentList(agents: readonly SnapshotAgent[]) {
  const names = agents.slice(0, 10).map((agent) => `"${agent.name}"`);
  return names.length > 0 ? ` Your agents: ${names.join(', ')}${agents.length > 10 ? ', …' : ''}.` : '';
}

function resolveSide(
  words: string,
  side: Side,
  fixed: ChainDraft['fixed'],
  request: PlannerRequest,
): AgentResolution<SnapshotAgent> {
  const agents = request.snapshot.agents;
  const known = fixed[side] && agents.find((agent) => agent.id === fixed[side]);
  return known ? { kind: 'one', agent: known } : resolveAgent(words, agents, request.lastAgentName);
}

/** The answer for a side that is not one agent: which of several, or that none is called so. */
function unresolved(
  resolution: Exclude<AgentResolution<SnapshotAgent>, { kind: 'one' }>,
  side: Side,
  draft: Omit<ChainDraft, 'candidates' | 'side'>,
  request: PlannerRequest,
): PlannerAnswer {
  if (resolution.kind === 'none') {
    return {
      reply: `I could not find an agent called "${resolution.words}".${agentList(request.snapshot.agents)}`,
    };
  }
  const question = whichAgent(resolution.candidates);
  return {
    reply: question.text,
    plan: {
      summary: `Waiting to know which agent to ${draft.intent} ${side === 'from' ? 'from' : 'to'}.`,
      questions: [question],
      operations: [],
      draft: {
        ...draft,
        side,
        candidates: resolution.candidates.map((agent) => agent.id),
      } satisfies ChainDraft,
    },
  };
}

function conditionOf(text: string, event: string | undefined): ChainConditionName {
  if (hasAny(text, chainAlwaysWords)) return 'always';
  return (event && chainEndings[event.replace(/\s+/g, ' ')]) || 'success';
}

function planChain(
  from: SnapshotAgent,
  to: SnapshotAgent,
  on: ChainConditionName,
  snapshot: WorkspaceSnapshot,
): PlannerAnswer {
  if (from.id === to.id) {
    return { reply: `"${from.name}" cannot start itself: a chain joins two different agents.` };
  }
  const names = new Map(snapshot.agents.map((agent) => [agent.id, agent.name]));
  const loop = cycleClosedBy(snapshot.chains, { fromAgentId: from.id, toAgentId: to.id });
  if (loop) {
    const path = loop.map((agentId) => `"${names.get(agentId) ?? agentId}"`).join(' → ');
    return {
      reply: `Chaining "${from.name}" to "${to.name}" would make a loop: ${path}, and chained runs would never stop. Remove a chain of the loop first ("unchain ${to.name} from …").`,
    };
  }
  const existing = snapshot.chains.find(
    (chain) => chain.fromAgentId === from.id && chain.toAgentId === to.id,
  );
  if (existing?.enabled && existing.on === on) {
    return { reply: `"${to.name}" already starts when "${from.name}" ${chainConditionWords[on]}.` };
  }
  const required = (to.spec.input as { required?: string[] }).required ?? [];
  const needs =
    required.length > 0
      ? ` "${to.name}" needs ${required.join(', ')} in its input, so "${from.name}"'s output must have ${required.length === 1 ? 'it' : 'them'}.`
      : '';
  const operation: PlanOperation = {
    type: 'chainAgents',
    from: { agentId: from.id, agentName: from.name },
    to: { agentId: to.id, agentName: to.name },
    on,
  };
  return {
    reply: `I will chain "${from.name}" → "${to.name}": each time "${from.name}" ${chainConditionWords[on]}, "${to.name}" starts with ${on === 'success' ? 'its output' : 'its output (if any)'} as input.${needs}`,
    plan: {
      summary: `Chain "${from.name}" → "${to.name}" on ${on}${existing ? ` (instead of on ${existing.on})` : ''}.`,
      questions: [],
      operations: [operation],
    },
  };
}

function planUnchain(
  from: SnapshotAgent,
  to: SnapshotAgent | undefined,
  snapshot: WorkspaceSnapshot,
): PlannerAnswer {
  const names = new Map(snapshot.agents.map((agent) => [agent.id, agent.name]));
  const involving = snapshot.chains.filter(
    (chain) =>
      (chain.fromAgentId === from.id && (!to || chain.toAgentId === to.id)) ||
      (chain.toAgentId === from.id && (!to || chain.fromAgentId === to.id)),
  );
  const [chain] = involving;
  if (!chain) {
    return {
      reply: to
        ? `"${from.name}" and "${to.name}" are not chained.`
        : `"${from.name}" is not chained to any agent.`,
    };
  }
  if (involving.length > 1) {
    const listed = involving.map(
      (item) => `"${names.get(item.fromAgentId)}" → "${names.get(item.toAgentId)}"`,
    );
    return {
      reply: `"${from.name}" is chained with more than one agent: ${listed.join(', ')}. Say which, e.g. "unchain ${names.get(chain.fromAgentId)} from ${names.get(chain.toAgentId)}".`,
    };
  }
  const first = { agentId: chain.fromAgentId, agentName: names.get(chain.fromAgentId) ?? '' };
  const second = { agentId: chain.toAgentId, agentName: names.get(chain.toAgentId) ?? '' };
  return {
    reply: `I will unchain "${first.agentName}" → "${second.agentName}": "${second.agentName}" will no longer start when "${first.agentName}" ${chainConditionWords[chain.on]}.`,
    plan: {
      summary: `Unchain "${first.agentName}" → "${second.agentName}".`,
      questions: [],
      operations: [{ type: 'unchainAgents', from: first, to: second }],
    },
  };
}

/** "Stop the chain", "remove the hand-off": a chain named by no agent at all. */
const bareUnchain = new RegExp(
  `^(?:(?:please|pls|ok|okay|now)[\\s,]+)?(?:(?:can|could) you\\s+)?(?:unchain(?:\\s+(?:them|everything|it all))?|${unchainVerb}\\s+(?:the|my|our|that|this|this workspace's)?\\s*(?:chain|chaining|hand-?off|link between them))(?:[\\s,]+(?:please|now|for now))?$`,
);

/**
 * The chain the workspace has when a request names none: unchained when there is one, a question
 * listing them when there are several.
 */
function planBareUnchain(snapshot: WorkspaceSnapshot): PlannerAnswer {
  const names = new Map(snapshot.agents.map((agent) => [agent.id, agent.name]));
  const chains = snapshot.chains.filter((chain) => chain.enabled !== false);
  const [only] = chains;
  const from = only && snapshot.agents.find((agent) => agent.id === only.fromAgentId);
  const to = only && snapshot.agents.find((agent) => agent.id === only.toAgentId);
  if (chains.length === 1 && from && to) return planUnchain(from, to, snapshot);
  if (chains.length === 0) return { reply: 'This workspace has no chain to stop: no agent starts another.' };
  const listed = chains.map((chain) => `"${names.get(chain.fromAgentId)}" → "${names.get(chain.toAgentId)}"`);
  const [first] = chains;
  return {
    reply: `This workspace has ${chains.length} chains: ${listed.join(', ')}. Which one should stop? Say e.g. "unchain ${names.get(first?.fromAgentId ?? '')} from ${names.get(first?.toAgentId ?? '')}".`,
  };
}

/**
 * A request to chain or unchain agents, answered; undefined when the text is not one (or a weak
 * shape whose sides are not both agents, such as "send the results to https://…").
 */
export function planChainRequest(
  text: string,
  request: PlannerRequest,
  fixed: ChainDraft['fixed'] = {},
): PlannerAnswer | undefined {
  const lower = normalised(text);
  if (bareUnchain.test(lower)) return planBareUnchain(request.snapshot);
  const unchain = read(lower, [...unchainShapes, ...weakUnchainShapes]);
  const chain = unchain ? undefined : read(lower, [...chainShapes, ...weakChainShapes]);
  const words = unchain ?? chain;
  if (!words) return undefined;
  if (words.to && (urlsIn(words.to).length > 0 || emailsIn(words.to).length > 0)) return undefined;
  const intent = unchain ? 'unchain' : 'chain';
  const from = resolveSide(words.from, 'from', fixed, request);
  const to = words.to === undefined ? undefined : resolveSide(words.to, 'to', fixed, request);
  if (!words.strong && (from.kind === 'none' || to?.kind === 'none')) return undefined;
  if (from.kind !== 'one') return unresolved(from, 'from', { kind: 'chain', intent, text, fixed }, request);
  if (to && to.kind !== 'one') {
    return unresolved(
      to,
      'to',
      { kind: 'chain', intent, text, fixed: { ...fixed, from: from.agent.id } },
      request,
    );
  }
  if (intent === 'unchain') return planUnchain(from.agent, to?.agent, request.snapshot);
  if (!to) return undefined;
  return planChain(from.agent, to.agent, conditionOf(lower, words.event), request.snapshot);
}

/** The answer to "which agent": the chain request again, with that side known. */
export function continueChainDraft(
  draft: ChainDraft,
  chosen: SnapshotAgent | undefined,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  if (!chosen) return undefined;
  return planChainRequest(draft.text, request, { ...draft.fixed, [draft.side]: chosen.id });
}
