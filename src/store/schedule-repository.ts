// Schedules: one per agent. Firing is a compare-and-set on `next_fire_at`, so of all the workers
// that see an occurrence due, exactly one moves it forward and starts the run.
import { and, asc, eq, inArray, isNotNull, lte, min } from 'drizzle-orm';
import { type MissedFiringPolicy, runs, schedules } from './schema.ts';
import type { SystemScope, WorkspaceScope } from './store.ts';

export type ScheduleRecord = typeof schedules.$inferSelect;

export interface ScheduleValues {
  cron: string;
  timezone: string;
  text: string | null;
  input: Record<string, unknown>;
  enabled: boolean;
  missed: MissedFiringPolicy;
  /** Left out (undefined) to keep the stored one: a change of input alone must not move it. */
  nextFireAt?: Date | null;
}

export async function findSchedule(scope: WorkspaceScope, agentId: string) {
  const [row] = await scope.db
    .select()
    .from(schedules)
    .where(and(eq(schedules.workspaceId, scope.workspaceId), eq(schedules.agentId, agentId)));
  return row;
}

export async function findScheduleById(scope: WorkspaceScope, scheduleId: string) {
  const [row] = await scope.db
    .select()
    .from(schedules)
    .where(and(eq(schedules.workspaceId, scope.workspaceId), eq(schedules.id, scheduleId)));
  return row;
}

export async function listSchedules(scope: WorkspaceScope): Promise<ScheduleRecord[]> {
  return scope.db
    .select()
    .from(schedules)
    .where(eq(schedules.workspaceId, scope.workspaceId))
    .orderBy(asc(schedules.nextFireAt));
}

/** Creates or replaces the agent's schedule. */
export async function saveSchedule(
  scope: WorkspaceScope,
  agentId: string,
  values: ScheduleValues,
  createdBy: string | null,
): Promise<ScheduleRecord> {
  // A next occurrence read earlier is never written back: a worker may have fired it meanwhile,
  // and setting it again would point the schedule at an occurrence that already has its run.
  const { nextFireAt, ...rest } = values;
  const [row] = await scope.db
    .insert(schedules)
    .values({ workspaceId: scope.workspaceId, agentId, ...rest, nextFireAt: nextFireAt ?? null, createdBy })
    .onConflictDoUpdate({
      target: schedules.agentId,
      set: { ...rest, ...(nextFireAt === undefined ? {} : { nextFireAt }), updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error('saving a schedule returned no row');
  return row;
}

export async function deleteSchedule(scope: WorkspaceScope, agentId: string) {
  const rows = await scope.db
    .delete(schedules)
    .where(and(eq(schedules.workspaceId, scope.workspaceId), eq(schedules.agentId, agentId)))
    .returning();
  return rows[0];
}

export interface DueSchedule {
  id: string;
  workspaceId: string;
  nextFireAt: Date;
}

/** Schedules of every workspace whose next occurrence is at or before `now` (the scheduler's scan). */
export async function dueSchedules(system: SystemScope, now: Date, limit: number): Promise<DueSchedule[]> {
  const rows = await system.db
    .select({ id: schedules.id, workspaceId: schedules.workspaceId, nextFireAt: schedules.nextFireAt })
    .from(schedules)
    .where(and(eq(schedules.enabled, true), isNotNull(schedules.nextFireAt), lte(schedules.nextFireAt, now)))
    .orderBy(asc(schedules.nextFireAt))
    .limit(limit);
  return rows.filter((row): row is DueSchedule => row.nextFireAt !== null);
}

/** The earliest next occurrence of any enabled schedule, to sleep until. */
export async function earliestFireAt(system: SystemScope): Promise<Date | null> {
  const [row] = await system.db
    .select({ at: min(schedules.nextFireAt) })
    .from(schedules)
    .where(eq(schedules.enabled, true));
  return row?.at ? new Date(row.at) : null;
}

/**
 * Locks those of the given schedules that are due, skipping any another worker holds (that
 * worker is firing it): the rows this caller may fire, each with the occurrence it is due for.
 */
export async function lockDueSchedules(
  scope: WorkspaceScope,
  scheduleIds: string[],
  now: Date,
): Promise<ScheduleRecord[]> {
  if (scheduleIds.length === 0) return [];
  return scope.db
    .select()
    .from(schedules)
    .where(
      and(
        eq(schedules.workspaceId, scope.workspaceId),
        inArray(schedules.id, scheduleIds),
        eq(schedules.enabled, true),
        lte(schedules.nextFireAt, now),
      ),
    )
    .orderBy(asc(schedules.nextFireAt))
    .for('update', { skipLocked: true });
}

/** Moves a locked schedule past the occurrence it fired, recording the run it started. */
export async function advanceSchedule(
  scope: WorkspaceScope,
  scheduleId: string,
  fired: { occurrence: Date; next: Date | null; runId: string | null },
) {
  await scope.db
    .update(schedules)
    .set({
      nextFireAt: fired.next,
      // A cron with no occurrence left (a year that has passed) is switched off, not left "on".
      ...(fired.next === null ? { enabled: false } : {}),
      lastFiredAt: fired.occurrence,
      ...(fired.runId ? { lastRunId: fired.runId } : {}),
    })
    .where(and(eq(schedules.workspaceId, scope.workspaceId), eq(schedules.id, scheduleId)));
}

/** Whether the agent already has a run for this occurrence (the unique index would refuse another). */
export async function scheduledRunExists(scope: WorkspaceScope, agentId: string, occurrence: Date) {
  const [row] = await scope.db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.workspaceId, scope.workspaceId),
        eq(runs.agentId, agentId),
        eq(runs.scheduledFor, occurrence),
      ),
    )
    .limit(1);
  return row !== undefined;
}
