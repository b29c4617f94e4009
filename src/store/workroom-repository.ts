// Workrooms: groups of agents, runs and deliverables inside a workspace (a client, a project).
// Every query names the workspace as well as relying on row-level security, and every id a caller
// passes in is checked against the workspace here: the foreign keys are global, so they alone
// would let an agent point at another workspace's workroom.
import { type AnyColumn, and, count, countDistinct, eq, inArray, isNull, sql } from 'drizzle-orm';
import { isUuid } from '../domain/slug.ts';
import { creationKeyset, type KeysetPage, keysetOrder, pastPosition } from './keyset.ts';
import { agents, deliverables, runs, workrooms } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export type WorkroomRecord = typeof workrooms.$inferSelect;

/**
 * What a workroom holds: its agents now, its runs this month, its deliverables (files: the
 * versions of one file count once, as the Files page lists them).
 */
export interface WorkroomFigures {
  agents: number;
  runsThisMonth: number;
  runs: number;
  deliverables: number;
}

export const emptyFigures: WorkroomFigures = { agents: 0, runsThisMonth: 0, runs: 0, deliverables: 0 };

/** Creates a workroom. Throws a unique violation when the name is taken (case aside). */
export async function insertWorkroom(
  scope: WorkspaceScope,
  values: { name: string; description: string; monthlyBudget: number | null; createdBy: string },
): Promise<WorkroomRecord> {
  const [row] = await scope.db
    .insert(workrooms)
    .values({ ...values, workspaceId: scope.workspaceId })
    .returning();
  if (!row) throw new Error('insert into workrooms returned no row');
  return row;
}

/** The workroom with this id, or else with this name (case aside), in the scope's workspace. */
export async function findWorkroom(
  scope: WorkspaceScope,
  idOrName: string,
): Promise<WorkroomRecord | undefined> {
  const match = isUuid(idOrName)
    ? eq(workrooms.id, idOrName)
    : sql`lower(${workrooms.name}) = lower(${idOrName.trim()})`;
  const [row] = await scope.db
    .select()
    .from(workrooms)
    .where(and(eq(workrooms.workspaceId, scope.workspaceId), match));
  return row;
}

/** The workroom, with its row locked until the transaction ends (for delete and move). */
export async function findWorkroomForUpdate(scope: WorkspaceScope, id: string) {
  const [row] = await scope.db
    .select()
    .from(workrooms)
    .where(and(eq(workrooms.workspaceId, scope.workspaceId), eq(workrooms.id, id)))
    .for('update');
  return row;
}

/** Oldest first. */
export const workroomKeyset = creationKeyset<WorkroomRecord>(workrooms, 'asc');

/** Workrooms oldest first, past a page's position. */
export async function listWorkrooms(scope: WorkspaceScope, page: KeysetPage): Promise<WorkroomRecord[]> {
  return scope.db
    .select()
    .from(workrooms)
    .where(and(eq(workrooms.workspaceId, scope.workspaceId), pastPosition(workroomKeyset, page)))
    .orderBy(...keysetOrder(workroomKeyset))
    .limit(page.limit);
}

/** The figures of each workroom named, by id (workrooms that hold nothing are missing). */
export async function workroomFigures(
  scope: WorkspaceScope,
  workroomIds: string[],
  monthStart: Date,
): Promise<Map<string, WorkroomFigures>> {
  const figures = new Map<string, WorkroomFigures>();
  if (workroomIds.length === 0) return figures;
  const entry = (id: string) => {
    let found = figures.get(id);
    if (!found) {
      found = { ...emptyFigures };
      figures.set(id, found);
    }
    return found;
  };
  const agentCounts = await scope.db
    .select({ workroomId: agents.workroomId, total: count() })
    .from(agents)
    .where(and(eq(agents.workspaceId, scope.workspaceId), inArray(agents.workroomId, workroomIds)))
    .groupBy(agents.workroomId);
  for (const row of agentCounts) if (row.workroomId) entry(row.workroomId).agents = row.total;
  const runCounts = await scope.db
    .select({
      workroomId: runs.workroomId,
      total: count(),
      thisMonth:
        sql<number>`count(*) filter (where ${runs.createdAt} >= ${monthStart.toISOString()})`.mapWith(Number),
    })
    .from(runs)
    .where(and(eq(runs.workspaceId, scope.workspaceId), inArray(runs.workroomId, workroomIds)))
    .groupBy(runs.workroomId);
  for (const row of runCounts) {
    if (!row.workroomId) continue;
    entry(row.workroomId).runs = row.total;
    entry(row.workroomId).runsThisMonth = row.thisMonth;
  }
  const deliverableCounts = await scope.db
    .select({ workroomId: deliverables.workroomId, total: countDistinct(deliverables.family) })
    .from(deliverables)
    .where(
      and(eq(deliverables.workspaceId, scope.workspaceId), inArray(deliverables.workroomId, workroomIds)),
    )
    .groupBy(deliverables.workroomId);
  for (const row of deliverableCounts) if (row.workroomId) entry(row.workroomId).deliverables = row.total;
  return figures;
}

