// Selectors that steps healed in their agents' newest runs: the warnings that
// runtime/tools/healed-selector.ts writes to a run's log events, read back for the Orchestrator's
// advice (orchestrator/advice/selector-advice.ts), newest first.
import { sql } from 'drizzle-orm';
import type { WorkspaceScope } from './store.ts';

export interface HealedSelectorEvent {
  agentId: string;
  agentVersion: number;
  runId: string;
  stepId: string;
  tool: string;
  /** Which input of the step's `with` was healed: its selector, or its records. */
  field: string;
  from: unknown;
  to: unknown;
  at: Date;
}

/** Heals in each agent's newest `perAgent` runs; runs are found by index, then their events. */
export async function healedSelectorsPerAgent(
  scope: WorkspaceScope,
  perAgent = 20,
): Promise<HealedSelectorEvent[]> {
  const result = await scope.db.execute(sql`
    with recent as (
      select id, agent_id, agent_version
      from (
        select id, agent_id, agent_version,
               row_number() over (partition by agent_id order by created_at desc, id desc) as position
        from runs
        where workspace_id = ${scope.workspaceId} and status in ('succeeded', 'failed', 'cancelled')
      ) ranked
      where position <= ${perAgent}
    )
    select recent.agent_id as "agentId", recent.agent_version as "agentVersion", recent.id as "runId",
           event.data->>'stepId' as "stepId", event.data->'fields'->'healedSelector' as healed,
           event.at
    from recent
    join run_events event on event.run_id = recent.id and event.workspace_id = ${scope.workspaceId}
    where event.kind = 'log' and event.data->>'level' = 'warn'
      and jsonb_typeof(event.data->'fields'->'healedSelector') = 'object'
    order by event.at desc, event.id desc`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((row) => {
    const healed = (typeof row.healed === 'string' ? JSON.parse(row.healed) : row.healed) as Record<
      string,
      unknown
    >;
    return {
      agentId: String(row.agentId),
      agentVersion: Number(row.agentVersion),
      runId: String(row.runId),
      stepId: String(row.stepId),
      tool: String(healed.tool ?? ''),
      field: String(healed.field ?? ''),
      from: healed.from,
      to: healed.to,
      at: row.at instanceof Date ? row.at : new Date(String(row.at)),
    };
  });
}
