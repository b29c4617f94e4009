// Schedules: one per agent. Firing is a compare-and-set on `next_fire_at`, so of all the workers
// that see an occurrence due, exactly one moves it forward and starts the run.
import { and, asc, eq, isNotNull, lte, min } from 'drizzle-orm';
import { type MissedFiringPolicy, schedules } from './schema.ts';
import type { SystemScope, WorkspaceScope } from './store.ts';

export type ScheduleRecord = typeof schedules.$inferSelect;

export interface ScheduleValues {
  cron: string;
  timezone: string;
  text: string | null;
  input: Record<string, unknown>;
  enabled: boolean;
  missed: MissedFiringPolicy;
  nextFireAt: Date | null;
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
  const [row] = await scope.db
    .insert(schedules)
    .values({ workspaceId: scope.workspaceId, agentId, ...values, createdBy })
    .onConflictDoUpdate({ target: schedules.agentId, set: { ...values, updatedAt: new Date() } })
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
 * Moves a schedule past the occurrence `expected`, if nobody else did: the row back when this
 * caller won the occurrence, undefined when another worker fired it or it was disabled meanwhile.
 */
export async function claimOccurrence(
  scope: WorkspaceScope,
  scheduleId: string,
  expected: Date,
  next: Date | null,
): Promise<ScheduleRecord | undefined> {
  const [row] = await scope.db
    .update(schedules)
    .set({ nextFireAt: next, lastFiredAt: expected })
    .where(
      and(
        eq(schedules.workspaceId, scope.workspaceId),
        eq(schedules.id, scheduleId),
        eq(schedules.enabled, true),
        eq(schedules.nextFireAt, expected),
      ),
    )
    .returning();
  return row;
}

export async function recordScheduledRun(scope: WorkspaceScope, scheduleId: string, runId: string) {
  await scope.db
    .update(schedules)
    .set({ lastRunId: runId })
    .where(and(eq(schedules.workspaceId, scope.workspaceId), eq(schedules.id, scheduleId)));
}
