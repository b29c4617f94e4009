// What a hook has been called with (schema: hookCallKeys): signed calls while their signature is
// still acceptable, and senders' Idempotency-Keys for a day. Rows are claimed in the transaction
// that starts the call's run, so a key is taken if and only if its run exists; the primary key
// (hook, kind, key) makes a second claim fail however many API processes share the database.
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { hookCallKeys } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export type HookCallKeyKind = 'signature' | 'idempotency_key';

export interface HookCallKey {
  hookId: string;
  kind: HookCallKeyKind;
  keyHash: string;
  bodyHash: string;
}

/** The run an unexpired key started, and the body it came with; undefined when the key is new. */
export async function findHookCallKey(
  scope: WorkspaceScope,
  key: Omit<HookCallKey, 'bodyHash'>,
): Promise<{ runId: string; bodyHash: string } | undefined> {
  const [row] = await scope.db
    .select({ runId: hookCallKeys.runId, bodyHash: hookCallKeys.bodyHash })
    .from(hookCallKeys)
    .where(
      and(
        eq(hookCallKeys.workspaceId, scope.workspaceId),
        eq(hookCallKeys.hookId, key.hookId),
        eq(hookCallKeys.kind, key.kind),
        eq(hookCallKeys.keyHash, key.keyHash),
        gt(hookCallKeys.expiresAt, sql`now()`),
      ),
    );
  return row;
}

/** Forgets the hook's expired keys, so that the table holds at most a day of its calls. */
export async function pruneHookCallKeys(scope: WorkspaceScope, hookId: string): Promise<void> {
  await scope.db
    .delete(hookCallKeys)
    .where(
      and(
        eq(hookCallKeys.workspaceId, scope.workspaceId),
        eq(hookCallKeys.hookId, hookId),
        lte(hookCallKeys.expiresAt, sql`now()`),
      ),
    );
}

/**
 * Takes a key for the run it started; false when the key is already taken (a concurrent claim
 * waits for the first one's transaction, and sees its key once it commits). Prune first: an
 * expired key that is still stored is taken too.
 */
export async function claimHookCallKey(
  scope: WorkspaceScope,
  key: HookCallKey & { runId: string; expiresAt: Date },
): Promise<boolean> {
  const claimed = await scope.db
    .insert(hookCallKeys)
    .values({ workspaceId: scope.workspaceId, ...key })
    .onConflictDoNothing()
    .returning({ runId: hookCallKeys.runId });
  return claimed.length > 0;
}
