// The tools the LLM planner's model calls to read the workspace beyond the small snapshot in its
// prompt: agents, one agent's spec, runs, one run's steps, triggers and usage. Each read is one
// short transaction through the workspace-scoped repositories (row-level security keeps it in
// the conversation's workspace), and each result is bounded, so a large workspace cannot flood
// the model's context. Run data is redacted before it is stored (decision 0008); these tools add
// no inputs or outputs of steps, only statuses, errors, times and figures.
import { tool } from 'ai';
import { z } from 'zod';
import { findAgent, findAgentByName, listAgents } from '../../store/agent-repository.ts';
import { listChains } from '../../store/chain-repository.ts';
import { listHooks } from '../../store/hook-repository.ts';
import { listOneOffRuns } from '../../store/one-off-run-repository.ts';
import { runHistoryPerAgent } from '../../store/run-history-repository.ts';
import { findRun, latestRunPerAgent, listRunSteps, listRuns } from '../../store/run-repository.ts';
import { findSchedule, listSchedules } from '../../store/schedule-repository.ts';
import type { RunStatus } from '../../store/schema.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import { describeCron } from '../../triggers/schedule-times.ts';
import type { WorkspaceReader } from '../planner.ts';
import { type PeriodName, periodOf, totalsOver } from '../run-figures.ts';
import { errorSnapshot } from '../workspace-snapshot.ts';
import { readCredits } from './credit-tool.ts';
import { readWorkrooms } from './workroom-tool.ts';

/** The most characters one tool result may hand the model; past it the result is cut. */
export const toolResultLimit = 8000;
/** The most agents and runs one call lists: the model narrows by agent or status for more. */
const agentListLimit = 200;
const runListLimit = 20;

const periodNames = [
  'today',
  'yesterday',
  'thisWeek',
  'lastWeek',
  'pastWeek',
  'thisMonth',
  'lastMonth',
  'pastMonth',
] as const satisfies readonly PeriodName[];

const runStatuses = [
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'cancelled',
] as const satisfies readonly RunStatus[];

export interface WorkspaceToolContext {
  workspace: WorkspaceReader;
  /** The user's time zone: periods are their calendar days. */
  timezone: string;
  now: Date;
}

