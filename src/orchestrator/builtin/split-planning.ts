// Splitting an agent because a person asks: "split X in two", "X does too much, break it up".
// The plan is the one the split advice would suggest (split-proposal.ts); an agent that cannot
// be split gets the reason in words, and no plan.
import { proposeSplit } from '../advice/split-proposal.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { resolveAgent } from './agent-choice.ts';
import { askWhichAgent, type SnapshotAgent } from './agent-verb-drafts.ts';
import { splitPatterns } from './vocabulary/agent-verb-vocabulary.ts';

/** The agents a request to split names (several when two fit); undefined when it asks no split. */
export function readSplit(text: string, request: PlannerRequest): SnapshotAgent[] | undefined {
  // "The lead scraper does too much, break it up": the agent is in the first clause.
  const clause = text.replace(/[.!?]+$/, '');
  for (const pattern of splitPatterns) {
    const agentWords = pattern.exec(clause)?.groups?.agent;
    if (!agentWords) continue;
    const resolution = resolveAgent(agentWords, request.snapshot.agents, request.lastAgentName);
    if (resolution.kind === 'one') return [resolution.agent];
    if (resolution.kind === 'several') return resolution.candidates;
  }
  return undefined;
}

export function planSplit(agent: SnapshotAgent, request: PlannerRequest): PlannerAnswer {
  const steps = agent.spec.steps.length;
  const proposal = proposeSplit(
    agent,
    request.snapshot,
    request.now ?? new Date(),
    `"${agent.name}" has ${steps} step${steps === 1 ? '' : 's'}. `,
  );
  if (proposal.kind === 'refused') return { reply: `I cannot split it. ${proposal.reason}` };
  return {
    reply: `${proposal.reason} Approve the plan to split it.`,
    plan: proposal.plan,
  };
}

export function splitRequest(text: string, request: PlannerRequest): PlannerAnswer | undefined {
  const agents = readSplit(text, request);
  if (!agents) return undefined;
  const [only] = agents;
  if (agents.length === 1 && only) return planSplit(only, request);
  return askWhichAgent('split', agents, {});
}
