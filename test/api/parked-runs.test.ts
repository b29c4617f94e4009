// Parking (decision 0038): a queued run whose workspace already runs its plan's maxRunsAtOnce waits
// parked, without a queue job, and the ending of the run that holds the place queues it at once.
// The safety re-check is set to a day here, so only the wake-up can start a parked run promptly.
// A local page holds each run's request until the test lets it go, so the test decides when the
// running run ends; the executor's calls are counted by run, and pg-boss's jobs read by run id.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { waitForRunStatus } from '../support/run-waits.ts';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let gateUrl = '';
const closeGate: (() => Promise<void>)[] = [];
/** Requests the gate holds, and how many arrived, by path (one path per workspace). */
const held = new Map<string, ServerResponse[]>();
const arrived = new Map<string, number>();
const arrivalWaiters: { path: string; count: number; resolve: () => void }[] = [];
/** The executor's calls, by run id. */
const executions = new Map<string, number>();

const credits = {
  plans: [
    { name: 'single', monthlyAllowance: 100_000, maxRunsAtOnce: 1 },
    { name: 'roomy', monthlyAllowance: 100_000 },
  ],
  defaultPlan: 'single',
  prices: { toolStep: { default: 1 } },
};

/** Resolves once `count` requests have arrived at `path`. */
function arrivals(path: string, count: number): Promise<void> {
  if ((arrived.get(path) ?? 0) >= count) return Promise.resolve();
  return new Promise((resolve) => arrivalWaiters.push({ path, count, resolve }));
}

/** Answers every request the gate holds on `path`. */
function release(path: string) {
  for (const response of held.get(path)?.splice(0) ?? []) response.end('let through');
}

