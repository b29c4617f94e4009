// Workspaces and memberships.
import { and, eq, or } from 'drizzle-orm';
import type { Role } from '../domain/roles.ts';
import { isUuid, slugPattern } from '../domain/slug.ts';
import {
  creationKeyset,
  type Keyset,
  type KeysetPage,
  keysetOrder,
  pastPosition,
  withinPage,
} from './keyset.ts';
import { memberships, users, workspaces } from './schema.ts';
import type { AccountScope, WorkspaceScope } from './store.ts';

export interface WorkspaceRecord {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface WorkspaceWithRole extends WorkspaceRecord {
  role: Role;
}

const workspaceColumns = {
  id: workspaces.id,
  slug: workspaces.slug,
  name: workspaces.name,
  createdAt: workspaces.createdAt,
  updatedAt: workspaces.updatedAt,
};

/** Inserts the scope's workspace. Throws a unique violation when the slug is taken. */
export async function insertWorkspace(scope: WorkspaceScope, values: { slug: string; name: string }) {
  const [row] = await scope.db
    .insert(workspaces)
    .values({ id: scope.workspaceId, ...values })
    .returning(workspaceColumns);
  if (!row) throw new Error('insert into workspaces returned no row');
  return row;
}

export async function getWorkspace(scope: WorkspaceScope): Promise<WorkspaceRecord | undefined> {
  const [row] = await scope.db
    .select(workspaceColumns)
    .from(workspaces)
    .where(eq(workspaces.id, scope.workspaceId));
  return row;
}

export async function updateWorkspace(scope: WorkspaceScope, values: { name?: string; slug?: string }) {
  const [row] = await scope.db
    .update(workspaces)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(workspaces.id, scope.workspaceId))
    .returning(workspaceColumns);
  return row;
}

export async function deleteWorkspace(scope: WorkspaceScope) {
  await scope.db.delete(workspaces).where(eq(workspaces.id, scope.workspaceId));
}

/** Oldest workspace first. */
export const workspaceKeyset = creationKeyset<WorkspaceWithRole>(workspaces, 'asc');

export async function listWorkspacesOfUser(
  scope: AccountScope,
  page?: KeysetPage,
): Promise<WorkspaceWithRole[]> {
  const query = scope.db
    .select({ ...workspaceColumns, role: memberships.role })
    .from(workspaces)
    .innerJoin(
      memberships,
      and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, scope.userId)),
    )
    .where(pastPosition(workspaceKeyset, page))
    .orderBy(...keysetOrder(workspaceKeyset))
    .$dynamic();
  return withinPage(query, page);
}

/** The user's workspace named by id or slug, with the user's role there. */
export async function findWorkspaceOfUser(
  scope: AccountScope,
  idOrSlug: string,
): Promise<WorkspaceWithRole | undefined> {
  // Neither an id nor a slug (a NUL byte, say): nothing to look up, and nothing for SQL to choke on.
  if (!isUuid(idOrSlug) && !slugPattern.test(idOrSlug.toLowerCase())) return undefined;
  const matches = isUuid(idOrSlug)
    ? or(eq(workspaces.id, idOrSlug.toLowerCase()), eq(workspaces.slug, idOrSlug))
    : eq(workspaces.slug, idOrSlug.toLowerCase());
  const [row] = await scope.db
    .select({ ...workspaceColumns, role: memberships.role })
    .from(workspaces)
    .innerJoin(
      memberships,
      and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, scope.userId)),
    )
    .where(matches);
  return row;
}

export interface MemberRecord {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

/** Oldest membership first. */
export const memberKeyset: Keyset<MemberRecord> = {
  columns: [
    { column: memberships.createdAt, kind: 'timestamp' },
    { column: memberships.userId, kind: 'uuid' },
  ],
  direction: 'asc',
  positionOf: (member) => [member.joinedAt, member.userId],
};

export async function listMembers(scope: WorkspaceScope, page?: KeysetPage): Promise<MemberRecord[]> {
  const query = scope.db
    .select({
      userId: memberships.userId,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, scope.workspaceId), pastPosition(memberKeyset, page)))
    .orderBy(...keysetOrder(memberKeyset))
    .$dynamic();
  return withinPage(query, page);
}

export async function findMember(scope: WorkspaceScope, userId: string): Promise<MemberRecord | undefined> {
  if (!isUuid(userId)) return undefined;
  const members = await scope.db
    .select({
      userId: memberships.userId,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, scope.workspaceId), eq(memberships.userId, userId)));
  return members[0];
}

export async function insertMembership(scope: WorkspaceScope, userId: string, role: Role) {
  await scope.db.insert(memberships).values({ workspaceId: scope.workspaceId, userId, role });
}

export async function updateMembershipRole(scope: WorkspaceScope, userId: string, role: Role) {
  await scope.db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.workspaceId, scope.workspaceId), eq(memberships.userId, userId)));
}

export async function deleteMembership(scope: WorkspaceScope, userId: string) {
  await scope.db
    .delete(memberships)
    .where(and(eq(memberships.workspaceId, scope.workspaceId), eq(memberships.userId, userId)));
}

/**
 * Every membership of the workspace, locked until the transaction ends. Membership changes take
 * this lock first, so that two concurrent changes cannot both see "another owner remains", or act
 * on a role that has just changed.
 */
export async function lockMemberships(scope: WorkspaceScope): Promise<{ userId: string; role: Role }[]> {
  return scope.db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.workspaceId, scope.workspaceId))
    .for('update');
}
