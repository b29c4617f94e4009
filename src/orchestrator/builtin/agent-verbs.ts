// Verbs on agents the workspace has, beyond run, pause, resume and delete: rename, copy, split,
// and changes asked as "can you make X …" — and a digest of what the agents found. The built-in
// planner asks here before reading a request as an action or a new agent.
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { chosenAgent, offeredAgents, whichAgent } from './agent-choice.ts';
import type { AgentVerbDraft, SnapshotAgent } from './agent-verb-drafts.ts';
import { planSelectorChange, readChangeRequest } from './change-requests.ts';
import { asksForDigest, planDigest } from './digest-planning.ts';
import { duplicateRequest, planDuplicate } from './duplicate-planning.ts';
import { readNewName } from './new-names.ts';
import { planRename, renameRequest } from './rename-planning.ts';
import { readSelectorRequest } from './selector-requests.ts';
import { planSplit, splitRequest } from './split-planning.ts';
import { leadIns } from './vocabulary/agent-verb-vocabulary.ts';

/** A change to an agent, for the built-in planner's change planner. */
export interface AgentChange {
  change: { agent: SnapshotAgent; text: string };
}

/** What a request asks of an agent verb: an answer, a change to plan, or nothing of this kind. */
export function planAgentVerb(request: PlannerRequest): PlannerAnswer | AgentChange | undefined {
  const text = request.text
    .trim()
    .replace(leadIns, '')
    .replace(/[\s?!.]+$/, '');
  if (!text) return undefined;
  if (asksForDigest(text)) return planDigest(request.text, request);
  const verb = renameRequest(text, request) ?? duplicateRequest(text, request) ?? splitRequest(text, request);
  if (verb) return verb;
  const selected = readSelectorRequest(text, request);
  const selectorChange = selected && planSelectorChange(selected.agent, selected.selector);
  if (selectorChange) return selectorChange;
  const change = readChangeRequest(text, request);
  if (!change) return undefined;
  const [only] = change.agents;
  if (change.agents.length === 1 && only) {
    const selected = change.selector && planSelectorChange(only, change.selector);
    return selected || { change: { agent: only, text: change.text } };
  }
  const question = whichAgent(change.agents);
  return {
    reply: question.text,
    plan: {
      summary: 'Waiting to know which agent to update.',
      questions: [question],
      operations: [],
      // The built-in planner's own draft for an action on one of several agents.
      draft: { intent: 'update', candidates: change.agents.map((agent) => agent.id), text: change.text },
    },
  };
}

/** The answer to the question a rename, copy or split asked: which agent, or which name. */
export function continueAgentVerbDraft(
  draft: AgentVerbDraft,
  text: string,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const { agents } = request.snapshot;
  const agent = draft.candidates
    ? chosenAgent(text, offeredAgents(agents, draft.candidates))
    : agents.find((candidate) => candidate.id === draft.agentId);
  if (!agent) return undefined;
  // Asked which agent: the name came with the request. Asked for a name: this answer is it.
  const name = draft.candidates ? draft.name : readNewName(text);
  switch (draft.agentVerb) {
    case 'rename':
      return name ? planRename(agent, name, request) : undefined;
    case 'duplicate':
      return planDuplicate(agent, { name, url: draft.url }, request);
    case 'split':
      return planSplit(agent, request);
  }
}
