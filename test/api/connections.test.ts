// Connected accounts: secrets go in and are used, but never come out. A canary secret is planted
// and searched for in a dump of the database, the logs, every API response and the run outputs.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConnection } from '../../src/store/vault-repository.ts';
import { parseMasterKey } from '../../src/vault/master-key.ts';
import { Vault } from '../../src/vault/vault.ts';
import {
  selectRows,
  startTestPlatform,
  type TestPlatform,
  type TestUser,
  testSecretKey,
} from '../support/test-platform.ts';

const canary = `CANARY-${randomBytes(12).toString('hex')}`;
const logLines: string[] = [];
const responses: string[] = [];
let orca: TestPlatform;
let owner: TestUser;
let builder: TestUser;
let viewer: TestUser;
let ws: string;
let service: Server;
let elsewhere: Server;
let serviceHost: string;
let elsewhereUrl: string;
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];

function listenOn(server: Server) {
  return new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

beforeAll(async () => {
  elsewhere = createServer((request, response) => {
    seen.push({ path: `elsewhere${request.url}`, headers: request.headers });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"elsewhere":true}');
  });
  elsewhereUrl = `http://${await listenOn(elsewhere)}`;
  service = createServer((request, response) => {
    seen.push({ path: request.url ?? '', headers: request.headers });
    if (request.url === '/moved')
      return response.writeHead(302, { location: `${elsewhereUrl}/landing` }).end();
    const authorized = request.headers.authorization === `Bearer ${canary}`;
    response
      .writeHead(authorized ? 200 : 401, { 'content-type': 'application/json' })
      .end(JSON.stringify({ authorized }));
  });
  serviceHost = await listenOn(service);
  orca = await startTestPlatform({
    configOverrides: { allowNetwork: '127.0.0.1' },
    logger: {
      info: (message, fields) => void logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
      error: (message, error) =>
        void logLines.push(`${message} ${String(error)} ${(error as Error)?.stack ?? ''}`),
    },
  });
  owner = await orca.signUp('Vault Owner');
  builder = await orca.signUp('Vault Builder');
  viewer = await orca.signUp('Vault Viewer');
  ws = (await orca.createWorkspace(owner, 'Vaulted')).id;
  await orca.addMember(owner, ws, builder, 'builder');
  await orca.addMember(owner, ws, viewer, 'viewer');
});
afterAll(async () => {
  await orca.close();
  await Promise.all(
    [service, elsewhere].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
});

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await orca.request(method, path, { token, body });
  responses.push(response.text);
  return response;
}

