// A small OAuth 2 authorization server for tests, on 127.0.0.1: /authorize sends the browser back
// with a code bound to the PKCE challenge (or with an error, when told to refuse), /token takes
// authorization codes (checking the code verifier against the S256 challenge) and refresh tokens
// (rotating them: each is good once), /revoke records what it revokes, and /api/me is a resource
// that needs a live access token. Tests steer it through the fields below.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestOAuthServer {
  url: string;
  host: string;
  clientId: string;
  clientSecret: string;
  /** The lifetime of the access tokens it issues from now on. */
  accessTokenLifetimeSeconds: number;
  /** The next authorization is refused with this error code (access_denied), then this resets. */
  refuseNextAuthorization: string | undefined;
  /** Every refresh is refused with invalid_grant while set. */
  refuseRefreshes: boolean;
  /** Every refresh answers 503 (a provider briefly down) while set. */
  failRefreshesTemporarily: boolean;
  /** Every revocation answers 503 while set. */
  failRevocations: boolean;
  /** Every access and refresh token it ever issued (for canary searches). */
  readonly issuedTokens: string[];
  readonly grants: { grantType: string; clientAuthentication: 'basic' | 'post' }[];
  readonly revocations: { token: string; hint: string | undefined }[];
  /** Refresh tokens presented a second time (a rotation spent twice). */
  readonly reusedRefreshTokens: string[];
  /** The newest refresh token issued. */
  latestRefreshToken(): string | undefined;
  /** Makes every access token issued so far expire at the server. */
  expireAccessTokens(): void;
  close(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  used: boolean;
}

