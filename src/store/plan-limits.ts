// The limits of a workspace's plan that are counts of things it holds (its agents), checked where
// those things are made. The balance row is locked first (the ledger), so two agents created at
// the same moment cannot both take the last place.
import { count, eq, sql } from 'drizzle-orm';
import { OrcaError } from '../domain/errors.ts';
import { openLedger } from './credit-repository.ts';
import { lockPlacement, lockPlacementForQueuedRun } from './placement-lock.ts';
import { agents } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

/** Refuses (402 plan_limit_reached) when `adding` more agents would pass the plan's maximum. */
export async function checkAgentLimit(scope: WorkspaceScope, adding = 1) {
  const ledger = await openLedger(scope);
  const maximum = ledger.plan.maxAgents;
  if (maximum === undefined) return;
  const [row] = await scope.db
    .select({ agents: count() })
    .from(agents)
    .where(eq(agents.workspaceId, scope.workspaceId));
  const held = Number(row?.agents ?? 0);
  if (held + adding <= maximum) return;
  const wanted = adding === 1 ? 'another agent' : `${adding} more agents`;
  throw new OrcaError(
    'plan_limit_reached',
    `The "${ledger.plan.name}" plan allows ${maximum} agent${maximum === 1 ? '' : 's'} and this workspace has ${held}, so it cannot hold ${wanted}. Delete agents it no longer needs, or an owner can move it to a bigger plan (PUT /api/workspaces/{workspace}/credits/plan).`,
    { details: { limit: 'maxAgents', plan: ledger.plan.name, maximum, current: held, adding } },
  );
}

export interface RunsAtOnce {
  /** The plan's `maxRunsAtOnce`, or undefined when it sets none. */
  maximum: number | undefined;
  /** The workspace's runs executing now (waiting ones hold no worker and do not count). */
  running: number;
  /** The run about to be claimed: only a queued run waits its turn; a resumed one goes on. */
  status: string | undefined;
}

/**
 * Claims that may be in flight at once for one workspace, across every worker, below which a claim
 * far from the limit need not lock: each in-flight claim holds one worker slot, so with fewer
 * slots than this in the whole deployment the limit holds exactly without the lock there.
 */
const claimsInFlightMargin = 64;

/**
 * What the plan's limit on runs at once says about starting `runId` now: the limit (by the balance
 * row's plan, from the published settings), the runs running, and the run's own status. Near the
 * limit, a queued run locks the balance row and counts the running runs again under the lock: a
 * worker claiming in the same transaction marks its run running before the lock is let go, so two
 * workers at the same instant cannot both take the last place. Far below it (by more than the
 * claims that can be in flight) no lock is taken, so busy workspaces do not queue their claims on
 * the row their admissions lock. `lockFirst` (the workspace's last claim here was near its limit)
 * takes the lock before the only read, a statement less; it changes what is locked, never what is
 * counted.
 */
export async function runsAtOnce(
  scope: WorkspaceScope,
  runId: string,
  options: { lockFirst?: boolean } = {},
): Promise<RunsAtOnce> {
  if (options.lockFirst) {
    await lockPlacementForQueuedRun(scope, runId);
    return readRunsAtOnce(scope, runId);
  }
  const first = await readRunsAtOnce(scope, runId);
  if (!nearLimit(first)) return first;
  await lockPlacement(scope);
  // Read committed: this statement sees every claim committed while the lock was awaited.
  return readRunsAtOnce(scope, runId);
}

/** Whether a queued run's claim must count under the placement lock. */
export function nearLimit(limit: RunsAtOnce): boolean {
  if (limit.status !== 'queued' || limit.maximum === undefined) return false;
  return limit.running + claimsInFlightMargin >= limit.maximum;
}

async function readRunsAtOnce(scope: WorkspaceScope, runId: string): Promise<RunsAtOnce> {
  const result = await scope.db.execute(sql`
    select
      (select count(*) from runs r
        where r.workspace_id = ${scope.workspaceId} and r.status = 'running') as running,
      (select r.status from runs r
        where r.workspace_id = ${scope.workspaceId} and r.id = ${runId}) as status,
      (select (offered.value ->> 'maxRunsAtOnce')::int
         from credit_balances b
         join credit_settings s on s.id = 1
         cross join lateral jsonb_array_elements(s.settings -> 'plans') as offered(value)
        where b.workspace_id = ${scope.workspaceId} and offered.value ->> 'name' = b.plan
        limit 1) as maximum`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  return {
    maximum: row.maximum == null ? undefined : Number(row.maximum),
    running: Number(row.running ?? 0),
    status: row.status == null ? undefined : String(row.status),
  };
}
