// OAuth 2 connected accounts against a real (small, local) authorization server: authorize with
// PKCE, the provider's redirect to the callback, runs that use the token, refreshes with rotated
// refresh tokens, a refresh the provider refuses, revocation on delete, and the tokens never
// leaving the vault (API responses, logs, run records, a dump of the database).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConnection, updateConnection } from '../../src/store/vault-repository.ts';
import type { SecretFields } from '../../src/vault/vault.ts';
import { startTestOAuthServer, type TestOAuthServer } from '../support/test-oauth-server.ts';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

const logLines: string[] = [];
const responses: string[] = [];
let orca: TestPlatform;
let provider: TestOAuthServer;
let owner: TestUser;
let builder: TestUser;
let ws: string;

beforeAll(async () => {
  provider = await startTestOAuthServer();
  orca = await startTestPlatform({
    // The provider runs on loopback, which an operator allows explicitly; that is also what lets
    // Orca speak plain http to it.
    configOverrides: { allowNetwork: '127.0.0.1' },
    logger: {
      info: (message, fields) => void logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
      error: (message, error) =>
        void logLines.push(`${message} ${String(error ?? '')} ${(error as Error)?.stack ?? ''}`),
    },
  });
  owner = await orca.signUp('OAuth Owner');
  builder = await orca.signUp('OAuth Builder');
  ws = (await orca.createWorkspace(owner, 'Authorized')).id;
  await orca.addMember(owner, ws, builder, 'builder');
});
afterAll(async () => {
  await orca.close();
  await provider.close();
});

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await orca.request(method, path, { token, body });
  responses.push(response.text);
  return response;
}

function oauthSettings(overrides: Record<string, unknown> = {}) {
  return {
    authorizationUrl: `${provider.url}/authorize`,
    tokenUrl: `${provider.url}/token`,
    revocationUrl: `${provider.url}/revoke`,
    clientId: provider.clientId,
    scopes: ['profile', 'read:user'],
    allowedHosts: [provider.host],
    testUrl: `${provider.url}/api/me`,
    ...overrides,
  };
}

