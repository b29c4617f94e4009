// One-off runs: a run asked for once, at one time. Firing sets `fired_at` on a row locked with
// SKIP LOCKED, in the transaction that starts the run, so each fires once across workers and
// restarts.
import { and, asc, eq, inArray, isNull, lte, min } from 'drizzle-orm';
import { type Keyset, type KeysetPage, keysetOrder, pastPosition, withinPage } from './keyset.ts';
import { oneOffRuns } from './schema.ts';
import type { SystemScope, WorkspaceScope } from './store.ts';

export type OneOffRunRecord = typeof oneOffRuns.$inferSelect;

export interface OneOffRunValues {
  runAt: Date;
  timezone: string;
  input: Record<string, unknown>;
}

export async function insertOneOffRun(
  scope: WorkspaceScope,
  agentId: string,
  values: OneOffRunValues,
  createdBy: string | null,
): Promise<OneOffRunRecord> {
  const [row] = await scope.db
    .insert(oneOffRuns)
    .values({ workspaceId: scope.workspaceId, agentId, ...values, createdBy })
    .returning();
  if (!row) throw new Error('saving a one-off run returned no row');
  return row;
}

/** The agent's one-off runs, soonest first (those already fired included, with their run). */
/** Soonest first. */
export const oneOffRunKeyset: Keyset<OneOffRunRecord> = {
  columns: [
    { column: oneOffRuns.runAt, kind: 'timestamp' },
    { column: oneOffRuns.id, kind: 'uuid' },
  ],
  direction: 'asc',
  positionOf: (oneOff) => [oneOff.runAt, oneOff.id],
};

export async function listOneOffRuns(
  scope: WorkspaceScope,
  agentId: string,
  page?: KeysetPage,
): Promise<OneOffRunRecord[]> {
  const query = scope.db
    .select()
    .from(oneOffRuns)
    .where(
      and(
        eq(oneOffRuns.workspaceId, scope.workspaceId),
        eq(oneOffRuns.agentId, agentId),
        pastPosition(oneOffRunKeyset, page),
      ),
    )
    .orderBy(...keysetOrder(oneOffRunKeyset))
    .$dynamic();
  return withinPage(query, page);
}

/** The one-off runs of every agent of the workspace still to fire, soonest first. */
export async function listPendingOneOffRuns(scope: WorkspaceScope): Promise<OneOffRunRecord[]> {
  return scope.db
    .select()
    .from(oneOffRuns)
    .where(and(eq(oneOffRuns.workspaceId, scope.workspaceId), isNull(oneOffRuns.firedAt)))
    .orderBy(asc(oneOffRuns.runAt));
}

/** Removes a one-off run that has not fired yet; one that fired is history and stays. */
export async function deletePendingOneOffRun(scope: WorkspaceScope, agentId: string, id: string) {
  const rows = await scope.db
    .delete(oneOffRuns)
    .where(
      and(
        eq(oneOffRuns.workspaceId, scope.workspaceId),
        eq(oneOffRuns.agentId, agentId),
        eq(oneOffRuns.id, id),
        isNull(oneOffRuns.firedAt),
      ),
    )
    .returning();
  return rows[0];
}

export interface DueOneOffRun {
  id: string;
  workspaceId: string;
}

/** One-off runs of every workspace due at or before `now` and not fired (the scheduler's scan). */
export async function dueOneOffRuns(system: SystemScope, now: Date, limit: number): Promise<DueOneOffRun[]> {
  return system.db
    .select({ id: oneOffRuns.id, workspaceId: oneOffRuns.workspaceId })
    .from(oneOffRuns)
    .where(and(isNull(oneOffRuns.firedAt), lte(oneOffRuns.runAt, now)))
    .orderBy(asc(oneOffRuns.runAt))
    .limit(limit);
}

/** The earliest one-off run still to fire, to sleep until. */
export async function earliestOneOffAt(system: SystemScope): Promise<Date | null> {
  const [row] = await system.db
    .select({ at: min(oneOffRuns.runAt) })
    .from(oneOffRuns)
    .where(isNull(oneOffRuns.firedAt));
  return row?.at ? new Date(row.at) : null;
}

/** Locks those of the given one-off runs still due, skipping any another worker is firing. */
export async function lockDueOneOffRuns(
  scope: WorkspaceScope,
  ids: string[],
  now: Date,
): Promise<OneOffRunRecord[]> {
  if (ids.length === 0) return [];
  return scope.db
    .select()
    .from(oneOffRuns)
    .where(
      and(
        eq(oneOffRuns.workspaceId, scope.workspaceId),
        inArray(oneOffRuns.id, ids),
        isNull(oneOffRuns.firedAt),
        lte(oneOffRuns.runAt, now),
      ),
    )
    .orderBy(asc(oneOffRuns.runAt))
    .for('update', { skipLocked: true });
}

export async function markOneOffFired(scope: WorkspaceScope, id: string, runId: string | null, at: Date) {
  await scope.db
    .update(oneOffRuns)
    .set({ firedAt: at, runId })
    .where(and(eq(oneOffRuns.workspaceId, scope.workspaceId), eq(oneOffRuns.id, id)));
}
