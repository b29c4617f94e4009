// Connecting an OAuth 2 account: an admin asks for the authorization address, the user signs in
// at the provider, and the provider sends them back to Orca's callback with a code, which is
// exchanged for tokens. The state travels as `<workspaceId>.<connectionId>.<random>`: the first two
// parts say where to look, the random part (checked in constant time against the sealed copy)
// makes it unguessable. State and PKCE verifier stay sealed with the connection's secret until the
// callback consumes them, once.
import { createHash, timingSafeEqual } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { type Config, publicUrlOf } from '../config.ts';
import { notFound, ruleViolated } from '../domain/errors.ts';
import { isUuid } from '../domain/slug.ts';
import { type AuditActor, recordAudit, recordRunAudit } from '../store/audit-repository.ts';
import type { WorkspaceScope } from '../store/store.ts';
import { type ConnectionRecord, findConnection, updateConnection } from '../store/vault-repository.ts';
import { type GrantedTokens, OAuthClient, OAuthProviderError } from './oauth-client.ts';
import {
  type OAuthSecret,
  readOAuthSecret,
  withoutPendingAuthorization,
  withoutTokens,
} from './oauth-secret.ts';
import {
  authorizeRoute,
  connectionName,
  type OAuthDependencies,
  oauthSettingsOf,
  sealedOAuthSecret,
} from './oauth-tokens.ts';

/** How long an authorization address stays good: time to sign in, not to forget about it. */
export const authorizationLifetimeMs = 10 * 60_000;

export const callbackPath = '/api/oauth/callback';

/** The redirect URI every provider is told: one for the whole Orca, the state says which connection. */
export function redirectUriOf(config: Config): string {
  return `${publicUrlOf(config)}${callbackPath}`;
}

