// The checks every plan passes before a person sees it, whichever planner made it: the agents it
// names exist, the names it gives are new and its own, its specs validate, the accounts its
// agents use exist (or the plan connects them first), and its schedules can be read. A plan that
// fails one is never stored as a change to approve: the Orchestrator turns the problems into a
// question, and the LLM planner sends them back to its model for one repair first.
import { describeSpecIssues, validateAgentSpec } from '../domain/agent-spec.ts';
import type { PlanOperation } from '../domain/plan.ts';
import { checkTimezone, nextOccurrences, resolveCron } from '../triggers/schedule-times.ts';
import { connectionNamed, connectionReferenceOf } from './connection-help.ts';
import type { PlannerAnswer, WorkspaceSnapshot } from './planner.ts';

/** One failed check: which operation (0-based) and what is wrong with it, in words. */
export interface PlanProblem {
  operation: number;
  message: string;
}

type Check = (operations: readonly PlanOperation[], snapshot: WorkspaceSnapshot) => PlanProblem[];

const lower = (name: string) => name.trim().toLowerCase();

/** The account a plan names by service (and label), as `service/label` when labelled. */
export function accountName(service: string, label = '') {
  return label ? `${service}/${label.toLowerCase()}` : service;
}

/** The names of the agents the operations before `index` create, lowercased. */
function createdBefore(operations: readonly PlanOperation[], index: number): Set<string> {
  const names = new Set<string>();
  for (const operation of operations.slice(0, index)) {
    if (operation.type === 'createAgent' && typeof operation.spec.name === 'string')
      names.add(lower(operation.spec.name));
  }
  return names;
}

/** Every agent an operation names: by id when it exists, by name when this plan creates it. */
function targetsOf(operation: PlanOperation): { agentId?: string; agentName: string }[] {
  switch (operation.type) {
    case 'createAgent':
    case 'connectAccount':
      return [];
    case 'chainAgents':
    case 'unchainAgents':
      return [operation.from, operation.to];
    default:
      return [operation];
  }
}

/** The agents the plan acts on exist in the workspace, or are created earlier in the plan. */
export const checkAgentsExist: Check = (operations, snapshot) => {
  const ids = new Set(snapshot.agents.map((agent) => agent.id));
  const names = new Set(snapshot.agents.map((agent) => lower(agent.name)));
  const problems: PlanProblem[] = [];
  operations.forEach((operation, index) => {
    for (const target of targetsOf(operation)) {
      const found = target.agentId
        ? ids.has(target.agentId)
        : names.has(lower(target.agentName)) || createdBefore(operations, index).has(lower(target.agentName));
      if (!found) {
        problems.push({
          operation: index,
          message: `there is no agent "${target.agentName}" in this workspace${target.agentId ? '' : ', and the plan does not create it before this'}`,
        });
      }
    }
  });
  return problems;
};

/** A new agent's name is taken by no agent of the workspace and no other agent of the plan. */
export const checkNewNamesUnique: Check = (operations, snapshot) => {
  const problems: PlanProblem[] = [];
  const created = new Set<string>();
  operations.forEach((operation, index) => {
    if (operation.type !== 'createAgent' && operation.type !== 'updateAgent') return;
    const name = operation.spec.name;
    if (typeof name !== 'string' || !name.trim()) return;
    const owner = snapshot.agents.find((agent) => lower(agent.name) === lower(name));
    if (operation.type === 'createAgent') {
      if (owner) problems.push({ operation: index, message: `an agent named "${name}" already exists` });
      else if (created.has(lower(name)))
        problems.push({ operation: index, message: `the plan creates two agents named "${name}"` });
      created.add(lower(name));
      return;
    }
    // A rename must not take another agent's name.
    if ((owner && owner.id !== operation.agentId) || created.has(lower(name))) {
      problems.push({
        operation: index,
        message: `"${operation.agentName}" cannot be renamed "${name}": another agent has that name`,
      });
    }
  });
  return problems;
};

/** Every spec the plan creates or updates an agent with validates. */
export const checkSpecsValid: Check = (operations) => {
  const problems: PlanProblem[] = [];
  operations.forEach((operation, index) => {
    if (operation.type !== 'createAgent' && operation.type !== 'updateAgent') return;
    const validation = validateAgentSpec(operation.spec);
    if (!validation.success) {
      problems.push({
        operation: index,
        message: `the spec does not validate: ${describeSpecIssues(validation.issues)}`,
      });
    }
  });
  return problems;
};

/**
 * The accounts a spec's steps name that neither the workspace nor `connected` has; a reference
 * written as a template is left alone, since only a run knows its value.
 */
