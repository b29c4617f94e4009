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
 * `timezone`. One statement, so a workspace of hundreds of agents costs one round trip; each
 * agent's part reads its runs by the (agent, created) index.
 */
export async function runHistoryPerAgent(
  scope: WorkspaceScope,
  options: { recentCount: number; since: Date; timezone: string },
): Promise<AgentRunHistory[]> {
  const tokens = sql`coalesce((usage->>'inputTokens')::bigint, 0) + coalesce((usage->>'outputTokens')::bigint, 0)`;
  const result = await scope.db.execute(sql`
    select a.id as "agentId",
      (select coalesce(json_agg(r order by r."createdAt" desc), '[]'::json) from (
         select id, status, trigger, created_at as "createdAt", started_at as "startedAt",
                finished_at as "finishedAt", ${tokens} as tokens, error
         from runs
         where runs.workspace_id = a.workspace_id and runs.agent_id = a.id
         order by created_at desc
         limit ${options.recentCount}) r) as recent,
      (select coalesce(json_agg(d order by d.day), '[]'::json) from (
         select to_char(created_at at time zone ${options.timezone}, 'YYYY-MM-DD') as day,
                count(*)::int as runs,
                (count(*) filter (where status = 'succeeded'))::int as succeeded,
                (count(*) filter (where status = 'failed'))::int as failed,
                coalesce(sum(${tokens}), 0)::bigint as tokens,
                coalesce(sum(extract(epoch from finished_at - started_at)), 0)::float as seconds
         from runs
         where runs.workspace_id = a.workspace_id and runs.agent_id = a.id
           and created_at >= ${options.since.toISOString()}::timestamptz
         group by 1) d) as days
    from agents a
    where a.workspace_id = ${scope.workspaceId}`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((row) => ({
    agentId: String(row.agentId),
    recent: parsed<Record<string, unknown>[]>(row.recent).map((run) => ({
      id: String(run.id),
      status: run.status as RunStatus,
      trigger: run.trigger as RunTrigger,
      createdAt: new Date(String(run.createdAt)),
      startedAt: run.startedAt ? new Date(String(run.startedAt)) : null,
      finishedAt: run.finishedAt ? new Date(String(run.finishedAt)) : null,
      tokens: Number(run.tokens ?? 0),
      error: (run.error as StoredError | null) ?? null,
    })),
    days: parsed<Record<string, unknown>[]>(row.days).map((day) => ({
      day: String(day.day),
      runs: Number(day.runs),
      succeeded: Number(day.succeeded),
      failed: Number(day.failed),
      tokens: Number(day.tokens),
      seconds: Number(day.seconds),
    })),
  }));
}

/** json_agg comes back parsed from node-postgres and as text from some drivers. */
function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
