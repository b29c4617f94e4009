// The workspace's secret for signing outgoing webhooks, as stored: sealed by the vault (the
// sealing and opening live in src/vault/webhook-signing-secret.ts, since the store knows no keys).
// Databases from before sealing may still hold a secret in clear until a start with a master key
// seals it.
import { and, eq, isNotNull } from 'drizzle-orm';
import { webhookSigningSecrets } from './schema.ts';
import type { SystemScope, WorkspaceScope } from './store.ts';

export interface StoredWebhookSigningSecret {
  sealedSecret: string | null;
  /** Set only until the secret is sealed. */
  clearSecret: string | null;
}

export async function findWebhookSigningSecret(
  scope: WorkspaceScope,
): Promise<StoredWebhookSigningSecret | undefined> {
  const [row] = await scope.db
    .select({ sealedSecret: webhookSigningSecrets.sealedSecret, clearSecret: webhookSigningSecrets.secret })
    .from(webhookSigningSecrets)
    .where(eq(webhookSigningSecrets.workspaceId, scope.workspaceId));
  return row;
}

/** When the current secret was made (first use or last rotation); undefined when none yet. */
export async function webhookSigningSecretSince(scope: WorkspaceScope): Promise<Date | undefined> {
  const [row] = await scope.db
    .select({ createdAt: webhookSigningSecrets.createdAt })
    .from(webhookSigningSecrets)
    .where(eq(webhookSigningSecrets.workspaceId, scope.workspaceId));
  return row?.createdAt;
}

/** Stores a first secret; false when another first use stored one meanwhile (theirs stands). */
export async function insertWebhookSigningSecret(
  scope: WorkspaceScope,
  sealedSecret: string,
): Promise<boolean> {
  const inserted = await scope.db
    .insert(webhookSigningSecrets)
    .values({ workspaceId: scope.workspaceId, sealedSecret })
    .onConflictDoNothing()
    .returning({ workspaceId: webhookSigningSecrets.workspaceId });
  return inserted.length > 0;
}

/** Replaces the secret (a rotation), dropping any clear one left from before sealing. */
export async function replaceWebhookSigningSecret(
  scope: WorkspaceScope,
  sealedSecret: string,
): Promise<void> {
  await scope.db
    .insert(webhookSigningSecrets)
    .values({ workspaceId: scope.workspaceId, sealedSecret })
    .onConflictDoUpdate({
      target: webhookSigningSecrets.workspaceId,
      set: { sealedSecret, secret: null, createdAt: new Date() },
    });
}

/**
 * Puts the sealed form of `clearSecret` in its place, only if the row still holds that clear
 * secret: several processes starting at once seal it once, and a rotation meanwhile wins.
 */
export async function sealClearWebhookSigningSecret(
  scope: WorkspaceScope,
  clearSecret: string,
  sealedSecret: string,
): Promise<boolean> {
  const updated = await scope.db
    .update(webhookSigningSecrets)
    .set({ sealedSecret, secret: null })
    .where(
      and(
        eq(webhookSigningSecrets.workspaceId, scope.workspaceId),
        eq(webhookSigningSecrets.secret, clearSecret),
      ),
    )
    .returning({ workspaceId: webhookSigningSecrets.workspaceId });
  return updated.length > 0;
}

/** Workspaces whose secret is still stored in clear. */
export async function workspacesWithClearWebhookSigningSecret(scope: SystemScope): Promise<string[]> {
  const rows = await scope.db
    .select({ workspaceId: webhookSigningSecrets.workspaceId })
    .from(webhookSigningSecrets)
    .where(isNotNull(webhookSigningSecrets.secret));
  return rows.map((row) => row.workspaceId);
}