beforeAll(async () => {
  const gate = createServer((request, response) => {
    const path = request.url ?? '/';
    held.set(path, [...(held.get(path) ?? []), response]);
    arrived.set(path, (arrived.get(path) ?? 0) + 1);
    for (const waiter of [...arrivalWaiters]) {
      if (waiter.path === path && (arrived.get(path) ?? 0) >= waiter.count) {
        arrivalWaiters.splice(arrivalWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
  gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`;
  closeGate.push(async () => {
    for (const path of held.keys()) release(path);
    await new Promise((resolve) => gate.close(resolve));
  });
  orca = await startTestPlatform({
    configOverrides: {
      credits: JSON.stringify(credits),
      allowNetwork: '127.0.0.1',
      workerConcurrency: '4',
      parkedRunRecheckSeconds: '86400',
    },
  });
  const execute = orca.platform.executor.execute.bind(orca.platform.executor);
  orca.platform.executor.execute = (workspaceId, runId, options) => {
    executions.set(runId, (executions.get(runId) ?? 0) + 1);
    return execute(workspaceId, runId, options);
  };
  owner = await orca.signUp('Parking Owner');
});
afterAll(async () => {
  await orca.close();
  for (const close of closeGate) await close();
});

async function gatedWorkspace(name: string) {
  const workspace = (await orca.createWorkspace(owner, name)).id as string;
  const path = `/${workspace}`;
  const created = await orca.request('POST', `/api/workspaces/${workspace}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: 'Gated Reader',
        steps: [{ id: 'read', tool: 'http.request', with: { url: `${gateUrl}${path}` } }],
      },
    },
  });
  expect(created.status, created.text).toBe(201);
  const start = async () => {
    const started = await orca.request(
      'POST',
      `/api/workspaces/${workspace}/agents/${created.body.id}/runs`,
      { token: owner.token, body: { input: {} } },
    );
    expect(started.status, started.text).toBe(202);
    return started.body.id as string;
  };
  /** Waits for the run to reach one of `statuses` (an end by default), and says which. */
  const statusOf = async (runId: string, statuses?: string[]) =>
    (
      await waitForRunStatus(orca, {
        workspace,
        runId,
        token: owner.token,
        ...(statuses ? { statuses } : {}),
      })
    ).status;
  const cancel = async (runId: string) => {
    const cancelled = await orca.request('POST', `/api/workspaces/${workspace}/runs/${runId}/cancel`, {
      token: owner.token,
      body: {},
    });
    expect(cancelled.status, cancelled.text).toBe(202);
  };
  return { workspace, path, start, statusOf, cancel };
}

/**
 * A gated workspace whose first run holds the plan's one place (it has reached the gate), and
 * `parkedCount` runs started after it, each waiting parked without a job before the next starts.
 */
async function oneRunningAndParked(name: string, parkedCount: number) {
  const gated = await gatedWorkspace(name);
  const running = await gated.start();
  await arrivals(gated.path, 1);
  const parked: string[] = [];
  for (let index = 0; index < parkedCount; index++) {
    const runId = await gated.start();
    await waitUntilParkedWithoutJob(runId);
    parked.push(runId);
  }
  return { ...gated, running, parked };
}

/** The run's pg-boss jobs: all of them (finished ones are kept an hour), and those still live. */
async function jobsOf(runId: string) {
  const [row] = await selectRows<{ all: number; live: number }>(
    orca.platform,
    sql`select count(*)::int as "all",
               (count(*) filter (where state in ('created', 'retry', 'active')))::int as live
        from pgboss.job where name = 'orca-run' and data->>'runId' = ${runId}`,
  );
  return row ?? { all: 0, live: 0 };
}

async function parkingOf(runId: string) {
  const [row] = await selectRows<{ status: string; parked: boolean }>(
    orca.platform,
    sql`select status, parked_at is not null as parked from runs where id = ${runId}`,
  );
  return row;
}

/** Waits until the run is parked and the job that found it so is done: no job is left for it. */
async function waitUntilParkedWithoutJob(runId: string) {
  await vi.waitFor(
    async () => {
      expect(await parkingOf(runId)).toMatchObject({ status: 'queued', parked: true });
      expect((await jobsOf(runId)).live).toBe(0);
    },
    { timeout: 30_000, interval: 100 },
  );
}

describe('runs parked by the plan’s limit of runs at once', () => {
  it('wait without a queue job, and the one waiting starts when the running one ends', async () => {
    const {
      path,
      statusOf,
      running: first,
      parked: [second = ''],
    } = await oneRunningAndParked('Parking Lot', 1);
    // Parked, it has the one job that found no place, finished; none is sent again meanwhile.
    expect(await jobsOf(second)).toEqual({ all: 1, live: 0 });
    expect(executions.get(second)).toBe(1);

    release(path);
    await arrivals(path, 2);
    release(path);
    for (const runId of [first, second]) expect(await statusOf(runId)).toBe('succeeded');
    // Once parked, once woken by the first run's end: no job bounced in between.
    expect(await jobsOf(second)).toEqual({ all: 2, live: 0 });
    expect(executions.get(second)).toBe(2);
    expect(executions.get(first)).toBe(1);
    expect(await parkingOf(second)).toMatchObject({ status: 'succeeded', parked: false });
  });

  it('wakes the oldest parked run first, one for each place that frees up', async () => {
    const {
      path,
      statusOf,
      running: first,
      parked: [second = '', third = ''],
    } = await oneRunningAndParked('Queue In Order', 2);

    release(path);
    await arrivals(path, 2);
    // The second run holds the place now; the third is still parked, without a job.
    expect(await parkingOf(third)).toMatchObject({ status: 'queued', parked: true });
    expect((await jobsOf(third)).live).toBe(0);
    expect(await statusOf(second, ['running'])).toBe('running');

    release(path);
    await arrivals(path, 3);
    release(path);
    for (const runId of [first, second, third]) expect(await statusOf(runId)).toBe('succeeded');
    expect(await jobsOf(third)).toEqual({ all: 2, live: 0 });
    expect(executions.get(third)).toBe(2);
  });

  it('are taken back by the re-check when the plan’s limit is raised, and left parked while there is no room', async () => {
    const {
      workspace,
      path,
      statusOf,
      running: first,
      parked: [second = ''],
    } = await oneRunningAndParked('Growing Team', 1);
    const recheck = orca.platform.parkedRunRecheck;
    if (!recheck) throw new Error('a platform with workers re-checks parked runs');

    // No room: the re-check sends nothing (a run parked this long is looked at).
    expect(await recheck.recheck(0)).toEqual([]);
    expect(await jobsOf(second)).toEqual({ all: 1, live: 0 });

    const moved = await orca.request('PUT', `/api/workspaces/${workspace}/credits/plan`, {
      token: owner.token,
      body: { plan: 'roomy' },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(await recheck.recheck(0)).toEqual([second]);
    // Both at once now: the second run reaches the page while the first is still held there.
    await arrivals(path, 2);
    expect(await statusOf(first, ['running'])).toBe('running');
    release(path);
    for (const runId of [first, second]) expect(await statusOf(runId)).toBe('succeeded');
  });

  it('are neither woken nor counted once cancelled, and a cancel of the running run wakes the next', async () => {
    const {
      path,
      statusOf,
      cancel,
      running: first,
      parked: [second = '', third = ''],
    } = await oneRunningAndParked('Change Of Mind', 2);

    await cancel(second);
    await cancel(first);
    expect(await statusOf(first)).toBe('cancelled');
    // The cancelled parked run is passed over: the third takes the place.
    await arrivals(path, 2);
    release(path);
    expect(await statusOf(third)).toBe('succeeded');
    expect(await statusOf(second)).toBe('cancelled');
    expect(executions.get(second)).toBe(1);
    expect(await jobsOf(second)).toEqual({ all: 1, live: 0 });
  });
});
