// Deliverables: the files runs produced. Rows describe them; the content is in the file store.
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { isUuid } from '../domain/slug.ts';
import { deliverables } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export type DeliverableRecord = typeof deliverables.$inferSelect;

/**
 * Records a stored file. With a save key already used in the workspace, nothing is inserted and
 * the earlier record comes back with `created: false` (the caller then drops its copy).
 */
export async function insertDeliverable(
  scope: WorkspaceScope,
  values: Omit<typeof deliverables.$inferInsert, 'workspaceId' | 'id' | 'createdAt'>,
): Promise<{ record: DeliverableRecord; created: boolean }> {
  const [row] = await scope.db
    .insert(deliverables)
    .values({ ...values, workspaceId: scope.workspaceId })
    .onConflictDoNothing({
      target: [deliverables.workspaceId, deliverables.saveKey],
      where: sql`save_key is not null`,
    })
    .returning();
  if (row) return { record: row, created: true };
  const [existing] = await scope.db
    .select()
    .from(deliverables)
    .where(
      and(eq(deliverables.workspaceId, scope.workspaceId), eq(deliverables.saveKey, values.saveKey ?? '')),
    );
  if (!existing) throw new Error('a deliverable conflicted on its save key but cannot be found');
  return { record: existing, created: false };
}

export async function findDeliverable(
  scope: WorkspaceScope,
  id: string,
): Promise<DeliverableRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .select()
    .from(deliverables)
    .where(and(eq(deliverables.workspaceId, scope.workspaceId), eq(deliverables.id, id)));
  return row;
}

/** The newest deliverable with this name (names are not unique: each run may save its own). */
export async function findDeliverableByName(
  scope: WorkspaceScope,
  name: string,
): Promise<DeliverableRecord | undefined> {
  const [row] = await scope.db
    .select()
    .from(deliverables)
    .where(
      and(eq(deliverables.workspaceId, scope.workspaceId), sql`lower(${deliverables.name}) = lower(${name})`),
    )
    .orderBy(desc(deliverables.createdAt), desc(deliverables.id))
    .limit(1);
  return row;
}

export interface DeliverableFilter {
  limit: number;
  runId?: string;
  agentId?: string;
  before?: { createdAt: Date; id: string };
}

export async function listDeliverables(scope: WorkspaceScope, filter: DeliverableFilter) {
  const conditions = [eq(deliverables.workspaceId, scope.workspaceId)];
  if (filter.runId) conditions.push(eq(deliverables.runId, filter.runId));
  if (filter.agentId) conditions.push(eq(deliverables.agentId, filter.agentId));
  if (filter.before) {
    const { createdAt, id } = filter.before;
    const earlier = or(
      lt(deliverables.createdAt, createdAt),
      and(eq(deliverables.createdAt, createdAt), lt(deliverables.id, id)),
    );
    if (earlier) conditions.push(earlier);
  }
  return scope.db
    .select()
    .from(deliverables)
    .where(and(...conditions))
    .orderBy(desc(deliverables.createdAt), desc(deliverables.id))
    .limit(filter.limit);
}

export async function deleteDeliverable(scope: WorkspaceScope, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .delete(deliverables)
    .where(and(eq(deliverables.workspaceId, scope.workspaceId), eq(deliverables.id, id)))
    .returning();
  return row;
}
