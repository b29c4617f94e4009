// Rows of the vault: workspace data keys (wrapped) and connections (secrets sealed). This module
// never sees a secret in the clear; src/vault/ does the sealing.
import { and, eq, sql } from 'drizzle-orm';
import { isUuid } from '../domain/slug.ts';
import { type Keyset, type KeysetPage, keysetOrder, pastPosition, withinPage } from './keyset.ts';
import { connections, workspaceKeys } from './schema.ts';
import type { SystemScope, WorkspaceScope } from './store.ts';

export type ConnectionRecord = typeof connections.$inferSelect;
export type WorkspaceKeyRecord = typeof workspaceKeys.$inferSelect;

export async function findWorkspaceKey(scope: WorkspaceScope) {
  const [row] = await scope.db
    .select()
    .from(workspaceKeys)
    .where(eq(workspaceKeys.workspaceId, scope.workspaceId));
  return row;
}

/** Stores a new data key unless another request stored one first; returns the one that stands. */
export async function insertWorkspaceKey(scope: WorkspaceScope, wrappedKey: string, masterKeyId: string) {
  await scope.db
    .insert(workspaceKeys)
    .values({ workspaceId: scope.workspaceId, wrappedKey, masterKeyId })
    .onConflictDoNothing();
  const row = await findWorkspaceKey(scope);
  if (!row) throw new Error('the workspace key cannot be read back');
  return row;
}

export async function rewrapWorkspaceKey(scope: WorkspaceScope, wrappedKey: string, masterKeyId: string) {
  await scope.db
    .update(workspaceKeys)
    .set({ wrappedKey, masterKeyId, rotatedAt: new Date() })
    .where(eq(workspaceKeys.workspaceId, scope.workspaceId));
}

/** Every workspace key wrapped by another master key than this one (for a rotation). */
export async function workspaceKeysNotWrappedBy(scope: SystemScope, masterKeyId: string) {
  return scope.db
    .select({ workspaceId: workspaceKeys.workspaceId })
    .from(workspaceKeys)
    .where(sql`${workspaceKeys.masterKeyId} <> ${masterKeyId}`);
}

export async function insertConnection(
  scope: WorkspaceScope,
  values: Omit<typeof connections.$inferInsert, 'workspaceId' | 'id'>,
): Promise<ConnectionRecord> {
  const [row] = await scope.db
    .insert(connections)
    .values({ ...values, workspaceId: scope.workspaceId })
    .returning();
  if (!row) throw new Error('insert into connections returned no row');
  return row;
}

export async function findConnection(scope: WorkspaceScope, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .select()
    .from(connections)
    .where(and(eq(connections.workspaceId, scope.workspaceId), eq(connections.id, id)));
  return row;
}

/** The connection, locked until the transaction ends: for writes that depend on what it holds. */
export async function findConnectionForUpdate(scope: WorkspaceScope, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .select()
    .from(connections)
    .where(and(eq(connections.workspaceId, scope.workspaceId), eq(connections.id, id)))
    .for('update');
  return row;
}

/** By service, then oldest first. */
export const connectionKeyset: Keyset<ConnectionRecord> = {
  columns: [
    { column: connections.service, kind: 'text' },
    { column: connections.createdAt, kind: 'timestamp' },
    { column: connections.id, kind: 'uuid' },
  ],
  direction: 'asc',
  positionOf: (connection) => [connection.service, connection.createdAt, connection.id],
};

/** The workspace's accounts (of one service when named); all of them without a page. */
export async function listConnections(scope: WorkspaceScope, service?: string, page?: KeysetPage) {
  const conditions = [eq(connections.workspaceId, scope.workspaceId)];
  if (service) conditions.push(eq(connections.service, service));
  const past = pastPosition(connectionKeyset, page);
  if (past) conditions.push(past);
  const query = scope.db
    .select()
    .from(connections)
    .where(and(...conditions))
    .orderBy(...keysetOrder(connectionKeyset))
    .$dynamic();
  return withinPage(query, page);
}

export async function updateConnection(
  scope: WorkspaceScope,
  id: string,
  values: Partial<
    Pick<
      ConnectionRecord,
      | 'label'
      | 'isDefault'
      | 'settings'
      | 'sealedSecret'
      | 'status'
      | 'statusMessage'
      | 'lastTestedAt'
      | 'lastUsedAt'
    >
  >,
) {
  const [row] = await scope.db
    .update(connections)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(connections.workspaceId, scope.workspaceId), eq(connections.id, id)))
    .returning();
  return row;
}

/** Makes no connection of the service the default (before making one the default). */
export async function clearDefault(scope: WorkspaceScope, service: string) {
  await scope.db
    .update(connections)
    .set({ isDefault: false })
    .where(and(eq(connections.workspaceId, scope.workspaceId), eq(connections.service, service)));
}

export async function deleteConnection(scope: WorkspaceScope, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .delete(connections)
    .where(and(eq(connections.workspaceId, scope.workspaceId), eq(connections.id, id)))
    .returning();
  return row;
}
