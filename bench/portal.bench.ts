// Portal figures (issue 5): the portal scenario's duration and per-step times (sign in with a
// one-time code, read two pages, download three files, remember them), with a worker in
// process on PGlite; and how many browser runs one worker holds at once on this machine, with
// the memory each browser context costs; and (part 2) the portal template on a 20-page listing of
// 200 files. Prints Markdown tables and JSON.
import { execFileSync } from 'node:child_process';
import { BrowserPool } from '../src/browser/browser-pool.ts';
import { loadConfig } from '../src/config.ts';
import { outboundPolicy } from '../src/network/outbound-policy.ts';
import { createPlatform } from '../src/platform.ts';
import { openDatabase } from '../src/store/database.ts';
import { startTestPortal } from '../test/support/test-portal.ts';
import { listingFigures } from './support/listing-figures.ts';

const account = {
  username: 'buyer@example.com',
  password: 'correct horse battery',
  totpSecret: 'JBSWY3DPEHPK3PXP',
};
const scenarioRuns = Number(process.env.ORCA_BENCH_PORTAL_RUNS ?? 5);
const quiet = { info: () => undefined, error: () => undefined };

function percentile(values: number[], share: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0);
}

/** Resident memory of every Chromium process, in MB. */
function chromiumMegabytes(): number {
  const output = execFileSync('ps', ['-C', 'chromium', '-o', 'rss=']).toString().trim();
  const kilobytes = output ? output.split('\n').reduce((sum, line) => sum + Number(line.trim() || 0), 0) : 0;
  return Math.round(kilobytes / 1024);
}

const portal = await startTestPortal(account);
const database = await openDatabase({ kind: 'pglite-memory' });
const platform = await createPlatform(
  loadConfig({ allowNetwork: '127.0.0.1', secretKey: 'ab'.repeat(32), workerConcurrency: '8' }, {}),
  {
    database,
    logger: quiet,
  },
);
const call = async (method: string, path: string, token?: string, body?: unknown) => {
  const response = await platform.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the benchmark reads answers loosely; the tests check their shapes.
  const answer = (await response.json().catch(() => ({}))) as Record<string, any>;
  if (response.status >= 400)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
};
const signup = await call('POST', '/api/auth/signup', undefined, {
  email: 'portal-figures@example.com',
  password: 'seven long tidal harbours',
  name: 'Bench',
});
const token = signup.token as string;
const ws = (await call('POST', '/api/workspaces', token, { name: 'Portal Bench' })).id as string;
await call('POST', `/api/workspaces/${ws}/connections`, token, {
  service: 'supplier-portal',
  kind: 'login',
  settings: { username: account.username, allowedHosts: [portal.host] },
  secret: { password: account.password, totpSecret: account.totpSecret },
});
const agent = await call('POST', `/api/workspaces/${ws}/agents`, token, {
  spec: {
    name: 'Invoice Collector',
    steps: [
      {
        id: 'login',
        tool: 'browser.login',
        with: { connection: 'supplier-portal', url: `${portal.url}/login` },
      },
      {
        id: 'pages',
        tool: 'browser.extract',
        with: {
          url: `${portal.url}/documents`,
          fields: { pages: { selector: '.pagination a', attribute: 'href', multiple: true } },
        },
      },
      {
        id: 'listing',
        tool: 'browser.extract',
        forEach: { items: 'steps.pages.fields.pages', as: 'page' },
        with: {
          url: '{{ page }}',
          records: {
            selector: 'tr.document',
            fields: { name: '.name', href: { selector: 'a', attribute: 'href' } },
          },
        },
      },
      {
        id: 'download',
        tool: 'browser.download',
        forEach: { items: 'steps.listing.records', as: 'document' },
        with: { url: '{{ document.href }}', name: '{{ document.name }}' },
      },
      {
        id: 'remember',
        tool: 'memory.write',
        with: { key: 'downloaded', scope: 'agent', value: '{{ [steps.listing.records.name] }}' },
      },
    ],
  },
});

