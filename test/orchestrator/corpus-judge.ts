// Judging a planner's answer against a corpus case, as words rather than assertions: the
// contract tests expect no problems, and the benchmark counts right plans, questions, answers.
import { validateAgentSpec } from '../../src/domain/agent-spec.ts';
import type { PlanOperation } from '../../src/domain/plan.ts';
import type { PlannerAnswer } from '../../src/orchestrator/planner.ts';
import { resolveCron } from '../../src/triggers/schedule-times.ts';
import type { CorpusCase } from './planner-corpus.ts';

/** What a case asks to check of the new or changed spec, beyond the corpus's one-line cases. */
export interface SpecExpectation {
  /** The name the createAgent gives. */
  name?: string;
  /** Text the spec of the createAgent or updateAgent must contain, as JSON. */
  contains?: string[];
  /** Text it must not contain. */
  lacks?: string[];
}

/** What an operation acts on, by name: a plan of several requests lists these in order. */
export function operationTarget(operation: PlanOperation): string {
  if (operation.type === 'createAgent') return String(operation.spec.name);
  if (operation.type === 'chainAgents' || operation.type === 'unchainAgents')
    return `${operation.from.agentName} -> ${operation.to.agentName}`;
  if (operation.type === 'connectAccount') return operation.service;
  return operation.agentName;
}

export type Judged = 'right plan' | 'right question' | 'right answer';

export function judge(
  entry: CorpusCase & { spec?: SpecExpectation },
  answer: PlannerAnswer,
): { problems: string[]; kind: Judged } {
  const problems: string[] = [];
  const operations = answer.plan?.operations ?? [];
  const questions = answer.plan?.questions ?? [];
  const kind: Judged = entry.operations ? 'right plan' : entry.question ? 'right question' : 'right answer';
  if (entry.reply && !entry.reply.test(answer.reply))
    problems.push(`reply does not match ${entry.reply}: ${answer.reply}`);
  if (!entry.operations && !entry.question && operations.length > 0)
    problems.push(`no plan was wanted, got ${operations.map((operation) => operation.type).join(', ')}`);
  if (entry.question) {
    if (operations.length > 0) problems.push('a question was wanted, got operations');
    if (!questions.some((question) => question.id === entry.question))
      problems.push(
        `question "${entry.question}" wanted, got ${JSON.stringify(questions.map((q) => q.id))}: ${answer.reply}`,
      );
  }
  if (entry.operations) {
    if (questions.length > 0) problems.push(`operations wanted, got questions: ${answer.reply}`);
    const types = operations.map((operation) => operation.type);
    if (JSON.stringify(types) !== JSON.stringify(entry.operations))
      problems.push(
        `operations ${JSON.stringify(entry.operations)} wanted, got ${JSON.stringify(types)}: ${answer.reply}`,
      );
  }
  if (entry.targets) {
    const targets = operations.map(operationTarget);
    if (JSON.stringify(targets) !== JSON.stringify(entry.targets))
      problems.push(`on ${JSON.stringify(entry.targets)} wanted, got ${JSON.stringify(targets)}`);
  }
  let scheduled = 0;
  for (const operation of operations) {
    // The account connected: its service, kind and hosts (a plan of several requests names it in targets).
    if (operation.type === 'connectAccount' && entry.connection && !entry.targets) {
      const got = {
        service: operation.service,
        kind: operation.kind,
        allowedHosts: operation.settings.allowedHosts,
      };
      if (JSON.stringify(got) !== JSON.stringify(entry.connection))
        problems.push(`connects ${JSON.stringify(got)}, not ${JSON.stringify(entry.connection)}`);
    }
    if (entry.agent && 'agentName' in operation && operation.agentName !== entry.agent)
      problems.push(`${operation.type} of "${operation.agentName}", not "${entry.agent}"`);
    const schedule =
      operation.type === 'scheduleAgent' ? (entry.schedules?.[scheduled++] ?? entry.schedule) : undefined;
    if (operation.type === 'scheduleAgent' && schedule) {
      if (schedule.runAt !== undefined || operation.runAt) {
        // A one-off run: its time, not a cron.
        if (operation.runAt !== schedule.runAt)
          problems.push(`one run at ${operation.runAt ?? 'no time'}, not ${schedule.runAt ?? 'a schedule'}`);
      } else if (resolveCron(operation) !== schedule.cron)
        problems.push(`schedule ${resolveCron(operation)}, not ${schedule.cron}`);
      if (operation.timezone !== schedule.timezone)
        problems.push(`time zone ${operation.timezone}, not ${schedule.timezone}`);
    }
    if (operation.type === 'createAgent' || operation.type === 'updateAgent') {
      const validation = validateAgentSpec(operation.spec);
      if (!validation.success)
        problems.push(`the spec does not validate: ${JSON.stringify(validation.issues)}`);
      const json = JSON.stringify(operation.spec);
      if (entry.spec?.name && operation.type === 'createAgent' && operation.spec.name !== entry.spec.name)
        problems.push(`the new agent is "${String(operation.spec.name)}", not "${entry.spec.name}"`);
      for (const text of entry.spec?.contains ?? [])
        if (!json.includes(text)) problems.push(`the spec lacks ${text}`);
      for (const text of entry.spec?.lacks ?? [])
        if (json.includes(text)) problems.push(`the spec still has ${text}`);
    }
    if (operation.type === 'runAgent' && entry.spec?.name && operation.agentName !== entry.spec.name)
      problems.push(`the test run is of "${operation.agentName}", not "${entry.spec.name}"`);
  }
  return { problems, kind };
}
