// The security log of one account: password changes and sign-outs, which the account's owner can
// read. Account scope only; it never holds workspace data (see decision 0019).
import { and, eq } from 'drizzle-orm';
import { creationKeyset, type KeysetPage, keysetOrder, pastPosition } from './keyset.ts';
import { accountEvents } from './schema.ts';
import type { AccountScope } from './store.ts';

/** What the log records. */
export type AccountAction =
  | 'password_changed'
  | 'signed_out'
  | 'session_revoked'
  | 'other_sessions_revoked'
  | 'all_sessions_revoked';

export interface AccountEventRecord {
  id: string;
  action: AccountAction;
  details: Record<string, unknown>;
  createdAt: Date;
}

export async function recordAccountEvent(
  scope: AccountScope,
  event: { action: AccountAction; details?: Record<string, unknown> },
) {
  await scope.db
    .insert(accountEvents)
    .values({ userId: scope.userId, action: event.action, details: event.details ?? {} });
}

/** The newest events first. */
/** Newest first. */
export const accountEventKeyset = creationKeyset<AccountEventRecord>(accountEvents, 'desc');

export async function listAccountEvents(
  scope: AccountScope,
  page: KeysetPage,
): Promise<AccountEventRecord[]> {
  const rows = await scope.db
    .select({
      id: accountEvents.id,
      action: accountEvents.action,
      details: accountEvents.details,
      createdAt: accountEvents.createdAt,
    })
    .from(accountEvents)
    .where(and(eq(accountEvents.userId, scope.userId), pastPosition(accountEventKeyset, page)))
    .orderBy(...keysetOrder(accountEventKeyset))
    .limit(page.limit);
  return rows.map((row) => ({ ...row, action: row.action as AccountAction }));
}
