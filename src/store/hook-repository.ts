// Inbound hooks of an agent. The token's hash and the sealed signing secret never leave this
// module through the workspace functions; only the call path (findHookForCall) reads the sealed
// secret, to check a signature.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { isUuid } from '../domain/slug.ts';
import { creationKeyset, type KeysetPage, keysetOrder, pastPosition, withinPage } from './keyset.ts';
import { hooks } from './schema.ts';
import type { SystemScope, WorkspaceScope } from './store.ts';

export type HookRespond = 'accepted' | 'result';

const publicColumns = {
  id: hooks.id,
  agentId: hooks.agentId,
  name: hooks.name,
  tokenPrefix: hooks.tokenPrefix,
  signed: sql<boolean>`${hooks.sealedSigningSecret} is not null`,
  mapping: hooks.mapping,
  respond: hooks.respond,
  waitTimeoutMs: hooks.waitTimeoutMs,
  ratePerMinute: hooks.ratePerMinute,
  enabled: hooks.enabled,
  lastUsedAt: hooks.lastUsedAt,
  createdBy: hooks.createdBy,
  createdAt: hooks.createdAt,
};

export interface HookRecord {
  id: string;
  agentId: string;
  name: string;
  tokenPrefix: string;
  signed: boolean;
  mapping: string | null;
  respond: HookRespond;
  waitTimeoutMs: number;
  ratePerMinute: number;
  enabled: boolean;
  lastUsedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface HookSettings {
  name: string;
  mapping: string | null;
  respond: HookRespond;
  waitTimeoutMs: number;
  ratePerMinute: number;
  enabled: boolean;
}

/** A new token's hash and display prefix, or a new (sealed) signing secret, or none any more. */
export interface HookSecretChanges {
  tokenHash?: string;
  tokenPrefix?: string;
  sealedSigningSecret?: string | null;
}

export async function insertHook(
  scope: WorkspaceScope,
  values: HookSettings & {
    /** Made by the caller, because the signing secret is sealed to the hook's id before insert. */
    id: string;
    agentId: string;
    tokenHash: string;
    tokenPrefix: string;
    sealedSigningSecret: string | null;
    createdBy: string;
  },
): Promise<HookRecord> {
  const [row] = await scope.db
    .insert(hooks)
    .values({ workspaceId: scope.workspaceId, ...values })
    .returning(publicColumns);
  if (!row) throw new Error('insert into hooks returned no row');
  return row;
}

function ofAgent(scope: WorkspaceScope, agentId: string): SQL | undefined {
  return and(eq(hooks.workspaceId, scope.workspaceId), eq(hooks.agentId, agentId));
}

/** Oldest first. */
export const hookKeyset = creationKeyset<HookRecord>(hooks, 'asc');

export async function listHooks(
  scope: WorkspaceScope,
  agentId: string,
  page?: KeysetPage,
): Promise<HookRecord[]> {
  const query = scope.db
    .select(publicColumns)
    .from(hooks)
    .where(and(ofAgent(scope, agentId), pastPosition(hookKeyset, page)))
    .orderBy(...keysetOrder(hookKeyset))
    .$dynamic();
  return withinPage(query, page);
}

/** Every hook of the workspace (a page of them when asked), for planners answering "what runs from a webhook". */
export async function listWorkspaceHooks(scope: WorkspaceScope, page?: KeysetPage): Promise<HookRecord[]> {
  const query = scope.db
    .select(publicColumns)
    .from(hooks)
    .where(and(eq(hooks.workspaceId, scope.workspaceId), pastPosition(hookKeyset, page)))
    .orderBy(...keysetOrder(hookKeyset))
    .$dynamic();
  return withinPage(query, page);
}

export async function findHook(
  scope: WorkspaceScope,
  agentId: string,
  hookId: string,
): Promise<HookRecord | undefined> {
  if (!isUuid(hookId)) return undefined;
  const [row] = await scope.db
    .select(publicColumns)
    .from(hooks)
    .where(and(ofAgent(scope, agentId), eq(hooks.id, hookId)));
  return row;
}

export async function updateHook(
  scope: WorkspaceScope,
  agentId: string,
  hookId: string,
  changes: Partial<HookSettings> & HookSecretChanges,
): Promise<HookRecord | undefined> {
  if (!isUuid(hookId)) return undefined;
  // An empty change (PATCH {}) is an update with nothing to set, which SQL has no form for.
  if (Object.values(changes).every((value) => value === undefined)) return findHook(scope, agentId, hookId);
  const [row] = await scope.db
    .update(hooks)
    .set(changes)
    .where(and(ofAgent(scope, agentId), eq(hooks.id, hookId)))
    .returning(publicColumns);
  return row;
}

export async function deleteHook(scope: WorkspaceScope, agentId: string, hookId: string): Promise<boolean> {
  if (!isUuid(hookId)) return false;
  const removed = await scope.db
    .delete(hooks)
    .where(and(ofAgent(scope, agentId), eq(hooks.id, hookId)))
    .returning({ id: hooks.id });
  return removed.length > 0;
}

/** A hook as its call path sees it. */
export interface HookForCall {
  id: string;
  workspaceId: string;
  agentId: string;
  enabled: boolean;
  sealedSigningSecret: string | null;
  mapping: string | null;
  respond: HookRespond;
  waitTimeoutMs: number;
  ratePerMinute: number;
}

/** The hook a token's hash names (the only lookup outside a workspace); undefined when none does. */
export async function findHookForCall(
  scope: SystemScope,
  tokenHash: string,
): Promise<HookForCall | undefined> {
  const [row] = await scope.db
    .select({
      id: hooks.id,
      workspaceId: hooks.workspaceId,
      agentId: hooks.agentId,
      enabled: hooks.enabled,
      sealedSigningSecret: hooks.sealedSigningSecret,
      mapping: hooks.mapping,
      respond: hooks.respond,
      waitTimeoutMs: hooks.waitTimeoutMs,
      ratePerMinute: hooks.ratePerMinute,
    })
    .from(hooks)
    .where(eq(hooks.tokenHash, tokenHash));
  return row;
}

/** A one-minute window of counted calls, this one included. */
export interface CallWindow {
  count: number;
  /** Seconds until the window ends. */
  endsInSeconds: number;
}

type HookChanges = PgUpdateSetSource<typeof hooks>;

/** Each window's columns, and what counting a call in it writes (an admitted call marks the hook used). */
const windows = {
  accepted: {
    startedAt: hooks.windowStartedAt,
    count: hooks.windowCount,
    changes: (startedAt: SQL, count: SQL): HookChanges => ({
      windowStartedAt: startedAt,
      windowCount: count,
      lastUsedAt: sql`now()`,
    }),
  },
  rejected: {
    startedAt: hooks.rejectedWindowStartedAt,
    count: hooks.rejectedWindowCount,
    changes: (startedAt: SQL, count: SQL): HookChanges => ({
      rejectedWindowStartedAt: startedAt,
      rejectedWindowCount: count,
    }),
  },
};

/**
 * Counts a call in one of a hook's one-minute windows, in one statement: the row lock makes
 * concurrent calls (from any number of API processes) count one after another, and a window
 * older than a minute starts afresh.
 */
async function countInWindow(
  scope: WorkspaceScope,
  hookId: string,
  which: keyof typeof windows,
): Promise<CallWindow> {
  const window = windows[which];
  const over = sql`(${window.startedAt} is null or ${window.startedAt} <= now() - interval '1 minute')`;
  const [row] = await scope.db
    .update(hooks)
    .set(
      window.changes(
        sql`case when ${over} then now() else ${window.startedAt} end`,
        sql`case when ${over} then 1 else ${window.count} + 1 end`,
      ),
    )
    .where(and(eq(hooks.workspaceId, scope.workspaceId), eq(hooks.id, hookId)))
    .returning({
      count: window.count,
      endsInSeconds: sql<number>`coalesce(greatest(1, ceil(extract(epoch from (${window.startedAt} + interval '1 minute' - now())))), 60)::int`,
    });
  if (!row) throw new Error(`hook ${hookId} went away while its call was counted`);
  return row;
}

/** Counts a call the hook admits (a signed one only once its signature holds) against its rate. */
export function countHookCall(scope: WorkspaceScope, hookId: string): Promise<CallWindow> {
  return countInWindow(scope, hookId, 'accepted');
}

/** Counts a call refused for its signature, apart from the hook's rate, which it must not use up. */
export function countRejectedHookCall(scope: WorkspaceScope, hookId: string): Promise<CallWindow> {
  return countInWindow(scope, hookId, 'rejected');
}

/** Everything of a hook, its address's hash and sealed signing secret included: what undo needs. */
export interface HookSnapshot extends HookSettings {
  id: string;
  agentId: string;
  tokenHash: string;
  tokenPrefix: string;
  sealedSigningSecret: string | null;
  createdBy: string | null;
}

export async function snapshotHooks(scope: WorkspaceScope, agentId: string): Promise<HookSnapshot[]> {
  return scope.db
    .select({
      id: hooks.id,
      agentId: hooks.agentId,
      name: hooks.name,
      tokenHash: hooks.tokenHash,
      tokenPrefix: hooks.tokenPrefix,
      sealedSigningSecret: hooks.sealedSigningSecret,
      mapping: hooks.mapping,
      respond: hooks.respond,
      waitTimeoutMs: hooks.waitTimeoutMs,
      ratePerMinute: hooks.ratePerMinute,
      enabled: hooks.enabled,
      createdBy: hooks.createdBy,
    })
    .from(hooks)
    .where(ofAgent(scope, agentId));
}

/** Puts a hook back as it was, under its old address; false when that address is taken or the agent is gone. */
export async function restoreHook(scope: WorkspaceScope, snapshot: HookSnapshot): Promise<boolean> {
  const rows = await scope.db
    .insert(hooks)
    .values({ workspaceId: scope.workspaceId, ...snapshot })
    .onConflictDoNothing()
    .returning({ id: hooks.id });
  return rows.length > 0;
}
