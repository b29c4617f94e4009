// Accounts and sessions: the system-scope queries that authenticate a request
// before its workspace or user scope is known. Every lookup goes by a secret's hash.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../domain/roles.ts';
import { apiTokens, invitations, sessions, users } from './schema.ts';
import type { SystemScope } from './store.ts';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
}

export async function insertUser(
  scope: SystemScope,
  user: { email: string; name: string; passwordHash: string },
): Promise<UserRecord> {
  const [row] = await scope.db
    .insert(users)
    .values(user)
    .returning({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt });
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

export async function findUserWithPasswordByEmail(scope: SystemScope, email: string) {
  const [row] = await scope.db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function insertSession(
  scope: SystemScope,
  session: { userId: string; tokenHash: string; expiresAt: Date },
) {
  await scope.db.insert(sessions).values(session);
}

export async function findSessionUser(scope: SystemScope, tokenHash: string) {
  const [row] = await scope.db
    .select({
      sessionId: sessions.id,
      user: { id: users.id, email: users.email, name: users.name, createdAt: users.createdAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)));
  return row;
}

export async function deleteSession(scope: SystemScope, tokenHash: string) {
  await scope.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export interface ApiTokenPrincipalRecord {
  tokenId: string;
  workspaceId: string;
  role: Role;
  user: UserRecord;
}

/** A live (not revoked, not expired) API token with the account that created it. */
export async function findLiveApiToken(
  scope: SystemScope,
  tokenHash: string,
): Promise<ApiTokenPrincipalRecord | undefined> {
  const [row] = await scope.db
    .select({
      tokenId: apiTokens.id,
      workspaceId: apiTokens.workspaceId,
      role: apiTokens.role,
      expiresAt: apiTokens.expiresAt,
      user: { id: users.id, email: users.email, name: users.name, createdAt: users.createdAt },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return undefined;
  await scope.db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return { tokenId: row.tokenId, workspaceId: row.workspaceId, role: row.role, user: row.user };
}

export async function findInvitationByHash(scope: SystemScope, tokenHash: string) {
  const [row] = await scope.db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row;
}
