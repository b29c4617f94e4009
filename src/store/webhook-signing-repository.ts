// The workspace's secret for signing outgoing webhooks: made on first use, kept until rotated.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { webhookSigningSecrets } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

function newSecret() {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export async function webhookSigningSecret(scope: WorkspaceScope): Promise<string> {
  // Two first uses at once both insert; the loser reads the winner's secret.
  await scope.db
    .insert(webhookSigningSecrets)
    .values({ workspaceId: scope.workspaceId, secret: newSecret() })
    .onConflictDoNothing();
  const [row] = await scope.db
    .select({ secret: webhookSigningSecrets.secret })
    .from(webhookSigningSecrets)
    .where(eq(webhookSigningSecrets.workspaceId, scope.workspaceId));
  if (!row) throw new Error('the webhook signing secret cannot be read back');
  return row.secret;
}

/** Replaces the secret; receivers must take the new one. */
export async function rotateWebhookSigningSecret(scope: WorkspaceScope): Promise<string> {
  const secret = newSecret();
  await scope.db
    .insert(webhookSigningSecrets)
    .values({ workspaceId: scope.workspaceId, secret })
    .onConflictDoUpdate({
      target: webhookSigningSecrets.workspaceId,
      set: { secret, createdAt: new Date() },
    });
  return secret;
}
