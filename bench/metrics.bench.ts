// What metrics cost (issue 17): API requests per second and no-op runs per second with metrics
// recorded, against the same platform with recording switched off (a Metrics whose recording
// methods do nothing), interleaved in one run so that the machine's load falls on both alike;
// plus the cost of one scrape. On an in-memory PGlite in one process. Prints a Markdown table.
import { loadConfig } from '../src/config.ts';
import { Metrics } from '../src/metrics/metrics.ts';
import { createPlatform } from '../src/platform.ts';
import { openDatabase } from '../src/store/database.ts';

const requests = Number(process.env.ORCA_BENCH_REQUESTS ?? 4000);
const runCount = Number(process.env.ORCA_BENCH_RUNS ?? 150);
const rounds = 3;
const quiet = { info: () => undefined, error: () => undefined };

/** Metrics that record nothing: the platform as it would be without them. */
class SilentMetrics extends Metrics {
  override httpRequest() {}
  override runFinished() {}
  override stepFinished() {}
}

async function platformWith(metrics: Metrics) {
  const config = loadConfig({ dataDirectory: '/nonexistent-bench', signUpsPerAddressPerHour: 100000 }, {});
  const database = await openDatabase({ kind: 'pglite-memory' });
  const platform = await createPlatform(config, { database, logger: quiet, metrics });
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await platform.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as Record<string, string>;
  };
  const signup = await call('POST', '/api/auth/signup', undefined, {
    email: 'bench@example.com',
    password: 'benchmark passphrase',
    name: 'Bench',
  });
  const workspace = await call('POST', '/api/workspaces', signup.token, { name: 'Bench' });
  const agent = await call('POST', `/api/workspaces/${workspace.id}/agents`, signup.token, {
    spec: { name: 'No-op', steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] },
  });
  return { platform, call, token: signup.token as string, workspaceId: workspace.id, agentId: agent.id };
}

type Fixture = Awaited<ReturnType<typeof platformWith>>;

/** Requests per second on a route that reads the database (the workspace, by id). */
async function requestRate({ call, token, workspaceId }: Fixture): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < requests; index++) await call('GET', `/api/workspaces/${workspaceId}`, token);
  return requests / ((performance.now() - started) / 1000);
}

/** No-op runs per second, started through the API and executed by the platform's workers. */
async function runRate({ call, token, workspaceId, agentId }: Fixture): Promise<number> {
  const started = performance.now();
  const ids: string[] = [];
  for (let index = 0; index < runCount; index++) {
    ids.push(
      (await call('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/runs`, token, { input: {} }))
        .id as string,
    );
  }
  for (const id of ids) {
    for (;;) {
      const run = await call('GET', `/api/workspaces/${workspaceId}/runs/${id}`, token);
      if (run.status === 'succeeded' || run.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return runCount / ((performance.now() - started) / 1000);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const on = await platformWith(new Metrics());
const off = await platformWith(new SilentMetrics());
const figures = {
  requestsOn: [] as number[],
  requestsOff: [] as number[],
  runsOn: [] as number[],
  runsOff: [] as number[],
};
for (let round = 0; round < rounds; round++) {
  figures.requestsOff.push(await requestRate(off));
  figures.requestsOn.push(await requestRate(on));
  figures.runsOff.push(await runRate(off));
  figures.runsOn.push(await runRate(on));
}
const scrapes: number[] = [];
for (let index = 0; index < 20; index++) {
  const started = performance.now();
  await on.platform.app.request('/metrics');
  scrapes.push(performance.now() - started);
}
const requestsOn = median(figures.requestsOn);
const requestsOff = median(figures.requestsOff);
const runsOn = median(figures.runsOn);
const runsOff = median(figures.runsOff);
const microseconds = (rateOn: number, rateOff: number) => ((1 / rateOn - 1 / rateOff) * 1e6).toFixed(0);
console.log(`| measure (median of ${rounds}, interleaved) | metrics off | metrics on | cost |`);
console.log('| --- | --- | --- | --- |');
console.log(
  `| GET /api/workspaces/:ws, requests/s (${requests} each) | ${requestsOff.toFixed(0)} | ${requestsOn.toFixed(0)} | ${microseconds(requestsOn, requestsOff)} µs per request |`,
);
console.log(
  `| no-op runs/s, API to succeeded (${runCount} each) | ${runsOff.toFixed(1)} | ${runsOn.toFixed(1)} | ${microseconds(runsOn, runsOff)} µs per run |`,
);
console.log(`| one scrape of /metrics (median of 20) | | ${median(scrapes).toFixed(1)} ms | |`);
console.log(JSON.stringify({ ...figures, scrapeMilliseconds: scrapes }));
await on.platform.close();
await off.platform.close();
