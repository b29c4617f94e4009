// Accounts and sessions: the system-scope queries that authenticate a request
// before its workspace or user scope is known. Every lookup goes by a secret's hash.
import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Role } from '../domain/roles.ts';
import { accountEvents, apiTokens, invitations, sessions, users } from './schema.ts';
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
  session: { userId: string; tokenHash: string; expiresAt: Date; userAgent?: string | null },
) {
  await scope.db.insert(sessions).values(session);
}

export async function findSessionUser(scope: SystemScope, tokenHash: string) {
  const [row] = await scope.db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
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

/** How stale a session's last-seen time may get: one write per session every few minutes at most. */
export const sessionLastSeenIntervalMs = 5 * 60 * 1000;

/**
 * Notes that a session was used, when its last-seen time is older than the interval. The
 * condition is repeated in SQL so that parallel requests write once.
 */
export async function touchSession(scope: SystemScope, session: { sessionId: string; lastSeenAt: Date }) {
  if (Date.now() - session.lastSeenAt.getTime() < sessionLastSeenIntervalMs) return;
  const staleBefore = new Date(Date.now() - sessionLastSeenIntervalMs);
  await scope.db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(sessions.id, session.sessionId), lt(sessions.lastSeenAt, staleBefore)));
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

/** The stored password hash of an account, for checking its current password. */
export async function findPasswordHash(scope: SystemScope, userId: string): Promise<string | undefined> {
  const [row] = await scope.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  return row?.passwordHash;
}

/**
 * Sets a new password and ends every other session of the account, in one transaction (run in
 * Store.systemTransaction: the application role may not write password hashes). Returns how many
 * sessions were ended.
 */
export async function replacePassword(
  scope: SystemScope,
  change: { userId: string; passwordHash: string; keptSessionId: string },
): Promise<number> {
  await scope.db.update(users).set({ passwordHash: change.passwordHash }).where(eq(users.id, change.userId));
  const ended = await scope.db
    .delete(sessions)
    .where(and(eq(sessions.userId, change.userId), ne(sessions.id, change.keptSessionId)))
    .returning({ id: sessions.id });
  await scope.db.insert(accountEvents).values({
    userId: change.userId,
    action: 'password_changed',
    details: { signedOutSessions: ended.length },
  });
  return ended.length;
}
