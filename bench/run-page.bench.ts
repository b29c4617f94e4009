// Time from a step finishing to it showing as done on an open run page (issue 12): a real Orca
// (PGlite, in this process, serving the built web app) and Debian's Chromium with the run page
// open on an agent of 50 short steps (`wait`, 50 ms each). The run's first step waits at a local
// gate until the page is open and following the stream, so every measured step finishes while
// the page watches. A MutationObserver in the page records, for each step row, the moment it
// first shows "done" (performance.timeOrigin + now, the machine's clock); the step's finishedAt
// comes from the database (the same clock). Prints a Markdown table and JSON.
// Needs `npm run build:web` first.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config.ts';
import { createPlatform, listen } from '../src/platform.ts';
import { openDatabase } from '../src/store/database.ts';
import { launchTestChromium } from '../test/support/test-chromium.ts';

const stepCount = Number(process.env.ORCA_BENCH_RUN_PAGE_STEPS ?? 50);
const stepMilliseconds = Number(process.env.ORCA_BENCH_RUN_PAGE_STEP_MS ?? 50);
const quiet = { info: () => undefined, error: () => undefined };

const held: ServerResponse[] = [];
const gate = createServer((request, response) => {
  request.resume();
  held.push(response.writeHead(200, { 'content-type': 'application/json' }));
});
await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
const gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}/gate`;

const database = await openDatabase({ kind: 'pglite-memory' });
const platform = await createPlatform(loadConfig({ port: '0', allowNetwork: '127.0.0.1' }, {}), {
  database,
  workers: true,
  logger: quiet,
});
const server = await listen(platform);

async function call(method: string, path: string, token: string | undefined, body?: unknown) {
  const response = await platform.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads response bodies loosely.
  return (await response.json()) as any;
}

const signup = await call('POST', '/api/auth/signup', undefined, {
  email: `bench-${Date.now()}@example.com`,
  password: 'benchmark passphrase',
  name: 'Bench',
});
const token = signup.token as string;
const workspace = await call('POST', '/api/workspaces', token, { name: 'Bench' });
const stepIds = Array.from({ length: stepCount }, (_, index) => `step${index + 1}`);
const agent = await call('POST', `/api/workspaces/${workspace.id}/agents`, token, {
  spec: {
    name: 'Fifty Steps',
    steps: [
      { id: 'gate', tool: 'http.request', with: { url: gateUrl, timeoutMs: 60_000 } },
      ...stepIds.map((id) => ({ id, tool: 'wait', with: { milliseconds: stepMilliseconds } })),
    ],
  },
});
const started = await call('POST', `/api/workspaces/${workspace.id}/agents/${agent.id}/runs`, token, {
  input: {},
});
const runId = started.id as string;

const browser = await launchTestChromium();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await context.addCookies([{ name: 'orca_session', value: token, url: server.url }]);
const page = await context.newPage();
await page.goto(`${server.url}/w/${workspace.slug}/runs/${runId}`);
await page.locator('[data-testid="step-row"][data-step-id="gate"][data-status="running"]').waitFor();
await page.getByText('Live', { exact: true }).waitFor();

// Recorded in the page: the first moment each step row shows "done".
// A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
await page.evaluate(`(() => {
  const seen = {};
  window.stepSeen = seen;
  const scan = () => {
    const now = performance.timeOrigin + performance.now();
    for (const row of document.querySelectorAll('[data-testid="step-row"][data-status="succeeded"]')) {
      const id = row.dataset.stepId;
      if (id && seen[id] === undefined) seen[id] = now;
    }
  };
  new MutationObserver(scan).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-status'],
  });
})()`);

for (const response of held.splice(0)) response.end('{"open":true}');
await page.getByTestId('run-status').locator('[data-status="succeeded"]').waitFor({ timeout: 120_000 });
await page
  .locator(`[data-testid="step-row"][data-step-id="${stepIds.at(-1)}"][data-status="succeeded"]`)
  .waitFor();
const seen = await page.evaluate(() => (window as unknown as { stepSeen: Record<string, number> }).stepSeen);
const run = await call('GET', `/api/workspaces/${workspace.id}/runs/${runId}`, token);

const latencies: number[] = [];
for (const step of run.steps as { id: string; finishedAt: string }[]) {
  if (!stepIds.includes(step.id)) continue;
  const shown = seen[step.id];
  if (shown === undefined) throw new Error(`step ${step.id} never showed as done`);
  latencies.push(shown - new Date(step.finishedAt).getTime());
}
latencies.sort((a, b) => a - b);
const percentile = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
const figures = {
  steps: latencies.length,
  stepMilliseconds,
  p50: Math.round(percentile(50)),
  p99: Math.round(percentile(99)),
  max: Math.round(latencies.at(-1) ?? NaN),
  min: Math.round(latencies[0] ?? NaN),
};

console.log('| steps | each step | p50 | p99 | min | max |');
console.log('|---|---|---|---|---|---|');
console.log(
  `| ${figures.steps} | wait ${stepMilliseconds} ms | ${figures.p50} ms | ${figures.p99} ms | ${figures.min} ms | ${figures.max} ms |`,
);
console.log(JSON.stringify(figures));

await context.close();
await browser.close();
await server.close();
await platform.close();
gate.closeAllConnections();
gate.close();
