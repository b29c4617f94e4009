// The operational endpoints of the API: GET /metrics (counters that move with requests, runs and
// webhook calls, under bounded labels), GET /api/ready (200, and 503 naming the failed check), and
// 404 for addresses that are neither the API nor the web app's pages.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;
let webRoot: string;

beforeAll(async () => {
  webRoot = await mkdtemp(path.join(tmpdir(), 'orca-web-root-'));
  await writeFile(
    path.join(webRoot, 'index.html'),
    '<!doctype html><title>Orca</title><div id="root"></div>',
  );
  orca = await startTestPlatform({ webRoot });
  owner = await orca.signUp('Metrics Owner');
  workspaceId = (await orca.createWorkspace(owner, 'Metrics Inc')).id;
});
afterAll(async () => {
  await orca.close();
  await rm(webRoot, { recursive: true, force: true });
});

async function scrape(): Promise<string> {
  const response = await orca.platform.app.request('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one series (0 when absent), found by its name and exact labels. */
function seriesValue(exposition: string, name: string, labels: Record<string, string>): number {
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf('}'));
    const found = Object.fromEntries(
      [...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((match) => [match[1], match[2]]),
    );
    const wanted = Object.entries(labels);
    if (wanted.length === Object.keys(found).length && wanted.every(([key, value]) => found[key] === value)) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return 0;
}

async function waitForRun(runId: string) {
  await expect
    .poll(
      async () =>
        (await orca.request('GET', `/api/workspaces/${workspaceId}/runs/${runId}`, { token: owner.token }))
          .body.status,
      { timeout: 20_000, interval: 50 },
    )
    .toBe('succeeded');
}

async function createAgent(name: string) {
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: { spec: { name, steps: [{ id: 'echo', tool: 'transform', with: { expression: 'input' } }] } },
  });
  expect(response.status, response.text).toBe(201);
  return response.body.id as string;
}

describe('GET /metrics', () => {
  it('counts requests under their route pattern, never the raw path', async () => {
    const route = '/api/workspaces/:ws';
    const labels = { method: 'GET', route, status: '200' };
    const before = seriesValue(await scrape(), 'orca_http_request_duration_seconds_count', labels);
    expect((await orca.request('GET', `/api/workspaces/${workspaceId}`, { token: owner.token })).status).toBe(
      200,
    );
    const after = await scrape();
    expect(seriesValue(after, 'orca_http_request_duration_seconds_count', labels)).toBe(before + 1);
    expect(after).not.toContain(workspaceId);
    // Addresses no route claims share one label, whatever they are.
    await orca.request('GET', '/api/no-such-route-here', { token: owner.token });
    expect(
      seriesValue(await scrape(), 'orca_http_request_duration_seconds_count', {
        method: 'GET',
        route: 'unmatched',
        status: '404',
      }),
    ).toBeGreaterThan(0);
  });

  it('counts a finished run by status and trigger, and its steps by tool', async () => {
    const agentId = await createAgent('Metered Echo');
    const runs = { status: 'succeeded', trigger: 'manual' };
    const steps = { tool: 'transform', status: 'succeeded' };
    const before = await scrape();
    const started = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/runs`, {
      token: owner.token,
      body: { input: { hello: 'world' } },
    });
    expect(started.status).toBe(202);
    await waitForRun(started.body.id);
    const after = await scrape();
    expect(seriesValue(after, 'orca_runs_finished_total', runs)).toBe(
      seriesValue(before, 'orca_runs_finished_total', runs) + 1,
    );
    expect(seriesValue(after, 'orca_step_duration_seconds_count', steps)).toBe(
      seriesValue(before, 'orca_step_duration_seconds_count', steps) + 1,
    );
    expect(after).toMatch(/^orca_queue_depth \d+$/m);
    expect(after).toMatch(/^orca_queue_oldest_age_seconds [\d.e+-]+$/m);
    expect(after).toMatch(/^orca_browser_contexts_open 0$/m);
    expect(after).toMatch(/^orca_process_resident_memory_bytes \d+/m);
  });

  it('counts webhook calls by outcome', async () => {
    const agentId = await createAgent('Hooked Echo');
    const hook = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/hooks`, {
      token: owner.token,
      body: {},
    });
    expect(hook.status, hook.text).toBe(201);
    const before = await scrape();
    const call = await orca.request('POST', new URL(hook.body.url).pathname, { rawBody: '{"a":1}' });
    expect(call.status, call.text).toBe(202);
    const unknown = await orca.request(
      'POST',
      '/api/hooks/orca_h_unknownunknownunknownunknownunknownunknow',
      {
        rawBody: '{}',
      },
    );
    expect(unknown.status).toBe(404);
    await waitForRun(call.body.runId);
    const after = await scrape();
    for (const outcome of ['started', 'not_found']) {
      expect(seriesValue(after, 'orca_webhook_calls_total', { outcome })).toBe(
        seriesValue(before, 'orca_webhook_calls_total', { outcome }) + 1,
      );
    }
    const runs = { status: 'succeeded', trigger: 'webhook' };
    expect(seriesValue(after, 'orca_runs_finished_total', runs)).toBe(
      seriesValue(before, 'orca_runs_finished_total', runs) + 1,
    );
  });
});

describe('GET /api/ready', () => {
  it('answers 200 when the database, migrations, queue and browser are ready', async () => {
    const response = await orca.request('GET', '/api/ready');
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({
      status: 'ready',
      checks: {
        database: { ok: true },
        migrations: { ok: true },
        queue: { ok: true },
        browser: { ok: true },
      },
    });
  });

  it('answers 503 naming the migrations when one is not applied', async () => {
    const database = orca.platform.database.drizzle;
    const latest = sql`(select max(created_at) from drizzle.__drizzle_migrations)`;
    // The newest migration's record is set back, as if the database were one migration behind.
    await database.execute(
      sql`update drizzle.__drizzle_migrations set created_at = created_at - 1 where created_at = ${latest}`,
    );
    try {
      const response = await orca.request('GET', '/api/ready');
      expect(response.status).toBe(503);
      expect(response.body.status).toBe('not_ready');
      expect(response.body.checks.migrations).toEqual({
        ok: false,
        message: expect.stringContaining('orca migrate'),
      });
      expect(response.body.checks.database).toEqual({ ok: true });
    } finally {
      await database.execute(
        sql`update drizzle.__drizzle_migrations set created_at = created_at + 1 where created_at = ${latest}`,
      );
    }
    expect((await orca.request('GET', '/api/ready')).status).toBe(200);
  });
});

describe('addresses that are not the web app', () => {
  it.each([
    '/healthz',
    '/readyz',
    '/api/anything-unknown',
    '/favicon-missing.ico',
    '/assets/gone.js',
    '/w/some-slug/missing.png',
    '/wp-login.php',
  ])('%s answers 404, not the app', async (address) => {
    const response = await orca.request('GET', address);
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('<div id="root">');
  });

  it.each(['/', '/w/some-slug', '/w/some-slug/runs/123', '/account', '/invitations/abc'])(
    '%s still serves the app',
    async (address) => {
      const response = await orca.request('GET', address);
      expect(response.status).toBe(200);
      expect(response.text).toContain('<div id="root">');
    },
  );
});
