// Inbound webhook figures (issue 6): how many hook calls a second Orca accepts and how many of
// the runs they start finish a second, with a one-step no-op agent (a `transform` step); then, at
// half of that rate, the latency from POST to the 202 and from POST to the run's start. Orca runs
// as its own processes, as in production: `orca start` (API and 4 workers in one process) on
// PostgreSQL and on PGlite, and `orca serve` with one `orca worker` (4 runs at once) on
// PostgreSQL. The calls come from this process over HTTP with keep-alive; run times are read
// back through the API. Prints a Markdown table and JSON.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { withPostgresDatabase } from './support/postgres-database.ts';

const orcaBin = join(import.meta.dirname, '../bin/orca.mjs');
const callCount = Number(process.env.ORCA_BENCH_CALLS ?? 1000);
const connections = Number(process.env.ORCA_BENCH_CONNECTIONS ?? 10);
const latencySeconds = Number(process.env.ORCA_BENCH_LATENCY_SECONDS ?? 8);
const workerConcurrency = 4;
let nextPort = 4750;

interface RunningProcess {
  child: ChildProcess;
}

function spawnOrca(args: string[], env: Record<string, string>, ready: string): Promise<RunningProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [orcaBin, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes(ready) && resolve({ child }));
    child.on('exit', (code) => reject(new Error(`orca ${args[0]} exited with ${code}`)));
  });
}

async function stopProcesses(processes: RunningProcess[]) {
  await Promise.all(
    processes.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          child.removeAllListeners('exit');
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

async function api(base: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(base + path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

interface Target {
  base: string;
  token: string;
  workspaceId: string;
}

async function signUp(base: string): Promise<Target> {
  const signup = await api(base, 'POST', '/api/auth/signup', undefined, {
    email: `bench-${Date.now()}@example.com`,
    password: 'benchmark passphrase',
    name: 'Bench',
  });
  const token = signup.token as string;
  const workspace = await api(base, 'POST', '/api/workspaces', token, { name: 'Bench' });
  return { base, token, workspaceId: workspace.id as string };
}

/** A new no-op agent with a hook; the hook's path and the agent's id. */
async function noopHook(target: Target, name: string) {
  const agent = await api(target.base, 'POST', `/api/workspaces/${target.workspaceId}/agents`, target.token, {
    spec: { name, steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] },
  });
  const hook = await api(
    target.base,
    'POST',
    `/api/workspaces/${target.workspaceId}/agents/${agent.id}/hooks`,
    target.token,
    { mapping: '{"n": body.n}', ratePerMinute: 100_000 },
  );
  return { agentId: agent.id as string, path: new URL(hook.url as string).pathname };
}

interface Call {
  sentAt: number;
  acceptedMilliseconds: number;
  runId: string;
}

async function callHook(base: string, path: string, n: number): Promise<Call> {
  const sentAt = Date.now();
  const started = performance.now();
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ n }),
  });
  const body = (await response.json()) as { runId?: string };
  if (response.status !== 202 || !body.runId)
    throw new Error(`hook call: ${response.status} ${JSON.stringify(body)}`);
  return { sentAt, acceptedMilliseconds: performance.now() - started, runId: body.runId };
}

interface RunTimes {
  id: string;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
}

function runsPath(target: Target, query: Record<string, string>) {
  return `/api/workspaces/${target.workspaceId}/runs?${new URLSearchParams(query)}`;
}

/** Every run of the agent, page by page. */
async function runsOf(target: Target, agentId: string): Promise<RunTimes[]> {
  const items: RunTimes[] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = { agent: agentId, limit: '200' };
    if (cursor) query.cursor = cursor;
    const page = await api(target.base, 'GET', runsPath(target, query), target.token);
    items.push(...(page.items as RunTimes[]));
    cursor = page.nextCursor as string | null;
  } while (cursor);
  return items;
}

async function anyRunIn(target: Target, agentId: string, status: string): Promise<boolean> {
  const page = await api(
    target.base,
    'GET',
    runsPath(target, { agent: agentId, status, limit: '1' }),
    target.token,
  );
  return (page.items as unknown[]).length > 0;
}

/** Every run of the agent, once none is queued or running (all calls were answered before). */
async function waitForRuns(target: Target, agentId: string) {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const [queued, running] = await Promise.all([
      anyRunIn(target, agentId, 'queued'),
      anyRunIn(target, agentId, 'running'),
    ]);
    if (!queued && !running) return runsOf(target, agentId);
    if (Date.now() > deadline) throw new Error('runs did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function quantiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (quantile: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0);
  return { p50: at(0.5), p99: at(0.99) };
}

/** `callCount` calls from `connections` callers at once: calls accepted and runs finished a second. */
async function throughput(target: Target) {
  const { agentId, path } = await noopHook(target, 'No-op throughput');
  let next = 0;
  const started = Date.now();
  const calls: Call[] = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < callCount) calls.push(await callHook(target.base, path, next++));
    }),
  );
  const acceptedSeconds = (Date.now() - started) / 1000;
  const runs = await waitForRuns(target, agentId);
  const failed = runs.filter((run) => run.status !== 'succeeded').length;
  if (runs.length !== callCount || failed > 0)
    throw new Error(`expected ${callCount} succeeded runs, got ${runs.length} (${failed} not succeeded)`);
  const lastFinished = Math.max(...runs.map((run) => Date.parse(run.finishedAt ?? '')));
  return {
    acceptedPerSecond: Math.round(callCount / acceptedSeconds),
    finishedPerSecond: Math.round(callCount / ((lastFinished - started) / 1000)),
    acceptedUnderLoad: quantiles(calls.map((call) => call.acceptedMilliseconds)),
  };
}

