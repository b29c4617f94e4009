// Accounts, sessions and sign-in attempts: the system-scope queries that authenticate a request
// before its workspace or user scope is known. Every lookup goes by a secret's hash.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../domain/roles.ts';
import { apiTokens, invitations, loginAttempts, sessions, users } from './schema.ts';
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

export interface LoginLimits {
  perEmailAndAddress: number;
  perAddress: number;
  perEmail: number;
}

/**
 * Counts recent failures and, when under every limit, records this attempt as a failure before
 * the password is checked; the caller marks it succeeded afterwards. Locks on the address and the
 * e-mail serialise concurrent attempts, so parallel guesses cannot all slip under the limit.
 * Run inside a transaction (Store.systemTransaction).
 */
export async function reserveLoginAttempt(
  scope: SystemScope,
  attempt: { email: string; address: string; since: Date; limits: LoginLimits },
): Promise<{ allowed: false } | { allowed: true; attemptId: number }> {
  const { email, address, since, limits } = attempt;
  await scope.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`login-address:${address}`}))`);
  await scope.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`login-email:${email}`}))`);
  const [counts] = await scope.db
    .select({
      pair: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email} and ${loginAttempts.address} = ${address})`.mapWith(
        Number,
      ),
      byAddress: sql<number>`count(*) filter (where ${loginAttempts.address} = ${address})`.mapWith(Number),
      byEmail: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})`.mapWith(Number),
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.attemptedAt, since),
        sql`(${loginAttempts.email} = ${email} or ${loginAttempts.address} = ${address})`,
      ),
    );
  const overLimit =
    (counts?.pair ?? 0) >= limits.perEmailAndAddress ||
    (counts?.byAddress ?? 0) >= limits.perAddress ||
    (counts?.byEmail ?? 0) >= limits.perEmail;
  if (overLimit) return { allowed: false };
  const [row] = await scope.db
    .insert(loginAttempts)
    .values({ email, address, succeeded: false })
    .returning({ id: loginAttempts.id });
  if (!row) throw new Error('insert into login_attempts returned no row');
  return { allowed: true, attemptId: row.id };
}

export async function markLoginAttemptSucceeded(scope: SystemScope, attemptId: number) {
  await scope.db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}

/** Forgets old attempts so the table stays small. */
export async function pruneLoginAttempts(scope: SystemScope, before: Date) {
  await scope.db.delete(loginAttempts).where(sql`${loginAttempts.attemptedAt} < ${before}`);
}
