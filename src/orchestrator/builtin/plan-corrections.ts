// Corrections to the plan waiting for approval: "no wait, pause it instead", "actually don't
// delete it, pause it", "actually leave the weekly one running", "except the reporter", "not that
// one, the other one". The answer is that plan with the part replaced or taken out (a new plan
// superseding it). A correction is one request: it is never cut into "no wait" and "pause it".
import type { PlannedChange, PlanOperation } from '../../domain/plan.ts';
import type { ConversationContext } from '../conversation-state.ts';
import { operationAgents } from '../conversation-state.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { whichAgent } from './agent-choice.ts';
import { agentsMentioned, nameScore } from './agent-names.ts';
import { firstOf, withoutAddresses } from './request-text.ts';
import { requestAgain } from './requests-again.ts';
import { type ActionIntent, actionWords, scheduleWords } from './vocabulary/vocabulary.ts';

type PlanAgain = (request: PlannerRequest) => Promise<PlannerAnswer>;

/** Words that open a correction of what was just asked. */
const opener =
  /^\s*(?:(?:no+|nope|nah|wait|hold on|hang on|actually|sorry|oops|hmm+|uh+|er+m?|on second thoughts?|scratch that|change of plans?|never ?mind|i mean|i meant|rather|not that one|not that|not(?=\s+(?:the|this|that|it)\b))\b[\s,.!:;-]*)+/i;
