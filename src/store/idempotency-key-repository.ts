// Idempotency-Keys of API requests (schema: idempotencyKeys). A key is claimed in a short
// transaction of its own before the work starts, and finished (or released) in another once the
// answer is known: the unique index makes a second claim fail however many API processes share
// the database, and no transaction is held across the work.
import { and, eq, lte, sql } from 'drizzle-orm';
import { idempotencyKeys } from './schema.ts';
import type { AccountScope, WorkspaceScope } from './store.ts';

export type IdempotencyScope = WorkspaceScope | AccountScope;

export interface IdempotencyClaim {
  userId: string;
  principal: string;
  route: string;
  key: string;
  requestHash: string;
  expiresAt: Date;
}

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type ClaimOutcome =
  | { kind: 'claimed'; id: string }
  | { kind: 'in_progress' }
  | { kind: 'reused' }
  | { kind: 'answered'; answer: StoredAnswer };

/**
 * A claim that was never finished (its process died mid-request) is taken over after this long;
 * otherwise the key would answer 409 for a whole day.
 */
export const abandonedClaimMinutes = 10;

const workspaceOf = (scope: IdempotencyScope) => ('workspaceId' in scope ? scope.workspaceId : null);

/** Claims the key for this request, or says what the earlier request with it came to. */
export async function claimIdempotencyKey(
  scope: IdempotencyScope,
  claim: IdempotencyClaim,
): Promise<ClaimOutcome> {
  const workspaceId = workspaceOf(scope);
  // Cleanup on write: the scope's expired keys go with each new claim (row-level security keeps
  // the delete to this workspace's or this account's rows).
  await scope.db.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, sql`now()`));
  const [claimed] = await scope.db
    .insert(idempotencyKeys)
    .values({
      workspaceId,
      userId: claim.userId,
      scope: workspaceId ?? 'account',
      principal: claim.principal,
      route: claim.route,
      key: claim.key,
      requestHash: claim.requestHash,
      state: 'started',
      expiresAt: claim.expiresAt,
    })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.principal, idempotencyKeys.route, idempotencyKeys.key],
      set: {
        requestHash: claim.requestHash,
        state: 'started',
        responseStatus: null,
        responseHeaders: null,
        responseBody: null,
        createdAt: sql`now()`,
        expiresAt: claim.expiresAt,
      },
      setWhere: sql`${idempotencyKeys.state} = 'started' and ${idempotencyKeys.createdAt} < now() - make_interval(mins => ${abandonedClaimMinutes})`,
    })
    .returning({ id: idempotencyKeys.id });
  if (claimed) return { kind: 'claimed', id: claimed.id };
  const [existing] = await scope.db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.scope, workspaceId ?? 'account'),
        eq(idempotencyKeys.principal, claim.principal),
        eq(idempotencyKeys.route, claim.route),
        eq(idempotencyKeys.key, claim.key),
      ),
    );
  if (!existing || existing.requestHash !== claim.requestHash) return { kind: 'reused' };
  if (existing.state !== 'finished' || existing.responseStatus === null) return { kind: 'in_progress' };
  return {
    kind: 'answered',
    answer: {
      status: existing.responseStatus,
      headers: existing.responseHeaders ?? {},
      body: existing.responseBody ?? '',
    },
  };
}

/** Keeps the answer for replays until the key expires. */
export async function finishIdempotencyKey(
  scope: IdempotencyScope,
  id: string,
  answer: StoredAnswer,
): Promise<void> {
  await scope.db
    .update(idempotencyKeys)
    .set({
      state: 'finished',
      responseStatus: answer.status,
      responseHeaders: answer.headers,
      responseBody: answer.body,
    })
    .where(eq(idempotencyKeys.id, id));
}

/** Forgets a claim whose request failed on our side, so that a retry does the work. */
export async function releaseIdempotencyKey(scope: IdempotencyScope, id: string): Promise<void> {
  await scope.db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
}
