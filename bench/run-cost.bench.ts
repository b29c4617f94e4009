// What one webhook run costs Orca (issue 17): SQL statements sent and CPU milliseconds spent, from
// the hook call to the finished run, with a one-step no-op agent (a `transform` step). Orca runs in
// this process (API and 4 workers), so the drivers' query functions can be counted; on PGlite and
// on PostgreSQL. The background work of an idle Orca (queue polls, supervision, the sweeper, the
// scheduler) is measured first and taken off, so that the figures are per run. CPU is this
// process's only (on PostgreSQL the server's share is not in it). On a loaded machine that
// subtraction is rough, so the statements sent from inside the hook calls and the executions
// themselves are also counted apart (without the queue's fetch and completion of each job, two
// statements more). Prints a Markdown table and JSON.
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../src/config.ts';
import { createPlatform, type Platform } from '../src/platform.ts';
import { openDatabase } from '../src/store/database.ts';
import { withPostgresDatabase } from './support/postgres-database.ts';
import {
  attributed,
  countPgliteStatements,
  countPostgresStatements,
  processCpuMilliseconds,
  type StatementCounter,
} from './support/statement-counter.ts';

const callCount = Number(process.env.ORCA_BENCH_CALLS ?? 300);
const callers = 4;
const idleSeconds = 3;
const quiet = { info: () => undefined, error: () => undefined };

async function request(platform: Platform, method: string, path: string, token?: string, body?: unknown) {
  const response = await platform.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function noopHook(platform: Platform) {
  const signup = await request(platform, 'POST', '/api/auth/signup', undefined, {
    email: `bench-${Date.now()}@example.com`,
    password: 'benchmark passphrase',
    name: 'Bench',
  });
  const token = signup.token as string;
  const workspace = await request(platform, 'POST', '/api/workspaces', token, { name: 'Bench' });
  const agent = await request(platform, 'POST', `/api/workspaces/${workspace.id}/agents`, token, {
    spec: { name: 'No-op', steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] },
  });
  const hook = await request(
    platform,
    'POST',
    `/api/workspaces/${workspace.id}/agents/${agent.id}/hooks`,
    token,
    {
      mapping: '{"n": body.n}',
      ratePerMinute: 100_000,
    },
  );
  return new URL(hook.url as string).pathname;
}

/** Counts the runs the workers have executed, without a query of its own. */
function countExecutions(platform: Platform) {
  let executed = 0;
  const execute = platform.executor.execute.bind(platform.executor);
  platform.executor.execute = async (...args) => {
    try {
      return await attributed.run(true, () => execute(...args));
    } finally {
      executed++;
    }
  };
  return () => executed;
}

async function calls(platform: Platform, path: string, count: number, executed: () => number) {
  const target = executed() + count;
  let next = 0;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next < count) {
        const n = next++;
        await attributed.run(true, () => request(platform, 'POST', path, undefined, { n }));
      }
    }),
  );
  while (executed() < target) await sleep(20);
  // The job's completion follows the execution; let it land inside the measured window.
  await sleep(300);
}

async function measure(database: string, platform: Platform, counter: StatementCounter) {
  const executed = countExecutions(platform);
  const path = await noopHook(platform);
  await calls(platform, path, 20, executed);
  const idleStart = { statements: counter.count, cpu: processCpuMilliseconds(), at: performance.now() };
  await sleep(idleSeconds * 1000);
  const idleSecondsMeasured = (performance.now() - idleStart.at) / 1000;
  const idleStatementsPerSecond = (counter.count - idleStart.statements) / idleSecondsMeasured;
  const idleCpuPerSecond = (processCpuMilliseconds() - idleStart.cpu) / idleSecondsMeasured;
  const start = {
    statements: counter.count,
    attributed: counter.attributedCount,
    cpu: processCpuMilliseconds(),
    at: performance.now(),
  };
  await calls(platform, path, callCount, executed);
  const seconds = (performance.now() - start.at) / 1000;
  const statements = counter.count - start.statements - idleStatementsPerSecond * seconds;
  const cpu = processCpuMilliseconds() - start.cpu - idleCpuPerSecond * seconds;
  return {
    database,
    statementsPerRun: Number((statements / callCount).toFixed(1)),
    callAndExecutionStatementsPerRun: Number(
      ((counter.attributedCount - start.attributed) / callCount).toFixed(1),
    ),
    cpuMillisecondsPerRun: Number((cpu / callCount).toFixed(1)),
    idleStatementsPerSecond: Number(idleStatementsPerSecond.toFixed(1)),
    seconds: Number(seconds.toFixed(1)),
  };
}

async function pgliteFigures() {
  const database = await openDatabase({ kind: 'pglite-memory' });
  if (!database.pglite) throw new Error('expected PGlite');
  const counter = countPgliteStatements(database.pglite);
  const platform = await createPlatform(loadConfig({ workerConcurrency: '4' }, {}), {
    database,
    workers: true,
    logger: quiet,
  });
  try {
    return await measure('PGlite', platform, counter);
  } finally {
    await platform.close();
  }
}

async function postgresFigures() {
  return withPostgresDatabase('run_cost', async (url) => {
    const counter = countPostgresStatements();
    const platform = await createPlatform(loadConfig({ databaseUrl: url, workerConcurrency: '4' }, {}), {
      workers: true,
      logger: quiet,
    });
    try {
      return await measure('PostgreSQL', platform, counter);
    } finally {
      await platform.close();
    }
  });
}

const results = [await pgliteFigures(), await postgresFigures()];
console.log(
  [
    `${callCount} hook calls from ${callers} callers, each starting a one-step no-op run; idle background taken off.`,
    '',
    '| database | statements per webhook run | of which in the hook call and the execution | CPU ms per webhook run (this process) | idle statements/s |',
    '| --- | --- | --- | --- | --- |',
    ...results.map(
      (row) =>
        `| ${row.database} | ${row.statementsPerRun} | ${row.callAndExecutionStatementsPerRun} | ${row.cpuMillisecondsPerRun} | ${row.idleStatementsPerSecond} |`,
    ),
  ].join('\n'),
);
console.log(JSON.stringify({ callCount, results }));
process.exit(0);
