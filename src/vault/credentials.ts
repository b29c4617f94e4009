// Credentials for tools: a connection's secret turned into the headers that authenticate a
// request, with the hosts it may go to (an OAuth 2 access token renewed first when it is about to
// expire). Every use is audited with the run and step that made it.
import { isUuid } from '../domain/slug.ts';
import type { SecretRedactor } from '../runtime/secret-redactor.ts';
import { ToolError } from '../runtime/tool-error.ts';
import type { Credential, LoginSecret } from '../runtime/tool-services.ts';
import { recordRunAudit } from '../store/audit-repository.ts';
import type { Store, WorkspaceScope } from '../store/store.ts';
import {
  type ConnectionRecord,
  findConnection,
  listConnections,
  updateConnection,
} from '../store/vault-repository.ts';
import { hostAllowed } from './connection-rules.ts';
import { missingSecretMessage, waitsForSecret } from './missing-secret.ts';
import { freshAccessToken, type OAuthDependencies, OAuthTokenError } from './oauth-tokens.ts';
import { totpCode } from './totp.ts';
import type { SecretFields, Vault } from './vault.ts';

/** A connection by id, by service (its default account) or as `service/label`. */
export async function resolve(
  scope: WorkspaceScope,
  reference: string,
): Promise<ConnectionRecord | undefined> {
  if (isUuid(reference)) return findConnection(scope, reference);
  const [service = '', label] = reference.trim().toLowerCase().split('/', 2);
  const candidates = await listConnections(scope, service);
  if (label !== undefined) return candidates.find((candidate) => candidate.label.toLowerCase() === label);
  return (
    candidates.find((candidate) => candidate.isDefault) ??
    (candidates.length === 1 ? candidates[0] : undefined)
  );
}

/** Where a run's tools note the secrets they were given, to keep them out of what the run stores. */
export type SecretsInUse = Pick<SecretRedactor, 'add'>;

function headersFor(
  connection: ConnectionRecord,
  secret: Record<string, string>,
  secretsInUse: SecretsInUse | undefined,
): Record<string, string> {
  const settings = connection.settings as { headerName?: string; prefix?: string; username?: string };
  if (connection.kind === 'api_key') {
    secretsInUse?.add(secret.apiKey);
    return {
      [(settings.headerName ?? 'Authorization').toLowerCase()]:
        `${settings.prefix ?? 'Bearer '}${secret.apiKey ?? ''}`,
    };
  }
  const pair = `${settings.username ?? ''}:${secret.password ?? ''}`;
  secretsInUse?.add(secret.password);
  // Its base64 is the header: an echo of the header is caught whole.
  secretsInUse?.add(pair);
  const basic = Buffer.from(pair).toString('base64');
  return { authorization: `Basic ${basic}` };
}

/** The user name, password and one-time codes of a login connection, audited as a use. */
export async function loginFor(
  dependencies: { store: Store; vault: Vault; secretsInUse?: SecretsInUse },
  use: { workspaceId: string; runId: string; stepId: string; reference: string },
): Promise<LoginSecret> {
  return dependencies.store.inWorkspace(use.workspaceId, async (scope) => {
    const connection = await resolve(scope, use.reference);
    if (!connection) {
      throw new ToolError(
        'not_found',
        `This workspace has no connected account "${use.reference}". An admin connects one on the Accounts page, /w/${use.workspaceId}/accounts (through the API: POST /api/workspaces/${use.workspaceId}/connections {"service": "${use.reference.split('/')[0]}", "kind": "login", "settings": {"username": "…", "allowedHosts": ["…"]}, "secret": {"password": "…"}}).`,
      );
    }
    if (connection.kind !== 'login') {
      throw new ToolError(
        'invalid_input',
        `"${connection.service}" is an ${connection.kind} connection; signing in needs a login connection.`,
      );
    }
    const secret = await dependencies.vault.openSecret(scope, connection);
    if (waitsForSecret(connection, secret))
      throw new ToolError('not_configured', missingSecretMessage(connection));
    await updateConnection(scope, connection.id, { lastUsedAt: new Date() });
    await recordRunAudit(scope, {
      action: 'connection.used',
      targetType: 'connection',
      targetId: connection.id,
      details: {
        service: connection.service,
        label: connection.label,
        runId: use.runId,
        stepId: use.stepId,
        for: 'login',
      },
    });
    const settings = connection.settings as { username?: string; allowedHosts?: string[] };
    const totpSecret = secret.totpSecret;
    dependencies.secretsInUse?.add(secret.password);
    dependencies.secretsInUse?.add(totpSecret);
    return {
      service: connection.service,
      username: settings.username ?? '',
      password: secret.password ?? '',
      oneTimeCode: totpSecret ? () => totpCode(totpSecret) : undefined,
      allowedHosts: settings.allowedHosts ?? [],
    };
  });
}

