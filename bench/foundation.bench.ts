// Foundation figures: cold start to the first 200 (new and existing data directory), requests per
// second and p99 latency of GET /api/me and a workspace-scoped list, on PGlite and PostgreSQL,
// and resident memory at idle. Each Orca runs as its own process, as `orca start` would; the
// load generator (autocannon) runs in this one. Prints a Markdown table and JSON.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { withPostgresDatabase } from './support/postgres-database.ts';

const orcaBin = join(import.meta.dirname, '../bin/orca.mjs');
const seconds = Number(process.env.ORCA_BENCH_SECONDS ?? 10);
const connections = Number(process.env.ORCA_BENCH_CONNECTIONS ?? 10);
let nextPort = 4700;

interface RunningOrca {
  child: ChildProcess;
  url: string;
  startMilliseconds: number;
}

async function startOrca(args: string[], env: Record<string, string> = {}): Promise<RunningOrca> {
  const port = nextPort++;
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [orcaBin, 'start', '--port', String(port), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`orca exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, url, startMilliseconds: performance.now() - started };
}

async function stopOrca(orca: RunningOrca) {
  const exited = new Promise((resolve) => orca.child.once('exit', resolve));
  orca.child.kill('SIGTERM');
  await exited;
}

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

async function json(url: string, init: RequestInit & { token?: string; body?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(url, { ...init, headers });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function load(url: string, token: string) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

async function throughput(orca: RunningOrca) {
  const signup = await json(`${orca.url}/api/auth/signup`, {
    method: 'POST',
    body: JSON.stringify({
      email: `bench-${Date.now()}@example.com`,
      password: 'benchmark passphrase',
      name: 'Bench',
    }),
  });
  const token = signup.token as string;
  const workspace = await json(`${orca.url}/api/workspaces`, {
    method: 'POST',
    token,
    body: JSON.stringify({ name: 'Bench' }),
  });
  for (let index = 0; index < 5; index++) {
    await json(`${orca.url}/api/workspaces/${workspace.id}/invitations`, {
      method: 'POST',
      token,
      body: JSON.stringify({ email: `member${index}@example.com` }),
    });
  }
  return {
    me: await load(`${orca.url}/api/me`, token),
    members: await load(`${orca.url}/api/workspaces/${workspace.slug}/members`, token),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  const rounds = 3;
  const newDirectory: number[] = [];
  const existingDirectory: number[] = [];
  const directory = mkdtempSync(join(tmpdir(), 'orca-bench-'));
  try {
    for (let round = 0; round < rounds; round++) {
      const dataDirectory = join(directory, `round-${round}`);
      const fresh = await startOrca(['--data-dir', dataDirectory]);
      newDirectory.push(fresh.startMilliseconds);
      await stopOrca(fresh);
      const again = await startOrca(['--data-dir', dataDirectory]);
      existingDirectory.push(again.startMilliseconds);
      await stopOrca(again);
    }

    const pglite = await startOrca(['--data-dir', join(directory, 'load')]);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const idlePglite = residentMegabytes(pglite.child.pid ?? 0);
    const pgliteFigures = await throughput(pglite);
    await stopOrca(pglite);

    const postgres = await withPostgresDatabase('foundation', async (url) => {
      const orca = await startOrca([], { DATABASE_URL: url });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const idle = residentMegabytes(orca.child.pid ?? 0);
      const figures = await throughput(orca);
      const start = orca.startMilliseconds;
      await stopOrca(orca);
      return { idle, figures, start };
    });

    const results = {
      coldStartMilliseconds: {
        pgliteNewDirectory: Math.round(median(newDirectory)),
        pgliteExistingDirectory: Math.round(median(existingDirectory)),
        postgresNewDatabase: Math.round(postgres.start),
      },
      residentMegabytesAtIdle: { pglite: idlePglite, postgres: postgres.idle },
      load: { pglite: pgliteFigures, postgres: postgres.figures },
      settings: { seconds, connections, rounds },
    };
    const row = (
      database: string,
      route: string,
      figure: { requestsPerSecond: number; p50: number; p99: number },
    ) => `| ${database} | ${route} | ${figure.requestsPerSecond} | ${figure.p50} | ${figure.p99} |`;
    console.log(
      [
        '| figure | value |',
        '| --- | --- |',
        `| cold start to first 200, new PGlite directory (median of ${rounds}) | ${results.coldStartMilliseconds.pgliteNewDirectory} ms |`,
        `| cold start to first 200, existing PGlite directory (median of ${rounds}) | ${results.coldStartMilliseconds.pgliteExistingDirectory} ms |`,
        `| cold start to first 200, new PostgreSQL database | ${results.coldStartMilliseconds.postgresNewDatabase} ms |`,
        `| resident memory at idle, PGlite | ${idlePglite} MB |`,
        `| resident memory at idle, PostgreSQL | ${postgres.idle} MB |`,
        '',
        `| database | route | requests/s | p50 ms | p99 ms |  (${connections} connections, ${seconds} s each)`,
        '| --- | --- | --- | --- | --- |',
        row('PGlite', 'GET /api/me', pgliteFigures.me),
        row('PGlite', 'GET /api/workspaces/:ws/members', pgliteFigures.members),
        row('PostgreSQL', 'GET /api/me', postgres.figures.me),
        row('PostgreSQL', 'GET /api/workspaces/:ws/members', postgres.figures.members),
      ].join('\n'),
    );
    console.log(JSON.stringify(results));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

await main();
