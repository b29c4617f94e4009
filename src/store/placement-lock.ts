// A workspace's placement lock (decision 0039): claims near the plan's limit of runs at once, and
// the transactions that take parked runs back, take turns on it, so a run being parked and a run
// ending cannot miss each other (decision 0038). It is a transaction-scoped advisory lock rather
// than the balance row those decisions used: starts and settlements lock the balance row for the
// ledger, and sharing it made every claim of a busy workspace wait behind its starts and ends.
// Two workspaces whose keys collide only take turns more often; nothing is counted wrongly.
import { type SQL, sql } from 'drizzle-orm';
import type { WorkspaceScope } from './store.ts';

function placementKey(workspaceId: string): SQL {
  return sql`hashtextextended(${`orca.placement.${workspaceId}`}, 0)`;
}

/** Takes the workspace's placement lock until the transaction ends. */
export async function lockPlacement(scope: WorkspaceScope): Promise<void> {
  await scope.db.execute(sql`select pg_advisory_xact_lock(${placementKey(scope.workspaceId)})`);
}

/**
 * Takes the placement lock only while `runId` is queued: a redelivered job of a run still running
 * elsewhere must not hold the lock while it waits for the run's row, which that run's ending holds
 * while it waits for the lock.
 */
export async function lockPlacementForQueuedRun(scope: WorkspaceScope, runId: string): Promise<void> {
  await scope.db.execute(sql`
    select pg_advisory_xact_lock(${placementKey(scope.workspaceId)}) from runs
    where workspace_id = ${scope.workspaceId} and id = ${runId} and status = 'queued'`);
}
