// Fault test: real `orca serve` and `orca worker` processes on PostgreSQL. One worker is killed
// with SIGKILL in the middle of runs whose steps call a counting HTTP server. Every run must
// finish, none may be lost, and no side effect may be applied twice.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const orcaBin = join(import.meta.dirname, '../../bin/orca.mjs');
const adminUrl = process.env.ORCA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = `orca_fault_${randomBytes(5).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();
const children: ChildProcess[] = [];
// Every process of one Orca sees the same deliverables directory, as on one machine in production.
const dataDirectory = mkdtempSync(join(tmpdir(), 'orca-fault-'));
let server: Server;
let base: string;
/** Requests per idempotency key: the first applies the effect, later ones are recognised replays. */
const requestsByKey = new Map<string, number>();
const masterKey = randomBytes(32).toString('hex');

function spawnOrca(args: string[]) {
  const child = spawn(process.execPath, [orcaBin, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ORCA_ALLOW_NETWORK: '127.0.0.1',
      ORCA_DATA_DIR: dataDirectory,
      // Scale-out processes share one master key: notify.webhook opens the sealed signing secret.
      ORCA_SECRET_KEY: masterKey,
      // Several workers on one machine: each needs its own metrics port (a free one here).
      ORCA_WORKER_HTTP_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return {
    child,
    ready: new Promise<string>((resolve, reject) => {
      const check = setInterval(() => {
        const match = /is running(?: at (http:\/\/\S+))?/.exec(output);
        if (match) {
          clearInterval(check);
          resolve(match[1] ?? '');
        }
      }, 50);
      child.on('exit', (code) => {
        clearInterval(check);
        reject(new Error(`orca ${args[0]} exited with ${code}: ${output}`));
      });
    }),
  };
}

async function api(url: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const teamPage = `<table>${['Ada Lovelace', 'Grace Hopper', 'Joan Clarke']
  .map((name) => `<tr class="person"><td class="name">${name}</td><td class="role">engineer</td></tr>`)
  .join('')}</table>`;

/** Ends every Orca process this file started, so the next test's processes are the only ones. */
async function stopAll() {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/team') {
      return void setTimeout(
        () => response.writeHead(200, { 'content-type': 'text/html' }).end(teamPage),
        300,
      );
    }
    const key = String(request.headers['idempotency-key'] ?? 'none');
    requestsByKey.set(key, (requestsByKey.get(key) ?? 0) + 1);
    // Slow enough that a kill lands in the middle of runs.
    const delay = request.url === '/slow' ? 3000 : 400;
    setTimeout(
      () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"applied":true}'),
      delay,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  await admin.end();
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
  rmSync(dataDirectory, { recursive: true, force: true });
}, 60_000);

describe('a worker killed mid-run', () => {
  it('loses no run and applies no side effect twice', async () => {
    const api1 = spawnOrca(['serve', '--port', '0']);
    const url = await api1.ready;
    const workerA = spawnOrca(['worker', '--concurrency', '4']);
    const workerB = spawnOrca(['worker', '--concurrency', '4']);
    await Promise.all([workerA.ready, workerB.ready]);

    const signup = await api(url, 'POST', '/api/auth/signup', undefined, {
      email: 'fault@example.com',
      password: 'a resilient passphrase 7',
      name: 'Fault',
    });
    const token = signup.body.token as string;
    const workspace = await api(url, 'POST', '/api/workspaces', token, { name: 'Faults' });
    const agent = await api(url, 'POST', `/api/workspaces/${workspace.body.id}/agents`, token, {
      spec: {
        name: 'Three Effects',
        steps: ['first', 'second', 'third'].map((id) => ({
          id,
          tool: 'http.request',
          with: { url: `${base}/apply`, method: 'POST', json: { step: id } },
        })),
      },
    });
    const runIds: string[] = [];
    for (let index = 0; index < 12; index++) {
      const started = await api(
        url,
        'POST',
        `/api/workspaces/${workspace.body.id}/agents/${agent.body.id}/runs`,
        token,
        {},
      );
      expect(started.status).toBe(202);
      runIds.push(started.body.id);
    }

    await expect.poll(() => requestsByKey.size, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(6);
    workerA.child.kill('SIGKILL');
    const killedAt = Date.now();

    const finished = new Map<string, string>();
    await expect
      .poll(
        async () => {
          for (const runId of runIds) {
            if (finished.has(runId)) continue;
            const run = await api(url, 'GET', `/api/workspaces/${workspace.body.id}/runs/${runId}`, token);
            if (['succeeded', 'failed', 'cancelled'].includes(run.body.status))
              finished.set(runId, run.body.status);
          }
          return finished.size;
        },
        { timeout: 90_000, interval: 250 },
      )
      .toBe(runIds.length);
    const recoverySeconds = (Date.now() - killedAt) / 1000;

    expect([...finished.values()].every((status) => status === 'succeeded')).toBe(true);
    for (const runId of runIds) {
      for (const step of ['first', 'second', 'third']) {
        const keys = [...requestsByKey.keys()].filter((key) => key.startsWith(`${runId}:${step}:`));
        // Exactly one distinct key per step: any replay after the kill carried the same key, so
        // the receiving side recognised it and applied the effect once.
        expect({ runId, step, keys: keys.length }).toEqual({ runId, step, keys: 1 });
      }
    }
    const replays = [...requestsByKey.values()].filter((count) => count > 1).length;
    console.log(
      `fault test: all ${runIds.length} runs succeeded ${recoverySeconds.toFixed(1)} s after the kill; ${replays} step(s) replayed with their key`,
    );
  }, 150_000);

  it('finishes the run in hand on SIGTERM before the worker exits', async () => {
    // Only this test's worker may take the run: the processes of the test before are ended.
    await stopAll();
    const apiProcess = spawnOrca(['serve', '--port', '0']);
    const url = await apiProcess.ready;
    const worker = spawnOrca(['worker', '--concurrency', '1']);
    await worker.ready;
    const login = await api(url, 'POST', '/api/auth/login', undefined, {
      email: 'fault@example.com',
      password: 'a resilient passphrase 7',
    });
    const token = login.body.token as string;
    const workspace = await api(url, 'POST', '/api/workspaces', token, { name: 'Graceful' });
    const agent = await api(url, 'POST', `/api/workspaces/${workspace.body.id}/agents`, token, {
      spec: {
        name: 'Slow Effect',
        steps: [{ id: 'slow', tool: 'http.request', with: { url: `${base}/slow`, method: 'POST' } }],
      },
    });
    const started = await api(
      url,
      'POST',
      `/api/workspaces/${workspace.body.id}/agents/${agent.body.id}/runs`,
      token,
      {},
    );
    const runPath = `/api/workspaces/${workspace.body.id}/runs/${started.body.id}`;
    await expect
      .poll(async () => (await api(url, 'GET', runPath, token)).body.status, { timeout: 20_000 })
      .toBe('running');

    const exited = new Promise<number | null>((resolve) => worker.child.once('exit', resolve));
    worker.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const run = await api(url, 'GET', runPath, token);
    expect(run.body.status).toBe('succeeded');
    expect(
      [...requestsByKey.keys()].filter((key) => key.startsWith(`${started.body.id}:slow:`)),
    ).toHaveLength(1);
  }, 60_000);

  it('the collector scenario: context, deliverable and webhook once each, though a worker dies mid-run', async () => {
    await stopAll();
    const apiProcess = spawnOrca(['serve', '--port', '0']);
    const url = await apiProcess.ready;
    const workerA = spawnOrca(['worker', '--concurrency', '3']);
    const workerB = spawnOrca(['worker', '--concurrency', '3']);
    await Promise.all([workerA.ready, workerB.ready]);
    const login = await api(url, 'POST', '/api/auth/login', undefined, {
      email: 'fault@example.com',
      password: 'a resilient passphrase 7',
    });
    const token = login.body.token as string;
    const workspace = await api(url, 'POST', '/api/workspaces', token, { name: 'Collectors' });
    const ws = workspace.body.id as string;
    const collector = await api(url, 'POST', `/api/workspaces/${ws}/agents`, token, {
      spec: {
        name: 'Team Collector',
        steps: [
          { id: 'fetch', tool: 'http.request', with: { url: `${base}/team` } },
          {
            id: 'extract',
            tool: 'html.extract',
            with: {
              html: '{{ steps.fetch.body }}',
              records: { selector: '.person', fields: { name: '.name', role: '.role' } },
            },
          },
          {
            id: 'remember',
            tool: 'memory.write',
            forEach: { items: 'steps.extract.records', as: 'person' },
            with: { key: '{{ run.id }}/{{ person.name }}', value: '{{ person }}', tags: ['person'] },
          },
          {
            id: 'save',
            tool: 'files.save',
            with: { name: 'team.csv', content: '{{ steps.extract.records }}' },
          },
          {
            id: 'notify',
            tool: 'notify.webhook',
            with: { url: `${base}/hook`, payload: { count: '{{ steps.extract.count }}' } },
          },
        ],
      },
    });
    expect(collector.status).toBe(201);
    const runIds: string[] = [];
    for (let index = 0; index < 8; index++) {
      const started = await api(
        url,
        'POST',
        `/api/workspaces/${ws}/agents/${collector.body.id}/runs`,
        token,
        {},
      );
      runIds.push(started.body.id);
    }
    // Kill a worker while webhooks are in flight.
    await expect
      .poll(() => [...requestsByKey.keys()].filter((key) => runIds.some((id) => key.startsWith(id))).length, {
        timeout: 30_000,
        interval: 20,
      })
      .toBeGreaterThanOrEqual(2);
    workerA.child.kill('SIGKILL');
    const killedAt = Date.now();

    const statuses = new Map<string, string>();
    await expect
      .poll(
        async () => {
          for (const runId of runIds) {
            const run = await api(url, 'GET', `/api/workspaces/${ws}/runs/${runId}`, token);
            statuses.set(runId, run.body.status);
          }
          return [...statuses.values()].filter((status) =>
            ['succeeded', 'failed', 'cancelled'].includes(status),
          ).length;
        },
        { timeout: 90_000, interval: 250 },
      )
      .toBe(runIds.length);
    expect([...statuses.values()]).toEqual(runIds.map(() => 'succeeded'));
    const replayedHooks = runIds.filter((runId) => (requestsByKey.get(`${runId}:notify`) ?? 0) > 1).length;
    console.log(
      `fault test (collector): all ${runIds.length} runs succeeded ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill; ${replayedHooks} webhook(s) redelivered under their key`,
    );

    for (const runId of runIds) {
      // One webhook key per run: a delivery replayed after the kill carried the same key.
      const hookKeys = [...requestsByKey.keys()].filter((key) => key.startsWith(`${runId}:notify`));
      expect({ runId, hookKeys }).toEqual({ runId, hookKeys: [`${runId}:notify`] });
      const files = await api(url, 'GET', `/api/workspaces/${ws}/deliverables?run=${runId}`, token);
      expect({ runId, files: files.body.items.length }).toEqual({ runId, files: 1 });
      const context = await api(url, 'GET', `/api/workspaces/${ws}/context?prefix=${runId}/`, token);
      expect({ runId, entries: context.body.items.length }).toEqual({ runId, entries: 3 });
    }

    const finder = await api(url, 'POST', `/api/workspaces/${ws}/agents`, token, {
      spec: {
        name: 'Finder',
        steps: [{ id: 'find', tool: 'memory.search', with: { query: 'Grace', tags: ['person'], limit: 50 } }],
        output: '{{ steps.find.count }}',
      },
    });
    const search = await api(url, 'POST', `/api/workspaces/${ws}/agents/${finder.body.id}/runs`, token, {});
    await expect
      .poll(
        async () =>
          (await api(url, 'GET', `/api/workspaces/${ws}/runs/${search.body.id}`, token)).body.output,
        {
          timeout: 20_000,
        },
      )
      .toBe(runIds.length);
  }, 150_000);
});
