// A redactor that knows every secret of the workspace's connected accounts: what a run could have
// been given. Text taken from run data into style memory (a deliverable, a step's output) passes
// through it, so a secret a page echoed into a run can never become a writing sample.
import { SecretRedactor } from '../runtime/secret-redactor.ts';
import type { WorkspaceScope } from '../store/store.ts';
import { listConnections } from '../store/vault-repository.ts';
import type { Vault } from '../vault/vault.ts';

export async function workspaceSecretRedactor(vault: Vault, scope: WorkspaceScope): Promise<SecretRedactor> {
  const redactor = new SecretRedactor();
  // Without a master key no secret can have been stored, nor handed to a run.
  if (!vault.available) return redactor;
  for (const connection of await listConnections(scope)) {
    const secret = await vault.openSecret(scope, connection);
    for (const value of Object.values(secret)) redactor.add(value);
  }
  return redactor;
}