/** Calls paced at `rate` a second (an open loop: a slow answer does not delay the next call). */
async function latencyAt(target: Target, rate: number) {
  const { agentId, path } = await noopHook(target, 'No-op latency');
  const total = Math.max(20, Math.min(400, Math.round(rate * latencySeconds)));
  const started = performance.now();
  const pending: Promise<Call>[] = [];
  for (let index = 0; index < total; index++) {
    const wait = started + (index * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(callHook(target.base, path, index));
  }
  const calls = await Promise.all(pending);
  const runs = new Map((await waitForRuns(target, agentId)).map((run) => [run.id, run]));
  const toStart = calls.map((call) => Date.parse(runs.get(call.runId)?.startedAt ?? '') - call.sentAt);
  return {
    rate: Math.round(rate),
    calls: total,
    accepted: quantiles(calls.map((call) => call.acceptedMilliseconds)),
    started: quantiles(toStart),
  };
}

async function measure(
  database: string,
  deployment: string,
  start: () => Promise<{ base: string; processes: RunningProcess[] }>,
) {
  const { base, processes } = await start();
  try {
    const target = await signUp(base);
    // A few calls first, so that the measured ones find warm caches and connections.
    const warm = await noopHook(target, 'Warm-up');
    for (let index = 0; index < 20; index++) await callHook(base, warm.path, index);
    await waitForRuns(target, warm.agentId);
    const load = await throughput(target);
    const latency = await latencyAt(
      target,
      Math.max(1, Math.min(load.acceptedPerSecond, load.finishedPerSecond) / 2),
    );
    return { database, deployment, ...load, latency };
  } finally {
    await stopProcesses(processes);
  }
}

// The worker's operations port is picked by the system ('0') so a running Orca cannot block it.
const concurrency = { ORCA_WORKER_CONCURRENCY: String(workerConcurrency), ORCA_WORKER_HTTP_PORT: '0' };

async function startInOneProcess(args: string[]) {
  const port = nextPort++;
  const orca = await spawnOrca(['start', '--port', String(port), ...args], concurrency, 'is running');
  return { base: `http://127.0.0.1:${port}`, processes: [orca] };
}

const loadBefore = loadavg();
const results = [
  await withPostgresDatabase('webhooks', (url) =>
    measure('PostgreSQL', `orca start (API + ${workerConcurrency} workers)`, () =>
      startInOneProcess(['--database-url', url]),
    ),
  ),
  await withPostgresDatabase('webhooks', (url) =>
    measure('PostgreSQL', `orca serve + orca worker (× ${workerConcurrency})`, async () => {
      const port = nextPort++;
      const worker = await spawnOrca(['worker', '--database-url', url], concurrency, 'is running');
      const server = await spawnOrca(
        ['serve', '--database-url', url, '--port', String(port)],
        {},
        'is running',
      );
      return { base: `http://127.0.0.1:${port}`, processes: [server, worker] };
    }),
  ),
  await (async () => {
    const dataDirectory = mkdtempSync(join(tmpdir(), 'orca-bench-webhooks-'));
    try {
      return await measure('PGlite', `orca start (API + ${workerConcurrency} workers)`, () =>
        startInOneProcess(['--data-dir', dataDirectory]),
      );
    } finally {
      rmSync(dataDirectory, { recursive: true, force: true });
    }
  })(),
];
const loadAfter = loadavg();

console.log(
  [
    `${callCount} calls from ${connections} callers at once, then paced calls at half the sustained rate.`,
    `Load average (1 min) before: ${loadBefore[0]?.toFixed(2)}, after: ${loadAfter[0]?.toFixed(2)}.`,
    '',
    '| database | processes | calls accepted/s | runs finished/s | POST → 202 p50 / p99 ms (at calls/s) | POST → run started p50 / p99 ms | POST → 202 p50 / p99 ms under full load |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (row) =>
        `| ${row.database} | ${row.deployment} | ${row.acceptedPerSecond} | ${row.finishedPerSecond} | ` +
        `${row.latency.accepted.p50} / ${row.latency.accepted.p99} (${row.latency.rate}) | ` +
        `${row.latency.started.p50} / ${row.latency.started.p99} | ` +
        `${row.acceptedUnderLoad.p50} / ${row.acceptedUnderLoad.p99} |`,
    ),
  ].join('\n'),
);
console.log(JSON.stringify({ callCount, connections, loadBefore, loadAfter, results }));
process.exit(0);
