// A signed hook's secret at rest: sealed by the vault with the workspace's data key, together
// with the hook's id, so that a sealed secret copied onto another hook's row does not open there.
import { OrcaError } from '../domain/errors.ts';
import type { WorkspaceScope } from '../store/store.ts';
import type { Vault } from '../vault/vault.ts';

function requireVault(vault: Vault) {
  if (!vault.available) {
    throw new OrcaError(
      'service_unavailable',
      'Signed hooks keep their signing secret encrypted, which needs a master key: set ORCA_SECRET_KEY (64 hex digits, e.g. from openssl rand -hex 32) on every Orca process, then restart.',
    );
  }
}

export async function sealSigningSecret(
  vault: Vault,
  scope: WorkspaceScope,
  hookId: string,
  signingSecret: string,
): Promise<string> {
  requireVault(vault);
  return vault.sealSecret(scope, { hookId, signingSecret });
}

export async function openSigningSecret(
  vault: Vault,
  scope: WorkspaceScope,
  hookId: string,
  sealed: string,
): Promise<string> {
  requireVault(vault);
  const fields = await vault.openSecret(scope, { sealedSecret: sealed });
  if (fields.hookId !== hookId || !fields.signingSecret) {
    throw new Error(`the signing secret stored with hook ${hookId} was sealed for another hook`);
  }
  return fields.signingSecret;
}
