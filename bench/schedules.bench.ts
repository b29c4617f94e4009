// Schedule punctuality (issue 6), on PostgreSQL with two `orca worker` processes: 50 schedules of
// one-step no-op agents (25 firing every 2 seconds, 25 every minute on the minute) for a while
// (ORCA_BENCH_SCHEDULE_SECONDS, 130 by default); then every schedule is disabled. Figures: lag of
// each occurrence (run created, and run started, after its time) p50/p99/max, duplicates,
// missed occurrences, and runs after disabling. Beside it, pg-boss's own cron on the same
// database: how late its jobs for a minute cron are created. Prints a Markdown table and JSON.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import { PgBoss } from 'pg-boss';
import { loadConfig } from '../src/config.ts';
import { createPlatform } from '../src/platform.ts';
import { withPostgresDatabase } from './support/postgres-database.ts';

const orcaBin = join(import.meta.dirname, '../bin/orca.mjs');
const seconds = Number(process.env.ORCA_BENCH_SCHEDULE_SECONDS ?? 130);
const quiet = { info: () => undefined, error: () => undefined };
const schedules = [
  ...Array.from({ length: 25 }, () => '*/2 * * * * *'),
  ...Array.from({ length: 25 }, () => '0 * * * * *'),
];

function percentile(values: number[], share: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0);
}

function startWorker(databaseUrl: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [orcaBin, 'worker', '--concurrency', '4'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('is running') && resolve(child));
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

function stopWorker(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

await withPostgresDatabase('schedules', async (databaseUrl) => {
  const platform = await createPlatform(loadConfig({ databaseUrl }, {}), { workers: false, logger: quiet });
  const request = async (method: string, path: string, token: string | undefined, body: unknown) => {
    const response = await platform.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, string>;
    if (response.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(answer)}`);
    return answer;
  };
  const signup = await request('POST', '/api/auth/signup', undefined, {
    email: 'schedules@example.com',
    password: 'benchmark passphrase',
    name: 'Bench',
  });
  const token = signup.token as string;
  const workspace = await request('POST', '/api/workspaces', token, { name: 'Schedules Bench' });
  const agentIds: string[] = [];
  for (const [index] of schedules.entries()) {
    const agent = await request('POST', `/api/workspaces/${workspace.id}/agents`, token, {
      spec: { name: `No-op ${index}`, steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] },
    });
    agentIds.push(agent.id as string);
  }

  const workers = [await startWorker(databaseUrl), await startWorker(databaseUrl)];

  // pg-boss's own cron beside ours: a minute cron whose jobs record when they were created.
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 2 });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue('bench-pgboss-cron');
  await boss.schedule('bench-pgboss-cron', '* * * * *', {}, { tz: 'UTC' });
  const pgBossLags: number[] = [];
  await boss.work(
    'bench-pgboss-cron',
    { pollingIntervalSeconds: 0.5, includeMetadata: true },
    async ([job]) => {
      const created = job
        ? new Date((job as unknown as { createdOn?: Date }).createdOn ?? Date.now())
        : new Date();
      const occurrence = new Date(created);
      occurrence.setUTCSeconds(0, 0);
      pgBossLags.push(created.getTime() - occurrence.getTime());
    },
  );

  const enabledAt = new Date();
  for (const [index, cron] of schedules.entries()) {
    await request('PUT', `/api/workspaces/${workspace.id}/agents/${agentIds[index]}/schedule`, token, {
      cron,
      timezone: 'UTC',
    });
  }
  const allEnabledAt = new Date();
  process.stderr.write(`50 schedules on; measuring for ${seconds} s\n`);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  await platform.database.drizzle.execute(sql`update schedules set enabled = false`);
  const disabledAt = new Date();
  // Long enough for any straggler to show: several occurrences of every 2-second schedule.
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  await Promise.all(workers.map(stopWorker));
  await boss.stop({ graceful: false, close: true });

  const rows = (
    (await platform.database.drizzle.execute(sql`
    select agent_id, scheduled_for, created_at, started_at from runs where trigger = 'schedule'
  `)) as unknown as {
      rows: { agent_id: string; scheduled_for: Date; created_at: Date; started_at: Date | null }[];
    }
  ).rows.map((row) => ({
    agentId: row.agent_id,
    scheduledFor: new Date(row.scheduled_for),
    createdAt: new Date(row.created_at),
    startedAt: row.started_at ? new Date(row.started_at) : null,
  }));

  const createLags = rows.map((row) => row.createdAt.getTime() - row.scheduledFor.getTime());
  const startLags = rows
    .filter((row) => row.startedAt)
    .map((row) => (row.startedAt as Date).getTime() - row.scheduledFor.getTime());
  const seen = new Set<string>();
  let duplicates = 0;
  for (const row of rows) {
    const key = `${row.agentId}@${row.scheduledFor.toISOString()}`;
    if (seen.has(key)) duplicates++;
    seen.add(key);
  }
  // Every occurrence after all schedules were on and at least 2 s before the disable must have a run.
  let expected = 0;
  let missed = 0;
  for (const [index, cron] of schedules.entries()) {
    const occurrences = new Cron(cron, { timezone: 'UTC', paused: true });
    for (
      let at = occurrences.nextRun(allEnabledAt);
      at && at.getTime() < disabledAt.getTime() - 2_000;
      at = occurrences.nextRun(at)
    ) {
      expected++;
      if (!seen.has(`${agentIds[index]}@${at.toISOString()}`)) missed++;
    }
  }
  const afterDisabling = rows.filter((row) => row.scheduledFor.getTime() > disabledAt.getTime()).length;
  const unstarted = rows.filter((row) => !row.startedAt).length;

  const figures = {
    date: new Date().toISOString().slice(0, 10),
    database: 'PostgreSQL',
    workers: '2 processes × 4',
    schedules: '25 every 2 s, 25 every minute',
    measuredSeconds: Math.round((disabledAt.getTime() - enabledAt.getTime()) / 1000),
    runs: rows.length,
    expectedOccurrences: expected,
    fireLagMs: {
      p50: percentile(createLags, 0.5),
      p99: percentile(createLags, 0.99),
      max: Math.max(...createLags),
    },
    startLagMs: {
      p50: percentile(startLags, 0.5),
      p99: percentile(startLags, 0.99),
      max: Math.max(...startLags),
    },
    duplicates,
    missed,
    runsAfterDisabling: afterDisabling,
    neverStarted: unstarted,
    pgBossCronLagMs: pgBossLags,
  };

  console.log(`
| database | workers | schedules | seconds | runs | fire lag p50 / p99 / max ms | start lag p50 / p99 / max ms | duplicates | missed | after disabling |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| ${figures.database} | ${figures.workers} | ${figures.schedules} | ${figures.measuredSeconds} | ${figures.runs} | ${figures.fireLagMs.p50} / ${figures.fireLagMs.p99} / ${figures.fireLagMs.max} | ${figures.startLagMs.p50} / ${figures.startLagMs.p99} / ${figures.startLagMs.max} | ${duplicates} | ${missed} of ${expected} | ${afterDisabling} |

pg-boss's own cron (a minute cron on the same database): jobs created ${pgBossLags.map((lag) => `${lag} ms`).join(', ') || 'none'} after their minute.
`);
  console.log(JSON.stringify(figures, null, 2));
  await platform.close();
});