async function runToEnd(agentId: string) {
  const started = await call('POST', `/api/workspaces/${ws}/agents/${agentId}/runs`, token, {});
  for (;;) {
    const run = await call('GET', `/api/workspaces/${ws}/runs/${started.id}`, token);
    if (['succeeded', 'failed', 'cancelled'].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const totals: number[] = [];
const stepTimes = new Map<string, number[]>();
for (let index = 0; index < scenarioRuns; index++) {
  const run = await runToEnd(agent.id);
  if (run.status !== 'succeeded') throw new Error(`scenario failed: ${JSON.stringify(run.error)}`);
  totals.push(new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime());
  for (const step of run.steps) stepTimes.set(step.id, [...(stepTimes.get(step.id) ?? []), step.durationMs]);
}

// Part 2: the portal template on a 20-page listing of 200 files (bench/support/listing-figures.ts).
const listing = await listingFigures({ call, ws, token, loginUrl: `${portal.url}/login`, runToEnd });

// Concurrency: N runs of a one-page agent started at once; the wall time until all ended.
const pageAgent = await call('POST', `/api/workspaces/${ws}/agents`, token, {
  spec: {
    name: 'Page Reader',
    steps: [
      {
        id: 'login',
        tool: 'browser.login',
        with: { connection: 'supplier-portal', url: `${portal.url}/login` },
      },
      {
        id: 'read',
        tool: 'browser.extract',
        with: {
          url: `${portal.url}/documents`,
          records: { selector: 'tr.document', fields: { name: '.name' } },
        },
      },
    ],
  },
});
const concurrency: { runs: number; seconds: number; runsPerMinute: number }[] = [];
for (const count of [1, 2, 4, 8]) {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: count }, () => runToEnd(pageAgent.id)));
  if (results.some((run) => run.status !== 'succeeded')) throw new Error('a concurrent run failed');
  const seconds = (performance.now() - started) / 1000;
  concurrency.push({
    runs: count,
    seconds: Math.round(seconds * 100) / 100,
    runsPerMinute: Math.round((count / seconds) * 60),
  });
}
await platform.close();

// Memory per browser context: contexts held open on one page each, Chromium's resident memory.
const pool = new BrowserPool(process.env.ORCA_CHROMIUM_PATH ?? '/usr/bin/chromium');
const network = outboundPolicy(['127.0.0.1']);
const first = await pool.session('warm-up', network);
await first.page.goto(`${portal.url}/login`);
const baseline = chromiumMegabytes();
const held = 10;
for (let index = 0; index < held; index++) {
  const session = await pool.session(`run-${index}`, network);
  await session.page.goto(`${portal.url}/login`);
}
const withContexts = chromiumMegabytes();
await pool.close();
await portal.close();

const perContext = Math.round(((withContexts - baseline) / held) * 10) / 10;
const steps = [...stepTimes.entries()].map(([id, times]) => ({
  id,
  p50: percentile(times, 0.5),
  max: Math.max(...times),
}));
console.log(`| portal scenario (${scenarioRuns} runs) | p50 ms | max ms |\n| --- | --- | --- |`);
console.log(`| whole run | ${percentile(totals, 0.5)} | ${Math.max(...totals)} |`);
for (const step of steps) console.log(`| ${step.id} | ${step.p50} | ${step.max} |`);
console.log('\n| browser runs at once (one worker) | wall seconds | runs per minute |\n| --- | --- | --- |');
for (const row of concurrency) console.log(`| ${row.runs} | ${row.seconds} | ${row.runsPerMinute} |`);
console.log(
  `\nChromium resident memory: ${baseline} MB with one context, ${withContexts} MB with ${held + 1}: about ${perContext} MB per context.`,
);
console.log(
  `\n| 20-page listing, 200 files (portal template) | ms |\n| --- | --- |\n| whole run | ${listing.runMs} |\n| listing step (browser.paginate) | ${listing.listingMs} |\n| per page | ${listing.perPageMs} |\n| download step | ${listing.downloadMs} |\n| per file | ${listing.perFileMs} |`,
);
console.log(
  `Chromium resident memory of this worker during that run: ${listing.chromiumMegabytes.before} MB before, ${listing.chromiumMegabytes.peak} MB at most, ${listing.chromiumMegabytes.after} MB after.`,
);
console.log(
  JSON.stringify({
    listing,
    scenarioRuns,
    totals,
    steps,
    concurrency,
    memory: { baseline, withContexts, held, perContext },
  }),
);
process.exit(0);
