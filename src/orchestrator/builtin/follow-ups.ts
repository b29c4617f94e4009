// Follow-ups in the built-in planner, read against what the conversation remembers: a change to
// the plan waiting for approval, the answer to a question a reply asked in its words, "it",
// "that one" and "them" for the agents the conversation was about (after a plan or an answer),
// and "try it again with <address>". A follow-up about a known agent is planned as the same
// request naming that agent, so every verb the planner knows works after "it".
import type { PlanOperation } from '../../domain/plan.ts';
import type { ConversationContext, OpenQuestionFills } from '../conversation-state.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { whichAgent } from './agent-choice.ts';
import { agentsMentioned } from './agent-names.ts';
import type { ActionDraft } from './drafts.ts';
import { takeOffer } from './offers.ts';
import { changeAccountKind } from './pending-account-kind.ts';
import { addToPendingPlan } from './pending-plan-additions.ts';
import { changePendingPlan } from './pending-plan-changes.ts';
import { growPendingPlan } from './pending-plan-growth.ts';
import { narrowPendingPlan } from './pending-plan-narrowing.ts';
import { correctPendingPlan } from './plan-corrections.ts';
import { addedAgents, repeatForAgents } from './repeat-requests.ts';
import { firstOf, hasAny, urlsIn, withoutAddresses } from './request-text.ts';
import { type ActionIntent, actionWords, agentKinds, createWords } from './vocabulary/vocabulary.ts';

type PlanAgain = (request: PlannerRequest) => Promise<PlannerAnswer>;

/** "It" and its kin, longest first; "that" alone is too common a word to stand for an agent. */
const singular = /\b(?:that one|this one|that agent|this agent|the same one|it)\b/i;
const plural = /\b(?:them|all of them|both of them|both|these|those)\b/i;
const again = /\b(?:try|run|do|test)\b.*\bagain\b.*\bwith\b|\bagain with\b/i;

function intentOf(text: string): ActionIntent | undefined {
  const action = firstOf(withoutAddresses(text), Object.values(actionWords).flat());
  if (!action) return undefined;
  return (Object.entries(actionWords) as [ActionIntent, readonly string[]][]).find(([, words]) =>
    words.includes(action.phrase as never),
  )?.[0];
}

/**
 * "Monitor https://… and e-mail it to me": a page and a kind of agent ask for a new one, whose
 * "it" is that agent, not one the conversation was about ("point it at https://…" is a change).
 */
function asksForNewAgent(text: string): boolean {
  if (urlsIn(text).length === 0 || again.test(text)) return false;
  const kinds = Object.values(agentKinds).flat();
  return hasAny(text, kinds) && intentOf(text) !== 'update';
}

/** The message with the pronoun replaced by the agent's name, or the name added when it has none. */
function naming(text: string, name: string, pattern: RegExp): string {
  return pattern.test(text)
    ? text.replace(pattern, `the ${name}`)
    : `${text.replace(/[.!?]+$/, '')} the ${name}`;
}

export async function planFollowUp(
  request: PlannerRequest,
  planAgain: PlanAgain,
): Promise<PlannerAnswer | undefined> {
  const conversation = request.conversation;
  if (!conversation) return undefined;
  const text = request.text.trim();
  const plain = { ...request, conversation: undefined };

  if (conversation.pendingPlan && conversation.pendingPlan.operations.length > 0) {
    // "Then run it", "and send the results to the reporting agent": added at the plan's end.
    const addition = addToPendingPlan(text, conversation.pendingPlan, request);
    if (addition) return addition;
    // "Only when it fails": the chain proposed starts on that ending instead.
    const narrowed = narrowPendingPlan(text, conversation.pendingPlan, request);
    if (narrowed) return narrowed;
    // "It's a bot token, not oauth": the account planned gets that kind.
    const rekinded = await changeAccountKind(text, conversation.pendingPlan, request, planAgain);
    if (rekinded) return rekinded;
    const corrected = await correctPendingPlan(text, request, planAgain);
    if (corrected) return corrected;
    const changed = changePendingPlan(text, conversation.pendingPlan, request);
    if (changed) return changed;
  }
  // "Yes", "ok fix it", "connect sheets then": what the last reply offered.
  const taken = await takeOffer(request, planAgain);
  if (taken) return taken;
  // "And the monthly one too": the last request again, on the agent named.
  const added = addedAgents(text, request.snapshot.agents);
  if (added.length > 0) {
    const repeated = await repeatForAgents(added, request, planAgain);
    if (repeated) return repeated;
  }
  // "And resume it", "then run the old reporting agent": its own request, added to the plan waiting.
  const pending = conversation.pendingPlan;
  if (pending && pending.operations.length > 0) {
    const grown = await growPendingPlan(text, pending, request, planAgain);
    if (grown) return grown;
  }
  const agents = request.snapshot.agents;
  const named = agentsMentioned(text, agents);
  const createsFirst = (firstOf(text.toLowerCase(), createWords)?.index ?? -1) === 0;
  if (named.length > 0 || createsFirst || asksForNewAgent(text)) return undefined;

  const known = (name: string | undefined) =>
    name ? agents.find((agent) => agent.name.toLowerCase() === name.toLowerCase()) : undefined;

  const open = conversation.openQuestion;
  const asked = known(open?.agentName);
  if (open && asked) {
    const rewritten = answerText(text, asked.name, open.fills);
    if (rewritten) return planAgain({ ...plain, text: rewritten, lastAgentName: asked.name });
  }

  // "Why did the first one fail", "move the second one to 7": by its place in the last answer;
  // "pause the new one": by its age beside the agent the conversation was about.
  const placed = agentByPlace(text, conversation) ?? agentByAge(text, conversation, agents);
  // The conversation is kept: "and the other one?" repeats the last request on that agent.
  if (placed && known(placed.name)) {
    const read = text.replace(placed.words, `the ${placed.name}`);
    const answer = await planAgain({ ...request, text: read, lastAgentName: placed.name });
    return { ...answer, understood: answer.understood ?? read };
  }

  const referent = referentFor(text, conversation);
  if (referent.kind === 'several') return planForEach(text, referent.names, plain, planAgain);
  if (referent.kind === 'ambiguous') return askWhich(text, referent.names, request);
  const agent = known(referent.kind === 'one' ? referent.name : undefined);
  if (!agent) return undefined;
  if (again.test(text) && urlsIn(text).length > 0) return tryAgainWith(text, agent.name, plain, planAgain);
  return planAgain({ ...plain, text: naming(text, agent.name, singular), lastAgentName: agent.name });
}

