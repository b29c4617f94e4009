// The recent calls of hooks (schema: hookCalls). Each insert keeps its own call and forgets the
// hook's others beyond the newest `hookCallsKept - 1`, in the same statement, so the table holds
// that many rows per hook however many calls a sender makes (a few more for a moment while calls
// commit at once, which the next insert trims).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { HookCallOutcome, HookCallRefusal } from '../domain/hook-call-outcome.ts';
import { isUuid } from '../domain/slug.ts';
import { type Keyset, type KeysetPage, keysetOrder, pastPosition, withinPage } from './keyset.ts';
import { hookCalls } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

/** How many calls are kept per hook: the recent calls list shows no more. */
export const hookCallsKept = 50;

export interface HookCallValues {
  hookId: string;
  outcome: HookCallOutcome;
  refusal: HookCallRefusal | null;
  status: number;
  runId: string | null;
}

export interface HookCallRecord extends HookCallValues {
  id: string;
  calledAt: Date;
}

const columns = {
  id: hookCalls.id,
  hookId: hookCalls.hookId,
  calledAt: hookCalls.calledAt,
  outcome: hookCalls.outcome,
  refusal: hookCalls.refusal,
  status: hookCalls.status,
  runId: hookCalls.runId,
};

/** Records one call and forgets the hook's calls beyond the newest kept. */
export async function recordHookCall(scope: WorkspaceScope, call: HookCallValues): Promise<void> {
  const insert = scope.db.insert(hookCalls).values({ workspaceId: scope.workspaceId, ...call });
  // One statement for both: the delete does not see the row its \`with\` inserts (one snapshot), so
  // it keeps one older call fewer than the hook keeps, and the new call makes up the number.
  await scope.db.execute(sql`
    with inserted as (${insert.getSQL()})
    delete from ${hookCalls}
    where ${hookCalls.workspaceId} = ${scope.workspaceId} and ${hookCalls.hookId} = ${call.hookId}
      and ${hookCalls.id} in (
        select ${hookCalls.id} from ${hookCalls}
        where ${hookCalls.workspaceId} = ${scope.workspaceId} and ${hookCalls.hookId} = ${call.hookId}
        order by ${hookCalls.calledAt} desc, ${hookCalls.id} desc
        offset ${hookCallsKept - 1}
      )`);
}

/** Newest first. */
export const hookCallKeyset: Keyset<HookCallRecord> = {
  columns: [
    { column: hookCalls.calledAt, kind: 'timestamp' },
    { column: hookCalls.id, kind: 'uuid' },
  ],
  direction: 'desc',
  positionOf: (call) => [call.calledAt, call.id],
};

/** A page of a hook's calls, newest first. */
export async function listHookCalls(
  scope: WorkspaceScope,
  hookId: string,
  page: KeysetPage,
): Promise<HookCallRecord[]> {
  if (!isUuid(hookId)) return [];
  const query = scope.db
    .select(columns)
    .from(hookCalls)
    .where(
      and(
        eq(hookCalls.workspaceId, scope.workspaceId),
        eq(hookCalls.hookId, hookId),
        pastPosition(hookCallKeyset, page),
      ),
    )
    .orderBy(...keysetOrder(hookCallKeyset))
    .$dynamic();
  return withinPage(query, page);
}

/** The newest call of each of the workspace's hooks that was ever called. */
export async function latestHookCalls(scope: WorkspaceScope): Promise<Map<string, HookCallRecord>> {
  const rows = await scope.db
    .selectDistinctOn([hookCalls.hookId], columns)
    .from(hookCalls)
    .where(eq(hookCalls.workspaceId, scope.workspaceId))
    .orderBy(hookCalls.hookId, desc(hookCalls.calledAt), desc(hookCalls.id));
  return new Map(rows.map((row) => [row.hookId, row]));
}
