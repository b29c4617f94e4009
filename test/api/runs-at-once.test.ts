// A plan's maxRunsAtOnce: a workspace executes no more runs at once than its plan allows, however
// many workers are free; the others stay queued and start as places free up, none lost. A local
// page that answers slowly shows how many of the workspace's runs are executing at each moment.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForRunStatus } from '../support/run-waits.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let page: Server;
let pageUrl = '';
/** Requests the page is answering now, by workspace (the path names it), and the most at once. */
const inFlight = new Map<string, number>();
const mostAtOnce = new Map<string, number>();

const credits = {
  plans: [
    { name: 'single', monthlyAllowance: 100_000, maxRunsAtOnce: 1 },
    { name: 'roomy', monthlyAllowance: 100_000 },
  ],
  defaultPlan: 'single',
  prices: { toolStep: { default: 1 } },
};

beforeAll(async () => {
  page = createServer((request, response) => {
    const key = request.url ?? '/';
    const now = (inFlight.get(key) ?? 0) + 1;
    inFlight.set(key, now);
    mostAtOnce.set(key, Math.max(mostAtOnce.get(key) ?? 0, now));
    setTimeout(() => {
      inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
      response.end('slow answer');
    }, 400);
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  orca = await startTestPlatform({
    configOverrides: { credits: JSON.stringify(credits), allowNetwork: '127.0.0.1', workerConcurrency: '4' },
  });
  owner = await orca.signUp('Busy Owner');
});
afterAll(async () => {
  await orca.close();
  await new Promise((resolve) => page.close(resolve));
});

async function startThree(workspaceName: string, plan: string) {
  const workspace = (await orca.createWorkspace(owner, workspaceName)).id as string;
  const moved = await orca.request('PUT', `/api/workspaces/${workspace}/credits/plan`, {
    token: owner.token,
    body: { plan },
  });
  expect(moved.status, moved.text).toBe(200);
  const created = await orca.request('POST', `/api/workspaces/${workspace}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: 'Slow Reader',
        steps: [{ id: 'read', tool: 'http.request', with: { url: `${pageUrl}/${workspace}` } }],
      },
    },
  });
  expect(created.status, created.text).toBe(201);
  const runIds: string[] = [];
  for (let index = 0; index < 3; index++) {
    const started = await orca.request(
      'POST',
      `/api/workspaces/${workspace}/agents/${created.body.id}/runs`,
      {
        token: owner.token,
        body: { input: {} },
      },
    );
    expect(started.status, started.text).toBe(202);
    runIds.push(started.body.id);
  }
  return { workspace, runIds };
}

describe('runs at once', () => {
  it('executes one run at a time on a plan of one, with free workers, and finishes them all', async () => {
    const { workspace, runIds } = await startThree('One at a time', 'single');
    const first = await waitForRunStatus(orca, {
      workspace,
      runId: runIds[0] ?? '',
      token: owner.token,
      statuses: ['running', 'succeeded'],
    });
    expect(first.status).toMatch(/running|succeeded/);
    for (const runId of runIds) {
      const run = await waitForRunStatus(orca, { workspace, runId, token: owner.token, timeoutMs: 60_000 });
      expect(run.status).toBe('succeeded');
    }
    expect(mostAtOnce.get(`/${workspace}`)).toBe(1);
  });

  it('leaves a plan without the limit to run as many as the workers take', async () => {
    const { workspace, runIds } = await startThree('As many as free', 'roomy');
    for (const runId of runIds) {
      const run = await waitForRunStatus(orca, { workspace, runId, token: owner.token, timeoutMs: 60_000 });
      expect(run.status).toBe('succeeded');
    }
    expect(mostAtOnce.get(`/${workspace}`)).toBeGreaterThanOrEqual(1);
  });
});
