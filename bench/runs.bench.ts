// Run engine figures (issue 3, issue 17): throughput of no-op one-step runs next to raw pg-boss
// fetch-and-complete of no-op jobs on the same database with the same number of lanes, set up as
// a competent pg-boss user would for throughput (see `rawThroughput`), and next to the same pg-boss
// whose jobs keep the least record a durable run needs (see `recordedThroughput`); enqueue-to-start latency at
// half of saturation; PostgreSQL transactions per run and the workers' CPU milliseconds per run.
// On PostgreSQL with 1 and 4 `orca worker` processes; on PGlite in one process (it cannot be
// shared). Prints a Markdown table and JSON.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { fromPglite, PgBoss } from 'pg-boss';
import { loadConfig } from '../src/config.ts';
import { createPlatform, type Platform } from '../src/platform.ts';
import { openDatabase } from '../src/store/database.ts';
import { runs } from '../src/store/schema.ts';
import { processCpuMilliseconds } from './support/statement-counter.ts';

const orcaBin = join(import.meta.dirname, '../bin/orca.mjs');
const adminUrl = process.env.ORCA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const runCount = Number(process.env.ORCA_BENCH_RUNS ?? 400);
const concurrencyPerProcess = 4;
/** Jobs a raw pg-boss lane fetches at once. */
const rawBatchSize = 8;
const quiet = { info: () => undefined, error: () => undefined };
/** How each baseline lane fetches: batches, a full batch fetching again at once, quick polls. */
const laneOptions = {
  batchSize: rawBatchSize,
  burstWhenBatchFull: true,
  pollingIntervalSeconds: 0.5,
  notifyPollingIntervalSeconds: 1,
};

interface Fixture {
  platform: Platform;
  workspaceId: string;
  agentId: string;
}

async function fixture(platform: Platform): Promise<Fixture> {
  const request = async (method: string, path: string, token: string | undefined, body: unknown) => {
    const response = await platform.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, string>;
  };
  const signup = await request('POST', '/api/auth/signup', undefined, {
    email: `bench-${Date.now()}@example.com`,
    password: 'benchmark passphrase',
    name: 'Bench',
  });
  const workspace = await request('POST', '/api/workspaces', signup.token, { name: 'Bench' });
  const agent = await request('POST', `/api/workspaces/${workspace.id}/agents`, signup.token, {
    spec: { name: 'No-op', steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] },
  });
  return { platform, workspaceId: workspace.id as string, agentId: agent.id as string };
}

/** Inserts runs and queues them in two statements, returning their ids. */
async function enqueueRuns({ platform, workspaceId, agentId }: Fixture, count: number) {
  const rows = await platform.store.inWorkspace(workspaceId, (scope) =>
    scope.db
      .insert(runs)
      .values(
        Array.from({ length: count }, () => ({
          workspaceId,
          agentId,
          agentVersion: 1,
          trigger: 'manual' as const,
        })),
      )
      .returning({ id: runs.id }),
  );
  return rows.map((row) => row.id);
}

