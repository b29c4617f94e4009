// No secret in the log, whatever the requests carry: a password at sign-up and sign-in, session
// and API tokens in headers, a query string and a cookie, a hook's address and signing secret,
// the workspace's webhook signing secret, a connection's credentials, and a run that fails after
// its step used the connection, sent a secret header and called an address with a key in it.
// Everything a real logger wrote (at debug, the most it writes) is searched for each secret.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../support/log-capture.ts';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

const logs = captureLogs('debug');
const canary = (name: string) => `${name}-${randomBytes(12).toString('hex')}`;
const password = canary('signup-password');
const connectionKey = canary('connection-key');
const headerSecret = canary('header-secret');
const addressKey = canary('address-key');
/** Every secret the suite hands Orca or gets from it. */
const secrets: string[] = [password, connectionKey, headerSecret, addressKey];
let orca: TestPlatform;
let service: Server;
let serviceHost: string;

beforeAll(async () => {
  // A service that refuses every call and echoes what it was sent, as a careless API does.
  service = createServer((request, response) => {
    response.writeHead(500, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        error: 'refused',
        authorization: request.headers.authorization,
        apiKey: request.headers['x-api-key'],
        url: request.url,
      }),
    );
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceHost = `127.0.0.1:${(service.address() as AddressInfo).port}`;
  orca = await startTestPlatform({ logger: logs.logger, configOverrides: { allowNetwork: '127.0.0.1' } });
});
afterAll(async () => {
  await orca.close();
  await new Promise<void>((resolve) => service.close(() => resolve()));
});

describe('the log', () => {
  it('holds none of the secrets that went through Orca', async () => {
    const email = `logs-${Date.now()}@example.com`;
    const signUp = await orca.request('POST', '/api/auth/signup', {
      body: { email, password, name: 'Log Owner' },
    });
    expect(signUp.status).toBe(201);
    const sessionToken: string = signUp.body.token;
    secrets.push(sessionToken);

    const wrong = await orca.request('POST', '/api/auth/login', {
      body: { email, password: `${password}-wrong` },
    });
    expect(wrong.status).toBe(401);
    const login = await orca.request('POST', '/api/auth/login', { body: { email, password } });
    expect(login.status).toBe(200);
    secrets.push(login.body.token);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^orca_session=/);
    expect((await orca.request('GET', '/api/me', { headers: { cookie } })).status).toBe(200);
    // A token in the query string is not how Orca takes one; it must not be logged either.
    await orca.request('GET', `/api/me?access_token=${sessionToken}&token=${sessionToken}`);

    const workspace = await orca.request('POST', '/api/workspaces', {
      token: sessionToken,
      body: { name: 'Secretive' },
    });
    const ws = workspace.body.id as string;
    const apiToken = await orca.request('POST', `/api/workspaces/${ws}/tokens`, {
      token: sessionToken,
      body: { name: 'ci', role: 'builder' },
    });
    expect(apiToken.status).toBe(201);
    secrets.push(apiToken.body.token);
    expect(
      (await orca.request('GET', `/api/workspaces/${ws}/agents`, { token: apiToken.body.token })).status,
    ).toBe(200);

    const workspaceSigning = await orca.request('GET', `/api/workspaces/${ws}/webhook-signing-secret`, {
      token: sessionToken,
    });
    expect(workspaceSigning.status).toBe(200);
    const workspaceSecret = JSON.stringify(workspaceSigning.body).match(/whsec_[A-Za-z0-9_-]+/)?.[0];
    expect(workspaceSecret).toBeDefined();
    secrets.push(workspaceSecret as string);

    const echo = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: sessionToken,
      body: {
        spec: { name: 'Echo', steps: [{ id: 'echo', tool: 'transform', with: { expression: 'input' } }] },
      },
    });
    expect(echo.status).toBe(201);
    const hook = await orca.request('POST', `/api/workspaces/${ws}/agents/${echo.body.id}/hooks`, {
      token: sessionToken,
      body: { signed: true },
    });
    expect(hook.status).toBe(201);
    const hookPath = new URL(hook.body.url).pathname;
    const hookToken = hookPath.split('/').pop() as string;
    secrets.push(hookToken, hook.body.signingSecret);
    const body = '{"note":"hello"}';
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createHmac('sha256', hook.body.signingSecret)
      .update(`${timestamp}.${body}`)
      .digest('hex');
    const signed = await orca.request('POST', hookPath, {
      rawBody: body,
      headers: { 'orca-signature': `t=${timestamp},v1=${signature}` },
    });
    expect(signed.status).toBe(202);
    const forged = await orca.request('POST', hookPath, {
      rawBody: body,
      headers: { 'orca-signature': `t=${timestamp},v1=${'0'.repeat(64)}` },
    });
    expect(forged.status).toBe(401);

    const connection = await orca.request('POST', `/api/workspaces/${ws}/connections`, {
      token: sessionToken,
      body: {
        service: 'careless-api',
        kind: 'api_key',
        settings: { allowedHosts: [serviceHost] },
        secret: { apiKey: connectionKey },
      },
    });
    expect(connection.status, connection.text).toBe(201);

    const caller = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: sessionToken,
      body: {
        spec: {
          name: 'Careless Caller',
          steps: [
            {
              id: 'call',
              tool: 'http.request',
              with: {
                url: `http://${serviceHost}/refuse?api_key=${addressKey}`,
                headers: { 'x-api-key': headerSecret },
                auth: { connection: 'careless-api' },
              },
              retry: { attempts: 2, backoffMs: 10 },
            },
          ],
        },
      },
    });
    expect(caller.status, caller.text).toBe(201);
    const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${caller.body.id}/runs`, {
      token: sessionToken,
      body: { input: {} },
    });
    expect(started.status).toBe(202);
    const runId = started.body.id as string;

    const failed = await logs.waitFor((record) => record.msg === 'run failed' && record.runId === runId);
    expect(failed).toMatchObject({
      level: 'warn',
      workspaceId: ws,
      stepId: 'call',
      errorCode: 'http_status',
    });
    // The error names the address it called, whose key the scrubber took out.
    expect(failed.errorMessage).toMatch(/\/refuse\?api_key=\[redacted\] answered 500/);
    const records = logs.records();
    expect(records.find((record) => record.msg === 'step failed' && record.runId === runId)).toMatchObject({
      level: 'warn',
      workspaceId: ws,
      stepId: 'call',
      tool: 'http.request',
      attempts: 2,
      errorCode: 'http_status',
    });
    expect(
      records.find((record) => record.msg === 'step attempt failed; retrying' && record.runId === runId),
    ).toMatchObject({ attempt: 1, errorCode: 'http_status' });

    const output = logs.text();
    expect(output).toContain('"msg":"request"');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(10);
      expect(output, `a secret (${secret.slice(0, 14)}…) is in the log`).not.toContain(secret);
    }
  });
});
