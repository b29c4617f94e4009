// Runs parked by their plan's limit of runs at once (maxRunsAtOnce, decision 0038). A queued run
// whose workspace already runs that many is parked when its job comes: it stays queued, its job
// is done, and no other is sent. The transaction that takes one of the workspace's runs out of
// `running` (an end, a cancel, a wait) takes the oldest parked run back, and the caller queues its
// job in the same transaction; a slow re-check takes back any a lost wake-up left behind.
//
// Both sides take the workspace's placement lock first (placement-lock.ts), as the claim does
// (plan-limits.ts), so a run being parked and a run ending cannot miss each other: either the park
// commits before the ending looks for parked runs, or the ending commits before the claim counts
// the running ones.
import { sql } from 'drizzle-orm';
import type { OrcaDrizzle } from './database.ts';
import { lockPlacement } from './placement-lock.ts';
import type { WorkspaceScope } from './store.ts';

/** A parked run taken back: the queue job to send for it, in its current try. */
export interface WokenRun {
  workspaceId: string;
  runId: string;
  generation: number;
}

/** The most runs taken back at once (a plan's limit raised, or a limit removed). */
const mostWokenAtOnce = 100;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Parks a queued run in the claim's transaction (which holds the placement lock). */
export async function parkRun(scope: WorkspaceScope, runId: string) {
  await scope.db.execute(sql`
    update runs set parked_at = now()
    where workspace_id = ${scope.workspaceId} and id = ${runId} and status = 'queued'`);
}

/**
 * Takes back the oldest parked runs of the workspace that there is room for now: its plan's limit,
 * less its runs running and its queued runs that have a job already (they will claim a place
 * first); every parked run (up to a hundred) when its plan sets no limit any more. The caller must
 * queue the answered runs' jobs in its transaction. The placement lock is taken first.
 */
export async function takeParkedRuns(scope: WorkspaceScope): Promise<WokenRun[]> {
  await lockPlacement(scope);
  // A statement of its own after the lock: read committed, it sees every park committed before
  // the lock was taken, and none can commit after (parking needs the lock). No balance row: the
  // workspace never admitted a run, so none is parked (the room is 0). The runs are chosen once,
  // in a CTE: as a subquery of the update's where, the locking read may run again for each row
  // and take one more run each time (the rows it has updated fail its recheck, so it moves on).
  const rows = rowsOf<{ runId: string; generation: number }>(
    await scope.db.execute(sql`
      with plan_limit as (
        select (select (offered.value ->> 'maxRunsAtOnce')::int
                  from credit_settings s
                  cross join lateral jsonb_array_elements(s.settings -> 'plans') as offered(value)
                 where s.id = 1 and offered.value ->> 'name' = b.plan
                 limit 1) as maximum
        from credit_balances b
        where b.workspace_id = ${scope.workspaceId}
      ),
      chosen as materialized (
        select p.id from runs p
        where p.workspace_id = ${scope.workspaceId} and p.status = 'queued' and p.parked_at is not null
        order by p.created_at
        limit coalesce((
          select case when l.maximum is null then ${mostWokenAtOnce}
                      else greatest(0, least(${mostWokenAtOnce}, l.maximum - (
                        select count(*) from runs a
                        where a.workspace_id = ${scope.workspaceId}
                          and a.status in ('queued', 'running') and a.parked_at is null)))
                 end
          from plan_limit l), 0)
        for update of p skip locked
      )
      update runs set parked_at = null
      from chosen
      where runs.id = chosen.id
      returning runs.id as "runId", runs.retry_count as "generation"`),
  );
  return rows.map((row) => ({
    workspaceId: scope.workspaceId,
    runId: row.runId,
    generation: row.generation,
  }));
}

/** Workspaces with a run parked for longer than `olderThanSeconds` (read across workspaces). */
export async function workspacesWithParkedRuns(
  system: OrcaDrizzle,
  options: { olderThanSeconds: number; limit: number },
): Promise<string[]> {
  const rows = rowsOf<{ workspaceId: string }>(
    await system.execute(sql`
      select distinct workspace_id as "workspaceId" from runs
      where status = 'queued' and parked_at is not null
        and parked_at < now() - make_interval(secs => ${options.olderThanSeconds})
      limit ${options.limit}`),
  );
  return rows.map((row) => row.workspaceId);
}
