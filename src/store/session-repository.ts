// A person's own sessions, in the account scope: row-level security shows only the caller's
// sessions, and every query names the user too, so an id of someone else's session matches nothing.
import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import { sessions } from './schema.ts';
import type { AccountScope } from './store.ts';

/** A session as its owner may see it: no token, no hash. */
export interface OwnSessionRecord {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
}

export async function listOwnSessions(scope: AccountScope): Promise<OwnSessionRecord[]> {
  return scope.db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, scope.userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.id));
}

/** Ends one of the caller's sessions; false when there is no such session of theirs. */
export async function deleteOwnSession(scope: AccountScope, sessionId: string): Promise<boolean> {
  const deleted = await scope.db
    .delete(sessions)
    .where(and(eq(sessions.userId, scope.userId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

/** Ends every session of the caller but `keptSessionId` (all of them when it is undefined). */
export async function deleteOwnSessionsExcept(
  scope: AccountScope,
  keptSessionId: string | undefined,
): Promise<number> {
  const condition = keptSessionId
    ? and(eq(sessions.userId, scope.userId), ne(sessions.id, keptSessionId))
    : eq(sessions.userId, scope.userId);
  const deleted = await scope.db.delete(sessions).where(condition).returning({ id: sessions.id });
  return deleted.length;
}
