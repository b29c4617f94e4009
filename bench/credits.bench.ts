// Credits figures (issue 16): 200 run starts racing through the API for a balance that covers
// exactly 50 (how many start, how many get 402, and whether the ledger still sums to the balance),
// and what metering adds to one run: admission with its reservation next to the same insert and
// queue job without one, and the settlement a run's end writes. On PGlite and PostgreSQL, with no
// workers (runs stay queued, so only admission is measured). Prints a Markdown table and JSON.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createPlatform, type Platform } from '../src/platform.ts';
import { startRun } from '../src/runtime/run-starter.ts';
import { sumOfEntries } from '../src/store/credit-repository.ts';
import { openDatabase } from '../src/store/database.ts';
import { finishRun, insertRun } from '../src/store/run-repository.ts';
import { withPostgresDatabase } from './support/postgres-database.ts';

const starts = Number(process.env.ORCA_BENCH_CREDIT_STARTS ?? 200);
const covered = Number(process.env.ORCA_BENCH_CREDIT_COVERED ?? 50);
const samples = Number(process.env.ORCA_BENCH_CREDIT_SAMPLES ?? 200);
const quiet = { info: () => undefined, error: () => undefined };
// One transform step costs 2 credits: the estimate and the charge are the same.
const credits = JSON.stringify({ prices: { toolStep: { default: 1, byTool: { transform: 2 } } } });

async function api(
  platform: Platform,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
) {
  const response = await platform.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function measure(label: string, platform: Platform) {
  const signup = await api(platform, 'POST', '/api/auth/signup', undefined, {
    email: `bench-${Date.now()}@example.com`,
    password: 'benchmark passphrase',
    name: 'Bench',
  });
  const token = signup.body.token as string;
  const workspace = await api(platform, 'POST', '/api/workspaces', token, { name: 'Bench' });
  const workspaceId = workspace.body.id as string;
  const agent = await api(platform, 'POST', `/api/workspaces/${workspaceId}/agents`, token, {
    spec: { name: 'Counter', steps: [{ id: 'count', tool: 'transform', with: { expression: '1' } }] },
  });
  const agentId = agent.body.id as string;
  const credit = await api(platform, 'GET', `/api/workspaces/${workspaceId}/credits`, token);
  await api(platform, 'POST', `/api/workspaces/${workspaceId}/credits/adjustments`, token, {
    amount: covered * 2 - Number(credit.body.balance),
    note: 'bench',
  });

  const raceStarted = performance.now();
  const answers = await Promise.all(
    Array.from({ length: starts }, () =>
      api(platform, 'POST', `/api/workspaces/${workspaceId}/agents/${agentId}/runs`, token, { input: {} }),
    ),
  );
  const raceMs = performance.now() - raceStarted;
  const after = await api(platform, 'GET', `/api/workspaces/${workspaceId}/credits`, token);
  const sum = await platform.store.inWorkspace(workspaceId, sumOfEntries);

  // Metering per run: admission with a reservation, then the end with its settlement, against
  // the same insert and queue job and the same end for a run that holds no reservation.
  await api(platform, 'POST', `/api/workspaces/${workspaceId}/credits/topups`, token, {
    amount: samples * 4,
  });
  const { store, runQueue } = platform;
  const metered: string[] = [];
  let started = performance.now();
  for (let index = 0; index < samples; index++) {
    const start = await store.inWorkspace(workspaceId, (scope) =>
      startRun(scope, runQueue, { agent: { id: agentId }, input: {}, origin: { trigger: 'manual' } }),
    );
    if (start.outcome === 'started') metered.push(start.run.id);
  }
  const admitMetered = (performance.now() - started) / samples;
  const plain: string[] = [];
  started = performance.now();
  for (let index = 0; index < samples; index++) {
    const run = await store.inWorkspace(workspaceId, async (scope) => {
      const inserted = await insertRun(scope, { agentId, agentVersion: 1, input: {}, trigger: 'manual' });
      await runQueue.enqueueInTransaction(scope.db, [{ workspaceId, runId: inserted.id, generation: 0 }]);
      return inserted;
    });
    plain.push(run.id);
  }
  const admitPlain = (performance.now() - started) / samples;
  started = performance.now();
  for (const runId of metered) {
    await store.inWorkspace(workspaceId, (scope) => finishRun(scope, runId, { status: 'cancelled' }));
  }
  const endMetered = (performance.now() - started) / metered.length;
  started = performance.now();
  for (const runId of plain) {
    await store.inWorkspace(workspaceId, (scope) => finishRun(scope, runId, { status: 'cancelled' }));
  }
  const endPlain = (performance.now() - started) / plain.length;
  const final = await api(platform, 'GET', `/api/workspaces/${workspaceId}/credits`, token);
  const finalSum = await platform.store.inWorkspace(workspaceId, sumOfEntries);

  return {
    database: label,
    starts,
    started: answers.filter((answer) => answer.status === 202).length,
    refused402: answers.filter((answer) => answer.status === 402).length,
    other: answers.filter((answer) => answer.status !== 202 && answer.status !== 402).length,
    raceMs: Math.round(raceMs),
    balanceAfterRace: Number(after.body.balance),
    ledgerSumAfterRace: sum,
    admitMeteredMs: Number(admitMetered.toFixed(2)),
    admitPlainMs: Number(admitPlain.toFixed(2)),
    endMeteredMs: Number(endMetered.toFixed(2)),
    endPlainMs: Number(endPlain.toFixed(2)),
    balanceAtEnd: Number(final.body.balance),
    ledgerSumAtEnd: finalSum,
  };
}

async function onPglite() {
  const directory = await mkdtemp(join(tmpdir(), 'orca-bench-credits-'));
  try {
    const config = loadConfig({ dataDirectory: directory, credits }, {});
    const database = await openDatabase({ kind: 'pglite', dataDirectory: directory });
    const platform = await createPlatform(config, { database, workers: false, logger: quiet });
    try {
      return await measure('PGlite', platform);
    } finally {
      await platform.close();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function onPostgres() {
  return withPostgresDatabase('credits', async (url) => {
    const directory = await mkdtemp(join(tmpdir(), 'orca-bench-credits-'));
    const config = loadConfig({ dataDirectory: directory, databaseUrl: url, credits }, {});
    const platform = await createPlatform(config, { workers: false, logger: quiet });
    try {
      return await measure('PostgreSQL', platform);
    } finally {
      await platform.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
}

const results = [await onPglite(), await onPostgres()];
console.log(
  `\n| database | starts | started | 402 | other | race ms | balance | ledger sum | admit ms (metered / plain) | end ms (metered / plain) |`,
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of results) {
  console.log(
    `| ${row.database} | ${row.starts} | ${row.started} | ${row.refused402} | ${row.other} | ${row.raceMs} | ${row.balanceAfterRace} | ${row.ledgerSumAfterRace} | ${row.admitMeteredMs} / ${row.admitPlainMs} | ${row.endMeteredMs} / ${row.endPlainMs} |`,
  );
}
console.log(
  '\nStatements metering adds (read from the code): admission +4 (lock the balance with the price book, insert the entries, insert the charge, update the balance; +2 the first time a workspace is seen, +1 or 2 a budget); the end +6 (claim the settlement, read the steps, lock, entries, balance, charge), +1 for a run never reserved.',
);
console.log(JSON.stringify(results, null, 2));
