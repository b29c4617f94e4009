// Plays a corpus conversation through a planner as the Orchestrator would: each message gets
// the open plan's draft when it asked questions, the plan waiting for approval, and the
// conversation state kept from the turns before (decision 0015).
import type { PlannedChange, PlanOperation } from '../../src/domain/plan.ts';
import {
  type ConversationState,
  emptyConversationState,
  nextConversationState,
} from '../../src/orchestrator/conversation-state.ts';
import type { Planner, PlannerAnswer, PlannerRequest } from '../../src/orchestrator/planner.ts';
import type { ConversationCase } from './conversation-corpus.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

export const corpusUserEmail = 'ada@example.com';

interface OpenPlan extends PlannedChange {
  draft?: Record<string, unknown>;
}

/** The workspace of a conversation: the fixture's, or only the agents it names. */
export function conversationSnapshot(conversation: ConversationCase) {
  const snapshot = fixtureSnapshot();
  if (!conversation.agents) return snapshot;
  const kept = new Set(conversation.agents);
  return { ...snapshot, agents: snapshot.agents.filter((agent) => kept.has(agent.name)) };
}

export async function playConversation(
  planner: Planner,
  conversation: ConversationCase,
  beforeTurn?: (request: PlannerRequest) => Promise<void>,
): Promise<{ request: PlannerRequest; answer: PlannerAnswer | Error }[]> {
  const snapshot = conversationSnapshot(conversation);
  let state: ConversationState = emptyConversationState;
  let open: OpenPlan | undefined;
  let latest: OpenPlan | undefined;
  const played: { request: PlannerRequest; answer: PlannerAnswer | Error }[] = [];
  for (const turn of conversation.turns) {
    const waiting = open && open.questions.length === 0 ? open : undefined;
    const request: PlannerRequest = {
      text: turn.text,
      snapshot,
      userEmail: corpusUserEmail,
      now: corpusNow,
      draft: open && open.questions.length > 0 ? open.draft : undefined,
      lastAgentName: state.subject ?? (latest && subjectOf(latest.operations)),
      conversation: {
        ...state,
        ...(waiting
          ? { pendingPlan: { summary: waiting.summary, questions: [], operations: waiting.operations } }
          : {}),
      },
    };
    await beforeTurn?.(request);
    let answer: PlannerAnswer;
    try {
      answer = await planner.plan(request);
    } catch (error) {
      played.push({ request, answer: error as Error });
      continue;
    }
    played.push({ request, answer });
    if (answer.plan) {
      open = undefined;
      if (answer.plan.operations.length > 0 || answer.plan.questions.length > 0) {
        open = answer.plan;
        latest = answer.plan;
      }
    }
    state = nextConversationState(state, { text: turn.text, answer, snapshot });
  }
  return played;
}

function subjectOf(operations: readonly PlanOperation[]): string | undefined {
  const first = operations.find((operation) => operation.type !== 'connectAccount');
  if (!first) return undefined;
  if (first.type === 'createAgent') return String(first.spec.name);
  if (first.type === 'chainAgents' || first.type === 'unchainAgents') return first.from.agentName;
  return first.agentName;
}
