// The tokens of OAuth 2 connections over their life: used while fresh, refreshed a minute before
// they expire (keeping the rotated refresh token), revoked when the account is disconnected. No
// transaction is held open while the provider answers.

import type { OutboundPolicy } from '../network/outbound-policy.ts';
import { recordRunAudit } from '../store/audit-repository.ts';
import type { Store, WorkspaceScope } from '../store/store.ts';
import {
  type ConnectionRecord,
  findConnection,
  findConnectionForUpdate,
  updateConnection,
} from '../store/vault-repository.ts';
import { oauth2Connection } from './connection-rules.ts';
import { connectionPagePath } from './missing-secret.ts';
import {
  type GrantedTokens,
  OAuthClient,
  OAuthProviderError,
  type OAuthSettings,
  sameProvider,
} from './oauth-client.ts';
import { type OAuthSecret, readOAuthSecret, sealable, visibleFields } from './oauth-secret.ts';
import type { SecretFields, Vault } from './vault.ts';

export interface OAuthDependencies {
  store: Store;
  vault: Vault;
  network: OutboundPolicy;
}

/** A token that expires sooner than this is refreshed before it is used. */
export const refreshMarginMs = 60_000;

/**
 * Why no access token could be given: `not_authorized` (nobody completed the authorization yet),
 * `expired` (the provider refused to renew it: the connection is marked failing and must be
 * authorized again), `provider_unreachable` (try again later; nothing was marked).
 */
export type OAuthTokenFailure = 'not_authorized' | 'expired' | 'provider_unreachable';

export class OAuthTokenError extends Error {
  readonly reason: OAuthTokenFailure;

  constructor(reason: OAuthTokenFailure, message: string) {
    super(message);
    this.name = 'OAuthTokenError';
    this.reason = reason;
  }
}

/** The settings of an oauth2 connection, without the vault's bookkeeping beside them. */
export function oauthSettingsOf(connection: Pick<ConnectionRecord, 'settings'>): OAuthSettings {
  const { secretFields: _secretFields, ...settings } = connection.settings;
  return oauth2Connection.shape.settings.parse(settings);
}

export function connectionName(connection: Pick<ConnectionRecord, 'service' | 'label'>): string {
  return connection.label ? `${connection.service}/${connection.label}` : connection.service;
}

/** What an admin calls to (re)connect the account. */
export function authorizeRoute(connection: Pick<ConnectionRecord, 'workspaceId' | 'id'>): string {
  return `POST /api/workspaces/${connection.workspaceId}/connections/${connection.id}/authorize`;
}

/** How an admin (re)connects the account: on its page first, then through the API. */
function authorizeWords(connection: Pick<ConnectionRecord, 'workspaceId' | 'id'>): string {
  return `an admin presses Connect on the account's page, ${connectionPagePath(connection)} (through the API: ${authorizeRoute(connection)} and open the authorizationUrl it answers)`;
}

/** The sealed secret and the names of its fields (kept beside it, as the API shows them). */
export async function sealedOAuthSecret(
  scope: WorkspaceScope,
  vault: Vault,
  connection: Pick<ConnectionRecord, 'settings'>,
  secret: OAuthSecret,
): Promise<Pick<ConnectionRecord, 'sealedSecret' | 'settings'>> {
  return {
    sealedSecret: await vault.sealSecret(scope, sealable(secret)),
    settings: { ...connection.settings, secretFields: visibleFields(secret) },
  };
}

function expiresSoon(secret: OAuthSecret, now = Date.now()): boolean {
  return (
    secret.accessTokenExpiresAt !== undefined && Number(secret.accessTokenExpiresAt) - now < refreshMarginMs
  );
}

function expired(secret: OAuthSecret): boolean {
  return secret.accessTokenExpiresAt !== undefined && Number(secret.accessTokenExpiresAt) <= Date.now();
}

/** The connection as stored now, with its secret; another run or process may have changed it. */
async function stored(dependencies: OAuthDependencies, connection: ConnectionRecord) {
  return dependencies.store.inWorkspace(connection.workspaceId, async (scope) => {
    const row = await findConnection(scope, connection.id);
    if (!row) return undefined;
    return { row, secret: readOAuthSecret(await dependencies.vault.openSecret(scope, row)) };
  });
}

const notAuthorized = (connection: ConnectionRecord) =>
  new OAuthTokenError(
    'not_authorized',
    `The connected account "${connectionName(connection)}" has not been authorized yet: ${authorizeWords(connection)}.`,
  );

/**
 * Marks the account failing, unless its grant changed since the refresh that failed started (it
 * was authorized again, or another process renewed it): then the failure is no longer the
 * account's. Answers whether it marked it.
 */
async function markFailing(
  dependencies: OAuthDependencies,
  connection: ConnectionRecord,
  message: string,
  spentRefreshToken?: string,
): Promise<boolean> {
  return dependencies.store.inWorkspace(connection.workspaceId, async (scope) => {
    const row = await findConnectionForUpdate(scope, connection.id);
    if (!row) return false;
    const latest = readOAuthSecret(await dependencies.vault.openSecret(scope, row));
    if (spentRefreshToken !== undefined && latest.refreshToken !== spentRefreshToken) return false;
    await updateConnection(scope, connection.id, { status: 'failing', statusMessage: message });
    await recordRunAudit(scope, {
      action: 'connection.refresh_failed',
      targetType: 'connection',
      targetId: connection.id,
      details: { service: connection.service, label: connection.label },
    });
    return true;
  });
}

