// What planners see of a workspace: its agents with their specs, last runs and schedules, and
// the chains between them.
import { listAgents } from '../store/agent-repository.ts';
import { listChains } from '../store/chain-repository.ts';
import { listWorkspaceHooks } from '../store/hook-repository.ts';
import { listPendingOneOffRuns } from '../store/one-off-run-repository.ts';
import { type AgentRunHistory, runHistoryPerAgent } from '../store/run-history-repository.ts';
import { latestRunPerAgent } from '../store/run-repository.ts';
import { listSchedules } from '../store/schedule-repository.ts';
import type { StoredError } from '../store/schema.ts';
import type { WorkspaceScope } from '../store/store.ts';
import { listConnections } from '../store/vault-repository.ts';
import { describeCron } from '../triggers/schedule-times.ts';
import { creditSnapshot } from './credit-snapshot.ts';
import type { HookSnapshot, RunErrorSnapshot, RunHistorySnapshot, WorkspaceSnapshot } from './planner.ts';

/** Planners read at most this many agents; a workspace with more is summarised by them. */
const snapshotAgentLimit = 1000;

/** How many of each agent's newest runs planners see, and over how many days runs are counted. */
const recentRunCount = 5;
const historyDays = 62;

export async function workspaceSnapshot(
  scope: WorkspaceScope,
  timezone?: string,
  options: { history?: boolean } = {},
): Promise<WorkspaceSnapshot> {
  // Two months: "this month", "last month" and "the last 30 days" are always inside it.
  const since = new Date(Date.now() - historyDays * 24 * 60 * 60 * 1000);
  const [agents, lastRuns, histories, schedules, oneOffRuns, chains, connections, hooks] = [
    await listAgents(scope, { limit: snapshotAgentLimit }),
    await latestRunPerAgent(scope),
    // The heaviest read: only for planners that answer questions about runs.
    options.history === false
      ? []
      : await runHistoryPerAgent(scope, {
          recentCount: recentRunCount,
          since,
          timezone: knownTimezone(timezone),
        }),
    await listSchedules(scope),
    await listPendingOneOffRuns(scope),
    await listChains(scope),
    await listConnections(scope),
    await listWorkspaceHooks(scope),
  ];
  const lastRunOf = new Map(lastRuns.map((run) => [run.agentId, run]));
  const historyOf = new Map(histories.map((history) => [history.agentId, history]));
  const scheduleOf = new Map(schedules.map((schedule) => [schedule.agentId, schedule]));
  const hooksOf = new Map<string, HookSnapshot[]>();
  for (const hook of hooks) {
    const list = hooksOf.get(hook.agentId) ?? [];
    list.push({
      name: hook.name,
      enabled: hook.enabled,
      signed: hook.signed,
      lastUsedAt: hook.lastUsedAt?.toISOString() ?? null,
    });
    hooksOf.set(hook.agentId, list);
  }
  const oneOffsOf = new Map<string, { runAt: string; timezone: string }[]>();
  for (const oneOff of oneOffRuns) {
    const list = oneOffsOf.get(oneOff.agentId) ?? [];
    list.push({ runAt: oneOff.runAt.toISOString(), timezone: oneOff.timezone });
    oneOffsOf.set(oneOff.agentId, list);
  }
  const credits = options.history === false ? undefined : await creditSnapshot(scope, since);
  return {
    timezone,
    credits,
    connections: connections.map((connection) => ({
      id: connection.id,
      workspaceId: connection.workspaceId,
      service: connection.service,
      label: connection.label,
      kind: connection.kind,
      isDefault: connection.isDefault,
      status: connection.status,
      allowedHosts: hostsOf(connection.settings),
      // A login's own sign-in page: a fix to the agent's sign-in page says when it differs.
      ...(typeof connection.settings.loginUrl === 'string' ? { loginUrl: connection.settings.loginUrl } : {}),
    })),
    chains: chains.map((chain) => ({
      fromAgentId: chain.fromAgentId,
      toAgentId: chain.toAgentId,
      on: chain.on,
      mapping: chain.mapping,
      enabled: chain.enabled,
    })),
    agents: agents.map((agent) => {
      const run = lastRunOf.get(agent.id);
      const schedule = scheduleOf.get(agent.id);
      return {
        id: agent.id,
        name: agent.name,
        status: agent.status,
        version: agent.version,
        spec: agent.spec,
        lastRun: run && {
          id: run.id,
          status: run.status,
          error: run.error ? errorSnapshot(run.error) : null,
          finishedAt: run.finishedAt?.toISOString() ?? null,
        },
        schedule: schedule && {
          cron: schedule.cron,
          timezone: schedule.timezone,
          text: schedule.text,
          input: schedule.input,
          enabled: schedule.enabled,
          missed: schedule.missed,
          description: describeCron(schedule.cron, schedule.timezone),
          nextRun: schedule.enabled ? (schedule.nextFireAt?.toISOString() ?? null) : null,
          setAt: schedule.updatedAt.toISOString(),
        },
        history: options.history === false ? undefined : historySnapshot(historyOf.get(agent.id), since),
        ...(oneOffsOf.has(agent.id) ? { oneOffRuns: oneOffsOf.get(agent.id) } : {}),
        ...(hooksOf.has(agent.id) ? { hooks: hooksOf.get(agent.id) } : {}),
      };
    }),
  };
}

function historySnapshot(history: AgentRunHistory | undefined, since: Date): RunHistorySnapshot {
  return {
    since: since.toISOString(),
    days: history?.days ?? [],
    recent: (history?.recent ?? []).map((run) => ({
      id: run.id,
      status: run.status,
      trigger: run.trigger,
      createdAt: run.createdAt.toISOString(),
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
      seconds:
        run.startedAt && run.finishedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : null,
      tokens: run.tokens,
      error: run.error && {
        code: run.error.code,
        message: run.error.message,
        ...(run.error.stepId ? { stepId: run.error.stepId } : {}),
      },
    })),
  };
}

/** The time zone runs are counted in by day: an unknown one must not fail the query. */
function knownTimezone(timezone: string | undefined): string {
  if (!timezone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return timezone;
  } catch {
    return 'UTC';
  }
}

function hostsOf(settings: Record<string, unknown>): string[] {
  const hosts = settings.allowedHosts;
  return Array.isArray(hosts) ? hosts.filter((host): host is string => typeof host === 'string') : [];
}

/** A run's error with the details troubleshooting reads: the screenshot, the page, the selector. */
export function errorSnapshot(error: StoredError): RunErrorSnapshot {
  const details = error.details ?? {};
  const screenshot = (details.screenshot as { path?: unknown } | undefined)?.path;
  return {
    code: error.code,
    message: error.message,
    ...(error.stepId ? { stepId: error.stepId } : {}),
    ...(typeof screenshot === 'string' ? { screenshot } : {}),
    ...(typeof details.url === 'string' ? { url: details.url } : {}),
    ...(typeof details.status === 'number' ? { status: details.status } : {}),
    ...(typeof details.selector === 'string' ? { selector: details.selector } : {}),
  };
}
