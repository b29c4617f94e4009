// Backpressure (issue 17): once more runs wait on the queue than ORCA_QUEUE_BACKLOG_LIMIT allows
// (set to 2 here), a manual start, a retry and a hook call are answered 503 queue_full with
// Retry-After, a schedule's occurrence and a chained run are recorded as failed runs saying why,
// and an agent call, which runs inline, is not the queue's business. The platform has no workers,
// so the queued runs stay queued; the backlog is pg-boss's count, refreshed by its monitor.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Scheduler } from '../../src/triggers/scheduler.ts';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;
let first: string;
let second: string;
let parentRunId: string;
const quiet = { info: () => undefined, error: () => undefined };

async function createAgent(name: string) {
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: { spec: { name, steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] } },
  });
  if (response.status !== 201) throw new Error(response.text);
  return response.body.id as string;
}

const startRun = (agentId: string) =>
  orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/runs`, {
    token: owner.token,
    body: { input: {} },
  });

async function runsOf(agentId: string) {
  const response = await orca.request('GET', `/api/workspaces/${workspaceId}/runs?agent=${agentId}`, {
    token: owner.token,
  });
  return response.body.items as {
    id: string;
    status: string;
    trigger: string;
    error: { code: string } | null;
  }[];
}

beforeAll(async () => {
  orca = await startTestPlatform({
    configOverrides: { queueBacklogLimit: '2', queueWorkspaceBacklogLimit: '100' },
    workers: false,
  });
  owner = await orca.signUp('Backlog Owner');
  workspaceId = (await orca.createWorkspace(owner, 'Backlog Inc')).id;
  first = await createAgent('First');
  second = await createAgent('Second');
  const chained = await orca.request('POST', `/api/workspaces/${workspaceId}/chains`, {
    token: owner.token,
    body: { fromAgentId: first, toAgentId: second },
  });
  expect(chained.status).toBe(201);
  const starts = [await startRun(first), await startRun(first), await startRun(first)];
  expect(starts.map((start) => start.status)).toEqual([202, 202, 202]);
  parentRunId = starts[0]?.body.id;
  // pg-boss's monitor counts the queue every few seconds, and the gauge reads that count.
  await vi.waitFor(() => expect(orca.platform.runQueue.backlogOverLimit()).toBeDefined(), {
    timeout: 30_000,
    interval: 200,
  });
});
afterAll(async () => {
  await orca.close();
});

describe('a queue over its backlog limit', () => {
  it('answers a manual start 503 queue_full with Retry-After, and starts nothing', async () => {
    const refused = await startRun(second);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.body.error.code).toBe('queue_full');
    expect(refused.body.error.message).toContain('ORCA_QUEUE_BACKLOG_LIMIT');
    expect(await runsOf(second)).toEqual([]);
  });

  it('answers a hook call 503 queue_full and shows it among the hook’s calls', async () => {
    const hook = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${second}/hooks`, {
      token: owner.token,
      body: {},
    });
    expect(hook.status).toBe(201);
    const called = await orca.request('POST', new URL(hook.body.url).pathname, { body: { n: 1 } });
    expect(called.status).toBe(503);
    expect(called.headers.get('retry-after')).toBe('30');
    expect(called.body.error.code).toBe('queue_full');
    const recorded = await selectRows<{ outcome: string; refusal: string; status: number }>(
      orca.platform,
      sql`select outcome, refusal, status from hook_calls where hook_id = ${hook.body.id}`,
    );
    expect(recorded).toEqual([{ outcome: 'refused', refusal: 'queue_full', status: 503 }]);
    expect(await runsOf(second)).toEqual([]);
  });

  it('records a schedule’s occurrence as a failed run saying why, and moves the schedule on', async () => {
    const saved = await orca.request('PUT', `/api/workspaces/${workspaceId}/agents/${second}/schedule`, {
      token: owner.token,
      body: { cron: '0 8 * * *', timezone: 'UTC' },
    });
    expect(saved.status).toBe(200);
    const due = new Date(Date.now() - 1000);
    await selectRows(
      orca.platform,
      sql`update schedules set next_fire_at = ${due.toISOString()} where agent_id = ${second} returning id`,
    );
    const scheduler = new Scheduler({
      store: orca.platform.store,
      runQueue: orca.platform.runQueue,
      logger: quiet,
    });
    expect(await scheduler.fireDue()).toBe(0);
    const [run] = await runsOf(second);
    expect(run).toMatchObject({ trigger: 'schedule', status: 'failed', error: { code: 'queue_full' } });
    const [schedule] = await selectRows<{ next: Date }>(
      orca.platform,
      sql`select next_fire_at as next from schedules where agent_id = ${second}`,
    );
    expect(new Date(schedule?.next ?? 0).getTime()).toBeGreaterThan(Date.now());
  });

  it('records a chained run as failed saying why, and refuses to retry it while the queue is full', async () => {
    await orca.platform.executor.execute(workspaceId, parentRunId);
    const chained = (await runsOf(second)).find((run) => run.trigger === 'chain');
    expect(chained).toMatchObject({ status: 'failed', error: { code: 'queue_full' } });
    const retried = await orca.request('POST', `/api/workspaces/${workspaceId}/runs/${chained?.id}/retry`, {
      token: owner.token,
      body: {},
    });
    expect(retried.status).toBe(503);
    expect(retried.body.error.code).toBe('queue_full');
  });
});
