// What a workspace spent, grouped by agent, workroom or day, from the consumption entries of its
// ledger (runs' settlements and the Orchestrator's own LLM use).
import { sql } from 'drizzle-orm';
import type { WorkspaceScope } from './store.ts';

export type UsageGrouping = 'agent' | 'workroom' | 'day';

export interface UsageRow {
  /** The agent's or workroom's id (null for none), or the day (YYYY-MM-DD, UTC). */
  key: string | null;
  label: string;
  credits: number;
  runs: number;
  inputTokens: number;
  outputTokens: number;
  browserMinutes: number;
}

// Fixed fragments chosen by a closed set: nothing from the request reaches the SQL text.
const keys: Record<UsageGrouping, { key: string; label: string }> = {
  agent: {
    key: 'e.agent_id::text',
    label: `case when e.agent_id is null then 'Orchestrator' else coalesce((select a.name from agents a where a.id = e.agent_id), 'A deleted agent') end`,
  },
  workroom: {
    key: 'e.workroom_id::text',
    label: `case when e.workroom_id is null then 'No workroom' else coalesce((select w.name from workrooms w where w.id = e.workroom_id), 'A deleted workroom') end`,
  },
  day: {
    key: `to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD')`,
    label: `to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD')`,
  },
};

export async function usageBetween(
  scope: WorkspaceScope,
  range: { from: Date; to: Date; groupBy: UsageGrouping; agentId?: string },
): Promise<UsageRow[]> {
  const grouping = keys[range.groupBy];
  const agentFilter = range.agentId ? sql`and e.agent_id = ${range.agentId}` : sql``;
  const result = await scope.db.execute(sql`
    select ${sql.raw(grouping.key)} as key, ${sql.raw(grouping.label)} as label,
           coalesce(-sum(e.amount), 0) as credits,
           count(distinct e.run_id) as runs,
           coalesce(sum((e.details->>'inputTokens')::bigint), 0) as "inputTokens",
           coalesce(sum((e.details->>'outputTokens')::bigint), 0) as "outputTokens",
           coalesce(sum((e.details->>'browserMinutes')::numeric), 0) as "browserMinutes"
    from credit_entries e
    where e.workspace_id = ${scope.workspaceId} and e.kind = 'consumption'
      and e.created_at >= ${range.from.toISOString()}::timestamptz and e.created_at < ${range.to.toISOString()}::timestamptz ${agentFilter}
    group by 1, 2
    order by ${range.groupBy === 'day' ? sql`1 asc` : sql`3 desc, 2 asc`}`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((row) => ({
    key: row.key === null ? null : String(row.key),
    label: String(row.label),
    credits: Number(row.credits),
    runs: Number(row.runs),
    inputTokens: Number(row.inputTokens),
    outputTokens: Number(row.outputTokens),
    browserMinutes: Number(Number(row.browserMinutes).toFixed(2)),
  }));
}
