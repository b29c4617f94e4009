// Issue 11, item 4: a server that reflects a credential back must not put it into what the run
// stores. An echo service on 127.0.0.1 answers with the API key (and a login's Basic pair) in its
// headers, in a query string, URL-encoded, JSON-escaped, HTML-escaped and in base64, alone and
// inside a longer base64 text; every place a viewer reads must say [redacted] instead.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServices } from '../../src/runtime/run-services.ts';
import { SecretRedactor } from '../../src/runtime/secret-redactor.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

// Characters that URL-encoding, JSON and HTML each write differently.
const apiKey = `sk-live_${randomBytes(12).toString('hex')}+/="&<q>`;
const username = 'buyer@example.com';
const password = `pw-${randomBytes(10).toString('hex')}`;
const basicPair = Buffer.from(`${username}:${password}`).toString('base64');

/** Every form of the secrets the echo service sends back. */
const leaks = [
  apiKey,
  encodeURIComponent(apiKey),
  new URLSearchParams({ k: apiKey }).toString().slice(2),
  JSON.stringify(apiKey).slice(1, -1),
  Buffer.from(apiKey).toString('base64'),
  password,
  basicPair,
];

let echo: Server;
let echoHost: string;
let orca: TestPlatform;
let owner: TestUser;
let viewer: TestUser;
let ws: string;
/** The run of the first test, whose services the second one uses. */
let facts: { workspaceId: string; runId: string; agentId: string };

