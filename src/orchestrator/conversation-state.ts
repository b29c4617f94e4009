// What a conversation remembers between messages, as data (decision 0015): the agents it was
// lately about (for "it" and "them"), and the question a reply asked only in its words (so the
// next message is read as its answer). The plan waiting for approval is read from the plans.
import type { PlannedChange, PlanOperation } from '../domain/plan.ts';
import { agentsMentioned } from './builtin/agent-names.ts';
import type { PlannerAnswer, WorkspaceSnapshot } from './planner.ts';

/** What the next message fills when a reply asked something only in its text. */
export type OpenQuestionFills =
  /** Which action to take on `agentName` ("Do you want to run, change, pause … it?"). */
  | 'action'
  /** The input of a run of `agentName`. */
  | 'runInput'
  /** What to change in `agentName`. */
  | 'change'
  /** Anything: the reply's own question, for whatever it asked. */
  | 'answer';

export interface OpenQuestion {
  text: string;
  fills: OpenQuestionFills;
  agentName?: string;
}

export interface ConversationState {
  /** The agents the conversation was about, newest first: named by the user, by answers, by plans. */
  recentAgents: string[];
  /** The agents the last message and its answer were about: "them" means these. */
  lastTurnAgents: string[];
  /** The one agent "it" means now; none when the last answer was about several alike. */
  subject?: string;
  /** The question the last reply asked only in its text, if it did. */
  openQuestion?: OpenQuestion;
  /** The last request about one agent, in words: "same for the reporter" asks it again. */
  lastRequest?: { text: string; agent: string };
  /** What the last reply offered to do, as a request: "yes" or "do it" asks for it. */
  offer?: string;
}

/** What a planner is given of the conversation. */
export interface ConversationContext extends ConversationState {
  /** The plan waiting for approval: a message may change it before it is approved. */
  pendingPlan?: PlannedChange;
}

export const emptyConversationState: ConversationState = { recentAgents: [], lastTurnAgents: [] };

/** How many agents the conversation remembers: enough for a chat, small in its row. */
const rememberedAgents = 10;

/** A stored state, read defensively: an older row may hold nothing or less. */
export function readConversationState(raw: unknown): ConversationState {
  const value = (raw ?? {}) as Partial<ConversationState>;
  const names = (list: unknown) =>
    Array.isArray(list) ? list.filter((name): name is string => typeof name === 'string') : [];
  const question = value.openQuestion;
  return {
    recentAgents: names(value.recentAgents),
    lastTurnAgents: names(value.lastTurnAgents),
    ...(typeof value.subject === 'string' ? { subject: value.subject } : {}),
    ...(question && typeof question.text === 'string' ? { openQuestion: question } : {}),
    ...(typeof value.lastRequest?.text === 'string' && typeof value.lastRequest.agent === 'string'
      ? { lastRequest: { text: value.lastRequest.text, agent: value.lastRequest.agent } }
      : {}),
    ...(typeof value.offer === 'string' ? { offer: value.offer } : {}),
  };
}

/** The agents an operation acts on, by name: the one it makes, or the ones it joins. */
export function operationAgents(operation: PlanOperation): string[] {
  switch (operation.type) {
    case 'connectAccount':
      return [];
    case 'createAgent':
      return typeof operation.spec.name === 'string' ? [operation.spec.name] : [];
    case 'chainAgents':
    case 'unchainAgents':
      return [operation.from.agentName, operation.to.agentName];
    default:
      return [operation.agentName];
  }
}

/**
 * Agents whose exact names a reply contains, in the order it names them (as replies write them).
 * A name found only inside a longer one ("Reporting Agent" in "Reporting Agent (old)") is not named.
 */
function agentsNamedIn(reply: string, snapshot: WorkspaceSnapshot): string[] {
  const escaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = snapshot.agents.map((agent) => ({
    name: agent.name,
    spans: [...reply.matchAll(new RegExp(`(?<![\\w-])${escaped(agent.name)}(?![\\w-])`, 'g'))].map(
      (match) => ({ start: match.index, end: match.index + agent.name.length }),
    ),
  }));
  const inLonger = (name: string, span: { start: number; end: number }) =>
    found.some(
      (other) =>
        other.name.length > name.length &&
        other.spans.some((outer) => outer.start <= span.start && span.end <= outer.end),
    );
  return found
    .map(({ name, spans }) => ({ name, at: spans.find((span) => !inLonger(name, span))?.start ?? -1 }))
    .filter((entry) => entry.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.name);
}

/** The last question of a reply that asks one in its text. */
function questionIn(reply: string): string | undefined {
  const sentences = reply.match(/[^.?!\n]*\?/g);
  return sentences?.at(-1)?.trim();
}

/**
 * The state after a message and its answer. The turn's agents are those the plan acts on, then
 * those the answer names, then the one the message named; they come first in what is remembered.
 */
export function nextConversationState(
  previous: ConversationState,
  turn: { text: string; answer: PlannerAnswer; snapshot: WorkspaceSnapshot },
): ConversationState {
  const { answer, snapshot } = turn;
  // What the person asked, in the words it was read as ("the first one" → its name).
  const readAs = answer.understood ?? turn.text;
  const named = agentsMentioned(readAs, snapshot.agents).map((match) => match.item.name);
  const fromPlan = (answer.plan?.operations ?? []).flatMap(operationAgents);
  const fromAnswer = answer.referents ?? agentsNamedIn(answer.reply, snapshot);
  const byUser = named.length === 1 ? named : [];
  const turnAgents = [...new Set([...fromPlan, ...byUser, ...fromAnswer])];
  // "It" is what the plan acts on, else the agent the person named, else the one the answer named.
  const subject =
    fromPlan[0] ??
    byUser[0] ??
    (fromAnswer.length === 1 ? fromAnswer[0] : fromAnswer.length === 0 ? previous.subject : undefined);
  const recentAgents = [...new Set([...turnAgents, ...previous.recentAgents])].slice(0, rememberedAgents);
  const asked = answer.plan && answer.plan.questions.length > 0;
  let openQuestion = answer.openQuestion;
  if (!openQuestion && !asked && (answer.plan?.operations.length ?? 0) === 0) {
    const text = questionIn(answer.reply);
    if (text) openQuestion = { text, fills: 'answer', agentName: turnAgents[0] };
  }
  // The request "same for X" repeats: the words a follow-up was read as, else the message, when
  // it was about one agent; a turn about none keeps the one before.
  const about = fromPlan.length > 0 ? [...new Set(fromPlan)] : byUser;
  const lastRequest =
    about.length === 1 && about[0]
      ? { text: answer.understood ?? turn.text, agent: about[0] }
      : turnAgents.length === 0
        ? previous.lastRequest
        : undefined;
  return {
    recentAgents,
    // A turn about no agent keeps the last one's: "what time is it?" does not forget "them".
    lastTurnAgents: turnAgents.length > 0 ? turnAgents : previous.lastTurnAgents,
    ...(subject ? { subject } : {}),
    ...(openQuestion ? { openQuestion } : {}),
    ...(lastRequest ? { lastRequest } : {}),
    ...(answer.offer ? { offer: answer.offer } : {}),
  };
}
