// The recent run history of every agent of a workspace, in one query, for the Orchestrator's
// answers about runs, failures and costs: each agent's newest runs, and its runs counted per day.
import { sql } from 'drizzle-orm';
import type { RunStatus, RunTrigger, StoredError } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export interface RecentRunRecord {
  id: string;
  status: RunStatus;
  trigger: RunTrigger;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  tokens: number;
  error: StoredError | null;
}

/** One agent's runs of one calendar day (in the time zone asked for). */
export interface RunDayRecord {
  /** The day as YYYY-MM-DD. */
  day: string;
  runs: number;
  succeeded: number;
  failed: number;
  tokens: number;
  /** The time its finished runs took, together. */
  seconds: number;
}

export interface AgentRunHistory {
  agentId: string;
  recent: RecentRunRecord[];
  days: RunDayRecord[];
}

/**
 * For each agent: its `recentCount` newest runs, and its runs since `since` counted per day in
 * `timezone`. One statement, so a workspace of hundreds of agents costs one round trip: the
 * newest runs by the (agent, created) index, the days in one pass over the workspace's runs.
 */
export async function runHistoryPerAgent(
  scope: WorkspaceScope,
  options: { recentCount: number; since: Date; timezone: string },
): Promise<AgentRunHistory[]> {
  const tokens = sql`coalesce((usage->>'inputTokens')::bigint, 0) + coalesce((usage->>'outputTokens')::bigint, 0)`;
  const result = await scope.db.execute(sql`
    with recent as (
      select newest.*
      from agents a
      cross join lateral (
        select agent_id, id, status, trigger, created_at, started_at, finished_at, ${tokens} as tokens, error
        from runs
        where runs.agent_id = a.id
        order by created_at desc
        limit ${options.recentCount}) newest
      where a.workspace_id = ${scope.workspaceId}
    ), days as (
      select agent_id, (created_at at time zone ${options.timezone})::date as day,
             count(*)::int as runs,
             (count(*) filter (where status = 'succeeded'))::int as succeeded,
             (count(*) filter (where status = 'failed'))::int as failed,
             coalesce(sum(${tokens}), 0)::bigint as tokens,
             coalesce(sum(extract(epoch from finished_at - started_at)), 0)::float as seconds
      from runs
      where workspace_id = ${scope.workspaceId} and created_at >= ${options.since.toISOString()}::timestamptz
      group by 1, 2
    )
    select json_build_object(
      'recent', (select coalesce(json_agg(json_build_object(
          'agentId', agent_id, 'id', id, 'status', status, 'trigger', trigger, 'createdAt', created_at,
          'startedAt', started_at, 'finishedAt', finished_at, 'tokens', tokens, 'error', error)
          order by agent_id, created_at desc), '[]'::json) from recent),
      'days', (select coalesce(json_agg(json_build_object(
          'agentId', agent_id, 'day', to_char(day, 'YYYY-MM-DD'), 'runs', runs, 'succeeded', succeeded,
          'failed', failed, 'tokens', tokens, 'seconds', seconds)
          order by agent_id, day), '[]'::json) from days)) as history`);
  const [row] = (result as unknown as { rows: { history: unknown }[] }).rows;
  const history = parsed<{ recent: Record<string, unknown>[]; days: Record<string, unknown>[] }>(
    row?.history ?? { recent: [], days: [] },
  );
  const byAgent = new Map<string, AgentRunHistory>();
  const of = (agentId: unknown) => {
    const id = String(agentId);
    let entry = byAgent.get(id);
    if (!entry) {
      entry = { agentId: id, recent: [], days: [] };
      byAgent.set(id, entry);
    }
    return entry;
  };
  for (const run of history.recent) {
    of(run.agentId).recent.push({
      id: String(run.id),
      status: run.status as RunStatus,
      trigger: run.trigger as RunTrigger,
      createdAt: new Date(String(run.createdAt)),
      startedAt: run.startedAt ? new Date(String(run.startedAt)) : null,
      finishedAt: run.finishedAt ? new Date(String(run.finishedAt)) : null,
      tokens: Number(run.tokens ?? 0),
      error: (run.error as StoredError | null) ?? null,
    });
  }
  for (const day of history.days) {
    of(day.agentId).days.push({
      day: String(day.day),
      runs: Number(day.runs),
      succeeded: Number(day.succeeded),
      failed: Number(day.failed),
      tokens: Number(day.tokens),
      seconds: Number(day.seconds),
    });
  }
  return [...byAgent.values()];
}

/** json_agg comes back parsed from node-postgres and as text from some drivers. */
function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