async function finishedRun(runId: string) {
  for (let tries = 0; tries < 200; tries++) {
    const run = await call('GET', `/api/workspaces/${ws}/runs/${runId}`, owner.token);
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

async function runAgent(name: string, url: string) {
  const agent = await call('POST', `/api/workspaces/${ws}/agents`, owner.token, {
    spec: {
      name,
      steps: [
        {
          id: 'call',
          tool: 'http.request',
          with: { url, auth: { connection: 'acme-api' }, failOnStatus: false },
        },
      ],
    },
  });
  const started = await call('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/runs`, owner.token, {
    input: {},
  });
  return finishedRun(started.body.id);
}

describe('connected accounts', () => {
  let connectionId: string;

  it('keeps the secret: shows which fields are set, never their values; roles decide who sees and who connects', async () => {
    const created = await call('POST', `/api/workspaces/${ws}/connections`, owner.token, {
      service: 'acme-api',
      kind: 'api_key',
      settings: { allowedHosts: [serviceHost], testUrl: `http://${serviceHost}/me` },
      secret: { apiKey: canary },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      service: 'acme-api',
      kind: 'api_key',
      isDefault: true,
      secretFields: ['apiKey'],
      status: 'untested',
    });
    connectionId = created.body.id;

    const second = await call('POST', `/api/workspaces/${ws}/connections`, owner.token, {
      service: 'acme-api',
      kind: 'api_key',
      settings: { allowedHosts: [serviceHost] },
      secret: { apiKey: 'another key' },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/Give this one a label/);
    const labelled = await call('POST', `/api/workspaces/${ws}/connections`, owner.token, {
      service: 'acme-api',
      label: 'backup',
      kind: 'api_key',
      settings: { allowedHosts: [serviceHost] },
      secret: { apiKey: 'another key' },
    });
    expect(labelled.status).toBe(201);
    expect(labelled.body.isDefault).toBe(false);

    expect((await call('GET', `/api/workspaces/${ws}/connections`, builder.token)).body.items).toHaveLength(
      2,
    );
    expect((await call('GET', `/api/workspaces/${ws}/connections`, viewer.token)).status).toBe(403);
    const byBuilder = await call('POST', `/api/workspaces/${ws}/connections`, builder.token, {
      service: 'other',
      kind: 'api_key',
      settings: { allowedHosts: ['api.example.com'] },
      secret: { apiKey: 'x' },
    });
    expect(byBuilder.status).toBe(403);
    const noHosts = await call('POST', `/api/workspaces/${ws}/connections`, owner.token, {
      service: 'other',
      kind: 'api_key',
      settings: {},
      secret: { apiKey: 'x' },
    });
    expect(noHosts.status).toBe(422);
    expect(noHosts.body.error.message).toMatch(/settings.allowedHosts/);
  });

  it('tests an API key against its testUrl, and tells when a new key is refused', async () => {
    const tested = await call('POST', `/api/workspaces/${ws}/connections/${connectionId}/test`, owner.token);
    expect(tested.status, tested.text).toBe(200);
    expect(tested.body).toMatchObject({
      status: 'working',
      statusMessage: expect.stringMatching(/accepted the key/),
    });
  });

  it('authenticates an agent’s request with the account, only towards its allowed hosts, and audits each use', async () => {
    const run = await runAgent('Authenticated Caller', `http://${serviceHost}/me`);
    expect(run.status).toBe('succeeded');
    expect(run.output.body).toEqual({ authorized: true });

    const refused = await runAgent('Wrong Host Caller', `${elsewhereUrl}/steal`);
    expect(refused.status).toBe('failed');
    expect(refused.error.message).toMatch(/may only be used with 127\.0\.0\.1:\d+, not 127\.0\.0\.1:\d+/);
    expect(seen.some((request) => request.path === 'elsewhere/steal')).toBe(false);

    // A redirect to another host drops the credential.
    const moved = await runAgent('Redirected Caller', `http://${serviceHost}/moved`);
    expect(moved.status).toBe('succeeded');
    const landing = seen.find((request) => request.path === 'elsewhere/landing');
    expect(landing?.headers.authorization).toBeUndefined();

    const audit = await call('GET', `/api/workspaces/${ws}/audit?action=connection.used`, owner.token);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(3);
    expect(audit.body.items[0].details).toMatchObject({
      service: 'acme-api',
      runId: moved.id,
      stepId: 'call',
    });
  });

  it('never lets the canary out: database dump, logs, API responses, run outputs', async () => {
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
    expect(dump.includes(canary)).toBe(false);
    const stepOutputs = await selectRows<{ text: string }>(
      orca.platform,
      sql`select coalesce(output::text, '') || coalesce(error::text, '') || coalesce(input::text, '') as text from run_steps`,
    );
    expect(stepOutputs.length).toBeGreaterThan(0);
    expect(stepOutputs.some((row) => row.text.includes(canary))).toBe(false);
    const events = await selectRows<{ text: string }>(
      orca.platform,
      sql`select data::text as text from run_events`,
    );
    expect(events.some((row) => row.text.includes(canary))).toBe(false);
    expect(responses.length).toBeGreaterThan(10);
    expect(responses.some((text) => text.includes(canary))).toBe(false);
    expect(logLines.some((line) => line.includes(canary))).toBe(false);
  });

  it('reads every secret after the master key is rotated, and wraps the data key anew', async () => {
    const oldKey = parseMasterKey(testSecretKey);
    const newKey = parseMasterKey('7a'.repeat(32));
    const rotated = new Vault(orca.platform.store, { current: newKey, previous: [oldKey] });
    expect(await rotated.rewrapAll()).toBeGreaterThanOrEqual(1);
    const secret = await orca.platform.store.inWorkspace(ws, async (scope) => {
      const connection = await findConnection(scope, connectionId);
      return connection && rotated.openSecret(scope, connection);
    });
    expect(secret).toEqual({ apiKey: canary });
    const keys = await selectRows<{ master_key_id: string }>(
      orca.platform,
      sql`select master_key_id from workspace_keys`,
    );
    expect(keys.every((key) => key.master_key_id === newKey.id)).toBe(true);
    // Without the new key, nothing opens; with it alone (the old one retired), everything does.
    const onlyNew = new Vault(orca.platform.store, { current: newKey, previous: [] });
    const again = await orca.platform.store.inWorkspace(ws, async (scope) => {
      const connection = await findConnection(scope, connectionId);
      return connection && onlyNew.openSecret(scope, connection);
    });
    expect(again).toEqual({ apiKey: canary });
  });

  it('asks for the secret again when a change would send it somewhere new', async () => {
    // A workspace of its own: the test before this one rotated the master key under ws.
    const fresh = (await orca.createWorkspace(owner, 'Moving Keys')).id;
    const created = await call('POST', `/api/workspaces/${fresh}/connections`, owner.token, {
      service: 'moving-api',
      kind: 'api_key',
      settings: { allowedHosts: [serviceHost], testUrl: `http://${serviceHost}/me` },
      secret: { apiKey: 'the-first-key' },
    });
    expect(created.status, created.text).toBe(201);
    const path = `/api/workspaces/${fresh}/connections/${created.body.id}`;
    const moved = await call('PATCH', path, owner.token, {
      settings: { allowedHosts: ['elsewhere.example.com'], testUrl: 'https://elsewhere.example.com/me' },
    });
    expect(moved.status).toBe(422);
    expect(moved.body.error.message).toContain('allowedHosts, testUrl');
    expect((await call('GET', path, owner.token)).body.settings.allowedHosts).toEqual([serviceHost]);
    const relabelled = await call('PATCH', path, owner.token, { label: 'renamed' });
    expect(relabelled.status, relabelled.text).toBe(200);
    const withKey = await call('PATCH', path, owner.token, {
      settings: { allowedHosts: ['elsewhere.example.com'] },
      secret: { apiKey: 'a-key-for-elsewhere' },
    });
    expect(withKey.status, withKey.text).toBe(200);
  });
});