/** A result as the model sees it: JSON, cut at the limit with a note saying so. */
export function boundedResult(value: unknown): string {
  const text = JSON.stringify(value);
  if (text.length <= toolResultLimit) return text;
  return `${text.slice(0, toolResultLimit)}… [cut at ${toolResultLimit} characters: ask for less, e.g. one agent or fewer runs]`;
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** An agent by exact name (any case) or id, only ever in the scope's own workspace. */
async function agentNamed(scope: WorkspaceScope, reference: string) {
  return (await findAgentByName(scope, reference)) ?? (await findAgent(scope, reference.trim()));
}

const noAgent = (reference: string) => ({
  error: `There is no agent "${reference}" in this workspace. Call listAgents for the exact names.`,
});

function runSummary(run: {
  id: string;
  status: string;
  trigger: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  usage: { inputTokens?: number; outputTokens?: number } | null;
  error: Parameters<typeof errorSnapshot>[0] | null;
}) {
  return {
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    createdAt: iso(run.createdAt),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    seconds:
      run.startedAt && run.finishedAt
        ? Math.round((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000)
        : null,
    tokens: (run.usage?.inputTokens ?? 0) + (run.usage?.outputTokens ?? 0),
    error: run.error ? errorSnapshot(run.error) : null,
  };
}

export async function readAgentList(scope: WorkspaceScope) {
  const [agents, lastRuns, schedules] = [
    await listAgents(scope, { limit: agentListLimit + 1 }),
    await latestRunPerAgent(scope),
    await listSchedules(scope),
  ];
  const lastRunOf = new Map(lastRuns.map((run) => [run.agentId, run]));
  const scheduleOf = new Map(schedules.map((schedule) => [schedule.agentId, schedule]));
  return {
    agents: agents.slice(0, agentListLimit).map((agent) => {
      const run = lastRunOf.get(agent.id);
      const schedule = scheduleOf.get(agent.id);
      return {
        name: agent.name,
        status: agent.status,
        goal: agent.spec.goal,
        schedule: schedule
          ? { cron: schedule.cron, timezone: schedule.timezone, enabled: schedule.enabled }
          : null,
        lastRun: run
          ? {
              id: run.id,
              status: run.status,
              finishedAt: iso(run.finishedAt),
              error: run.error ? `${run.error.code}: ${run.error.message}` : null,
            }
          : null,
      };
    }),
    ...(agents.length > agentListLimit ? { more: `only the first ${agentListLimit} agents are listed` } : {}),
  };
}

export async function readAgentSpec(scope: WorkspaceScope, reference: string) {
  const agent = await agentNamed(scope, reference);
  if (!agent) return noAgent(reference);
  return { name: agent.name, status: agent.status, version: agent.version, spec: agent.spec };
}

export async function readRunList(
  scope: WorkspaceScope,
  reference: string,
  options: { status?: RunStatus; limit?: number },
) {
  const agent = await agentNamed(scope, reference);
  if (!agent) return noAgent(reference);
  const runs = await listRuns(
    scope,
    { agentId: agent.id, status: options.status },
    { limit: Math.min(Math.max(options.limit ?? 10, 1), runListLimit) },
  );
  return { agent: agent.name, runs: runs.map(runSummary) };
}

export async function readRun(scope: WorkspaceScope, runId: string) {
  const run = await findRun(scope, runId.trim());
  if (!run) return { error: `There is no run "${runId}" in this workspace.` };
  const agent = await findAgent(scope, run.agentId);
  const steps = await listRunSteps(scope, run.id);
  return {
    ...runSummary(run),
    agent: agent?.name ?? null,
    agentVersion: run.agentVersion,
    steps: steps.map((step) => ({
      id: step.stepId,
      tool: step.tool,
      status: step.status,
      attempts: step.attempts,
      startedAt: iso(step.startedAt),
      finishedAt: iso(step.finishedAt),
      error: step.error ? errorSnapshot(step.error) : null,
    })),
  };
}

export async function readTriggers(scope: WorkspaceScope, reference: string | undefined) {
  const only = reference ? await agentNamed(scope, reference) : undefined;
  if (reference && !only) return noAgent(reference);
  const agents = only ? [only] : await listAgents(scope, { limit: agentListLimit });
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  const chains = (await listChains(scope)).filter(
    (chain) => !only || chain.fromAgentId === only.id || chain.toAgentId === only.id,
  );
  const triggers = [];
  for (const agent of agents) {
    const schedule = only ? await findSchedule(scope, agent.id) : undefined;
    const hooks = await listHooks(scope, agent.id);
    const oneOffs = await listOneOffRuns(scope, agent.id);
    triggers.push({ agent, schedule, hooks, oneOffs });
  }
  const schedules = only ? [] : await listSchedules(scope);
  const scheduleOf = new Map(schedules.map((schedule) => [schedule.agentId, schedule]));
  return {
    agents: triggers
      .map(({ agent, schedule, hooks, oneOffs }) => {
        const found = schedule ?? scheduleOf.get(agent.id);
        return {
          name: agent.name,
          schedule: found && {
            cron: found.cron,
            timezone: found.timezone,
            words: describeCron(found.cron, found.timezone),
            enabled: found.enabled,
            nextRun: found.enabled ? iso(found.nextFireAt) : null,
          },
          runsOnceAt: oneOffs.map((oneOff) => ({ at: iso(oneOff.runAt), timezone: oneOff.timezone })),
          hooks: hooks.map((hook) => ({
            name: hook.name,
            enabled: hook.enabled,
            signed: hook.signed,
            respond: hook.respond,
            lastUsedAt: iso(hook.lastUsedAt),
          })),
        };
      })
      .filter((entry) => only || entry.schedule || entry.runsOnceAt.length > 0 || entry.hooks.length > 0),
    chains: chains.map((chain) => ({
      from: names.get(chain.fromAgentId) ?? chain.fromAgentId,
      to: names.get(chain.toAgentId) ?? chain.toAgentId,
      on: chain.on,
      mapping: chain.mapping,
      enabled: chain.enabled,
    })),
  };
}

export async function readUsage(
  scope: WorkspaceScope,
  options: { period: PeriodName; agent?: string; timezone: string; now: Date },
) {
  const only = options.agent ? await agentNamed(scope, options.agent) : undefined;
  if (options.agent && !only) return noAgent(options.agent);
  const period = periodOf(options.period, options.now, options.timezone);
  const histories = await runHistoryPerAgent(scope, {
    recentCount: 0,
    since: new Date(period.startsAt),
    timezone: options.timezone,
  });
  const agents = only ? [only] : await listAgents(scope, { limit: agentListLimit });
  const historyOf = new Map(histories.map((history) => [history.agentId, history]));
  const perAgent = agents
    .map((agent) => {
      const history = historyOf.get(agent.id);
      const totals = totalsOver(
        history && { recent: [], days: history.days, since: new Date(period.startsAt).toISOString() },
        period,
      );
      return {
        name: agent.name,
        ...totals,
        seconds: Math.round(totals.seconds),
        successRate: totals.runs > 0 ? Math.round((totals.succeeded / totals.runs) * 100) : null,
      };
    })
    .filter((entry) => only || entry.runs > 0);
  const sum = (key: 'runs' | 'succeeded' | 'failed' | 'tokens' | 'seconds') =>
    perAgent.reduce((total, entry) => total + entry[key], 0);
  return {
    period: { name: period.name, words: period.words, from: period.from, to: period.to },
    timezone: options.timezone,
    agents: perAgent,
    total: {
      runs: sum('runs'),
      succeeded: sum('succeeded'),
      failed: sum('failed'),
      tokens: sum('tokens'),
      seconds: sum('seconds'),
    },
  };
}

const agentReference = z.string().min(1).describe('The agent’s exact name (or its id).');

/** The tool set the model is given: each reads through the request's workspace reader. */
export function workspaceTools(context: WorkspaceToolContext) {
  const read = <T>(work: (scope: WorkspaceScope) => Promise<T>) =>
    context.workspace.read(work).then(boundedResult);
  return {
    listAgents: tool({
      description:
        'Every agent of the workspace: name, status, goal, schedule (cron) and last run (status, error).',
      inputSchema: z.object({}),
      execute: () => read((scope) => readAgentList(scope)),
    }),
    readAgent: tool({
      description:
        'One agent’s whole spec (goal, instructions, input, steps with their tools), and its version.',
      inputSchema: z.object({ agent: agentReference }),
      execute: ({ agent }) => read((scope) => readAgentSpec(scope, agent)),
    }),
    listRuns: tool({
      description: `One agent’s runs, newest first (at most ${runListLimit}): status, trigger, times, run time in seconds, tokens, and the error of a failed run (code, message, step, page, selector, screenshot).`,
      inputSchema: z.object({
        agent: agentReference,
        status: z.enum(runStatuses).optional().describe('Only runs of this status, e.g. failed.'),
        limit: z.number().int().min(1).max(runListLimit).optional(),
      }),
      execute: ({ agent, status, limit }) => read((scope) => readRunList(scope, agent, { status, limit })),
    }),
    readRun: tool({
      description:
        'One run by its id: its status, error, times, tokens, and each step’s status, attempts and error.',
      inputSchema: z.object({ runId: z.string().min(1) }),
      execute: ({ runId }) => read((scope) => readRun(scope, runId)),
    }),
    readTriggers: tool({
      description:
        'What starts agents: schedules (cron, in words, next run), one-off runs, inbound hooks, and chains between agents. For one agent, or for all when left out.',
      inputSchema: z.object({ agent: agentReference.optional() }),
      execute: ({ agent }) => read((scope) => readTriggers(scope, agent)),
    }),
    readWorkrooms: tool({
      description:
        'The workrooms (a client or project each): agents in each by name, runs this month, files, monthly budget in credits, and the agents in none; with `workroom` (a name), also its newest runs and files. Creating workrooms and moving agents are done by the user on the Workrooms page, not by a plan.',
      inputSchema: z.object({ workroom: z.string().min(1).max(200).optional() }),
      execute: ({ workroom }) => read((scope) => readWorkrooms(scope, workroom, context.now)),
    }),
    readUsage: tool({
      description:
        'Runs, successes, failures, tokens and run time (seconds) per agent over a period of the user’s calendar days, and their total: today, yesterday, thisWeek (since Monday), lastWeek, pastWeek (last 7 days), thisMonth, lastMonth, pastMonth (last 30 days).',
      inputSchema: z.object({ period: z.enum(periodNames), agent: agentReference.optional() }),
      execute: ({ period, agent }) =>
        read((scope) => readUsage(scope, { period, agent, timezone: context.timezone, now: context.now })),
    }),
    readCredits: tool({
      description:
        'The workspace’s credits from its ledger: plan, balance, allowance left and when it renews, and the credits spent over a period (per agent, the Orchestrator’s own use included, and in total). For "what did X cost", "how many credits are left", "what did we spend this week".',
      inputSchema: z.object({ period: z.enum(periodNames), agent: agentReference.optional() }),
      execute: ({ period, agent }) =>
        read((scope) => readCredits(scope, { period, agent, timezone: context.timezone, now: context.now })),
    }),
  };
}