/** "Don't delete it", "do not pause the reporter", "no need to run it". */
const negated =
  /\b(?:don'?t|dont|do not|not|no need to|never mind|instead of)\s+(?:to\s+)?(?:actually\s+)?([a-z][a-z-]*(?:\s+(?:off|on|of|rid of))?)/i;
/** Words that take agents out of the plan: "leave the weekly one running", "except the reporter". */
const removal =
  /\b(?:leave|keep)\b.*\b(?:running|on|active|alone|going|be|untouched|as (?:it|they) (?:is|are)|as is)\b|^\s*(?:(?:no+|nope|wait|actually|but|oh)[\s,.!]+)*keep\b(?!\s+an?\s+eye)|\bexcept(?:\s+for)?\b|\bbut not\b|\bskip\b|\bdon'?t\s+(?:touch|include)\b|\bwithout\b|\bleave\s+out\b|\bexclude\b|\bminus\b|\bnot\s+the\b|\btake\b.*\bout\b|\b(?:remove|drop|cut|delete)\b.*\bfrom\s+(?:the|this|that)\s+plan\b/i;
/** "Only the weekly one", "just the weekly report": the plan keeps those agents alone. */
const keepOnly = /^\s*(?:(?:no+|nope|wait|actually|sorry|oops|hmm+)[\s,.!]+)*(?:only|just)\b/i;
/** "The other one", "the other report": the agent of the plan was the wrong one of two alike. */
const other = /\b(?:the\s+)?other\s+(?:one|agent|report|collector|scraper|monitor)\b/i;

/** Whether the message reads as a correction: such a message is never cut into several. */
export function isCorrection(text: string): boolean {
  return (
    keepOnly.test(text) ||
    (opener.test(text) &&
      (/\binstead\b/i.test(text) || negated.test(text) || other.test(text) || removal.test(text)))
  );
}

function intentOfWord(text: string): ActionIntent | undefined {
  const action = firstOf(withoutAddresses(text), Object.values(actionWords).flat());
  // "Schedule it every friday" is a run on a schedule.
  const scheduled = firstOf(withoutAddresses(text), [...scheduleWords]);
  if (scheduled && (!action || scheduled.index < action.index)) return 'run';
  if (!action) return undefined;
  return (Object.entries(actionWords) as [ActionIntent, readonly string[]][]).find(([, words]) =>
    words.includes(action.phrase as never),
  )?.[0];
}

const intentTypes: Record<ActionIntent, PlanOperation['type'][]> = {
  delete: ['deleteAgent'],
  pause: ['pauseAgent'],
  resume: ['resumeAgent'],
  run: ['runAgent', 'scheduleAgent'],
  update: ['updateAgent'],
};

function acts(operation: PlanOperation, name: string) {
  return operationAgents(operation).includes(name);
}

function replyFor(operations: PlanOperation[], said: string): PlannerAnswer {
  if (operations.length === 0) return { reply: 'All right, I dropped that plan: nothing is left in it.' };
  return {
    reply: `I changed the plan waiting for approval: ${said} Approve the plan to go ahead.`,
    plan: { summary: said, questions: [], operations },
  };
}

/** The pending plan corrected as the message asks; undefined when it is no correction of it. */
export async function correctPendingPlan(
  text: string,
  request: PlannerRequest,
  planAgain: PlanAgain,
): Promise<PlannerAnswer | undefined> {
  const conversation = request.conversation as ConversationContext;
  const pending = conversation.pendingPlan;
  if (!pending || pending.operations.length === 0) return undefined;
  // "Actually no", "never mind", "cancel that": the plan is dropped.
  if (
    /^\s*(?:(?:no+|nope|nah|actually|wait|cancel|forget it|forget that|never ?mind|scratch that|that'?s all)[\s,.!]*)+(?:that|it|this|the plan)?[\s.!]*$/i.test(
      text,
    )
  )
    return { reply: 'All right, I dropped that plan: approve nothing, and nothing changes.' };
  const own = [...new Set(pending.operations.flatMap(operationAgents))];
  const existing = own.filter((name) => request.snapshot.agents.some((agent) => agent.name === name));
  const plain = { ...request, conversation: undefined };
  const named = agentsMentioned(
    withoutAddresses(text),
    existing.map((name) => ({ name })),
  ).map((match) => match.item.name);
  const elsewhere = agentsMentioned(withoutAddresses(text), request.snapshot.agents)
    .map((match) => match.item.name)
    .filter((name) => !own.includes(name));
  const denied = negated.exec(text);
  const deniedIntent = denied?.[1] ? intentOfWord(denied[1]) : undefined;

  // "Only the weekly one": the others are left out.
  if (
    keepOnly.test(text) &&
    named.length > 0 &&
    elsewhere.length === 0 &&
    !intentOfWord(text.replace(keepOnly, ''))
  ) {
    const operations = pending.operations.filter((operation) => named.some((name) => acts(operation, name)));
    const left = own.filter((name) => !named.includes(name));
    if (operations.length === pending.operations.length || left.length === 0) return undefined;
    return replyFor(operations, `${left.map((name) => `"${name}"`).join(' and ')} left out.`);
  }
  // "Leave the weekly one running", "except the reporter", "don't pause the monthly one".
  // A verb of its own besides ("run the weekly report without e-mail") asks for something else.
  // "No wait, keep X running": the opener first, so the whole "keep … running" is the removal.
  const ownVerb =
    intentOfWord(text.replace(opener, '').replace(removal, ' ').replace(negated, ' ')) !== undefined;
  const removes =
    (removal.test(text) && !ownVerb) || (denied && !/\binstead\b/i.test(text) && !afterDenial(text));
  if (removes && named.length > 0 && named.length < own.length + 1 && elsewhere.length === 0) {
    const types = deniedIntent ? intentTypes[deniedIntent] : undefined;
    const operations = pending.operations.filter(
      (operation) =>
        !named.some((name) => acts(operation, name) && (!types || types.includes(operation.type))),
    );
    if (operations.length === pending.operations.length) return undefined;
    return replyFor(operations, `${named.map((name) => `"${name}"`).join(' and ')} left out.`);
  }

  if (!opener.test(text) && !/\binstead\b/i.test(text)) return undefined;
  const subject = existing.at(-1) ?? existing[0];
  if (!subject) return undefined;

  // "Not that one, the other one": the same plan on the agent alike the conversation was about.
  if (other.test(text) || (elsewhere.length === 1 && !intentOfWord(stripped(text)))) {
    const alike = elsewhere.length > 0 ? elsewhere : othersAlike(subject, conversation, request);
    if (alike.length === 1) return moved(pending, subject, alike[0] as string, plain, planAgain);
    return askWhichOther(pending, subject, alike, request);
  }

  // "No wait, pause it instead", "actually don't delete it, pause it": a verb said instead of another.
  if (!/\binstead\b/i.test(text) && !denied) return undefined;
  const positive = stripped(text);
  const intent = intentOfWord(positive);
  if (!intent || intent === 'update') return undefined;
  // "Them" is every agent of the plan; "it" the one it acts on last.
  const plural = /\b(?:them|both|all of them|those|these)\b/i;
  const targets =
    named.length > 0 ? named : elsewhere.length > 0 ? [] : plural.test(positive) ? existing : [subject];
  if (targets.length === 0) return undefined;
  const types = deniedIntent ? intentTypes[deniedIntent] : undefined;
  let operations = [...pending.operations];
  const replies: string[] = [];
  const understood: string[] = [];
  for (const target of targets) {
    const replaced = operations.filter(
      (operation) => acts(operation, target) && (!types || types.includes(operation.type)),
    );
    if (replaced.length === 0) continue;
    const pronoun = /\b(?:it|them|both|those|these|that|this one|that one)\b/i;
    const said = pronoun.test(positive)
      ? positive.replace(pronoun, `the ${target}`)
      : named.length > 0
        ? positive
        : `${positive} the ${target}`;
    const answer = await planAgain({ ...plain, text: said, lastAgentName: target });
    const added = answer.plan && answer.plan.questions.length === 0 ? answer.plan.operations : undefined;
    if (!added || added.length === 0) return answer.plan || targets.length > 1 ? undefined : answer;
    const at = operations.indexOf(replaced[0] as PlanOperation);
    operations = operations.filter((operation) => !replaced.includes(operation));
    operations.splice(at, 0, ...added);
    replies.push(answer.reply.replace(/ Approve[^.]*\.$/, ''));
    understood.push(said);
  }
  if (replies.length === 0) return undefined;
  return { ...replyFor(operations, replies.join(' ')), understood: understood.join(' and ') };
}

/** "Don't delete it, pause it": a verb of its own after the denied one. */
function afterDenial(text: string): boolean {
  const denied = negated.exec(text);
  if (!denied) return false;
  const rest = text.slice(denied.index + denied[0].length);
  return intentOfWord(rest) !== undefined;
}

/** The message without its opener, its denied clause and "instead": what it asks for. */
function stripped(text: string): string {
  let rest = text.replace(opener, '');
  const denied = negated.exec(rest);
  if (denied) {
    const after = rest.slice(denied.index + denied[0].length);
    // "don't delete it, pause it": the denied clause runs to the comma or "but".
    const cut = /[,;.]|\bbut\b|\band\b|\bjust\b/i.exec(after);
    rest = `${rest.slice(0, denied.index)} ${cut ? after.slice(cut.index + cut[0].length) : ''}`;
  }
  return rest
    .replace(/\binstead(?:\s+of\s+that)?\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:-]+|[\s,.;:!-]+$/g, '')
    .trim();
}

/** The other agents alike `name`: the one the conversation was about, else all alike. */
function othersAlike(name: string, conversation: ConversationContext, request: PlannerRequest): string[] {
  const alike = [
    ...conversation.lastTurnAgents,
    ...conversation.recentAgents,
    ...request.snapshot.agents.map((a) => a.name),
  ]
    .filter((candidate, index, all) => candidate !== name && all.indexOf(candidate) === index)
    .filter((candidate) => nameScore(candidate, name).shared > 0);
  const recent = alike.filter((candidate) => conversation.recentAgents.includes(candidate));
  if (recent.length > 0) return recent;
  // The most alike: "Reporting Agent (old)" before "Weekly Report" for "Reporting Agent".
  const best = Math.max(...alike.map((candidate) => nameScore(candidate, name).score));
  return alike.filter((candidate) => nameScore(candidate, name).score === best);
}

/** "The other one" among several alike: which, answered next, for the one action the plan took. */
function askWhichOther(
  pending: PlannedChange,
  subject: string,
  names: readonly string[],
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const [only, ...more] = pending.operations;
  const intent = (Object.entries(intentTypes) as [ActionIntent, PlanOperation['type'][]][]).find(
    ([key, types]) => key !== 'update' && only?.type === types[0],
  )?.[0];
  const candidates = request.snapshot.agents.filter((agent) => names.includes(agent.name));
  if (!intent || more.length > 0 || !only || !acts(only, subject) || candidates.length < 2) return undefined;
  const question = whichAgent(candidates);
  return {
    reply: `Not "${subject}", then. ${question.text}`,
    plan: {
      summary: `Waiting to know which agent to ${intent}.`,
      questions: [question],
      operations: [],
      draft: { intent, candidates: candidates.map((agent) => agent.id), text: '' },
    },
  };
}

/** The pending plan's requests on `from`, said again for `to`. */
async function moved(
  pending: PlannedChange,
  from: string,
  to: string,
  request: PlannerRequest,
  planAgain: PlanAgain,
): Promise<PlannerAnswer | undefined> {
  const operations: PlanOperation[] = [];
  const replies: string[] = [];
  for (const operation of pending.operations) {
    if (!acts(operation, from)) {
      operations.push(operation);
      continue;
    }
    const said = requestAgain(operation, from, to);
    if (!said) return undefined;
    const answer = await planAgain({ ...request, text: said, lastAgentName: to });
    if (!answer.plan || answer.plan.questions.length > 0) return answer.plan ? undefined : answer;
    operations.push(...answer.plan.operations);
    replies.push(answer.reply.replace(/ Approve[^.]*\.$/, ''));
  }
  return replyFor(operations, `"${to}" instead of "${from}". ${replies.join(' ')}`);
}
