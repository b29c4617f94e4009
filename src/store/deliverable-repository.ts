// Deliverables: the files runs produced. Rows describe them; the content is in the file store.
// Files of one family (domain/deliverable-family.ts) are numbered versions of one another.
import { and, desc, eq, getTableColumns, max, type SQL, sql } from 'drizzle-orm';
import { deliverableFamily } from '../domain/deliverable-family.ts';
import { isUuid } from '../domain/slug.ts';
import { creationKeyset, type Keyset, type KeysetPage, keysetOrder, pastPosition } from './keyset.ts';
import { deliverables, runs, workrooms } from './schema.ts';
import type { WorkspaceScope } from './store.ts';
import { inWorkroom } from './workroom-repository.ts';

/** A stored file, and whether it is the newest version of its family. */
export type DeliverableRecord = typeof deliverables.$inferSelect & { latest: boolean };

type NewDeliverable = Omit<
  typeof deliverables.$inferInsert,
  'workspaceId' | 'id' | 'createdAt' | 'family' | 'version'
> & {
  /** Join this family instead of the one the workroom, agent and name imply (a new version of a given file). */
  family?: string;
};

// Written with the table named in full: drizzle leaves columns of a single-table select
// unqualified, and inside the subquery those would name the newer row's own columns.
const latestColumn = sql<boolean>`not exists (select 1 from "deliverables" as "newer" where "newer"."workspace_id" = "deliverables"."workspace_id" and "newer"."family" = "deliverables"."family" and "newer"."version" > "deliverables"."version")`;

const recordColumns = { ...getTableColumns(deliverables), latest: latestColumn };

function selectRecords(scope: WorkspaceScope) {
  return scope.db.select(recordColumns).from(deliverables);
}

async function workroomOfRun(scope: WorkspaceScope, runId: string): Promise<string | null> {
  const [row] = await scope.db
    .select({ workroomId: runs.workroomId })
    .from(runs)
    .where(and(eq(runs.workspaceId, scope.workspaceId), eq(runs.id, runId)));
  return row?.workroomId ?? null;
}

async function findBySaveKey(scope: WorkspaceScope, saveKey: string) {
  const [row] = await selectRecords(scope).where(
    and(eq(deliverables.workspaceId, scope.workspaceId), eq(deliverables.saveKey, saveKey)),
  );
  return row;
}

/**
 * Records a stored file as the next version of its family. With a save key already used in the
 * workspace, nothing is inserted and the earlier record comes back with `created: false` (the
 * caller then drops its copy): a replayed save is the same file, not a new version.
 */