/** The message read as the answer to the open question about `name`, or undefined when it is not one. */
function answerText(text: string, name: string, fills: OpenQuestionFills) {
  if (fills === 'runInput' && (/[{=:]/.test(text) || /^\S+\s+\S+$/.test(text)))
    return `run the ${name} with ${text}`;
  if (fills === 'change' && !intentOf(text)) return `change the ${name}: ${text}`;
  if (fills === 'change') return naming(text, name, singular);
  // "Pause", "yes, run it", "run it every day at 9": an action, on the agent asked about.
  if (intentOf(text) || singular.test(text)) return naming(text, name, singular);
  return undefined;
}

const places: Record<string, number> = {
  first: 0,
  '1st': 0,
  former: 0,
  second: 1,
  '2nd': 1,
  third: 2,
  '3rd': 2,
  fourth: 3,
  '4th': 3,
  fifth: 4,
  '5th': 4,
  last: -1,
  latter: -1,
};
const placeWords =
  /\bthe (first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|other) (?:one|agent)\b|\bthe (former|latter)\b/i;

/** The agent a place in the last answer's list names ("the second one", "the other one"). */
function agentByPlace(
  text: string,
  conversation: ConversationContext,
): { name: string; words: string } | undefined {
  const found = placeWords.exec(text);
  if (!found) return undefined;
  const word = (found[1] ?? found[2] ?? '').toLowerCase();
  if (word === 'other') {
    // "The other one": of the two last spoken of, the one the last turn was not about.
    const two =
      conversation.lastTurnAgents.length === 2
        ? conversation.lastTurnAgents
        : conversation.recentAgents.slice(0, 2);
    const current =
      conversation.lastTurnAgents.length === 1 ? conversation.lastTurnAgents[0] : conversation.subject;
    const others = two.filter((name) => name !== current);
    return two.length === 2 && others.length === 1
      ? { name: others[0] as string, words: found[0] }
      : undefined;
  }
  const last = conversation.lastTurnAgents;
  if (last.length < 2) return undefined;
  const place = places[word];
  const name = place === undefined ? undefined : last.at(place);
  return name ? { name, words: found[0] } : undefined;
}

/** Words that mark an agent's name as the older of two alike: "Reporting Agent (old)". */
const oldMarks = new Set(['old', 'older', 'legacy', 'deprecated', 'previous', 'original', 'v1']);
const ageWords = /\bthe (new|newer|newest|old|older|oldest|previous|legacy) (?:one|agent|version)\b/i;

/** A name's words without the marks of age: "Reporting Agent (old)" and "Reporting Agent" share them. */
function withoutAge(name: string): string {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !oldMarks.has(word) && word !== 'new' && word !== 'v2')
    .join(' ');
}

/**
 * "The new one" after talk of "Reporting Agent (old)" is "Reporting Agent"; "the old one" after
 * "Reporting Agent" is "Reporting Agent (old)". Only when exactly one agent fits.
 */
