// The secret notify.webhook signs with, one per workspace: made on first use, kept until rotated,
// and stored sealed by the vault like a connection's secret, bound to its use so that a sealed
// value copied from elsewhere (a hook's signing secret, a connection) does not open as this one.
// Databases from before sealing hold it in clear: the first start with a master key seals it
// (sealClearWebhookSigningSecrets), and so does any read that meets one first.
import { randomBytes } from 'node:crypto';
import { OrcaError } from '../domain/errors.ts';
import type { Store, WorkspaceScope } from '../store/store.ts';
import {
  findWebhookSigningSecret,
  insertWebhookSigningSecret,
  replaceWebhookSigningSecret,
  sealClearWebhookSigningSecret,
  workspacesWithClearWebhookSigningSecret,
} from '../store/webhook-signing-repository.ts';
import type { Vault } from './vault.ts';

const use = 'outgoing webhook signing';

function newSecret() {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function requireVault(vault: Vault) {
  if (!vault.available) {
    throw new OrcaError(
      'service_unavailable',
      'The webhook signing secret is kept encrypted, which needs a master key: set ORCA_SECRET_KEY (64 hex digits, e.g. from openssl rand -hex 32) on every Orca process, then restart.',
    );
  }
}

function seal(vault: Vault, scope: WorkspaceScope, signingSecret: string): Promise<string> {
  return vault.sealSecret(scope, { use, signingSecret });
}

async function open(vault: Vault, scope: WorkspaceScope, sealed: string): Promise<string> {
  const fields = await vault.openSecret(scope, { sealedSecret: sealed });
  if (fields.use !== use || !fields.signingSecret) {
    throw new Error(
      `the webhook signing secret of workspace ${scope.workspaceId} was sealed for another use`,
    );
  }
  return fields.signingSecret;
}

/** The workspace's signing secret, made (and sealed) on first use. */
export async function webhookSigningSecret(vault: Vault, scope: WorkspaceScope): Promise<string> {
  requireVault(vault);
  const stored = await findWebhookSigningSecret(scope);
  if (stored?.sealedSecret) return open(vault, scope, stored.sealedSecret);
  if (stored?.clearSecret) {
    await sealClearWebhookSigningSecret(
      scope,
      stored.clearSecret,
      await seal(vault, scope, stored.clearSecret),
    );
    return webhookSigningSecret(vault, scope);
  }
  const made = newSecret();
  // Two first uses at once both try; the loser reads the winner's secret.
  if (await insertWebhookSigningSecret(scope, await seal(vault, scope, made))) return made;
  return webhookSigningSecret(vault, scope);
}

/** Replaces the secret; receivers must take the new one. */
export async function rotateWebhookSigningSecret(vault: Vault, scope: WorkspaceScope): Promise<string> {
  requireVault(vault);
  const made = newSecret();
  await replaceWebhookSigningSecret(scope, await seal(vault, scope, made));
  return made;
}

/**
 * Seals every signing secret still stored in clear (a database from before sealing); run at
 * start, and harmless to run again or from several processes at once. Without a master key it
 * does nothing: those secrets stay unusable until one is set. Returns how many it sealed.
 */
export async function sealClearWebhookSigningSecrets(vault: Vault, store: Store): Promise<number> {
  if (!vault.available) return 0;
  const workspaceIds = await store.system(workspacesWithClearWebhookSigningSecret);
  let sealed = 0;
  for (const workspaceId of workspaceIds) {
    const done = await store.inWorkspace(workspaceId, async (scope) => {
      const stored = await findWebhookSigningSecret(scope);
      if (!stored?.clearSecret) return false;
      return sealClearWebhookSigningSecret(
        scope,
        stored.clearSecret,
        await seal(vault, scope, stored.clearSecret),
      );
    });
    if (done) sealed += 1;
  }
  return sealed;
}