async function storeRefreshed(
  dependencies: OAuthDependencies,
  connection: ConnectionRecord,
  spentRefreshToken: string,
  granted: GrantedTokens,
) {
  await dependencies.store.inWorkspace(connection.workspaceId, async (scope) => {
    const row = await findConnectionForUpdate(scope, connection.id);
    // Disconnected while the provider answered: there is nothing left to keep the tokens in.
    if (!row) return;
    const { accessTokenExpiresAt: _previousExpiry, ...latest } = readOAuthSecret(
      await dependencies.vault.openSecret(scope, row),
    );
    // Authorized again, or moved to another provider, while this refresh was out: the grant it
    // renewed is no longer the account's, and its tokens must not overwrite the new ones.
    if (
      latest.refreshToken !== spentRefreshToken ||
      !sameProvider(oauthSettingsOf(connection), oauthSettingsOf(row))
    ) {
      return;
    }
    const next: OAuthSecret = {
      ...latest,
      accessToken: granted.accessToken,
      // A provider that does not rotate refresh tokens keeps accepting the one it gave first.
      refreshToken: granted.refreshToken ?? spentRefreshToken,
      ...(granted.expiresAt === undefined ? {} : { accessTokenExpiresAt: String(granted.expiresAt) }),
    };
    await updateConnection(scope, row.id, {
      ...(await sealedOAuthSecret(scope, dependencies.vault, row, next)),
      status: 'working',
      statusMessage: `Authorized; the access token was last renewed at ${new Date().toISOString()}.`,
    });
    await recordRunAudit(scope, {
      action: 'connection.refreshed',
      targetType: 'connection',
      targetId: row.id,
      details: {
        service: row.service,
        label: row.label,
        refreshTokenRotated: granted.refreshToken !== undefined,
      },
    });
  });
}

async function refreshed(
  dependencies: OAuthDependencies,
  connection: ConnectionRecord,
  force: boolean,
): Promise<string> {
  const current = await stored(dependencies, connection);
  const accessToken = current?.secret.accessToken;
  if (!current || !accessToken) throw notAuthorized(connection);
  const { row, secret } = current;
  // Another refresh may have finished while this one waited its turn.
  if (!force && !expiresSoon(secret)) return accessToken;
  const name = connectionName(row);
  const reconnect = `The connected account "${name}" must be authorized again: ${authorizeWords(row)}.`;
  if (!secret.refreshToken) {
    if (!expired(secret)) return accessToken;
    const message = `The access token expired and the provider gave no refresh token. ${reconnect}`;
    await markFailing(dependencies, row, message);
    throw new OAuthTokenError('expired', message);
  }
  const client = new OAuthClient(oauthSettingsOf(row), secret.clientSecret, dependencies.network);
  let granted: GrantedTokens;
  try {
    granted = await client.refresh(secret.refreshToken);
  } catch (error) {
    if (!(error instanceof OAuthProviderError)) throw error;
    if (error.reason === 'unreachable') {
      throw new OAuthTokenError(
        'provider_unreachable',
        `The access token of "${name}" could not be renewed: ${error.message} Try again later.`,
      );
    }
    // Another Orca process may have spent the refresh token first and kept its successor.
    const latest = await stored(dependencies, row);
    if (
      latest?.secret.accessToken &&
      latest.secret.refreshToken !== secret.refreshToken &&
      !expiresSoon(latest.secret)
    ) {
      return latest.secret.accessToken;
    }
    const message = `The access token could not be renewed: ${error.message} ${reconnect}`;
    if (!(await markFailing(dependencies, row, message, secret.refreshToken))) {
      // The grant changed meanwhile (renewed elsewhere, or authorized again): use what it holds now.
      const renewed = await stored(dependencies, row);
      if (renewed?.secret.accessToken && !expired(renewed.secret)) return renewed.secret.accessToken;
    }
    throw new OAuthTokenError('expired', message);
  }
  await storeRefreshed(dependencies, row, secret.refreshToken, granted);
  return granted.accessToken;
}

/**
 * An access token of an authorized oauth2 connection: the stored one while it has more than a
 * minute to live, else a refreshed one (`force` refreshes anyway, to check the grant still holds).
 * Throws an OAuthTokenError that says what to do.
 */
export async function freshAccessToken(
  dependencies: OAuthDependencies,
  connection: ConnectionRecord,
  fields: SecretFields,
  options: { force?: boolean } = {},
): Promise<string> {
  const secret = readOAuthSecret(fields);
  if (!secret.accessToken) throw notAuthorized(connection);
  if (!options.force && !expiresSoon(secret)) return secret.accessToken;
  return dependencies.vault.shared(`oauth-refresh:${connection.id}`, () =>
    refreshed(dependencies, connection, options.force ?? false),
  );
}

/**
 * Revokes the connection's tokens at its revocationUrl, refresh token first (which most providers
 * take to end the whole grant). Best effort: answers what failed, in words without secrets.
 */
export async function revokeTokens(
  network: OutboundPolicy,
  connection: ConnectionRecord,
  fields: SecretFields,
): Promise<{ revoked: number; failures: string[] }> {
  const settings = oauthSettingsOf(connection);
  const secret = readOAuthSecret(fields);
  if (!settings.revocationUrl) return { revoked: 0, failures: [] };
  const client = new OAuthClient(settings, secret.clientSecret, network);
  const tokens = [
    { token: secret.refreshToken, kind: 'refresh_token' as const },
    { token: secret.accessToken, kind: 'access_token' as const },
  ];
  let revoked = 0;
  const failures: string[] = [];
  for (const { token, kind } of tokens) {
    if (!token) continue;
    try {
      await client.revoke(token, kind);
      revoked++;
    } catch (error) {
      failures.push(error instanceof OAuthProviderError ? error.message : `The ${kind} revocation failed.`);
    }
  }
  return { revoked, failures };
}