async function createConnection(service: string, overrides: Record<string, unknown> = {}) {
  const created = await call('POST', `/api/workspaces/${ws}/connections`, owner.token, {
    service,
    kind: 'oauth2',
    settings: oauthSettings(overrides),
    secret: { clientSecret: provider.clientSecret },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

/** Asks Orca where to authorize, and lets the provider send the "browser" back: the callback's address. */
async function authorizeAtProvider(connectionId: string) {
  const started = await call(
    'POST',
    `/api/workspaces/${ws}/connections/${connectionId}/authorize`,
    owner.token,
  );
  expect(started.status, started.text).toBe(200);
  const atProvider = await fetch(started.body.authorizationUrl, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const callback = new URL(atProvider.headers.get('location') ?? '');
  return { started: started.body, callback };
}

async function openCallback(callback: URL) {
  const page = await orca.request('GET', `${callback.pathname}${callback.search}`);
  responses.push(page.text);
  return page;
}

async function connect(connectionId: string) {
  const { callback } = await authorizeAtProvider(connectionId);
  const page = await openCallback(callback);
  expect(page.status, page.text).toBe(200);
}

async function storedSecret(connectionId: string): Promise<SecretFields> {
  const { store, vault } = orca.platform;
  return store.inWorkspace(ws, async (scope) => {
    const row = await findConnection(scope, connectionId);
    if (!row) throw new Error('the connection is gone');
    return vault.openSecret(scope, row);
  });
}

/** Moves the stored expiry of the access token: what Orca believes, not what the provider does. */
async function setStoredExpiry(connectionId: string, expiresAt: number) {
  const { store, vault } = orca.platform;
  await store.inWorkspace(ws, async (scope) => {
    const row = await findConnection(scope, connectionId);
    if (!row) throw new Error('the connection is gone');
    const secret = await vault.openSecret(scope, row);
    await updateConnection(scope, row.id, {
      sealedSecret: await vault.sealSecret(scope, { ...secret, accessTokenExpiresAt: String(expiresAt) }),
    });
  });
}

async function finishedRun(runId: string) {
  for (let tries = 0; tries < 400; tries++) {
    const run = await call('GET', `/api/workspaces/${ws}/runs/${runId}`, owner.token);
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

let agentCounter = 0;
async function startRun(connection: string) {
  const agent = await call('POST', `/api/workspaces/${ws}/agents`, owner.token, {
    spec: {
      name: `Profile Reader ${++agentCounter}`,
      steps: [
        { id: 'me', tool: 'http.request', with: { url: `${provider.url}/api/me`, auth: { connection } } },
      ],
    },
  });
  expect(agent.status, agent.text).toBe(201);
  const started = await call('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/runs`, owner.token, {
    input: {},
  });
  expect(started.status, started.text).toBe(202);
  return started.body.id as string;
}

const runWith = async (connection: string) => finishedRun(await startRun(connection));

const refreshGrants = () => provider.grants.filter((grant) => grant.grantType === 'refresh_token').length;

describe('OAuth 2 connected accounts', () => {
  let connectionId: string;

  it('is created waiting for authorization, with no token to inject and no secret shown', async () => {
    const injected = await call('POST', `/api/workspaces/${ws}/connections`, owner.token, {
      service: 'acme-oauth',
      kind: 'oauth2',
      settings: oauthSettings(),
      secret: { clientSecret: 'x', accessToken: 'planted' },
    });
    expect(injected.status).toBe(422);
    const noUrl = await call('POST', `/api/workspaces/${ws}/connections`, owner.token, {
      service: 'acme-oauth',
      kind: 'oauth2',
      settings: oauthSettings({ tokenUrl: 'not a url' }),
    });
    expect(noUrl.status).toBe(422);
    expect(noUrl.body.error.message).toMatch(/settings\.tokenUrl/);
    const unknownKind = await call('POST', `/api/workspaces/${ws}/connections`, owner.token, {
      service: 'acme-oauth',
      kind: 'saml',
      settings: {},
    });
    expect(unknownKind.body.error.message).toMatch(/api_key, login or oauth2/);
    const reserved = await call('POST', `/api/workspaces/${ws}/connections`, owner.token, {
      service: 'acme-oauth',
      kind: 'oauth2',
      settings: oauthSettings({ authorizationParameters: { redirect_uri: 'https://evil.example.com' } }),
    });
    expect(reserved.status).toBe(422);
    expect(reserved.body.error.message).toMatch(/Orca sets .*redirect_uri/);

    connectionId = await createConnection('acme-oauth');
    const read = await call('GET', `/api/workspaces/${ws}/connections/${connectionId}`, owner.token);
    expect(read.body).toMatchObject({
      kind: 'oauth2',
      status: 'untested',
      statusMessage: expect.stringMatching(/Waiting for authorization/),
      secretFields: ['clientSecret'],
      settings: { clientId: provider.clientId, clientAuthentication: 'client_secret_basic' },
    });
    const notYet = await runWith('acme-oauth');
    expect(notYet.status).toBe('failed');
    expect(notYet.error.message).toMatch(/has not been authorized yet.*\/authorize/);
  });

  it('gives admins an authorization address with PKCE S256 and an unguessable state', async () => {
    const withParameters = await call(
      'PATCH',
      `/api/workspaces/${ws}/connections/${connectionId}`,
      owner.token,
      {
        settings: oauthSettings({ authorizationParameters: { access_type: 'offline' } }),
      },
    );
    expect(withParameters.status, withParameters.text).toBe(200);
    const byBuilder = await call(
      'POST',
      `/api/workspaces/${ws}/connections/${connectionId}/authorize`,
      builder.token,
    );
    expect(byBuilder.status).toBe(403);
    const started = await call(
      'POST',
      `/api/workspaces/${ws}/connections/${connectionId}/authorize`,
      owner.token,
    );
    expect(started.status, started.text).toBe(200);
    const address = new URL(started.body.authorizationUrl);
    expect(address.origin + address.pathname).toBe(`${provider.url}/authorize`);
    const query = address.searchParams;
    expect(query.get('response_type')).toBe('code');
    expect(query.get('client_id')).toBe(provider.clientId);
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get('scope')).toBe('profile read:user');
    expect(query.get('access_type')).toBe('offline');
    expect(query.get('redirect_uri')).toBe(started.body.redirectUri);
    expect(started.body.redirectUri).toMatch(/\/api\/oauth\/callback$/);
    const [workspacePart, connectionPart, random] = (query.get('state') ?? '').split('.');
    expect([workspacePart, connectionPart]).toEqual([ws, connectionId]);
    expect(random?.length).toBeGreaterThanOrEqual(40);
    // The verifier stays sealed in Orca; the secret fields shown do not change while pending.
    const read = await call('GET', `/api/workspaces/${ws}/connections/${connectionId}`, owner.token);
    expect(read.body.secretFields).toEqual(['clientSecret']);
    expect(read.text).not.toContain(random);
  });

  it('connects through the provider’s redirect to the callback, and refuses to use that address twice', async () => {
    const { callback } = await authorizeAtProvider(connectionId);
    expect(callback.pathname).toBe('/api/oauth/callback');
    expect(callback.searchParams.get('code')).toBeTruthy();
    const page = await openCallback(callback);
    expect(page.status, page.text).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toMatch(/Account connected/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(provider.grants.at(-1)).toEqual({
      grantType: 'authorization_code',
      clientAuthentication: 'basic',
    });

    const read = await call('GET', `/api/workspaces/${ws}/connections/${connectionId}`, owner.token);
    expect(read.body).toMatchObject({
      status: 'working',
      secretFields: ['accessToken', 'clientSecret', 'refreshToken'],
    });
    const audit = await call('GET', `/api/workspaces/${ws}/audit?action=connection.authorized`, owner.token);
    expect(audit.body.items[0]).toMatchObject({ targetId: connectionId, actorUserId: owner.id });

    const replayed = await openCallback(callback);
    expect(replayed.status).toBe(400);
    expect(replayed.text).toMatch(/unknown, was already used, or was replaced/);
  });

  it('sends the access token with http.request, audited as a use', async () => {
    const before = refreshGrants();
    const run = await runWith('acme-oauth');
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    expect(run.output.body).toEqual({ user: 'ada', plan: 'pro' });
    expect(refreshGrants()).toBe(before);
    const audit = await call('GET', `/api/workspaces/${ws}/audit?action=connection.used`, owner.token);
    expect(audit.body.items[0].details).toMatchObject({ service: 'acme-oauth', runId: run.id, stepId: 'me' });
  });

  it('refreshes a token that expires within a minute, and keeps the rotated refresh token', async () => {
    const first = await storedSecret(connectionId);
    // The provider forgets the old token, and Orca believes it has 30 seconds left.
    provider.expireAccessTokens();
    await setStoredExpiry(connectionId, Date.now() + 30_000);
    const refreshesBefore = refreshGrants();
    const run = await runWith('acme-oauth');
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    expect(refreshGrants()).toBe(refreshesBefore + 1);
    const second = await storedSecret(connectionId);
    expect(second.refreshToken).toBe(provider.latestRefreshToken());
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(Number(second.accessTokenExpiresAt)).toBeGreaterThan(Date.now() + 3_000_000);
    const audit = await call('GET', `/api/workspaces/${ws}/audit?action=connection.refreshed`, owner.token);
    expect(audit.body.items[0].details).toMatchObject({ service: 'acme-oauth', refreshTokenRotated: true });
  });

  it('lets runs that refresh at the same moment spend the refresh token once', async () => {
    // Tokens that live 30 seconds are always inside the one-minute margin: every use refreshes.
    provider.accessTokenLifetimeSeconds = 30;
    await setStoredExpiry(connectionId, Date.now() + 10_000);
    const refreshesBefore = refreshGrants();
    const runs = await Promise.all([startRun('acme-oauth'), startRun('acme-oauth'), startRun('acme-oauth')]);
    const finished = await Promise.all(runs.map(finishedRun));
    expect(finished.map((run) => run.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(provider.reusedRefreshTokens).toEqual([]);
    expect(refreshGrants()).toBeGreaterThan(refreshesBefore);
    expect((await storedSecret(connectionId)).refreshToken).toBe(provider.latestRefreshToken());
    provider.accessTokenLifetimeSeconds = 3600;
  });

  it('tests the account by renewing its token and calling its testUrl', async () => {
    const refreshesBefore = refreshGrants();
    const tested = await call('POST', `/api/workspaces/${ws}/connections/${connectionId}/test`, owner.token);
    expect(tested.status, tested.text).toBe(200);
    expect(tested.body).toMatchObject({
      status: 'working',
      statusMessage: expect.stringMatching(/accepted the access token \(200\)/),
    });
    expect(refreshGrants()).toBe(refreshesBefore + 1);
  });

  it('keeps the grant when the client secret is rotated, and drops it when the client changes', async () => {
    const rotated = await call('PATCH', `/api/workspaces/${ws}/connections/${connectionId}`, owner.token, {
      secret: { clientSecret: provider.clientSecret },
    });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.body).toMatchObject({
      status: 'working',
      secretFields: ['accessToken', 'clientSecret', 'refreshToken'],
    });
    const relabelled = await call('PATCH', `/api/workspaces/${ws}/connections/${connectionId}`, owner.token, {
      settings: oauthSettings({ scopes: ['profile'] }),
    });
    expect(relabelled.body.secretFields).toEqual(['accessToken', 'clientSecret', 'refreshToken']);

    const other = await createConnection('changing-client');
    await connect(other);
    const changed = await call('PATCH', `/api/workspaces/${ws}/connections/${other}`, owner.token, {
      settings: oauthSettings({ clientId: 'another-client' }),
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({
      status: 'untested',
      statusMessage: expect.stringMatching(/authorize again/),
      secretFields: ['clientSecret'],
    });
    expect((await storedSecret(other)).accessToken).toBeUndefined();
  });

  it('drops the grant when its tokens may go to a new host, even when a client secret comes with the change', async () => {
    // The stored tokens were granted to be sent to the account's hosts. A client secret in the same
    // change says nothing about them: an admin who never sees a token must not be able to have
    // Orca send it to a host of their choosing.
    for (const secret of [{ clientSecret: 'a secret the admin made up' }, {}]) {
      const connectionId = await createConnection(`moving-hosts-${Object.keys(secret).length}`);
      await connect(connectionId);
      expect((await storedSecret(connectionId)).accessToken).toBeDefined();
      const moved = await call('PATCH', `/api/workspaces/${ws}/connections/${connectionId}`, owner.token, {
        settings: oauthSettings({ allowedHosts: [provider.host, 'collector.evil.example'] }),
        secret,
      });
      expect(moved.status, moved.text).toBe(200);
      expect(moved.body.secretFields).not.toContain('accessToken');
      expect(moved.body.secretFields).not.toContain('refreshToken');
      expect(moved.body).toMatchObject({
        status: 'untested',
        statusMessage: expect.stringMatching(/authorize again/),
      });
      const stored = await storedSecret(connectionId);
      expect(stored.accessToken).toBeUndefined();
      expect(stored.refreshToken).toBeUndefined();
    }
    // Fewer hosts send the tokens nowhere new: the grant stays.
    const narrowed = await createConnection('narrowing-hosts', {
      allowedHosts: [provider.host, 'other.example.com'],
    });
    await connect(narrowed);
    const kept = await call('PATCH', `/api/workspaces/${ws}/connections/${narrowed}`, owner.token, {
      settings: oauthSettings({ allowedHosts: [provider.host] }),
      secret: { clientSecret: provider.clientSecret },
    });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.body.secretFields).toEqual(['accessToken', 'clientSecret', 'refreshToken']);
  });

  it('fails a run, retryably, while the provider cannot renew the token, and leaves the account alone', async () => {
    provider.failRefreshesTemporarily = true;
    await setStoredExpiry(connectionId, Date.now() - 1000);
    const run = await runWith('acme-oauth');
    provider.failRefreshesTemporarily = false;
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ code: 'network', stepId: 'me' });
    expect(run.error.message).toMatch(/could not be renewed: .* with HTTP 503\. Try again later/);
    const read = await call('GET', `/api/workspaces/${ws}/connections/${connectionId}`, owner.token);
    expect(read.body.status).toBe('working');
  });

  it('fails a run whose refresh the provider refuses, marks the account failing and says to reconnect', async () => {
    provider.refuseRefreshes = true;
    await setStoredExpiry(connectionId, Date.now() - 1000);
    const run = await runWith('acme-oauth');
    provider.refuseRefreshes = false;
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ code: 'connection_expired', stepId: 'me' });
    expect(run.error.message).toMatch(/refused the refresh token \(invalid_grant/);
    expect(run.error.message).toMatch(/must be authorized again.*POST \/api\/workspaces\/.+\/authorize/);
    const read = await call('GET', `/api/workspaces/${ws}/connections/${connectionId}`, owner.token);
    expect(read.body).toMatchObject({
      status: 'failing',
      statusMessage: expect.stringMatching(/authorized again/),
    });

    // Authorizing again puts it back to work.
    await connect(connectionId);
    const again = await runWith('acme-oauth');
    expect(again.status, JSON.stringify(again.error)).toBe('succeeded');
  });

  it('shows a clear page for a state it does not know, and for a provider that refused', async () => {
    const missing = await orca.request('GET', '/api/oauth/callback?code=abc');
    expect(missing.status).toBe(400);
    expect(missing.text).toMatch(/Account not connected/);
    const forged = await orca.request(
      'GET',
      `/api/oauth/callback?code=abc&state=${ws}.${connectionId}.${'A'.repeat(43)}`,
    );
    expect(forged.status).toBe(400);
    expect(forged.text).toMatch(/unknown, was already used, or was replaced/);
    const garbage = await orca.request('GET', '/api/oauth/callback?code=abc&state=<script>');
    expect(garbage.status).toBe(400);
    expect(garbage.text).not.toContain('<script>');

    const refused = await createConnection('refused-app');
    provider.refuseNextAuthorization = 'access_denied';
    const { callback } = await authorizeAtProvider(refused);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const page = await openCallback(callback);
    expect(page.status).toBe(400);
    expect(page.text).toMatch(
      /refused the authorization \(access_denied: The user said &lt;no&gt; to Orca\./,
    );
    expect(page.text).toMatch(/Try again with POST/);
    const read = await call('GET', `/api/workspaces/${ws}/connections/${refused}`, owner.token);
    expect(read.body).toMatchObject({
      status: 'failing',
      statusMessage: expect.stringMatching(/access_denied/),
    });

    // An address left too long expires.
    const late = await authorizeAtProvider(refused);
    const { store, vault } = orca.platform;
    await store.inWorkspace(ws, async (scope) => {
      const row = await findConnection(scope, refused);
      if (!row) throw new Error('gone');
      const secret = await vault.openSecret(scope, row);
      await updateConnection(scope, row.id, {
        sealedSecret: await vault.sealSecret(scope, {
          ...secret,
          authorizationExpiresAt: String(Date.now() - 1),
        }),
      });
    });
    const expired = await openCallback(late.callback);
    expect(expired.status).toBe(400);
    expect(expired.text).toMatch(/expired/);
  });

  it('refuses plain http to a provider the operator did not allow', async () => {
    const insecure = await createConnection('insecure-app', {
      authorizationUrl: 'http://192.0.2.10/authorize',
      tokenUrl: 'http://192.0.2.10/token',
      revocationUrl: undefined,
    });
    const started = await call(
      'POST',
      `/api/workspaces/${ws}/connections/${insecure}/authorize`,
      owner.token,
    );
    expect(started.status).toBe(422);
    expect(started.body.error.message).toMatch(/plain http.*ORCA_ALLOW_NETWORK/);
  });

  it('revokes the tokens at the provider when the account is disconnected, even when revocation fails', async () => {
    const secret = await storedSecret(connectionId);
    const removed = await call('DELETE', `/api/workspaces/${ws}/connections/${connectionId}`, owner.token);
    expect(removed.status).toBe(204);
    expect(provider.revocations).toEqual([
      { token: secret.refreshToken, hint: 'refresh_token' },
      { token: secret.accessToken, hint: 'access_token' },
    ]);
    const audit = await call('GET', `/api/workspaces/${ws}/audit?action=connection.deleted`, owner.token);
    expect(audit.body.items[0].details).toMatchObject({ service: 'acme-oauth', revoked: 2 });

    const flaky = await createConnection('flaky-revocation');
    await connect(flaky);
    provider.failRevocations = true;
    const stillRemoved = await call('DELETE', `/api/workspaces/${ws}/connections/${flaky}`, owner.token);
    provider.failRevocations = false;
    expect(stillRemoved.status).toBe(204);
    expect(
      logLines.some((line) =>
        /Revoking the tokens of connection .* failed: .*answered the refresh token revocation with HTTP 503/.test(
          line,
        ),
      ),
    ).toBe(true);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const document = (await orca.request('GET', '/api/openapi.json')).body;
    expect(Object.keys(document.paths['/api/workspaces/{ws}/connections/{connectionId}/authorize'])).toEqual([
      'post',
    ]);
    expect(document.paths['/api/oauth/callback'].get.responses['200'].content['text/html']).toBeDefined();
  });

  it('never lets a token or the client secret out: API responses, logs, run records, the database', async () => {
    const secrets = [...provider.issuedTokens, provider.clientSecret];
    expect(secrets.length).toBeGreaterThan(10);
    const leaks = (text: string) => secrets.some((secret) => text.includes(secret));
    expect(responses.length).toBeGreaterThan(30);
    expect(responses.filter(leaks)).toEqual([]);
    expect(logLines.filter(leaks)).toEqual([]);
    const runRecords = await selectRows<{ text: string }>(
      orca.platform,
      sql`select coalesce(output::text, '') || coalesce(error::text, '') || coalesce(input::text, '') as text from run_steps
          union all select data::text from run_events
          union all select details::text from audit_events
          union all select settings::text || coalesce(status_message, '') from connections`,
    );
    expect(runRecords.length).toBeGreaterThan(10);
    expect(runRecords.filter((row) => leaks(row.text))).toEqual([]);
    const database = orca.platform.database;
    let dump: string;
    if (database.pglite) {
      const blob = await database.pglite.dumpDataDir('none');
      dump = Buffer.from(await blob.arrayBuffer()).toString('latin1');
    } else {
      const { stdout } = await promisify(execFile)('pg_dump', ['--data-only', database.url ?? ''], {
        maxBuffer: 256 * 1024 * 1024,
      });
      dump = stdout;
    }
    expect(dump.length).toBeGreaterThan(10_000);
    expect(secrets.filter((secret) => dump.includes(secret))).toEqual([]);
  });
});
