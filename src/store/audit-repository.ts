// The audit log of a workspace: who changed membership, tokens and settings, and when.
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { auditEvents } from './schema.ts';
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

/** A page of the log, newest first, after the (createdAt, id) position of a cursor. */
export async function listAudit(
  scope: WorkspaceScope,
  page: { limit: number; after?: { createdAt: Date; id: string }; action?: string },
): Promise<AuditRecord[]> {
  const conditions = [eq(auditEvents.workspaceId, scope.workspaceId)];
  if (page.action) conditions.push(eq(auditEvents.action, page.action));
  if (page.after) {
    const { createdAt, id } = page.after;
    const before = or(
      lt(auditEvents.createdAt, createdAt),
      and(eq(auditEvents.createdAt, createdAt), lt(auditEvents.id, id)),
    );
    if (before) conditions.push(before);
  }
  return scope.db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(page.limit);
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