function htmlEscaped(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

beforeAll(async () => {
  echo = createServer((request, response) => {
    const authorization = request.headers.authorization ?? '';
    const key = authorization.replace(/^Bearer /, '');
    const path = new URL(request.url ?? '/', 'http://echo').pathname;
    if (path === '/text') {
      return response
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(`${JSON.stringify({ key })}\n<p data-key="${htmlEscaped(key)}">`);
    }
    if (path === '/fail') {
      return response.writeHead(500, { 'content-type': 'text/plain' }).end(`bad key ${key}`);
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        headers: request.headers,
        next: `https://${echoHost}/page?key=${encodeURIComponent(key)}`,
        form: new URLSearchParams({ key }).toString(),
        base64: Buffer.from(key).toString('base64'),
        // The key at whatever alignment it has inside a longer base64 text.
        wrapped: Buffer.from(JSON.stringify(request.headers)).toString('base64'),
      }),
    );
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoHost = `127.0.0.1:${(echo.address() as AddressInfo).port}`;
  orca = await startTestPlatform({ configOverrides: { allowNetwork: '127.0.0.1' } });
  owner = await orca.signUp('Redaction Owner');
  viewer = await orca.signUp('Redaction Viewer');
  ws = (await orca.createWorkspace(owner, 'Redacted')).id;
  await orca.addMember(owner, ws, viewer, 'viewer');
  for (const connection of [
    { service: 'echo-api', kind: 'api_key', settings: { allowedHosts: [echoHost] }, secret: { apiKey } },
    {
      service: 'echo-login',
      kind: 'login',
      settings: { allowedHosts: [echoHost], username },
      secret: { password },
    },
  ]) {
    const created = await orca.request('POST', `/api/workspaces/${ws}/connections`, {
      token: owner.token,
      body: connection,
    });
    expect(created.status, created.text).toBe(201);
  }
});
afterAll(async () => {
  await orca?.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

function expectNoSecret(where: string, text: string) {
  for (const leak of leaks) expect(text.includes(leak), `${where} carries ${leak}`).toBe(false);
}

const asViewer = (path: string) =>
  orca.request('GET', `/api/workspaces/${ws}${path}`, { token: viewer.token });

describe('secrets a server reflects', () => {
  it('are [redacted] in step outputs and errors, the run output, events, memory, files and the database', async () => {
    const call = (id: string, path: string, connection: string, extra: Record<string, unknown> = {}) => ({
      id,
      tool: 'http.request',
      with: { url: `http://${echoHost}${path}`, auth: { connection }, ...extra },
    });
    const agent = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Echo reader',
          steps: [
            call('call', '/echo', 'echo-api', { method: 'POST', json: { note: 'hello' } }),
            call('basic', '/echo', 'echo-login'),
            call('text', '/text', 'echo-api', { responseType: 'text' }),
            { ...call('fail', '/fail', 'echo-api'), onError: 'continue' },
            {
              id: 'remember',
              tool: 'memory.write',
              with: { key: 'echo', value: '{{ steps.call.body }}', scope: 'workspace' },
            },
            { id: 'save', tool: 'files.save', with: { name: 'echo.json', content: '{{ steps }}' } },
          ],
          output: { call: '{{ steps.call.body }}', text: '{{ steps.text.body }}' },
        },
      },
    });
    expect(agent.status, agent.text).toBe(201);
    const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/runs`, {
      token: owner.token,
      body: { input: {} },
    });
    expect(started.status, started.text).toBe(202);
    // The event stream ends when the run does.
    const events = await asViewer(`/runs/${started.body.id}/events`);
    const run = await asViewer(`/runs/${started.body.id}`);
    expect(run.body.status, run.text).toBe('succeeded');
    facts = { workspaceId: ws, runId: started.body.id, agentId: agent.body.id };

    // The echo did carry the secrets, now marked where they were.
    const steps = Object.fromEntries(
      (run.body.steps as { id: string }[]).map((step) => [step.id, step]),
    ) as unknown as Record<
      string,
      { output: { body: Record<string, unknown> }; error: { details: { body: string } } }
    >;
    expect(steps.call?.output.body).toMatchObject({
      headers: { authorization: 'Bearer [redacted]' },
      next: `https://${echoHost}/page?key=[redacted]`,
      form: 'key=[redacted]',
      base64: '[redacted]',
    });
    const wrapped = Buffer.from(String(steps.call?.output.body.wrapped), 'base64').toString('latin1');
    expect(wrapped).toContain('authorization');
    expect(wrapped).not.toContain(apiKey);
    expect(steps.basic?.output.body).toMatchObject({ headers: { authorization: 'Basic [redacted]' } });
    expect(steps.text?.output.body).toBe('{"key":"[redacted]"}\n<p data-key="[redacted]">');
    expect(steps.fail?.error.details.body).toBe('bad key [redacted]');
    expect(run.body.output.call.base64).toBe('[redacted]');
    expectNoSecret('the run, as a viewer reads it', run.text);
    expectNoSecret('the run events', events.text);
    expect(events.text).toContain('[redacted]');

    const memory = await asViewer('/context');
    expect(memory.status, memory.text).toBe(200);
    expect(memory.text).toContain('[redacted]');
    expectNoSecret('the shared context', memory.text);

    const files = await asViewer('/deliverables');
    const saved = (files.body.items ?? files.body).find(
      (file: { name: string }) => file.name === 'echo.json',
    );
    const content = await asViewer(`/deliverables/${saved.id}/content`);
    expect(content.text).toContain('[redacted]');
    expectNoSecret('the saved file', content.text);

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
    expectNoSecret('the database', dump);
  });

  it('are redacted by the memory and file services themselves, whatever tool hands them in', async () => {
    const secrets = new SecretRedactor();
    secrets.add(apiKey);
    const services = runServices(orca.platform.services, facts, secrets);
    const entry = await services.memory.write({ scope: 'workspace', key: 'direct', value: { apiKey } });
    expect(entry.value).toEqual({ apiKey: '[redacted]' });
    const file = await services.files.save({
      name: 'direct.txt',
      contentType: 'text/plain',
      content: Buffer.from(`key=${apiKey}`),
      key: 'direct-save',
    });
    const content = await asViewer(`/deliverables/${file.id}/content`);
    expect(content.text).toBe('key=[redacted]');
  });

  it("are redacted from a saved file's name and type, which a server chooses for a download", async () => {
    // browser.download keeps the name of Content-Disposition and the type of Content-Type.
    const secrets = new SecretRedactor();
    secrets.add(password);
    const services = runServices(orca.platform.services, facts, secrets);
    const file = await services.files.save({
      name: `statement-${password}.pdf`,
      contentType: `application/x-${password}`,
      content: Buffer.from('%PDF-1.7'),
      key: 'download-named-by-server',
    });
    expect(file.name).toBe('statement-[redacted].pdf');
    const listed = await asViewer('/deliverables');
    expect(listed.status, listed.text).toBe(200);
    expect(listed.text).toContain('statement-[redacted].pdf');
    expectNoSecret('the deliverables list', listed.text);
    const content = await asViewer(`/deliverables/${file.id}/content`);
    expectNoSecret('the content response headers', JSON.stringify(Object.fromEntries(content.headers)));
  });
});