/** An oauth2 connection's bearer token, refreshed first when it is about to expire. */
async function oauthHeaders(
  dependencies: OAuthDependencies & { secretsInUse?: SecretsInUse },
  connection: ConnectionRecord,
  secret: SecretFields,
): Promise<Record<string, string>> {
  // The grant's other secrets count too: a provider's page may show them back.
  dependencies.secretsInUse?.add(secret.refreshToken);
  dependencies.secretsInUse?.add(secret.accessToken);
  dependencies.secretsInUse?.add(secret.clientSecret);
  try {
    const accessToken = await freshAccessToken(dependencies, connection, secret);
    dependencies.secretsInUse?.add(accessToken);
    return { authorization: `Bearer ${accessToken}` };
  } catch (error) {
    if (!(error instanceof OAuthTokenError)) throw error;
    switch (error.reason) {
      case 'not_authorized':
        throw new ToolError('not_configured', error.message);
      case 'expired':
        throw new ToolError('connection_expired', error.message);
      case 'provider_unreachable':
        throw new ToolError('network', error.message, { retryable: true });
    }
  }
}

export async function credentialFor(
  dependencies: OAuthDependencies & { secretsInUse?: SecretsInUse },
  use: { workspaceId: string; runId: string; stepId: string; reference: string },
): Promise<Credential> {
  // Read, then let go of the database: an OAuth token may need the provider to renew it first.
  const { connection, secret } = await dependencies.store.inWorkspace(use.workspaceId, async (scope) => {
    const found = await resolve(scope, use.reference);
    if (!found) {
      throw new ToolError(
        'not_found',
        `This workspace has no connected account "${use.reference}". Connect one first (POST /api/workspaces/…/connections with {"service": "${use.reference.split('/')[0]}", "kind": "api_key", …}), or name another.`,
      );
    }
    const opened = await dependencies.vault.openSecret(scope, found);
    if (waitsForSecret(found, opened)) throw new ToolError('not_configured', missingSecretMessage(found));
    return { connection: found, secret: opened };
  });
  const headers =
    connection.kind === 'oauth2'
      ? await oauthHeaders(dependencies, connection, secret)
      : headersFor(connection, secret, dependencies.secretsInUse);
  await dependencies.store.inWorkspace(use.workspaceId, async (scope) => {
    await updateConnection(scope, connection.id, { lastUsedAt: new Date() });
    await recordRunAudit(scope, {
      action: 'connection.used',
      targetType: 'connection',
      targetId: connection.id,
      details: { service: connection.service, label: connection.label, runId: use.runId, stepId: use.stepId },
    });
  });
  const allowedHosts = ((connection.settings as { allowedHosts?: string[] }).allowedHosts ?? []) as string[];
  return {
    connectionId: connection.id,
    service: connection.service,
    label: connection.label,
    headers,
    allowedHosts,
    allows: (url: URL) => hostAllowed(url, allowedHosts),
  };
}
