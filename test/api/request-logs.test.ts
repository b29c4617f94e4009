// Request ids and access logs: every response carries X-Request-Id (the caller's sane one, else a
// new one), every error body names it, and each request writes one access line with the route's
// pattern (never its path or query), status, duration and who and where, read from a real
// logger's output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs, type LogRecord } from '../support/log-capture.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const logs = captureLogs('debug');
let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;

beforeAll(async () => {
  orca = await startTestPlatform({ logger: logs.logger });
  owner = await orca.signUp('Logged Owner');
  workspaceId = (await orca.createWorkspace(owner, 'Logged Inc')).id;
});
afterAll(async () => {
  await orca.close();
});

function accessLine(requestId: string): LogRecord | undefined {
  return logs.records().find((record) => record.msg === 'request' && record.requestId === requestId);
}

describe('request ids', () => {
  it("echoes the caller's X-Request-Id", async () => {
    const response = await orca.request('GET', '/api/me', {
      token: owner.token,
      headers: { 'x-request-id': 'client-trace.42' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('client-trace.42');
  });

  it('makes one when none is sent, or when the one sent is not a sane token', async () => {
    const first = await orca.request('GET', '/api/me', { token: owner.token });
    const second = await orca.request('GET', '/api/me', { token: owner.token });
    expect(first.headers.get('x-request-id')).toMatch(uuid);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    for (const sent of ['x'.repeat(300), 'has spaces', `Bearer ${owner.token}`]) {
      const response = await orca.request('GET', '/api/health', { headers: { 'x-request-id': sent } });
      expect(response.headers.get('x-request-id')).toMatch(uuid);
    }
  });

  it('names the request id in every error body, next to the fields that were there', async () => {
    const unauthenticated = await orca.request('GET', '/api/me', { headers: { 'x-request-id': 'err-1' } });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body.error).toMatchObject({ code: 'unauthenticated', requestId: 'err-1' });
    expect(typeof unauthenticated.body.error.message).toBe('string');

    const missing = await orca.request('GET', '/api/no-such-route', { token: owner.token });
    expect(missing.status).toBe(404);
    expect(missing.body.error.requestId).toBe(missing.headers.get('x-request-id'));

    const invalid = await orca.request('POST', '/api/workspaces', { token: owner.token, body: { name: 7 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: 'validation_failed' });
    expect(invalid.body.error.details).toBeDefined();
    expect(invalid.body.error.requestId).toBe(invalid.headers.get('x-request-id'));

    const malformed = await orca.request('POST', '/api/workspaces', { token: owner.token, rawBody: '{' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.requestId).toBe(malformed.headers.get('x-request-id'));
  });

  it('sets the header on the web app and on successful answers too', async () => {
    const page = await orca.request('GET', '/', { headers: { 'x-request-id': 'page-1' } });
    expect(page.headers.get('x-request-id')).toBe('page-1');
    const created = await orca.request('POST', '/api/workspaces', {
      token: owner.token,
      body: { name: 'More' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toMatch(uuid);
  });
});

describe('access logs', () => {
  it('writes one line per request with the route pattern, status, duration, workspace and user', async () => {
    // A query string may carry what must not be logged: only the route's pattern is.
    const response = await orca.request('GET', `/api/workspaces/${workspaceId}/agents?limit=5`, {
      token: owner.token,
      headers: { 'x-request-id': 'access-1' },
    });
    expect(response.status).toBe(200);
    const lines = logs
      .records()
      .filter((record) => record.requestId === 'access-1' && record.msg === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      method: 'GET',
      route: '/api/workspaces/:ws/agents',
      status: 200,
      workspaceId,
      userId: owner.id,
    });
    expect(typeof lines[0]?.durationMs).toBe('number');
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('limit=5');
    expect(line).not.toContain(owner.token);
  });

  it('logs failures with their status, without a workspace or user it never learnt', async () => {
    await orca.request('GET', `/api/workspaces/${workspaceId}/agents`, {
      headers: { 'x-request-id': 'anon-1' },
    });
    expect(accessLine('anon-1')).toMatchObject({ status: 401, route: '/api/workspaces/:ws/agents' });
    expect(accessLine('anon-1')).not.toHaveProperty('workspaceId');
    expect(accessLine('anon-1')).not.toHaveProperty('userId');
  });

  it('logs an unknown API path as /api/*, never the path itself', async () => {
    await orca.request('GET', '/api/invitations-typo/orca_i_abcdefghijklmnopqrstuvwxyz', {
      headers: { 'x-request-id': 'unknown-1' },
    });
    expect(accessLine('unknown-1')).toMatchObject({ status: 404, route: '/api/*' });
    expect(logs.text()).not.toContain('invitations-typo');
  });

  it("logs a hook call by its pattern: the hook's address, its credential, stays out", async () => {
    const hookPath = '/api/hooks/orca_h_notarealhooktokenbutshapedlikeoneabcdefgh';
    const response = await orca.request('POST', `${hookPath}?secret=abc`, {
      rawBody: '{}',
      headers: { 'x-request-id': 'hook-1' },
    });
    expect(response.status).toBe(404);
    expect(accessLine('hook-1')).toMatchObject({ route: '/api/hooks/:token', status: 404 });
    expect(logs.text()).not.toContain('notarealhooktoken');
  });

  it('writes probes at debug, so that the default level leaves them out', async () => {
    await orca.request('GET', '/api/health', { headers: { 'x-request-id': 'probe-1' } });
    expect(accessLine('probe-1')).toMatchObject({ level: 'debug', route: '/api/health', status: 200 });
  });

  it("gives the request's own log lines its id", async () => {
    const workspace = await orca.createWorkspace(owner, 'Short Lived');
    const deleted = await orca.request(
      'DELETE',
      `/api/workspaces/${workspace.id}?confirm=${workspace.slug}`,
      {
        token: owner.token,
        headers: { 'x-request-id': 'delete-1' },
      },
    );
    expect(deleted.status).toBeLessThan(300);
    const own = logs.records().filter((record) => record.requestId === 'delete-1');
    expect(own.map((record) => record.msg)).toEqual(['workspace deleted', 'request']);
  });
});