function send(response: ServerResponse, status: number, body: unknown) {
  response
    .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

async function formOf(request: IncomingMessage) {
  let body = '';
  for await (const chunk of request) body += chunk;
  return new URLSearchParams(body);
}

/** RFC 6749 section 2.3.1: the client id and secret are form-encoded before Basic encoding. */
function formDecode(text: string) {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

export async function startTestOAuthServer(): Promise<TestOAuthServer> {
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  const refreshTokens = new Map<string, { spent: boolean; revoked: boolean }>();
  const refreshOrder: string[] = [];

  const state: Omit<TestOAuthServer, 'url' | 'host' | 'close'> = {
    clientId: 'orca-test-client',
    clientSecret: `client-secret-${randomBytes(8).toString('hex')}`,
    accessTokenLifetimeSeconds: 3600,
    refuseNextAuthorization: undefined,
    refuseRefreshes: false,
    failRefreshesTemporarily: false,
    failRevocations: false,
    issuedTokens: [],
    grants: [],
    revocations: [],
    reusedRefreshTokens: [],
    latestRefreshToken: () => refreshOrder.at(-1),
    expireAccessTokens() {
      for (const token of accessTokens.values()) token.expiresAt = 0;
    },
  };

  function issueTokens() {
    const accessToken = `access-${randomBytes(16).toString('hex')}`;
    const refreshToken = `refresh-${randomBytes(16).toString('hex')}`;
    accessTokens.set(accessToken, {
      expiresAt: Date.now() + state.accessTokenLifetimeSeconds * 1000,
      revoked: false,
    });
    refreshTokens.set(refreshToken, { spent: false, revoked: false });
    refreshOrder.push(refreshToken);
    state.issuedTokens.push(accessToken, refreshToken);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: state.accessTokenLifetimeSeconds,
      refresh_token: refreshToken,
    };
  }

  /** The client's authentication, by Basic header or in the form; undefined when it is wrong. */
  function authenticatedClient(request: IncomingMessage, form: URLSearchParams) {
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
    let clientId: string | null;
    let clientSecret: string | null;
    let method: 'basic' | 'post';
    if (basic?.[1]) {
      const [id = '', secret = ''] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      clientId = formDecode(id);
      clientSecret = formDecode(secret);
      method = 'basic';
    } else {
      clientId = form.get('client_id');
      clientSecret = form.get('client_secret');
      method = 'post';
    }
    if (clientId !== state.clientId || clientSecret !== state.clientSecret) return undefined;
    return method;
  }

  function authorize(url: URL, response: ServerResponse) {
    const query = url.searchParams;
    const redirectUri = query.get('redirect_uri');
    if (query.get('client_id') !== state.clientId || !redirectUri)
      return send(response, 400, { error: 'invalid_request', error_description: 'unknown client' });
    const back = new URL(redirectUri);
    back.searchParams.set('state', query.get('state') ?? '');
    if (state.refuseNextAuthorization) {
      back.searchParams.set('error', state.refuseNextAuthorization);
      back.searchParams.set('error_description', 'The user said <no> to Orca.');
      state.refuseNextAuthorization = undefined;
    } else {
      const challenge = query.get('code_challenge');
      if (
        query.get('response_type') !== 'code' ||
        query.get('code_challenge_method') !== 'S256' ||
        !challenge
      )
        return send(response, 400, { error: 'invalid_request', error_description: 'PKCE S256 is required' });
      const code = `code-${randomBytes(12).toString('hex')}`;
      codes.set(code, {
        clientId: state.clientId,
        redirectUri,
        challenge,
        scope: query.get('scope') ?? '',
        used: false,
      });
      back.searchParams.set('code', code);
    }
    response.writeHead(302, { location: back.toString() }).end();
  }

  async function token(request: IncomingMessage, response: ServerResponse) {
    const form = await formOf(request);
    const clientAuthentication = authenticatedClient(request, form);
    if (!clientAuthentication) return send(response, 401, { error: 'invalid_client' });
    const grantType = form.get('grant_type') ?? '';
    state.grants.push({ grantType, clientAuthentication });
    if (grantType === 'authorization_code') {
      const pending = codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!pending || pending.used || pending.redirectUri !== form.get('redirect_uri'))
        return send(response, 400, { error: 'invalid_grant', error_description: 'unknown or used code' });
      pending.used = true;
      if (challenge !== pending.challenge)
        return send(response, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
      return send(response, 200, { ...issueTokens(), scope: pending.scope });
    }
    if (grantType === 'refresh_token') {
      if (state.failRefreshesTemporarily) return send(response, 503, { error: 'temporarily_unavailable' });
      const presented = form.get('refresh_token') ?? '';
      const known = refreshTokens.get(presented);
      if (known?.spent) state.reusedRefreshTokens.push(presented);
      if (state.refuseRefreshes || !known || known.spent || known.revoked)
        return send(response, 400, {
          error: 'invalid_grant',
          error_description: 'the refresh token is not valid',
        });
      known.spent = true;
      return send(response, 200, issueTokens());
    }
    return send(response, 400, { error: 'unsupported_grant_type' });
  }

  async function revoke(request: IncomingMessage, response: ServerResponse) {
    const form = await formOf(request);
    if (!authenticatedClient(request, form)) return send(response, 401, { error: 'invalid_client' });
    if (state.failRevocations) return send(response, 503, { error: 'temporarily_unavailable' });
    const revoked = form.get('token') ?? '';
    state.revocations.push({ token: revoked, hint: form.get('token_type_hint') ?? undefined });
    const access = accessTokens.get(revoked);
    if (access) access.revoked = true;
    const refresh = refreshTokens.get(revoked);
    if (refresh) refresh.revoked = true;
    response.writeHead(200).end();
  }

  function me(request: IncomingMessage, response: ServerResponse) {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const known = accessTokens.get(bearer);
    if (!known || known.revoked || known.expiresAt <= Date.now())
      return send(response, 401, { error: 'invalid_token' });
    send(response, 200, { user: 'ada', plan: 'pro' });
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = `${request.method} ${url.pathname}`;
    const handled =
      route === 'GET /authorize'
        ? authorize(url, response)
        : route === 'POST /token'
          ? token(request, response)
          : route === 'POST /revoke'
            ? revoke(request, response)
            : route === 'GET /api/me'
              ? me(request, response)
              : send(response, 404, { error: 'not_found' });
    Promise.resolve(handled).catch(() => send(response, 500, { error: 'server_error' }));
  });
  const host = await new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  return Object.assign(state, {
    url: `http://${host}`,
    host,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