export async function insertDeliverable(
  scope: WorkspaceScope,
  values: NewDeliverable,
): Promise<{ record: DeliverableRecord; created: boolean }> {
  if (values.saveKey) {
    const existing = await findBySaveKey(scope, values.saveKey);
    if (existing) return { record: existing, created: false };
  }
  // A run's file goes to the run's workroom (as it was when the run was admitted) unless told.
  const workroomId =
    values.workroomId !== undefined || !values.runId
      ? (values.workroomId ?? null)
      : await workroomOfRun(scope, values.runId);
  const family =
    values.family ?? deliverableFamily({ workroomId, agentId: values.agentId ?? null, name: values.name });
  // Two saves of one family at once would otherwise both read the same highest version; the
  // lock lasts until the transaction ends and concerns this family only.
  await scope.db.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`deliverable:${scope.workspaceId}:${family}`}, 0))`,
  );
  const [highest] = await scope.db
    .select({ version: max(deliverables.version) })
    .from(deliverables)
    .where(and(eq(deliverables.workspaceId, scope.workspaceId), eq(deliverables.family, family)));
  const [row] = await scope.db
    .insert(deliverables)
    .values({
      ...values,
      workroomId,
      family,
      version: (highest?.version ?? 0) + 1,
      workspaceId: scope.workspaceId,
    })
    .onConflictDoNothing({
      target: [deliverables.workspaceId, deliverables.saveKey],
      where: sql`save_key is not null`,
    })
    .returning();
  if (row) return { record: { ...row, latest: true }, created: true };
  const existing = await findBySaveKey(scope, values.saveKey ?? '');
  if (!existing) throw new Error('a deliverable conflicted on its save key but cannot be found');
  return { record: existing, created: false };
}

export async function findDeliverable(
  scope: WorkspaceScope,
  id: string,
): Promise<DeliverableRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await selectRecords(scope).where(
    and(eq(deliverables.workspaceId, scope.workspaceId), eq(deliverables.id, id)),
  );
  return row;
}

/** The newest deliverable with this name (names are not unique: each run may save its own). */
export async function findDeliverableByName(
  scope: WorkspaceScope,
  name: string,
): Promise<DeliverableRecord | undefined> {
  const [row] = await selectRecords(scope)
    .where(
      and(eq(deliverables.workspaceId, scope.workspaceId), sql`lower(${deliverables.name}) = lower(${name})`),
    )
    .orderBy(desc(deliverables.createdAt), desc(deliverables.id))
    .limit(1);
  return row;
}

/** Whether a workroom of this workspace has this id (a foreign key alone would accept another's). */
export async function workroomExists(scope: WorkspaceScope, workroomId: string): Promise<boolean> {
  if (!isUuid(workroomId)) return false;
  const [row] = await scope.db
    .select({ id: workrooms.id })
    .from(workrooms)
    .where(and(eq(workrooms.workspaceId, scope.workspaceId), eq(workrooms.id, workroomId)));
  return row !== undefined;
}

export interface DeliverableFilter {
  runId?: string;
  agentId?: string;
  /** A workroom's id, or null for files in none. */
  workroomId?: string | null;
  /** The exact name, without regard to case. */
  name?: string;
  /** Only the newest version of each family. */
  latestOnly?: boolean;
}

/** Newest first. */
export const deliverableKeyset = creationKeyset<DeliverableRecord>(deliverables, 'desc');

/** Files newest first, a page at a time (past the page's position). */
export async function listDeliverables(scope: WorkspaceScope, filter: DeliverableFilter, page: KeysetPage) {
  const conditions: (SQL | undefined)[] = [eq(deliverables.workspaceId, scope.workspaceId)];
  if (filter.runId) conditions.push(eq(deliverables.runId, filter.runId));
  if (filter.agentId) conditions.push(eq(deliverables.agentId, filter.agentId));
  if (filter.workroomId !== undefined) {
    conditions.push(inWorkroom(deliverables.workroomId, filter.workroomId));
  }
  if (filter.name) conditions.push(sql`lower(${deliverables.name}) = lower(${filter.name})`);
  if (filter.latestOnly) conditions.push(latestColumn);
  conditions.push(pastPosition(deliverableKeyset, page));
  return selectRecords(scope)
    .where(and(...conditions))
    .orderBy(...keysetOrder(deliverableKeyset))
    .limit(page.limit);
}

/** A family's versions, newest first (a version's number is unique in its family). */
export const versionKeyset: Keyset<DeliverableRecord> = {
  columns: [
    { column: deliverables.version, kind: 'integer' },
    { column: deliverables.id, kind: 'uuid' },
  ],
  direction: 'desc',
  positionOf: (file) => [file.version, file.id],
};

/** The versions of a file's family, newest first, a page at a time. */
export async function listVersions(scope: WorkspaceScope, family: string, page: KeysetPage) {
  return selectRecords(scope)
    .where(
      and(
        eq(deliverables.workspaceId, scope.workspaceId),
        eq(deliverables.family, family),
        pastPosition(versionKeyset, page),
      ),
    )
    .orderBy(...keysetOrder(versionKeyset))
    .limit(page.limit);
}

export async function deleteDeliverable(scope: WorkspaceScope, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .delete(deliverables)
    .where(and(eq(deliverables.workspaceId, scope.workspaceId), eq(deliverables.id, id)))
    .returning();
  return row;
}
