// What an OAuth 2 connection keeps sealed: the client secret the admin gave, the tokens the
// provider granted, and, while the admin authorizes, the pending authorization (the state and the
// PKCE code verifier). All of it sits in the connection's one sealed secret, so the vault needs no
// table of its own; the vault keeps strings, hence the times as milliseconds in text.
import { z } from 'zod';
import type { SecretFields } from './vault.ts';

const milliseconds = z.string().regex(/^\d+$/);

export const oauthSecretSchema = z.object({
  clientSecret: z.string().optional(),
  accessToken: z.string().optional(),
  refreshToken: z.string().optional(),
  /** When the access token expires; absent when the provider did not say. */
  accessTokenExpiresAt: milliseconds.optional(),
  /** The `state` sent with the pending authorization: `<workspaceId>.<connectionId>.<random>`. */
  authorizationState: z.string().optional(),
  codeVerifier: z.string().optional(),
  authorizationExpiresAt: milliseconds.optional(),
  /** Who asked for the pending authorization (the audit names them when it completes). */
  authorizedByUserId: z.string().optional(),
  authorizedByTokenId: z.string().optional(),
});

export type OAuthSecret = z.infer<typeof oauthSecretSchema>;

export function readOAuthSecret(fields: SecretFields): OAuthSecret {
  return oauthSecretSchema.parse(fields);
}

/** Drops absent fields: the vault seals strings only. */
export function sealable(secret: OAuthSecret): SecretFields {
  return Object.fromEntries(
    Object.entries(secret).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The secret without a pending authorization (it was used, refused or has expired). */
export function withoutPendingAuthorization(secret: OAuthSecret): OAuthSecret {
  const {
    authorizationState: _state,
    codeVerifier: _verifier,
    authorizationExpiresAt: _expiresAt,
    authorizedByUserId: _userId,
    authorizedByTokenId: _tokenId,
    ...rest
  } = secret;
  return rest;
}

/** The secret without the tokens (the provider or the client changed: they are no longer good). */
export function withoutTokens(secret: OAuthSecret): OAuthSecret {
  const { accessToken: _access, refreshToken: _refresh, accessTokenExpiresAt: _expiry, ...rest } = secret;
  return rest;
}

/** The part of the secret the admin defines (and may replace): the client secret. */
export function definedPart(secret: OAuthSecret): { clientSecret?: string } {
  return secret.clientSecret === undefined ? {} : { clientSecret: secret.clientSecret };
}

/** The names of the secret fields set, as the API shows them (never the values). */
export function visibleFields(secret: OAuthSecret): string[] {
  return (['accessToken', 'clientSecret', 'refreshToken'] as const).filter(
    (name) => secret[name] !== undefined,
  );
}

/**
 * The sealed secret after an admin changed the connection: a new client secret replaces the old
 * (the grant survives a client secret rotation), and when the provider or client changed, the
 * tokens and any pending authorization are dropped, since they belong to the old one.
 */
export function changedSecret(
  kept: OAuthSecret,
  defined: { clientSecret?: string },
  providerChanged: boolean,
): OAuthSecret {
  const { clientSecret: _oldClientSecret, ...rest } = kept;
  const base = providerChanged ? withoutTokens(withoutPendingAuthorization(rest)) : rest;
  return { ...base, ...definedPart(defined) };
}