export function agentByAge(
  text: string,
  conversation: ConversationContext,
  agents: readonly { name: string }[],
): { name: string; words: string } | undefined {
  // Only in the request itself: "delete it, the new one replaced it" gives a reason, not the agent.
  const found = ageWords.exec(text.split(/[,;:]|\s+-\s+|\b(?:because|since|as)\b/)[0] ?? '');
  if (!found) return undefined;
  const wantsOld = !/^new/i.test(found[1] ?? '');
  const isOld = (name: string) =>
    name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .some((word) => oldMarks.has(word));
  const about = [conversation.subject, ...conversation.lastTurnAgents, ...conversation.recentAgents];
  for (const base of about) {
    if (!base) continue;
    const alike = agents.filter(
      (agent) =>
        agent.name !== base && withoutAge(agent.name) === withoutAge(base) && isOld(agent.name) === wantsOld,
    );
    if (alike.length === 1 && isOld(base) !== wantsOld)
      return { name: (alike[0] as { name: string }).name, words: found[0] };
  }
  return undefined;
}

type Referent =
  | { kind: 'none' }
  | { kind: 'one'; name: string }
  | { kind: 'several'; names: string[] }
  | { kind: 'ambiguous'; names: string[] };

/** Whom "it" or "them" means: the agents of the last turn, else the one the conversation was about. */
function referentFor(text: string, conversation: ConversationContext): Referent {
  const last = conversation.lastTurnAgents;
  if (plural.test(text) && last.length > 1) return { kind: 'several', names: last };
  if (!singular.test(text) && !again.test(text)) return { kind: 'none' };
  if (conversation.subject) return { kind: 'one', name: conversation.subject };
  if (last.length > 1) return { kind: 'ambiguous', names: last };
  const name = conversation.recentAgents[0];
  return name ? { kind: 'one', name } : { kind: 'none' };
}

/** "Pause them": the same request for each agent, as one plan. */
async function planForEach(
  text: string,
  names: readonly string[],
  request: PlannerRequest,
  planAgain: PlanAgain,
): Promise<PlannerAnswer | undefined> {
  const answers = await Promise.all(
    names.map((name) => planAgain({ ...request, text: naming(text, name, plural), lastAgentName: name })),
  );
  const operations: PlanOperation[] = answers.flatMap((answer) =>
    answer.plan && answer.plan.questions.length === 0 ? answer.plan.operations : [],
  );
  if (operations.length === 0) return undefined;
  return {
    reply: answers.map((answer) => answer.reply).join('\n'),
    plan: {
      summary: answers
        .map((answer) => answer.plan?.summary)
        .filter(Boolean)
        .join(' '),
      questions: [],
      operations,
    },
  };
}

/** "Run it" after an answer about several agents: which one, answered in the next message. */
function askWhich(
  text: string,
  names: readonly string[],
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const intent = intentOf(text);
  const candidates = request.snapshot.agents.filter((agent) => names.includes(agent.name));
  if (!intent || candidates.length < 2) return undefined;
  const question = whichAgent(candidates);
  return {
    reply: question.text,
    plan: {
      summary: `Waiting to know which agent to ${intent}.`,
      questions: [question],
      operations: [],
      draft: {
        kind: 'action',
        intent,
        candidates: candidates.map((agent) => agent.id),
        text,
      } satisfies ActionDraft,
    },
  };
}

/**
 * "Try it again with https://…": an agent whose input takes an address runs with it; any other
 * is pointed at the address and run once, as a plan.
 */
async function tryAgainWith(
  text: string,
  name: string,
  request: PlannerRequest,
  planAgain: PlanAgain,
): Promise<PlannerAnswer | undefined> {
  const url = urlsIn(text)[0] as string;
  const agent = request.snapshot.agents.find((candidate) => candidate.name === name);
  const properties = (agent?.spec.input as { properties?: Record<string, unknown> } | undefined)?.properties;
  const field = Object.keys(properties ?? {}).find((key) => /url|address|page|link/i.test(key));
  if (agent && field) {
    return planAgain({
      ...request,
      text: `run the ${name} with {"${field}": "${url}"}`,
      lastAgentName: name,
    });
  }
  const changed = await planAgain({
    ...request,
    text: `use ${url} instead for the ${name}`,
    lastAgentName: name,
  });
  const update = changed.plan?.operations.find((operation) => operation.type === 'updateAgent');
  if (!update || !agent) return changed;
  return {
    reply: `${changed.reply.replace(/ Approve to make it version \d+\.$/, '')}, then run it once to try it. Approve to go ahead.`,
    plan: {
      summary: `${changed.plan?.summary ?? ''} Then run "${name}" once.`,
      questions: [],
      operations: [
        update,
        { type: 'runAgent', agentId: agent.id, agentName: agent.name, input: {}, test: true },
      ],
    },
  };
}
