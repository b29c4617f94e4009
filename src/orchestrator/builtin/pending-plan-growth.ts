// A follow-up that adds a request of its own to the plan waiting for approval: "then run the old
// reporting agent" after a reconnect, "and resume it" after a fix, "and pause the weekly report
// too" after a chain. The request is planned as if said alone ("it" read against the
// conversation), and its operations join the plan: the answer is that plan with them at its end,
// never a plan that drops what was waiting. An operation that undoes or supersedes one waiting
// on the same agent (resume after pause, delete after anything, a second schedule) replaces it.
import type { PlannedChange, PlanOperation } from '../../domain/plan.ts';
import { operationAgents } from '../conversation-state.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';

type PlanAgain = (request: PlannerRequest) => Promise<PlannerAnswer>;

/** Words that open an addition: "and …", "also …", "then …", "plus …", "and after that …". */
const opening =
  /^(?:(?:oh|ok|okay)[\s,]+)?(?:(?:and|also|then|plus|after that|afterwards|as well)\b[\s,:;-]*)+(?=\S)/i;
/** Words that close one: "… too", "… as well", "… also". */
const closing = /[\s,]+(?:too|as well|also)\s*[.!]*$/i;

/** The request an addition holds without its joining words, or undefined when it is no addition. */
export function addedRequest(text: string): string | undefined {
  const trimmed = text.trim();
  const opens = opening.exec(trimmed);
  const closes = closing.exec(trimmed);
  if (!opens && !closes) return undefined;
  const said = trimmed
    .slice(opens?.[0].length ?? 0)
    .replace(closing, '')
    .trim();
  return said.length > 0 ? said : undefined;
}

/** Operations that cancel each other on the same agent: the later one is what is meant. */
const opposites: Partial<Record<PlanOperation['type'], PlanOperation['type']>> = {
  pauseAgent: 'resumeAgent',
  resumeAgent: 'pauseAgent',
  scheduleAgent: 'unscheduleAgent',
  unscheduleAgent: 'scheduleAgent',
  chainAgents: 'unchainAgents',
  unchainAgents: 'chainAgents',
};

/** The same kind of operation on the same agents: the newer one supersedes it. */
function sameTarget(waiting: PlanOperation, added: PlanOperation): boolean {
  if (waiting.type === 'connectAccount' || added.type === 'connectAccount')
    return (
      waiting.type === 'connectAccount' &&
      added.type === 'connectAccount' &&
      waiting.service.toLowerCase() === added.service.toLowerCase() &&
      waiting.label === added.label
    );
  const agents = (operation: PlanOperation) => operationAgents(operation).join(' -> ');
  if (agents(waiting) !== agents(added)) return false;
  return waiting.type === added.type || opposites[waiting.type] === added.type;
}

/** The waiting operations the added ones leave: none on an agent deleted, none superseded. */
export function keptOperations(
  waiting: readonly PlanOperation[],
  added: readonly PlanOperation[],
): PlanOperation[] {
  const deleted = new Set(
    added.flatMap((operation) => (operation.type === 'deleteAgent' ? [operation.agentName] : [])),
  );
  return waiting.filter(
    (operation) =>
      !operationAgents(operation).some((name) => deleted.has(name)) &&
      !added.some((addition) => sameTarget(operation, addition)),
  );
}

/** The pending plan with the message's own request added, or undefined when it adds none. */
export async function growPendingPlan(
  text: string,
  pending: PlannedChange,
  request: PlannerRequest,
  planAgain: PlanAgain,
): Promise<PlannerAnswer | undefined> {
  const said = addedRequest(text);
  if (!said || !request.conversation) return undefined;
  const alone = await planAgain({
    ...request,
    text: said,
    conversation: { ...request.conversation, pendingPlan: undefined },
  });
  const plan = alone.plan;
  if (!plan || plan.questions.length > 0 || plan.operations.length === 0) return undefined;
  const kept = keptOperations(pending.operations, plan.operations);
  if (kept.length === 0) return alone;
  const reply = alone.reply.replace(/\s*Approve[^.]*\.\s*$/, '');
  return {
    reply: `I added to the plan waiting for approval: ${reply} Approve the plan to go ahead.`,
    plan: {
      summary: `${pending.summary.replace(/\.$/, '')}. Then: ${plan.summary}`,
      questions: [],
      operations: [...kept, ...plan.operations],
    },
    ...(alone.understood ? { understood: alone.understood } : {}),
  };
}
