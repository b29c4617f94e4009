// The OAuth 2 protocol for connected accounts, through oauth4webapi: the authorization address
// (with PKCE), the code exchange, refreshes and revocation. Every request to the provider goes
// through the outbound policy, one hop at a time, like http.request's.
import * as oauth from 'oauth4webapi';
import type { z } from 'zod';
import type { OutboundPolicy } from '../network/outbound-policy.ts';
import { asToolError, fetchOneHop, policedAgent, readLimited } from '../network/policed-fetch.ts';
import type { oauth2Connection } from './connection-rules.ts';

export type OAuthSettings = z.output<typeof oauth2Connection.shape.settings>;

const providerTimeoutMs = 15_000;
// A token endpoint answers with a few hundred bytes; a megabyte is more than any provider needs.
const maximumAnswerBytes = 1024 * 1024;

/**
 * Why a call to the provider did not give what was asked: `refused` (it said no: a bad code,
 * an expired or revoked grant, the user declined), `unreachable` (network, timeout, a refused
 * address, a 5xx), `invalid_response` (an answer Orca cannot use), `insecure` (plain http to a
 * provider the operator did not allow). The message names the provider's error code but never
 * holds a token or secret: oauth4webapi's own errors carry the response body as their cause,
 * so they are never passed on.
 */
export type OAuthFailureReason = 'refused' | 'unreachable' | 'invalid_response' | 'insecure';

export class OAuthProviderError extends Error {
  readonly reason: OAuthFailureReason;
  /** The provider's `error` code, such as invalid_grant or access_denied. */
  readonly providerError: string | undefined;

  constructor(reason: OAuthFailureReason, message: string, providerError?: string) {
    super(message);
    this.name = 'OAuthProviderError';
    this.reason = reason;
    this.providerError = providerError;
  }
}

/** Whether two settings name the same client at the same provider (whose tokens stay good). */
export function sameProvider(before: OAuthSettings, after: OAuthSettings): boolean {
  return (
    before.authorizationUrl === after.authorizationUrl &&
    before.tokenUrl === after.tokenUrl &&
    before.clientId === after.clientId &&
    before.issuer === after.issuer &&
    // Tokens are sent to the revocation address on delete: a new one must not receive old tokens.
    before.revocationUrl === after.revocationUrl
  );
}

export interface GrantedTokens {
  accessToken: string;
  /** Absent when the provider did not issue (or rotate) one. */
  refreshToken?: string;
  /** Milliseconds since the epoch; absent when the provider did not say. */
  expiresAt?: number;
}

/** The parameters of a new authorization: the verifier stays with Orca, the rest goes to the provider. */
export interface AuthorizationStart {
  authorizationUrl: string;
  codeVerifier: string;
}

/** A provider's free text, cut short and kept to one line, for messages. */
function providerText(text: unknown): string {
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').slice(0, 200) : '';
}

function describeRefusal(host: string, what: string, code: string | undefined, description: unknown) {
  const detail = providerText(description);
  return `${host} refused the ${what}${code ? ` (${code}${detail ? `: ${detail}` : ''})` : ''}.`;
}

function statusOf(cause: unknown): number | undefined {
  return cause instanceof Response ? cause.status : undefined;
}

export class OAuthClient {
  readonly #settings: OAuthSettings;
  readonly #server: oauth.AuthorizationServer;
  readonly #client: oauth.Client;
  readonly #authentication: oauth.ClientAuth;
  readonly #network: OutboundPolicy;

