// Inbound hooks through the whole platform: the management API, the secret address, signatures,
// limits and mappings, and the runs they start (executed by the platform's own workers on PGlite
// and PostgreSQL). Signatures are computed here as a sender would, not with Orca's own code.
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForRunStatus } from '../support/run-waits.ts';
import {
  type ApiResponse,
  selectRows,
  startTestPlatform,
  type TestPlatform,
  type TestUser,
} from '../support/test-platform.ts';

const logLines: string[] = [];
let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;

beforeAll(async () => {
  orca = await startTestPlatform({
    logger: {
      info: (message, fields) => void logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
      error: (message, error) => void logLines.push(`${message} ${String(error)}`),
    },
  });
  owner = await orca.signUp('Hook Owner');
  workspaceId = (await orca.createWorkspace(owner, 'Hooks Inc')).id;
});
afterAll(async () => {
  await orca.close();
});

/** An agent that needs a url and answers with what it was given. */
const echoAgent = () => ({
  name: `Echo ${Math.random().toString(36).slice(2, 8)}`,
  input: {
    type: 'object',
    properties: { url: { type: 'string' }, note: { type: 'string' } },
    required: ['url'],
  },
  steps: [{ id: 'echo', tool: 'transform', with: { expression: 'input' } }],
  output: { received: '{{ steps.echo.value }}' },
});

async function createAgent(spec: Record<string, unknown> = echoAgent(), inWorkspace = workspaceId) {
  const response = await orca.request('POST', `/api/workspaces/${inWorkspace}/agents`, {
    token: owner.token,
    body: { spec },
  });
  if (response.status !== 201) throw new Error(response.text);
  return response.body.id as string;
}

const hooksOf = (agentId: string, inWorkspace = workspaceId) =>
  `/api/workspaces/${inWorkspace}/agents/${agentId}/hooks`;

async function createHook(agentId: string, body: Record<string, unknown> = {}) {
  const response = await orca.request('POST', hooksOf(agentId), { token: owner.token, body });
  if (response.status !== 201) throw new Error(`${response.status} ${response.text}`);
  return response.body as {
    id: string;
    url: string;
    tokenPrefix: string;
    signingSecret?: string;
    signed: boolean;
  };
}

/** Calls a hook's address in-process, as an outside sender would (no Orca credential). */
function callHook(
  url: string,
  options: { body?: string; headers?: Record<string, string>; query?: string } = {},
): Promise<ApiResponse> {
  const path = new URL(url).pathname + (options.query ?? '');
  return orca.request('POST', path, {
    rawBody: options.body ?? '',
    headers: { 'content-type': 'application/json', ...options.headers },
  });
}