async function countFinished({ platform, workspaceId }: Fixture, ids: string[]) {
  const [row] = await platform.store.inWorkspace(workspaceId, (scope) =>
    scope.db
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(runs)
      .where(sql`${runs.id} in ${ids} and ${runs.status} = 'succeeded'`),
  );
  return row?.count ?? 0;
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function orcaThroughput(target: Fixture, enqueue: (ids: string[]) => Promise<void>) {
  const ids = await enqueueRuns(target, runCount);
  const started = performance.now();
  await enqueue(ids);
  await waitUntil(async () => (await countFinished(target, ids)) === ids.length);
  return runCount / ((performance.now() - started) / 1000);
}

/**
 * Raw pg-boss draining no-op jobs, set up for throughput as its documentation allows: one
 * `work()` per lane, each fetching a batch of jobs (with `burstWhenBatchFull`, a full batch makes
 * the lane fetch again at once) and asking for its next fetch the moment a batch is done
 * (`notifyWorker`), NOTIFY on the queue, and a pool with a connection per lane. Each job is still
 * handled on its own, as a run is.
 */
async function rawThroughput(boss: PgBoss, lanes: number) {
  const queue = `bench-raw-${lanes}-${Date.now()}`;
  await boss.createQueue(queue, { notify: true });
  let done = 0;
  for (let lane = 0; lane < lanes; lane++) {
    let laneId = '';
    laneId = await boss.work(queue, laneOptions, async (jobs) => {
      for (const _job of jobs) done++;
      boss.notifyWorker(laneId);
    });
  }
  const started = performance.now();
  await boss.insert(
    queue,
    Array.from({ length: runCount }, (_, index) => ({ data: { index } })),
  );
  await waitUntil(async () => done >= runCount);
  const perSecond = runCount / ((performance.now() - started) / 1000);
  await boss.offWork(queue, { wait: true });
  return perSecond;
}

/** Runs statements on the database under test: one client per lane, each in its own transactions. */
interface RecordDatabase {
  /** Runs the statements in order in one transaction; answers the first one's rows. */
  transaction(statements: { text: string; values: unknown[] }[]): Promise<unknown[]>;
  query(text: string, values?: unknown[]): Promise<unknown[]>;
}

function postgresRecords(pool: pg.Pool): RecordDatabase {
  return {
    async transaction(statements) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        let first: unknown[] | undefined;
        for (const statement of statements) {
          const result = await client.query(statement.text, statement.values);
          first ??= result.rows;
        }
        await client.query('commit');
        return first ?? [];
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    async query(text, values = []) {
      return (await pool.query(text, values)).rows;
    },
  };
}

function pgliteRecords(pglite: PGlite): RecordDatabase {
  return {
    transaction: (statements) =>
      pglite.transaction(async (transaction) => {
        let first: unknown[] | undefined;
        for (const statement of statements) {
          const result = await transaction.query(statement.text, statement.values);
          first ??= result.rows;
        }
        return first ?? [];
      }),
    async query(text, values = []) {
      return (await pglite.query(text, values)).rows;
    },
  };
}

/**
 * The same pg-boss setup as `rawThroughput`, whose jobs keep the least record of a run that a
 * competent user would build on pg-boss for what Orca gives: a row per run written before its job
 * is sent, marked running when a lane takes it (so a page can show it), and, in one transaction at
 * its end, its step's checkpoint and its result. No events, credits, limits or leases: what is left
 * of the gap to Orca is what those cost.
 */
async function recordedThroughput(boss: PgBoss, lanes: number, database: RecordDatabase) {
  await database.query(`create table if not exists bench_run_records (
    id uuid primary key default gen_random_uuid(), status text not null default 'queued',
    input jsonb, output jsonb, started_at timestamptz, finished_at timestamptz)`);
  await database.query(`create table if not exists bench_step_records (
    run_id uuid not null references bench_run_records(id), step_id text not null, status text not null,
    output jsonb, started_at timestamptz not null, finished_at timestamptz not null,
    primary key (run_id, step_id))`);
  const queue = `bench-recorded-${lanes}-${Date.now()}`;
  await boss.createQueue(queue, { notify: true });
  let done = 0;
  const handle = async (runId: string) => {
    const startedAt = new Date();
    await database.query(
      `update bench_run_records set status = 'running', started_at = $2 where id = $1 and status = 'queued'`,
      [runId, startedAt],
    );
    const output = JSON.stringify(1);
    await database.transaction([
      {
        text: `insert into bench_step_records (run_id, step_id, status, output, started_at, finished_at)
               values ($1, 'noop', 'succeeded', $2, $3, now())`,
        values: [runId, output, startedAt],
      },
      {
        text: `update bench_run_records set status = 'succeeded', output = $2, finished_at = now() where id = $1`,
        values: [runId, output],
      },
    ]);
    done++;
  };
  for (let lane = 0; lane < lanes; lane++) {
    let laneId = '';
    laneId = await boss.work<{ runId: string }>(queue, laneOptions, async (jobs) => {
      for (const job of jobs) await handle(job.data.runId);
      boss.notifyWorker(laneId);
    });
  }
  const rows = (await database.query(
    `insert into bench_run_records (input) select jsonb_build_object('index', n) from generate_series(1, $1) as n returning id`,
    [runCount],
  )) as { id: string }[];
  const started = performance.now();
  await boss.insert(
    queue,
    rows.map((row) => ({ data: { runId: row.id } })),
  );
  await waitUntil(async () => done >= runCount);
  const perSecond = runCount / ((performance.now() - started) / 1000);
  await boss.offWork(queue, { wait: true });
  return perSecond;
}

/** CPU milliseconds (user + system) a child process has used, from /proc. */
function childCpuMilliseconds(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name, in
  // clock ticks of 10 ms (USER_HZ is 100 on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Enqueues runs one at a time at half the measured rate for a while; start latency from the rows. */
async function latencyAtHalfSaturation(
  target: Fixture,
  perSecond: number,
  enqueue: (ids: string[]) => Promise<void>,
) {
  const rate = Math.max(1, perSecond / 2);
  const total = Math.min(400, Math.round(rate * 8));
  const ids: string[] = [];
  const started = performance.now();
  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const [id] = await enqueueRuns(target, 1);
    if (!id) throw new Error('no run id');
    ids.push(id);
    await enqueue([id]);
  }
  await waitUntil(async () => (await countFinished(target, ids)) === ids.length);
  const rows = await target.platform.store.inWorkspace(target.workspaceId, (scope) =>
    scope.db
      .select({
        milliseconds: sql<number>`extract(epoch from (${runs.startedAt} - ${runs.createdAt})) * 1000`.mapWith(
          Number,
        ),
      })
      .from(runs)
      .where(sql`${runs.id} in ${ids}`),
  );
  const sorted = rows.map((row) => row.milliseconds).sort((a, b) => a - b);
  const at = (quantile: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0);
  return { rate: Math.round(rate), p50: at(0.5), p99: at(0.99) };
}

async function committedTransactions(client: pg.Client, database: string) {
  const result = await client.query('select xact_commit from pg_stat_database where datname = $1', [
    database,
  ]);
  return Number(result.rows[0]?.xact_commit ?? 0);
}

function startWorkers(count: number, databaseUrl: string): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ChildProcess>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            [orcaBin, 'worker', '--concurrency', String(concurrencyPerProcess)],
            {
              // Each worker opens its own operations port; '0' lets the system pick a free one.
              env: { ...process.env, DATABASE_URL: databaseUrl, ORCA_WORKER_HTTP_PORT: '0' },
              stdio: ['ignore', 'pipe', 'inherit'],
            },
          );
          child.stdout?.on(
            'data',
            (chunk: Buffer) => chunk.toString().includes('is running') && resolve(child),
          );
          child.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
        }),
    ),
  );
}