export async function updateWorkroom(
  scope: WorkspaceScope,
  id: string,
  changes: { name?: string; description?: string; monthlyBudget?: number | null },
): Promise<WorkroomRecord | undefined> {
  const [row] = await scope.db
    .update(workrooms)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(workrooms.workspaceId, scope.workspaceId), eq(workrooms.id, id)))
    .returning();
  return row;
}

export interface MovedAgent {
  id: string;
  name: string;
  fromWorkroomId: string | null;
}

/**
 * Puts the agents in a workroom (or in none, with null) and returns those that moved, with where
 * they were. Agents of other workspaces are not found, so never moved. Runs and deliverables made
 * before keep the workroom they were made in.
 */
export async function moveAgents(
  scope: WorkspaceScope,
  agentIds: string[],
  workroomId: string | null,
): Promise<MovedAgent[]> {
  const ids = agentIds.filter(isUuid);
  if (ids.length === 0) return [];
  const before = await scope.db
    .select({ id: agents.id, name: agents.name, fromWorkroomId: agents.workroomId })
    .from(agents)
    .where(and(eq(agents.workspaceId, scope.workspaceId), inArray(agents.id, ids)))
    .for('update');
  const moving = before.filter((agent) => agent.fromWorkroomId !== workroomId);
  if (moving.length === 0) return [];
  await scope.db
    .update(agents)
    .set({ workroomId, updatedAt: new Date() })
    .where(
      and(
        eq(agents.workspaceId, scope.workspaceId),
        inArray(
          agents.id,
          moving.map((agent) => agent.id),
        ),
      ),
    );
  return moving;
}

/** The ids of the agents in a workroom (null: in none). */
export async function agentIdsInWorkroom(scope: WorkspaceScope, workroomId: string): Promise<string[]> {
  const rows = await scope.db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.workspaceId, scope.workspaceId), eq(agents.workroomId, workroomId)));
  return rows.map((row) => row.id);
}

/** Moves the workroom's runs to another workroom (or to none, with null); returns how many. */
export async function reassignRuns(
  scope: WorkspaceScope,
  fromWorkroomId: string,
  toWorkroomId: string | null,
): Promise<number> {
  const moved = await scope.db
    .update(runs)
    .set({ workroomId: toWorkroomId })
    .where(and(eq(runs.workspaceId, scope.workspaceId), eq(runs.workroomId, fromWorkroomId)))
    .returning({ id: runs.id });
  return moved.length;
}

/** Moves the workroom's deliverables to another workroom (or to none); returns how many. */
export async function reassignDeliverables(
  scope: WorkspaceScope,
  fromWorkroomId: string,
  toWorkroomId: string | null,
): Promise<number> {
  const moved = await scope.db
    .update(deliverables)
    .set({ workroomId: toWorkroomId })
    .where(and(eq(deliverables.workspaceId, scope.workspaceId), eq(deliverables.workroomId, fromWorkroomId)))
    .returning({ id: deliverables.id });
  return moved.length;
}

/** Deletes the workroom's deliverables' rows and returns them (the caller removes the content). */
export async function deleteWorkroomDeliverables(scope: WorkspaceScope, workroomId: string) {
  return scope.db
    .delete(deliverables)
    .where(and(eq(deliverables.workspaceId, scope.workspaceId), eq(deliverables.workroomId, workroomId)))
    .returning();
}

export async function deleteWorkroom(scope: WorkspaceScope, id: string): Promise<boolean> {
  const deleted = await scope.db
    .delete(workrooms)
    .where(and(eq(workrooms.workspaceId, scope.workspaceId), eq(workrooms.id, id)))
    .returning({ id: workrooms.id });
  return deleted.length === 1;
}

/** A condition for a list filtered by workroom: a workroom's id, or null for "no workroom". */
export function inWorkroom(column: AnyColumn, workroomId: string | null) {
  return workroomId === null ? isNull(column) : eq(column, workroomId);
}

/** The first instant of the current calendar month, in UTC (runs "this month" count from it). */
export function startOfMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