export function missingAccounts(
  spec: { steps?: unknown },
  snapshot: WorkspaceSnapshot,
  connected: ReadonlySet<string>,
): string[] {
  const missing: string[] = [];
  const steps = Array.isArray(spec.steps) ? (spec.steps as { with?: Record<string, unknown> }[]) : [];
  for (const step of steps) {
    if (!step || typeof step.with !== 'object' || step.with === null) continue;
    const reference = connectionReferenceOf(step as { with: Record<string, unknown> });
    if (!reference || reference.includes('{{')) continue;
    const [service = '', label = ''] = reference.trim().toLowerCase().split('/', 2);
    if (connectionNamed(snapshot, reference) || connected.has(accountName(service, label))) continue;
    if (connected.has(service) && !label) continue;
    missing.push(reference);
  }
  return missing;
}

/**
 * The accounts a created or updated agent uses exist, or a connectAccount earlier in the plan
 * makes them. An update is held only to the accounts it adds: one its agent already named is
 * troubleshooting's matter, not a new mistake of this plan.
 */
export const checkAccountsExist: Check = (operations, snapshot) => {
  const problems: PlanProblem[] = [];
  const connected = new Set<string>();
  operations.forEach((operation, index) => {
    if (operation.type === 'connectAccount') {
      connected.add(accountName(lower(operation.service), operation.label));
      return;
    }
    if (operation.type !== 'createAgent' && operation.type !== 'updateAgent') return;
    const before =
      operation.type === 'updateAgent'
        ? new Set(missingAccounts(operation.before ?? {}, snapshot, connected))
        : new Set<string>();
    for (const account of missingAccounts(operation.spec, snapshot, connected)) {
      if (before.has(account)) continue;
      problems.push({
        operation: index,
        message: `it uses the account "${account}", which the workspace does not have; connect it (connectAccount) before this`,
      });
    }
  });
  return problems;
};

/** What is wrong with a schedule operation's timing, if anything. */
function scheduleProblem(operation: Extract<PlanOperation, { type: 'scheduleAgent' }>): string | undefined {
  try {
    const timezone = operation.timezone ? checkTimezone(operation.timezone) : 'UTC';
    if (operation.runAt !== undefined) {
      if (operation.cron !== undefined || operation.text !== undefined)
        return 'a schedule gives runAt, or cron or text, not both';
      if (Number.isNaN(Date.parse(operation.runAt)))
        return `"${operation.runAt}" is not a time (ISO 8601, such as 2026-12-08T15:00:00+01:00)`;
      return undefined;
    }
    if (operation.cron === undefined && operation.text === undefined)
      return 'a schedule needs a cron, words or a runAt';
    const cron = resolveCron(
      operation.cron !== undefined ? { cron: operation.cron } : { text: operation.text },
    );
    nextOccurrences(cron, timezone, new Date(), 1);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A schedule gives a cron or words that can be read, or one valid time; its time zone exists. */
export const checkSchedules: Check = (operations) => {
  const problems: PlanProblem[] = [];
  operations.forEach((operation, index) => {
    if (operation.type !== 'scheduleAgent') return;
    const message = scheduleProblem(operation);
    if (message) problems.push({ operation: index, message });
  });
  return problems;
};

/** Every check, in the order a person would fix them. */
export const planChecks: readonly Check[] = [
  checkAgentsExist,
  checkNewNamesUnique,
  checkSpecsValid,
  checkAccountsExist,
  checkSchedules,
];

export function checkPlan(operations: readonly PlanOperation[], snapshot: WorkspaceSnapshot): PlanProblem[] {
  return planChecks.flatMap((check) => check(operations, snapshot));
}

/** Problems in words, each naming its operation as a person reads the plan (1-based). */
export function describePlanProblems(
  operations: readonly PlanOperation[],
  problems: PlanProblem[],
): string[] {
  return problems.map(
    (problem) =>
      `operation ${problem.operation + 1} (${operations[problem.operation]?.type ?? 'unknown'}): ${problem.message}`,
  );
}

/**
 * A planner's answer as it may be shown: unchanged when its plan passes every check, otherwise a
 * question that says what is wrong, with no operations, so nothing failing can be approved.
 */
export function checkedAnswer(answer: PlannerAnswer, snapshot: WorkspaceSnapshot): PlannerAnswer {
  const operations = answer.plan?.operations ?? [];
  if (!answer.plan || operations.length === 0) return answer;
  const problems = describePlanProblems(operations, checkPlan(operations, snapshot));
  if (problems.length === 0) return answer;
  const question = {
    id: 'plan-check',
    text: `I cannot propose that plan as it is: ${problems.join('; ')}. What should I change?`,
  };
  return {
    reply: question.text,
    plan: {
      summary: `Nothing yet: ${answer.plan.summary}`.slice(0, 500),
      questions: [question],
      operations: [],
    },
  };
}