async function stopWorkers(workers: ChildProcess[]) {
  await Promise.all(
    workers.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.removeAllListeners('exit');
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

async function postgresFigures() {
  const name = `orca_bench_runs_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const platform = await createPlatform(loadConfig({ databaseUrl }, {}), { workers: false, logger: quiet });
  const target = await fixture(platform);
  const enqueue = (ids: string[]) =>
    platform.runQueue.enqueueMany(ids.map((runId) => ({ workspaceId: target.workspaceId, runId })));
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    useListenNotify: true,
    // A connection per lane at the most lanes measured, as a competent setup would give them.
    max: 4 * concurrencyPerProcess + 2,
    queueCacheIntervalSeconds: 1,
  });
  boss.on('error', () => undefined);
  await boss.start();
  const recordPool = new pg.Pool({ connectionString: databaseUrl, max: 4 * concurrencyPerProcess + 2 });
  const figures: Record<string, unknown>[] = [];
  try {
    for (const processes of [1, 4]) {
      const concurrency = processes * concurrencyPerProcess;
      const raw = await rawThroughput(boss, concurrency);
      const recorded = await recordedThroughput(boss, concurrency, postgresRecords(recordPool));
      const workers = await startWorkers(processes, databaseUrl);
      const before = await committedTransactions(admin, name);
      const cpuBefore = workers.map(childCpuMilliseconds);
      const orca = await orcaThroughput(target, enqueue);
      const transactions = (await committedTransactions(admin, name)) - before;
      const workerCpu = workers.reduce(
        (sum, child, index) => sum + childCpuMilliseconds(child) - (cpuBefore[index] ?? 0),
        0,
      );
      const latency = await latencyAtHalfSaturation(target, orca, enqueue);
      await stopWorkers(workers);
      figures.push({
        database: 'PostgreSQL',
        workers: `${processes} process${processes > 1 ? 'es' : ''} × ${concurrencyPerProcess}`,
        orcaRunsPerSecond: Math.round(orca),
        rawJobsPerSecond: Math.round(raw),
        ratio: Number((orca / raw).toFixed(2)),
        recordedJobsPerSecond: Math.round(recorded),
        recordedRatio: Number((orca / recorded).toFixed(2)),
        latency,
        transactionsPerRun: Number((transactions / runCount).toFixed(1)),
        cpuMillisecondsPerRun: Number((workerCpu / runCount).toFixed(1)),
      });
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
    await recordPool.end();
    await platform.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return figures;
}

async function pgliteFigures() {
  const database = await openDatabase({ kind: 'pglite-memory' });
  const platform = await createPlatform(
    loadConfig({ workerConcurrency: String(concurrencyPerProcess) }, {}),
    {
      database,
      workers: true,
      logger: quiet,
    },
  );
  const target = await fixture(platform);
  const enqueue = (ids: string[]) =>
    platform.runQueue.enqueueMany(ids.map((runId) => ({ workspaceId: target.workspaceId, runId })));
  if (!database.pglite) throw new Error('expected PGlite');
  const boss = new PgBoss({
    db: fromPglite(database.pglite),
    backend: 'pglite',
    schema: 'pgboss',
    useListenNotify: true,
    queueCacheIntervalSeconds: 1,
  });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    const raw = await rawThroughput(boss, concurrencyPerProcess);
    const recorded = await recordedThroughput(boss, concurrencyPerProcess, pgliteRecords(database.pglite));
    const cpuBefore = processCpuMilliseconds();
    const orca = await orcaThroughput(target, enqueue);
    const cpu = processCpuMilliseconds() - cpuBefore;
    const latency = await latencyAtHalfSaturation(target, orca, enqueue);
    return {
      database: 'PGlite',
      workers: `in process × ${concurrencyPerProcess}`,
      orcaRunsPerSecond: Math.round(orca),
      rawJobsPerSecond: Math.round(raw),
      ratio: Number((orca / raw).toFixed(2)),
      recordedJobsPerSecond: Math.round(recorded),
      recordedRatio: Number((orca / recorded).toFixed(2)),
      latency,
      transactionsPerRun: null,
      // The whole process: the workers, PGlite, and this benchmark's polls for the finished count.
      cpuMillisecondsPerRun: Number((cpu / runCount).toFixed(1)),
    };
  } finally {
    await boss.stop({ graceful: false, close: false });
    await platform.close();
  }
}

const loadBefore = loadavg();
const results = [...(await postgresFigures()), await pgliteFigures()];
const loadAfter = loadavg();
console.log(
  [
    `${runCount} runs; raw pg-boss: ${rawBatchSize} jobs a fetch per lane, notifyWorker, burstWhenBatchFull.`,
    `Load average (1 min) before: ${loadBefore[0]?.toFixed(2)}, after: ${loadAfter[0]?.toFixed(2)}.`,
    '',
    `| database | workers | Orca runs/s | raw pg-boss jobs/s | ratio | pg-boss with a run record, jobs/s | ratio | start latency p50 / p99 ms (at runs/s) | transactions per run | CPU ms per run |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map((row) => {
      const latency = row.latency as { rate: number; p50: number; p99: number };
      return `| ${row.database} | ${row.workers} | ${row.orcaRunsPerSecond} | ${row.rawJobsPerSecond} | ${row.ratio} | ${row.recordedJobsPerSecond} | ${row.recordedRatio} | ${latency.p50} / ${latency.p99} (${latency.rate}) | ${row.transactionsPerRun ?? 'n/a'} | ${row.cpuMillisecondsPerRun} |`;
    }),
  ].join('\n'),
);
console.log(JSON.stringify({ runCount, rawBatchSize, loadBefore, loadAfter, results }));
process.exit(0);