  constructor(settings: OAuthSettings, clientSecret: string | undefined, network: OutboundPolicy) {
    this.#settings = settings;
    this.#network = network;
    this.#server = {
      // Without a configured issuer, the authorization server's origin stands in: oauth4webapi
      // compares it with an `iss` the provider sends back (RFC 9207), and most send none.
      issuer: settings.issuer ?? new URL(settings.authorizationUrl).origin,
      authorization_endpoint: settings.authorizationUrl,
      token_endpoint: settings.tokenUrl,
      revocation_endpoint: settings.revocationUrl,
    };
    this.#client = { client_id: settings.clientId };
    if (clientSecret === undefined) this.#authentication = oauth.None();
    else if (settings.clientAuthentication === 'client_secret_post')
      this.#authentication = oauth.ClientSecretPost(clientSecret);
    else this.#authentication = oauth.ClientSecretBasic(clientSecret);
  }

  /**
   * Refuses plain http unless the operator allowed the host (ORCA_ALLOW_NETWORK). OAuth sends the
   * client secret, codes and tokens in the clear over http, so providers are reached over https;
   * an operator who allows a host explicitly runs a provider on this machine or their private
   * network (a local setup, a test), where http is what there is. Answers whether oauth4webapi,
   * which refuses http by default, must be told to allow it.
   */
  async #insecureAllowed(address: string, what: string): Promise<boolean> {
    const url = new URL(address);
    if (url.protocol === 'https:') return false;
    if (await this.#network.allowedByOperator(url.hostname).catch(() => false)) return true;
    throw new OAuthProviderError(
      'insecure',
      `The ${what} ${url.origin} is plain http: OAuth providers must be reached over https (an operator may allow http for a local provider's address with ORCA_ALLOW_NETWORK).`,
    );
  }

  async #options(address: string, what: string): Promise<oauth.HttpRequestOptions<'POST', URLSearchParams>> {
    return {
      signal: AbortSignal.timeout(providerTimeoutMs),
      [oauth.customFetch]: (url, request) => this.#fetch(url, request),
      [oauth.allowInsecureRequests]: await this.#insecureAllowed(address, what),
    };
  }

  /** One policed hop, read whole (with a limit) so that the connection is closed before returning. */
  async #fetch(url: string, request: oauth.CustomFetchOptions<string, unknown>): Promise<Response> {
    const agent = policedAgent(this.#network);
    try {
      const answer = await fetchOneHop(
        new URL(url),
        {
          method: request.method,
          headers: request.headers,
          body: request.body === undefined ? undefined : String(request.body),
          signal: request.signal ?? AbortSignal.timeout(providerTimeoutMs),
        },
        this.#network,
        agent,
      );
      const body = await readLimited(answer, maximumAnswerBytes);
      const bodyless = [101, 204, 205, 304].includes(answer.status);
      return new Response(bodyless ? null : new Uint8Array(body), {
        status: answer.status,
        statusText: answer.statusText,
        headers: [...answer.headers],
      });
    } finally {
      await agent.close().catch(() => undefined);
    }
  }

  /** Turns whatever a provider call threw into an OAuthProviderError (see its comment on causes). */
  #failure(error: unknown, address: string, what: string): OAuthProviderError {
    if (error instanceof OAuthProviderError) return error;
    const host = new URL(address).host;
    if (error instanceof oauth.ResponseBodyError) {
      const reason = error.status >= 500 ? 'unreachable' : 'refused';
      return new OAuthProviderError(
        reason,
        describeRefusal(host, what, error.error, error.error_description),
        error.error,
      );
    }
    if (error instanceof oauth.AuthorizationResponseError) {
      return new OAuthProviderError(
        'refused',
        describeRefusal(host, what, error.error, error.error_description),
        error.error,
      );
    }
    if (error instanceof oauth.WWWAuthenticateChallengeError) {
      return new OAuthProviderError('refused', `${host} refused the ${what} (${error.status}).`);
    }
    // An unexpected status comes as a processing error whose cause is the response.
    const status = error instanceof oauth.OperationProcessingError ? statusOf(error.cause) : undefined;
    if (status !== undefined) {
      return new OAuthProviderError(
        status >= 500 ? 'unreachable' : 'invalid_response',
        `${host} answered the ${what} with HTTP ${status}.`,
      );
    }
    if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
      const hint = /"iss"/.test(error.message)
        ? ' Set the connection’s settings.issuer to the issuer the provider names.'
        : '';
      return new OAuthProviderError(
        'invalid_response',
        `${host} gave an answer to the ${what} that Orca cannot use: ${error.message.replace(/\.$/, '')}.${hint}`,
      );
    }
    const message = asToolError(error, address, providerTimeoutMs, new AbortController().signal).message;
    return new OAuthProviderError('unreachable', message);
  }

  #tokens(answer: oauth.TokenEndpointResponse, host: string): GrantedTokens {
    if (answer.token_type !== 'bearer') {
      throw new OAuthProviderError(
        'invalid_response',
        `${host} issued a ${answer.token_type} token; Orca sends bearer tokens only.`,
      );
    }
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: answer.expires_in === undefined ? undefined : Date.now() + answer.expires_in * 1000,
    };
  }

  /** Where to send the user: the authorization request with a fresh PKCE (S256) verifier. */
  async startAuthorization(state: string, redirectUri: string): Promise<AuthorizationStart> {
    await this.#insecureAllowed(this.#settings.authorizationUrl, 'authorization address');
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const url = new URL(this.#settings.authorizationUrl);
    for (const [name, value] of Object.entries(this.#settings.authorizationParameters ?? {}))
      url.searchParams.set(name, value);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.#settings.clientId);
    url.searchParams.set('redirect_uri', redirectUri);
    if (this.#settings.scopes.length > 0) url.searchParams.set('scope', this.#settings.scopes.join(' '));
    url.searchParams.set('state', state);
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
    return { authorizationUrl: url.toString(), codeVerifier };
  }

  /**
   * Checks the provider's answer at the redirect (an error the user or provider chose, an issuer
   * that does not match) and exchanges its code for tokens. `expectedState` was checked already.
   */
  async exchangeCode(
    callbackParameters: URLSearchParams,
    expectedState: string,
    redirectUri: string,
    codeVerifier: string,
  ): Promise<GrantedTokens> {
    let validated: URLSearchParams;
    try {
      validated = oauth.validateAuthResponse(this.#server, this.#client, callbackParameters, expectedState);
    } catch (error) {
      throw this.#failure(error, this.#settings.authorizationUrl, 'authorization');
    }
    const tokenUrl = this.#settings.tokenUrl;
    try {
      const options = await this.#options(tokenUrl, 'token endpoint');
      const response = await oauth.authorizationCodeGrantRequest(
        this.#server,
        this.#client,
        this.#authentication,
        validated,
        redirectUri,
        codeVerifier,
        options,
      );
      const answer = await oauth.processAuthorizationCodeResponse(this.#server, this.#client, response);
      return this.#tokens(answer, new URL(tokenUrl).host);
    } catch (error) {
      throw this.#failure(error, tokenUrl, 'authorization code');
    }
  }

  /** A new access token for the refresh token (and, when the provider rotates it, a new refresh token). */
  async refresh(refreshToken: string): Promise<GrantedTokens> {
    const tokenUrl = this.#settings.tokenUrl;
    try {
      const options = await this.#options(tokenUrl, 'token endpoint');
      const response = await oauth.refreshTokenGrantRequest(
        this.#server,
        this.#client,
        this.#authentication,
        refreshToken,
        options,
      );
      const answer = await oauth.processRefreshTokenResponse(this.#server, this.#client, response);
      return this.#tokens(answer, new URL(tokenUrl).host);
    } catch (error) {
      throw this.#failure(error, tokenUrl, 'refresh token');
    }
  }

  /** Revokes a token at the revocation endpoint (RFC 7009). */
  async revoke(token: string, kind: 'access_token' | 'refresh_token'): Promise<void> {
    const revocationUrl = this.#settings.revocationUrl;
    if (!revocationUrl) return;
    try {
      const options = await this.#options(revocationUrl, 'revocation endpoint');
      const response = await oauth.revocationRequest(
        this.#server,
        this.#client,
        this.#authentication,
        token,
        {
          ...options,
          additionalParameters: { token_type_hint: kind },
        },
      );
      await oauth.processRevocationResponse(response);
    } catch (error) {
      throw this.#failure(error, revocationUrl, `${kind.replace('_', ' ')} revocation`);
    }
  }
}
