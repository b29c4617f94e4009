// What the built-in planner keeps while a rename, a copy or a split waits for an answer: which
// of several agents is meant, or another name when the one asked for is taken.
import type { PlannerAnswer, WorkspaceSnapshot } from '../planner.ts';
import { whichAgent } from './agent-choice.ts';

export type AgentVerb = 'rename' | 'duplicate' | 'split';

export interface AgentVerbDraft {
  kind: 'agentVerb';
  agentVerb: AgentVerb;
  /** The agents a "which one" question offered, in its order. */
  candidates?: string[];
  /** The agent whose new name is asked for. */
  agentId?: string;
  /** What the request said besides the agent: the new name, the copy's address. */
  name?: string;
  url?: string;
}

export type SnapshotAgent = WorkspaceSnapshot['agents'][number];

const verbWords: Record<AgentVerb, string> = { rename: 'rename', duplicate: 'copy', split: 'split' };

/** "Which agent do you mean", when two agents fit the words of a rename, copy or split. */
export function askWhichAgent(
  verb: AgentVerb,
  candidates: readonly SnapshotAgent[],
  draft: Omit<AgentVerbDraft, 'kind' | 'agentVerb' | 'candidates'>,
): PlannerAnswer {
  const question = whichAgent(candidates);
  return {
    reply: question.text,
    plan: {
      summary: `Waiting to know which agent to ${verbWords[verb]}.`,
      questions: [question],
      operations: [],
      draft: {
        ...draft,
        kind: 'agentVerb',
        agentVerb: verb,
        candidates: candidates.map((agent) => agent.id),
      } satisfies AgentVerbDraft as unknown as Record<string, unknown>,
    },
  };
}
