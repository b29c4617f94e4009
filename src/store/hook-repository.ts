// Inbound hooks of an agent. The token's hash and the sealed signing secret never leave this
// module through the workspace functions; only the call path (countHookCall) reads the sealed
// secret, to check a signature.
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { isUuid } from '../domain/slug.ts';
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

export async function listHooks(scope: WorkspaceScope, agentId: string): Promise<HookRecord[]> {
  return scope.db
    .select(publicColumns)
    .from(hooks)
    .where(ofAgent(scope, agentId))
    .orderBy(asc(hooks.createdAt), asc(hooks.id));
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

/** A hook as its call path sees it, with this call counted. */
export interface CountedHookCall {
  id: string;
  workspaceId: string;
  agentId: string;
  enabled: boolean;
  sealedSigningSecret: string | null;
  mapping: string | null;
  respond: HookRespond;
  waitTimeoutMs: number;
  ratePerMinute: number;
  /** Calls in the current one-minute window, this one included. */
  windowCount: number;
  /** Seconds until the current window ends. */
  windowEndsInSeconds: number;
}

/**
 * Finds a hook by its token's hash and counts the call in its one-minute window, in one
 * statement: the row lock makes concurrent calls (from any number of API processes) count one
 * after another, and a window older than a minute starts afresh. A disabled hook is returned but
 * not counted. Undefined when no hook has this token.
 */
export async function countHookCall(
  scope: SystemScope,
  tokenHash: string,
): Promise<CountedHookCall | undefined> {
  const windowOver = sql`(${hooks.windowStartedAt} is null or ${hooks.windowStartedAt} <= now() - interval '1 minute')`;
  const [row] = await scope.db
    .update(hooks)
    .set({
      windowStartedAt: sql`case when ${hooks.enabled} and ${windowOver} then now() else ${hooks.windowStartedAt} end`,
      windowCount: sql`case when not ${hooks.enabled} then ${hooks.windowCount} when ${windowOver} then 1 else ${hooks.windowCount} + 1 end`,
      lastUsedAt: sql`case when ${hooks.enabled} then now() else ${hooks.lastUsedAt} end`,
    })
    .where(eq(hooks.tokenHash, tokenHash))
    .returning({
      id: hooks.id,
      workspaceId: hooks.workspaceId,
      agentId: hooks.agentId,
      enabled: hooks.enabled,
      sealedSigningSecret: hooks.sealedSigningSecret,
      mapping: hooks.mapping,
      respond: hooks.respond,
      waitTimeoutMs: hooks.waitTimeoutMs,
      ratePerMinute: hooks.ratePerMinute,
      windowCount: hooks.windowCount,
      windowEndsInSeconds: sql<number>`coalesce(greatest(1, ceil(extract(epoch from (${hooks.windowStartedAt} + interval '1 minute' - now())))), 60)::int`,
    });
  return row;
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
