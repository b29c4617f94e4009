// Invitations to a workspace. The token itself is never stored, only its hash.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../domain/roles.ts';
import { isUuid } from '../domain/slug.ts';
import { creationKeyset, type KeysetPage, keysetOrder, pastPosition, withinPage } from './keyset.ts';
import { invitations } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export type InvitationRecord = typeof invitations.$inferSelect;

export async function insertInvitation(
  scope: WorkspaceScope,
  values: { email: string; role: Role; tokenHash: string; invitedBy: string; expiresAt: Date },
): Promise<InvitationRecord> {
  const [row] = await scope.db
    .insert(invitations)
    .values({ workspaceId: scope.workspaceId, ...values })
    .returning();
  if (!row) throw new Error('insert into invitations returned no row');
  return row;
}

/** Invitations neither accepted nor revoked, newest first (expired ones included, marked by date). */
export async function listOpenInvitations(
  scope: WorkspaceScope,
  page?: KeysetPage,
): Promise<InvitationRecord[]> {
  const query = scope.db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, scope.workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        pastPosition(invitationKeyset, page),
      ),
    )
    .orderBy(...keysetOrder(invitationKeyset))
    .$dynamic();
  return withinPage(query, page);
}

export const invitationKeyset = creationKeyset<InvitationRecord>(invitations, 'desc');

export async function findInvitation(
  scope: WorkspaceScope,
  id: string,
): Promise<InvitationRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await scope.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.workspaceId, scope.workspaceId), eq(invitations.id, id)));
  return row;
}

/**
 * Revokes open invitations: those to an address (a new invitation replaces them), or those a
 * member sent (when the member is removed or demoted, the rights they carried lapse). Returns how
 * many it revoked.
 */
export async function revokeOpenInvitations(
  scope: WorkspaceScope,
  match: { email: string } | { invitedBy: string },
): Promise<number> {
  const matches =
    'email' in match ? eq(invitations.email, match.email) : eq(invitations.invitedBy, match.invitedBy);
  const revoked = await scope.db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.workspaceId, scope.workspaceId),
        matches,
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return revoked.length;
}

export async function revokeInvitation(scope: WorkspaceScope, id: string) {
  await scope.db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.workspaceId, scope.workspaceId), eq(invitations.id, id)));
}

/** Marks an open invitation accepted; false when someone else accepted or revoked it first. */
export async function markInvitationAccepted(
  scope: WorkspaceScope,
  id: string,
  userId: string,
): Promise<boolean> {
  const rows = await scope.db
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(
      and(
        eq(invitations.workspaceId, scope.workspaceId),
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length === 1;
}