/** Compares two states in constant time (their digests, so that lengths may differ). */
function sameState(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

async function openOAuth(dependencies: OAuthDependencies, scope: WorkspaceScope, row: ConnectionRecord) {
  return readOAuthSecret(await dependencies.vault.openSecret(scope, row));
}

/**
 * Starts an authorization: answers the address the user opens. A second call replaces the
 * pending one, whose address then no longer works.
 */
export async function startAuthorization(
  dependencies: OAuthDependencies,
  request: { workspaceId: string; connectionId: string; actor: AuditActor; redirectUri: string },
): Promise<{ authorizationUrl: string; expiresAt: Date }> {
  const { row, secret } = await dependencies.store.inWorkspace(request.workspaceId, async (scope) => {
    const found = await findConnection(scope, request.connectionId);
    if (!found) throw notFound('This connection');
    if (found.kind !== 'oauth2') {
      throw ruleViolated(
        `"${connectionName(found)}" is an ${found.kind} connection: only oauth2 connections are authorized at a provider.`,
      );
    }
    return { row: found, secret: await openOAuth(dependencies, scope, found) };
  });
  const client = new OAuthClient(oauthSettingsOf(row), secret.clientSecret, dependencies.network);
  const state = `${row.workspaceId}.${row.id}.${oauth.generateRandomState()}`;
  let started: Awaited<ReturnType<OAuthClient['startAuthorization']>>;
  try {
    started = await client.startAuthorization(state, request.redirectUri);
  } catch (error) {
    if (error instanceof OAuthProviderError) throw ruleViolated(error.message);
    throw error;
  }
  const expiresAt = new Date(Date.now() + authorizationLifetimeMs);
  await dependencies.store.inWorkspace(request.workspaceId, async (scope) => {
    const current = await findConnection(scope, row.id);
    if (!current) throw notFound('This connection');
    const next: OAuthSecret = {
      ...withoutPendingAuthorization(await openOAuth(dependencies, scope, current)),
      authorizationState: state,
      codeVerifier: started.codeVerifier,
      authorizationExpiresAt: String(expiresAt.getTime()),
      authorizedByUserId: request.actor.userId,
      ...(request.actor.tokenId ? { authorizedByTokenId: request.actor.tokenId } : {}),
    };
    await updateConnection(scope, row.id, await sealedOAuthSecret(scope, dependencies.vault, current, next));
    await recordAudit(scope, request.actor, {
      action: 'connection.authorization_started',
      targetType: 'connection',
      targetId: row.id,
      details: { service: row.service, label: row.label },
    });
  });
  return { authorizationUrl: started.authorizationUrl, expiresAt };
}

/** Why a callback did not connect the account; `status` is the HTTP status of the page shown. */
export class OAuthCallbackError extends Error {
  readonly status: 400 | 502;

  constructor(status: 400 | 502, message: string) {
    super(message);
    this.name = 'OAuthCallbackError';
    this.status = status;
  }
}

interface PendingAuthorization {
  row: ConnectionRecord;
  state: string;
  codeVerifier: string;
  clientSecret: string | undefined;
  actor: AuditActor | undefined;
  /** Whether the connection held tokens before (a re-authorization). */
  hadTokens: boolean;
}

const unknownState = (providerError: string | null) =>
  new OAuthCallbackError(
    400,
    `${providerError ? `The provider answered with an error (${providerError.slice(0, 100)}), and the` : 'The'} authorization this address belongs to is unknown, was already used, or was replaced by a newer one. Nothing was changed: start again with POST /api/workspaces/…/connections/…/authorize and open the new authorizationUrl.`,
  );

/** Finds the pending authorization the state names, and consumes it: a state works once. */
async function consumePending(
  dependencies: OAuthDependencies,
  state: string,
  providerError: string | null,
): Promise<PendingAuthorization> {
  const [workspaceId = '', connectionId = '', random] = state.split('.');
  if (!isUuid(workspaceId) || !isUuid(connectionId) || !random) throw unknownState(providerError);
  const found = await dependencies.store.inWorkspace(workspaceId, async (scope) => {
    const row = await findConnection(scope, connectionId);
    if (row?.kind !== 'oauth2') return undefined;
    const secret = await openOAuth(dependencies, scope, row);
    const { authorizationState, codeVerifier, authorizationExpiresAt } = secret;
    if (!authorizationState || !codeVerifier || !sameState(state, authorizationState)) return undefined;
    await updateConnection(
      scope,
      row.id,
      await sealedOAuthSecret(scope, dependencies.vault, row, withoutPendingAuthorization(secret)),
    );
    return {
      row,
      state: authorizationState,
      codeVerifier,
      clientSecret: secret.clientSecret,
      expired: Number(authorizationExpiresAt ?? 0) < Date.now(),
      hadTokens: secret.accessToken !== undefined,
      actor: secret.authorizedByUserId
        ? { userId: secret.authorizedByUserId, tokenId: secret.authorizedByTokenId }
        : undefined,
    };
  });
  if (!found) throw unknownState(providerError);
  if (found.expired) {
    throw new OAuthCallbackError(
      400,
      `This authorization of "${connectionName(found.row)}" expired (an address is good for ${authorizationLifetimeMs / 60_000} minutes). Start again with ${authorizeRoute(found.row)} and open the new authorizationUrl.`,
    );
  }
  return found;
}

async function audit(
  scope: WorkspaceScope,
  actor: AuditActor | undefined,
  entry: Parameters<typeof recordRunAudit>[1],
) {
  if (actor) await recordAudit(scope, actor, entry);
  else await recordRunAudit(scope, entry);
}

async function keepTokens(
  dependencies: OAuthDependencies,
  pending: PendingAuthorization,
  granted: GrantedTokens,
) {
  const { row } = pending;
  await dependencies.store.inWorkspace(row.workspaceId, async (scope) => {
    const current = await findConnection(scope, row.id);
    if (!current) throw new OAuthCallbackError(400, `"${connectionName(row)}" was disconnected meanwhile.`);
    const next: OAuthSecret = {
      ...withoutTokens(await openOAuth(dependencies, scope, current)),
      accessToken: granted.accessToken,
      ...(granted.refreshToken ? { refreshToken: granted.refreshToken } : {}),
      ...(granted.expiresAt === undefined ? {} : { accessTokenExpiresAt: String(granted.expiresAt) }),
    };
    await updateConnection(scope, row.id, {
      ...(await sealedOAuthSecret(scope, dependencies.vault, current, next)),
      status: 'working',
      statusMessage: `Authorized at ${new Date().toISOString()}${granted.refreshToken ? '; the access token is renewed as needed' : ''}.`,
    });
    await audit(scope, pending.actor, {
      action: 'connection.authorized',
      targetType: 'connection',
      targetId: row.id,
      details: { service: row.service, label: row.label, refreshable: granted.refreshToken !== undefined },
    });
  });
}

async function recordRefusal(
  dependencies: OAuthDependencies,
  pending: PendingAuthorization,
  error: OAuthProviderError,
) {
  const { row } = pending;
  await dependencies.store.inWorkspace(row.workspaceId, async (scope) => {
    // A refused re-authorization leaves the tokens that still work alone.
    if (!pending.hadTokens)
      await updateConnection(scope, row.id, { status: 'failing', statusMessage: error.message });
    await audit(scope, pending.actor, {
      action: 'connection.authorization_failed',
      targetType: 'connection',
      targetId: row.id,
      details: {
        service: row.service,
        label: row.label,
        reason: error.reason,
        providerError: error.providerError ?? null,
      },
    });
  });
}

/**
 * Completes an authorization from the provider's redirect: checks the state, exchanges the code
 * with the PKCE verifier, keeps the tokens sealed and marks the connection working. Throws an
 * OAuthCallbackError with a message for the user otherwise.
 */
export async function completeAuthorization(
  dependencies: OAuthDependencies,
  parameters: URLSearchParams,
  redirectUri: string,
): Promise<{ connection: ConnectionRecord }> {
  const state = parameters.get('state');
  const providerError = parameters.get('error');
  if (!state) throw unknownState(providerError);
  const pending = await consumePending(dependencies, state, providerError);
  const client = new OAuthClient(oauthSettingsOf(pending.row), pending.clientSecret, dependencies.network);
  let granted: GrantedTokens;
  try {
    granted = await client.exchangeCode(parameters, pending.state, redirectUri, pending.codeVerifier);
  } catch (error) {
    if (!(error instanceof OAuthProviderError)) throw error;
    await recordRefusal(dependencies, pending, error);
    const again = `Try again with ${authorizeRoute(pending.row)} and open the new authorizationUrl.`;
    throw new OAuthCallbackError(
      error.reason === 'refused' ? 400 : 502,
      `"${connectionName(pending.row)}" was not connected: ${error.message} ${again}`,
    );
  }
  await keepTokens(dependencies, pending, granted);
  return { connection: pending.row };
}
