// A real `orca worker` process on PostgreSQL serves its small HTTP port: /metrics (open on a
// loopback bind), /api/health, /api/ready (database, migrations, queue, browser), and 404 for
// everything else. It runs once (with the fault suites): its own process, its own database.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const orcaBin = join(import.meta.dirname, '../../bin/orca.mjs');
const adminUrl = process.env.ORCA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseName = `orca_worker_port_${randomBytes(5).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();
const dataDirectory = mkdtempSync(join(tmpdir(), 'orca-worker-port-'));
let worker: ChildProcess | undefined;
let url: string;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  await admin.end();
  worker = spawn(process.execPath, [orcaBin, 'worker'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ORCA_DATA_DIR: dataDirectory,
      HOST: '127.0.0.1',
      ORCA_WORKER_HTTP_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = worker;
  url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /Metrics and probes at (http:\/\/\S+?)\.? /.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    started.stdout?.on('data', onData);
    started.stderr?.on('data', onData);
    started.on('exit', (code) => reject(new Error(`orca worker exited with ${code}: ${output}`)));
  });
});

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker?.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
  rmSync(dataDirectory, { recursive: true, force: true });
});

describe('orca worker’s HTTP port', () => {
  it('serves the worker’s metrics', async () => {
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^orca_queue_depth \d+$/m);
    expect(text).toMatch(/^orca_process_resident_memory_bytes \d+/m);
    expect(text).toContain('# TYPE orca_runs_finished_total counter');
  });

  it('answers liveness and readiness, the browser included', async () => {
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'postgres' });
    const ready = await fetch(`${url}/api/ready`);
    const body = await ready.json();
    expect(ready.status, JSON.stringify(body)).toBe(200);
    expect(body).toEqual({
      status: 'ready',
      checks: {
        database: { ok: true },
        migrations: { ok: true },
        queue: { ok: true },
        browser: { ok: true },
      },
    });
  });

  it('answers 404 to anything else', async () => {
    for (const path of ['/', '/healthz', '/api/workspaces', '/metrics.txt']) {
      expect((await fetch(`${url}${path}`)).status).toBe(404);
    }
  });
});
