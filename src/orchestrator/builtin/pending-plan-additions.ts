// Additions to the plan waiting for approval that reach past its own operations: "and send the
// results to the reporting agent once done" chains the agent the plan is about to one the
// workspace has; "then run it" runs that agent once the plan's own operations are done. The
// answer is the pending plan with the addition at its end, never a plan that drops it.
import type { PlannedChange, PlanOperation } from '../../domain/plan.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { planAccountForPendingAgent } from './agent-account-planning.ts';
import { agentsMentioned } from './agent-names.ts';
import { hasAny } from './request-text.ts';
import { chainHandOverWords, chainResultWords, chainStartWords } from './vocabulary/vocabulary.ts';

type Subject = { agentId?: string; agentName: string };

/** "Then run it", "and test it after", "run it once that's done": a run after the plan, nothing else. */
const runAfter =
  /^(?:(?:and|also|then|ok|okay|please|pls|after that|afterwards)[\s,]+)*(?:run|test|try|start|kick off|execute)\s+(?:it|this|that|the new one|the agent)(?:\s+(?:then|now|once|after(?:wards)?|after that|right after|once (?:that'?s|it'?s|it is) done|when (?:that'?s|it'?s|it is) done|too|as well|please|pls))*[\s.!]*$/i;

/** The agent the plan is about: the one it creates, else the first it acts on. */
function subjectOf(operations: readonly PlanOperation[]): Subject | undefined {
  for (const operation of operations) {
    if (operation.type === 'createAgent') return { agentName: String(operation.spec.name) };
    if (operation.type === 'connectAccount') continue;
    if (operation.type === 'chainAgents' || operation.type === 'unchainAgents') return operation.from;
    return { agentId: operation.agentId, agentName: operation.agentName };
  }
  return undefined;
}

function withAddition(pending: PlannedChange, operation: PlanOperation, said: string): PlannerAnswer {
  const summary = `${pending.summary.replace(/\.$/, '')}; then ${said}.`;
  return {
    reply: `I added to the plan waiting for approval: ${said}. ${summary} Approve the plan to go ahead.`,
    plan: { summary, questions: [], operations: [...pending.operations, operation] },
  };
}

/** "Then run it": the plan's agent run once after the plan, unless the plan already ends so. */
function runAfterPlan(text: string, pending: PlannedChange): PlannerAnswer | undefined {
  if (!runAfter.test(text.trim())) return undefined;
  const subject = subjectOf(pending.operations);
  if (!subject) return undefined;
  // A plan that already runs it (a new agent's test run) answers as it is: see offers.ts.
  const runs = pending.operations.some(
    (operation) => operation.type === 'runAgent' && operation.agentName === subject.agentName,
  );
  if (runs) return undefined;
  return withAddition(
    pending,
    { type: 'runAgent', ...subject, input: {}, test: true },
    `run "${subject.agentName}" once`,
  );
}

/** Whether the plan makes an agent or gives it a schedule: runs that come again, to chain after. */
function repeats(pending: PlannedChange): boolean {
  return pending.operations.some(
    (operation) => operation.type === 'createAgent' || operation.type === 'scheduleAgent',
  );
}

/** "And send the results to the reporting agent once done": the plan's agent chained to it. */
function chainAfterPlan(
  text: string,
  pending: PlannedChange,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const handsOver =
    (hasAny(text, chainHandOverWords) && (hasAny(text, chainResultWords) || /\b(?:it|them)\b/i.test(text))) ||
    // "Then run the reporter" after a new or scheduled agent: each of its runs; after a pause or a
    // fix, one run of the reporter (pending-plan-growth.ts).
    (/\bthen\s+(?:run|start|trigger|kick off)\b/i.test(text) && repeats(pending)) ||
    (hasAny(text, chainStartWords) &&
      /\b(?:once|when|after)\b.*\b(?:done|finished|finishes|ends)\b/i.test(text));
  if (!handsOver || !/\bto\b|\bthen\b/i.test(text)) return undefined;
  const subject = subjectOf(pending.operations);
  const named = agentsMentioned(text, request.snapshot.agents).map((match) => match.item);
  const target = named.length === 1 ? named[0] : undefined;
  if (!subject || !target || target.name === subject.agentName) return undefined;
  const chained = pending.operations.some(
    (operation) => operation.type === 'chainAgents' && operation.to.agentName === target.name,
  );
  if (chained) return undefined;
  const on = /\b(?:fail|fails|failed|error)\b/i.test(text) ? 'failure' : 'success';
  return withAddition(
    pending,
    { type: 'chainAgents', from: subject, to: { agentId: target.id, agentName: target.name }, on },
    `when "${subject.agentName}" ${on === 'success' ? 'succeeds' : 'fails'}, "${target.name}" starts with its results`,
  );
}

/** The pending plan with what the message adds at its end, or undefined when it adds nothing known. */
export function addToPendingPlan(
  text: string,
  pending: PlannedChange,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  return (
    runAfterPlan(text, pending) ??
    chainAfterPlan(text, pending, request) ??
    planAccountForPendingAgent(text, pending, request)
  );
}
