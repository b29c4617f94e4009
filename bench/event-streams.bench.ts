// Issue 17: what idle event streams cost. Opens 100 run event streams on runs that never change
// and measures this process's CPU time (process.cpuUsage) and the database transactions over 20 s,
// twice: with streams re-reading every 250 ms (ORCA_STREAM_RECHECK_MS=250, what every stream did
// before the run-event seam: it polled at that pace) and with the default, where streams wake on
// run-event notices and re-check only as a safety net. On PostgreSQL (a fresh database on the
// test server) and on an in-memory PGlite. Prints a Markdown table and JSON.
//   ORCA_BENCH_STREAMS (100), ORCA_BENCH_SECONDS (20), ORCA_BENCH_DATABASES (postgres,pglite)
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createPlatform, type Platform } from '../src/platform.ts';
import { openDatabase } from '../src/store/database.ts';
import { insertRun } from '../src/store/run-repository.ts';
import { withPostgresDatabase } from './support/postgres-database.ts';

const streamCount = Number(process.env.ORCA_BENCH_STREAMS ?? 100);
const seconds = Number(process.env.ORCA_BENCH_SECONDS ?? 20);
const databases = (process.env.ORCA_BENCH_DATABASES ?? 'postgres,pglite').split(',');
const quiet = { info: () => undefined, error: () => undefined };
const secretKey = '5e'.repeat(32);

interface Figures {
  database: string;
  mode: string;
  streams: number;
  seconds: number;
  cpuMilliseconds: number;
  cpuPercentOfOneCore: number;
  transactions?: number;
}

async function request(platform: Platform, method: string, path: string, token?: string, body?: unknown) {
  const response = await platform.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as Record<string, string>;
}

/** Commits on the database so far (PostgreSQL's statistics; PGlite has none to read). */
async function committedTransactions(url: string | undefined): Promise<number | undefined> {
  if (!url) return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The statistics are sent every few hundred ms; clear the snapshot so this read is fresh.
    await client.query('select pg_stat_clear_snapshot()');
    const result = await client.query<{ commits: string }>(
      'select xact_commit as commits from pg_stat_database where datname = current_database()',
    );
    return Number(result.rows[0]?.commits);
  } finally {
    await client.end();
  }
}

async function measure(database: string, mode: string, open: () => Promise<Platform>): Promise<Figures> {
  const platform = await open();
  const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];
  try {
    const signup = await request(platform, 'POST', '/api/auth/signup', undefined, {
      email: `bench-${Date.now()}@example.com`,
      password: 'benchmark passphrase',
      name: 'Bench',
    });
    const workspace = await request(platform, 'POST', '/api/workspaces', signup.token, { name: 'Bench' });
    const workspaceId = workspace.id as string;
    const agent = await request(platform, 'POST', `/api/workspaces/${workspaceId}/agents`, signup.token, {
      spec: { name: 'Idle', steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] },
    });
    for (let index = 0; index < streamCount; index++) {
      // Never queued: the run stays as it is, and so does its stream.
      const run = await platform.store.inWorkspace(workspaceId, (scope) =>
        insertRun(scope, { agentId: agent.id as string, agentVersion: 1, input: {}, trigger: 'manual' }),
      );
      const response = await platform.app.request(`/api/workspaces/${workspaceId}/runs/${run.id}/events`, {
        headers: { authorization: `Bearer ${signup.token}` },
      });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      readers.push(reader);
      // Drain as a client would, so the streams never wait on back-pressure.
      void (async () => {
        while (!(await reader.read().catch(() => ({ done: true }))).done);
      })();
    }
    // Let the streams settle into their idle rhythm before measuring.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const transactionsBefore = await committedTransactions(platform.database.url);
    const cpuBefore = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const cpu = process.cpuUsage(cpuBefore);
    const transactionsAfter = await committedTransactions(platform.database.url);
    const cpuMilliseconds = Math.round((cpu.user + cpu.system) / 1000);
    return {
      database,
      mode,
      streams: streamCount,
      seconds,
      cpuMilliseconds,
      cpuPercentOfOneCore: Math.round((cpuMilliseconds / (seconds * 1000)) * 1000) / 10,
      transactions:
        transactionsBefore === undefined || transactionsAfter === undefined
          ? undefined
          : transactionsAfter - transactionsBefore,
    };
  } finally {
    for (const reader of readers) await reader.cancel().catch(() => undefined);
    await platform.close();
  }
}

const modes = [
  { mode: 'polling every 250 ms (before)', recheck: '250' },
  { mode: 'run-event notices (after)', recheck: undefined },
];

const results: Figures[] = [];
const report = (figures: Figures) => {
  results.push(figures);
  console.log(JSON.stringify(figures));
};
for (const database of databases) {
  for (const { mode, recheck } of modes) {
    const overrides = { secretKey, dataDirectory: '/nonexistent-bench-data', streamRecheckMs: recheck };
    if (database === 'postgres') {
      report(
        await withPostgresDatabase('streams', (url) =>
          measure(database, mode, async () =>
            createPlatform(loadConfig({ ...overrides, databaseUrl: url }, {}), {
              database: await openDatabase({ kind: 'postgres', url }),
              workers: false,
              logger: quiet,
            }),
          ),
        ),
      );
    } else {
      report(
        await measure(database, mode, async () =>
          createPlatform(loadConfig(overrides, {}), {
            database: await openDatabase({ kind: 'pglite-memory' }),
            workers: false,
            logger: quiet,
          }),
        ),
      );
    }
  }
}

console.log(`\n${streamCount} idle run event streams, ${seconds} s each:\n`);
console.log('| database | streams wake by | CPU of this process | % of one core | database commits |');
console.log('| --- | --- | --- | --- | --- |');
for (const figures of results) {
  console.log(
    `| ${figures.database} | ${figures.mode} | ${figures.cpuMilliseconds} ms | ${figures.cpuPercentOfOneCore} % | ${figures.transactions ?? 'n/a'} |`,
  );
}
console.log(`\n${JSON.stringify(results)}`);
