// The audit log of a workspace: who changed membership, tokens and settings, and when.
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { creationKeyset, type KeysetPage, keysetOrder, pastPosition } from './keyset.ts';
import { apiTokens, auditEvents, users } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export interface AuditActor {
  userId: string;
  tokenId?: string;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

export type AuditRecord = typeof auditEvents.$inferSelect;

export async function recordAudit(scope: WorkspaceScope, actor: AuditActor, entry: AuditEntry) {
  await scope.db.insert(auditEvents).values({
    workspaceId: scope.workspaceId,
    actorUserId: actor.userId,
    actorTokenId: actor.tokenId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}

export interface AuditFilters {
  action?: string;
  /** The person who acted, themselves or through one of their tokens. */
  actorUserId?: string;
  /** Events at or after this instant. */
  since?: Date;
  /** Events before this instant. */
  until?: Date;
}

/** Newest first. */
export const auditKeyset = creationKeyset<AuditRecord>(auditEvents, 'desc');

/** A page of the log, newest first, past the page's position. */
export async function listAudit(
  scope: WorkspaceScope,
  page: KeysetPage & AuditFilters,
): Promise<AuditRecord[]> {
  const conditions = [eq(auditEvents.workspaceId, scope.workspaceId)];
  if (page.action) conditions.push(eq(auditEvents.action, page.action));
  if (page.actorUserId) conditions.push(eq(auditEvents.actorUserId, page.actorUserId));
  if (page.since) conditions.push(gte(auditEvents.createdAt, page.since));
  if (page.until) conditions.push(lt(auditEvents.createdAt, page.until));
  const past = pastPosition(auditKeyset, page);
  if (past) conditions.push(past);
  return scope.db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(...keysetOrder(auditKeyset))
    .limit(page.limit);
}

/** The actions recorded in the workspace so far, for a filter to choose from. */
export async function listAuditActions(scope: WorkspaceScope): Promise<string[]> {
  const rows = await scope.db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.workspaceId, scope.workspaceId))
    .orderBy(auditEvents.action);
  return rows.map((row) => row.action);
}

/**
 * The names of the people and tokens behind events, by id. Only current members' names are
 * visible (row-level security), so a former member is missing here; tokens are found even
 * when revoked, since the log outlives them.
 */
export async function auditActorNames(
  scope: WorkspaceScope,
  ids: { userIds: string[]; tokenIds: string[] },
): Promise<{ users: Map<string, string>; tokens: Map<string, string> }> {
  const people = ids.userIds.length
    ? await scope.db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, ids.userIds))
    : [];
  const tokens = ids.tokenIds.length
    ? await scope.db
        .select({ id: apiTokens.id, name: apiTokens.name })
        .from(apiTokens)
        .where(and(eq(apiTokens.workspaceId, scope.workspaceId), inArray(apiTokens.id, ids.tokenIds)))
    : [];
  return {
    users: new Map(people.map((person) => [person.id, person.name])),
    tokens: new Map(tokens.map((token) => [token.id, token.name])),
  };
}

/** An event no person caused directly, such as a run using a connected account. */
export async function recordRunAudit(scope: WorkspaceScope, entry: AuditEntry) {
  await scope.db.insert(auditEvents).values({
    workspaceId: scope.workspaceId,
    actorUserId: null,
    actorTokenId: null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}