function signature(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const hex = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${hex}`;
}

function waitForRun(runId: string) {
  return waitForRunStatus(orca, { workspace: workspaceId, runId, token: owner.token });
}

describe('inbound hooks', () => {
  it('starts a run with the mapped input and the webhook trigger; the address is shown only at creation', async () => {
    const agentId = await createAgent();
    const hook = await createHook(agentId, {
      name: 'From the CRM',
      mapping: '{"url": body.link, "note": headers."x-source" & "/" & query.kind}',
    });
    expect(hook).toMatchObject({ name: 'From the CRM', signed: false, respond: 'accepted', enabled: true });
    expect(hook.url).toMatch(/^http:\/\/127\.0\.0\.1:4400\/api\/hooks\/orca_h_[A-Za-z0-9_-]{43}$/);
    expect(hook.signingSecret).toBeUndefined();

    const called = await callHook(hook.url, {
      body: JSON.stringify({ link: 'https://example.com/lead/1' }),
      headers: { 'x-source': 'crm' },
      query: '?kind=lead',
    });
    expect(called.status).toBe(202);
    expect(called.body).toEqual({ runId: expect.any(String), status: 'queued' });
    const run = await waitForRun(called.body.runId);
    expect(run).toMatchObject({
      status: 'succeeded',
      trigger: 'webhook',
      agentId,
      input: { url: 'https://example.com/lead/1', note: 'crm/lead' },
      output: { received: { url: 'https://example.com/lead/1', note: 'crm/lead' } },
    });

    const read = await orca.request('GET', `${hooksOf(agentId)}/${hook.id}`, { token: owner.token });
    expect(read.status).toBe(200);
    expect(read.body.tokenPrefix).toBe(hook.tokenPrefix);
    expect(hook.url).toContain(hook.tokenPrefix.replace('…', ''));
    expect(read.body.lastUsedAt).not.toBeNull();
    expect(read.body.url).toBeUndefined();
  });

  it('takes the JSON body as the input when the hook has no mapping, and forms as fields', async () => {
    const agentId = await createAgent();
    const plain = await createHook(agentId);
    const called = await callHook(plain.url, { body: JSON.stringify({ url: 'https://example.com/a' }) });
    expect(called.status).toBe(202);
    expect((await waitForRun(called.body.runId)).input).toEqual({ url: 'https://example.com/a' });

    const notAnObject = await callHook(plain.url, { body: '"just text"' });
    expect(notAnObject.status).toBe(422);
    expect(notAnObject.body.error.message).toMatch(/must be a JSON object/);

    const form = await createHook(agentId, { mapping: '{"url": body.link, "note": $join(body.tag, ",")}' });
    const formCall = await callHook(form.url, {
      body: 'link=https%3A%2F%2Fexample.com%2Fb&tag=x&tag=y',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(formCall.status).toBe(202);
    expect((await waitForRun(formCall.body.runId)).input).toEqual({
      url: 'https://example.com/b',
      note: 'x,y',
    });

    const text = await createHook(agentId, { mapping: '{"url": "https://example.com/t", "note": body}' });
    const textCall = await callHook(text.url, {
      body: 'hello there',
      headers: { 'content-type': 'text/plain' },
    });
    expect(textCall.status).toBe(202);
    expect((await waitForRun(textCall.body.runId)).input).toMatchObject({ note: 'hello there' });
  });

  it('answers with the run’s output when the hook responds with the result, or with ?wait=true', async () => {
    const agentId = await createAgent();
    const hook = await createHook(agentId, { respond: 'result', waitTimeoutMs: 20_000 });
    const answered = await callHook(hook.url, { body: JSON.stringify({ url: 'https://example.com/r' }) });
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({
      runId: expect.any(String),
      status: 'succeeded',
      output: { received: { url: 'https://example.com/r' } },
      error: null,
    });

    const accepted = await createHook(agentId);
    const waited = await callHook(accepted.url, {
      body: JSON.stringify({ url: 'https://example.com/w' }),
      query: '?wait=true',
    });
    expect(waited.status).toBe(200);
    expect(waited.body.output).toEqual({ received: { url: 'https://example.com/w' } });
    const notWaited = await callHook(hook.url, {
      body: JSON.stringify({ url: 'https://example.com/n' }),
      query: '?wait=false',
    });
    expect(notWaited.status).toBe(202);
  });

  it('answers 202 with the run id when the run is still going at the wait timeout', async () => {
    const agentId = await createAgent({
      name: 'Slow one',
      steps: [{ id: 'pause', tool: 'wait', with: { seconds: 30 } }],
    });
    const hook = await createHook(agentId, { respond: 'result', waitTimeoutMs: 300 });
    const answered = await callHook(hook.url);
    expect(answered.status).toBe(202);
    expect(answered.body).toMatchObject({
      runId: expect.any(String),
      message: expect.stringMatching(/still/),
    });
    expect(['queued', 'running', 'waiting']).toContain(answered.body.status);
    await orca.request('POST', `/api/workspaces/${workspaceId}/runs/${answered.body.runId}/cancel`, {
      token: owner.token,
    });
  });

  it('checks signatures: good ones pass; missing, wrong and stale ones are refused with a reason', async () => {
    const agentId = await createAgent();
    const hook = await createHook(agentId, { signed: true });
    expect(hook.signed).toBe(true);
    expect(hook.signingSecret).toMatch(/^whsec_/);
    const secret = hook.signingSecret as string;
    const body = JSON.stringify({ url: 'https://example.com/signed' });

    const good = await callHook(hook.url, { body, headers: { 'orca-signature': signature(secret, body) } });
    expect(good.status).toBe(202);
    expect((await waitForRun(good.body.runId)).input).toEqual({ url: 'https://example.com/signed' });

    const missing = await callHook(hook.url, { body });
    expect(missing.status).toBe(401);
    expect(missing.body.error.message).toMatch(/signed calls only.*Orca-Signature/);

    const wrongSecret = await callHook(hook.url, {
      body,
      headers: { 'orca-signature': signature('whsec_not-the-secret', body) },
    });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error.message).toMatch(/does not match the body/);

    const tampered = await callHook(hook.url, {
      body: body.replace('signed', 'forged'),
      headers: { 'orca-signature': signature(secret, body) },
    });
    expect(tampered.status).toBe(401);

    const stale = await callHook(hook.url, {
      body,
      headers: { 'orca-signature': signature(secret, body, Math.floor(Date.now() / 1000) - 600) },
    });
    expect(stale.status).toBe(401);
    expect(stale.body.error.message).toMatch(/60\d seconds old/);

    const malformed = await callHook(hook.url, { body, headers: { 'orca-signature': 'sha256=abc' } });
    expect(malformed.status).toBe(401);
    expect(malformed.body.error.message).toMatch(/malformed/);
  });

  it('rotates the signing secret and the address, and can stop requiring signatures', async () => {
    const agentId = await createAgent();
    const hook = await createHook(agentId, { signed: true });
    const body = JSON.stringify({ url: 'https://example.com/rotate' });
    const rotated = await orca.request('PATCH', `${hooksOf(agentId)}/${hook.id}`, {
      token: owner.token,
      body: { rotateSigningSecret: true, rotateToken: true },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.signingSecret).toMatch(/^whsec_/);
    expect(rotated.body.signingSecret).not.toBe(hook.signingSecret);
    expect(rotated.body.url).not.toBe(hook.url);

    expect((await callHook(hook.url, { body })).status).toBe(404);
    const oldSecret = await callHook(rotated.body.url, {
      body,
      headers: { 'orca-signature': signature(hook.signingSecret as string, body) },
    });
    expect(oldSecret.status).toBe(401);
    const newSecret = await callHook(rotated.body.url, {
      body,
      headers: { 'orca-signature': signature(rotated.body.signingSecret, body) },
    });
    expect(newSecret.status).toBe(202);

    const unsigned = await orca.request('PATCH', `${hooksOf(agentId)}/${hook.id}`, {
      token: owner.token,
      body: { signed: false },
    });
    expect(unsigned.body).toMatchObject({ signed: false });
    expect(unsigned.body.signingSecret).toBeUndefined();
    expect((await callHook(rotated.body.url, { body })).status).toBe(202);
  });

  it('limits calls per minute, counted in the database, with Retry-After', async () => {
    const agentId = await createAgent();
    const hook = await createHook(agentId, { ratePerMinute: 3 });
    const body = JSON.stringify({ url: 'https://example.com/many' });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => callHook(hook.url, { body })));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    const refused = answers.find((answer) => answer.status === 429) as ApiResponse;
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.body.error.message).toMatch(/at most 3 calls a minute/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const [row] = await selectRows<{ window_count: number }>(
      orca.platform,
      sql`select window_count from hooks where id = ${hook.id}`,
    );
    expect(row?.window_count).toBe(5);
  });

  it('refuses an oversized body with 413, before mapping or starting anything', async () => {
    const agentId = await createAgent();
    const hook = await createHook(agentId);
    const big = JSON.stringify({ url: 'https://example.com/big', note: 'x'.repeat(300 * 1024) });
    const answered = await callHook(hook.url, { body: big });
    expect(answered.status).toBe(413);
    expect(answered.body.error.message).toMatch(/at most 256 KB/);
    const runs = await orca.request('GET', `/api/workspaces/${workspaceId}/runs?agent=${agentId}`, {
      token: owner.token,
    });
    expect(runs.body.items).toEqual([]);
  });

  it('refuses a mapping that is not JSONata at creation, and reports one that fails on a call', async () => {
    const agentId = await createAgent();
    const bad = await orca.request('POST', hooksOf(agentId), {
      token: owner.token,
      body: { mapping: '{"url": body.link' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/is not valid JSONata/);
    expect(bad.body.error.details).toEqual([{ path: 'mapping', message: expect.any(String) }]);

    const failing = await createHook(agentId, { mapping: '{"url": $number(body.link) + 1}' });
    const answered = await callHook(failing.url, { body: JSON.stringify({ link: 'not a number' }) });
    expect(answered.status).toBe(422);
    expect(answered.body.error.message).toMatch(/mapping failed on this request/);

    const nothing = await createHook(agentId, { mapping: 'body.missing' });
    const empty = await callHook(nothing.url, { body: '{}' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toMatch(/gave nothing/);

    const patched = await orca.request('PATCH', `${hooksOf(agentId)}/${failing.id}`, {
      token: owner.token,
      body: { mapping: '$$$(' },
    });
    expect(patched.status).toBe(422);
  });

  it('checks the mapped input against the agent’s input schema, naming the field', async () => {
    const agentId = await createAgent();
    const hook = await createHook(agentId, { mapping: '{"note": body.text}' });
    const answered = await callHook(hook.url, { body: JSON.stringify({ text: 'no url' }) });
    expect(answered.status).toBe(422);
    expect(answered.body.error.message).toMatch(/input schema.*required field url/);
  });

  it('answers 404 for unknown and disabled hooks, and 409 for a paused agent', async () => {
    expect(
      (await callHook('http://x/api/hooks/orca_h_unknownunknownunknownunknownunknownunknow')).status,
    ).toBe(404);
    expect((await callHook('http://x/api/hooks/not-a-token')).status).toBe(404);

    const agentId = await createAgent();
    const hook = await createHook(agentId);
    const body = JSON.stringify({ url: 'https://example.com/x' });
    await orca.request('PATCH', `${hooksOf(agentId)}/${hook.id}`, {
      token: owner.token,
      body: { enabled: false },
    });
    const disabled = await callHook(hook.url, { body });
    expect(disabled.status).toBe(404);
    expect(disabled.body.error.message).toMatch(/disabled/);
    await orca.request('PATCH', `${hooksOf(agentId)}/${hook.id}`, {
      token: owner.token,
      body: { enabled: true },
    });

    await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/pause`, {
      token: owner.token,
    });
    const paused = await callHook(hook.url, { body });
    expect(paused.status).toBe(409);
    expect(paused.body.error.message).toMatch(/paused/);
  });

  it('ignores a sender’s own Authorization header and cookies, and keeps them out of the mapping', async () => {
    const agentId = await createAgent();
    const hook = await createHook(agentId, {
      mapping: '{"url": "https://example.com/h", "note": $string(headers)}',
    });
    const answered = await callHook(hook.url, {
      headers: { authorization: 'Bearer someone-elses-token', cookie: 'orca_session=abc', 'x-kept': 'yes' },
    });
    expect(answered.status).toBe(202);
    const note = (await waitForRun(answered.body.runId)).input as { note: string };
    expect(note.note).toContain('x-kept');
    expect(note.note).not.toMatch(/authorization|cookie|someone-elses-token/);
  });

  it('lets viewers read hooks but not make them, and keeps hooks inside their workspace', async () => {
    const agentId = await createAgent();
    const hook = await createHook(agentId);
    const viewer = await orca.signUp('Hook Viewer');
    await orca.addMember(owner, workspaceId, viewer, 'viewer');
    expect((await orca.request('GET', hooksOf(agentId), { token: viewer.token })).status).toBe(200);
    expect((await orca.request('POST', hooksOf(agentId), { token: viewer.token, body: {} })).status).toBe(
      403,
    );
    expect(
      (await orca.request('DELETE', `${hooksOf(agentId)}/${hook.id}`, { token: viewer.token })).status,
    ).toBe(403);

    const stranger = await orca.signUp('Other Tenant');
    const otherWorkspace = (await orca.createWorkspace(stranger, 'Elsewhere Ltd')).id;
    const otherAgent = (
      await orca.request('POST', `/api/workspaces/${otherWorkspace}/agents`, {
        token: stranger.token,
        body: { spec: echoAgent() },
      })
    ).body.id as string;
    const asStranger = { token: stranger.token };
    expect((await orca.request('GET', hooksOf(agentId), asStranger)).status).toBe(404);
    expect((await orca.request('GET', hooksOf(agentId, otherWorkspace), asStranger)).status).toBe(404);
    expect(
      (await orca.request('GET', `${hooksOf(otherAgent, otherWorkspace)}/${hook.id}`, asStranger)).status,
    ).toBe(404);
    expect(
      (
        await orca.request('PATCH', `${hooksOf(otherAgent, otherWorkspace)}/${hook.id}`, {
          ...asStranger,
          body: { enabled: false },
        })
      ).status,
    ).toBe(404);
    expect(
      (await orca.request('DELETE', `${hooksOf(otherAgent, otherWorkspace)}/${hook.id}`, asStranger)).status,
    ).toBe(404);
    expect((await orca.request('GET', hooksOf(otherAgent, otherWorkspace), asStranger)).body.items).toEqual(
      [],
    );
  });

  it('never shows or stores the address’s token or the signing secret again, and audits every change', async () => {
    const agentId = await createAgent();
    const hook = await createHook(agentId, { signed: true, name: 'Secret keeper' });
    const token = new URL(hook.url).pathname.split('/').pop() as string;
    const secret = hook.signingSecret as string;
    const body = JSON.stringify({ url: 'https://example.com/s' });
    await callHook(hook.url, { body, headers: { 'orca-signature': signature(secret, body) } });
    await callHook(hook.url, { body });
    await orca.request('PATCH', `${hooksOf(agentId)}/${hook.id}`, {
      token: owner.token,
      body: { name: 'Renamed' },
    });
    const unchanged = await orca.request('PATCH', `${hooksOf(agentId)}/${hook.id}`, {
      token: owner.token,
      body: {},
    });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ name: 'Renamed', signed: true });
    expect(unchanged.body.url).toBeUndefined();

    const auditLog = await orca.request('GET', `/api/workspaces/${workspaceId}/audit`, {
      token: owner.token,
    });
    const later = [
      await orca.request('GET', hooksOf(agentId), { token: owner.token }),
      await orca.request('GET', `${hooksOf(agentId)}/${hook.id}`, { token: owner.token }),
      auditLog,
    ];
    for (const response of later) {
      expect(response.status).toBe(200);
      expect(response.text).not.toContain(token);
      expect(response.text).not.toContain(secret);
    }
    const [stored] = await selectRows<Record<string, unknown>>(
      orca.platform,
      sql`select * from hooks where id = ${hook.id}`,
    );
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(logLines.join('\n')).not.toContain(token);
    expect(logLines.join('\n')).not.toContain(secret);

    const actions = (auditLog.body.items as { action: string; targetId: string }[])
      .filter((entry) => entry.targetId === hook.id)
      .map((entry) => entry.action);
    expect(actions).toEqual(['hook.changed', 'hook.created']);
    await orca.request('DELETE', `${hooksOf(agentId)}/${hook.id}`, { token: owner.token });
    expect((await callHook(hook.url, { body })).status).toBe(404);
    const audit = await orca.request('GET', `/api/workspaces/${workspaceId}/audit?action=hook.deleted`, {
      token: owner.token,
    });
    expect(audit.body.items[0]).toMatchObject({ action: 'hook.deleted', targetId: hook.id });
  });

  it('works over real HTTP: a signed call waits for its result, a body declared too large is refused at once', async () => {
    const server = createAdaptorServer({ fetch: orca.platform.app.fetch }) as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const agentId = await createAgent();
      const hook = await createHook(agentId, { signed: true, respond: 'result' });
      const address = base + new URL(hook.url).pathname;
      const body = JSON.stringify({ url: 'https://example.com/http' });
      const answered = await fetch(address, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'orca-signature': signature(hook.signingSecret as string, body),
        },
        body,
      });
      expect(answered.status).toBe(200);
      expect(await answered.json()).toMatchObject({
        status: 'succeeded',
        output: { received: { url: 'https://example.com/http' } },
      });

      const tooLarge = await fetch(address, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ note: 'y'.repeat(400 * 1024) }),
      });
      expect(tooLarge.status).toBe(413);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await orca.request('GET', '/api/openapi.json')).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/hooks/{token}',
        '/api/workspaces/{ws}/agents/{agentId}/hooks',
        '/api/workspaces/{ws}/agents/{agentId}/hooks/{hookId}',
      ]),
    );
    // Public: the hook's address is its credential, whatever the document's global security says.
    expect(document.paths['/api/hooks/{token}'].post.security).toEqual([]);
  });
});
