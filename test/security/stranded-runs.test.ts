// A run is never stranded `queued` without a queue job: every trigger inserts the run and queues
// its job in one transaction (a queue that fails leaves no run behind), the sweeper queues again a
// run that lost its job anyway (once, however many workers sweep), and every trigger admits runs
// through the one run starter, so they all refuse alike.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunQueue } from '../../src/queue/run-queue.ts';
import { insertRun } from '../../src/store/run-repository.ts';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Stranded Owner');
  workspaceId = (await orca.createWorkspace(owner, 'Stranded Inc')).id;
});
afterAll(async () => {
  await orca.close();
});

let counter = 0;
async function createAgent(options: { expression?: string; steps?: unknown[] } = {}) {
  const name = `Sweepable ${++counter}`;
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name,
        steps: options.steps ?? [
          { id: 'work', tool: 'transform', with: { expression: options.expression ?? '"done"' } },
        ],
      },
    },
  });
  if (response.status !== 201) throw new Error(response.text);
  return { id: response.body.id as string, name };
}

const api = (path: string) => `/api/workspaces/${workspaceId}${path}`;

function startRun(agentId: string) {
  return orca.request('POST', api(`/agents/${agentId}/runs`), { token: owner.token, body: { input: {} } });
}

async function runsOf(agentId: string) {
  return selectRows<{ id: string; status: string; retry_count: number }>(
    orca.platform,
    sql`select id, status, retry_count from runs where agent_id = ${agentId} order by created_at`,
  );
}

async function jobsOf(runId: string) {
  return selectRows<{ state: string }>(
    orca.platform,
    sql`select state from pgboss.job where name = 'orca-run' and data->>'runId' = ${runId}`,
  );
}

async function finished(runId: string) {
  let status = '';
  await expect
    .poll(
      async () => {
        const response = await orca.request('GET', api(`/runs/${runId}`), { token: owner.token });
        status = response.body.status;
        return ['succeeded', 'failed', 'cancelled'].includes(status);
      },
      { timeout: 20_000, interval: 50 },
    )
    .toBe(true);
  return status;
}

/** Makes every way of queueing fail while `work` runs, as a crash before the job is written would. */
async function withQueueDown<T>(work: () => Promise<T>): Promise<T> {
  const queue: RunQueue = orca.platform.runQueue;
  const saved = { ...queue };
  const down = async () => {
    throw new Error('the queue is down');
  };
  Object.assign(queue, { enqueue: down, enqueueAt: down, enqueueMany: down, enqueueInTransaction: down });
  try {
    return await work();
  } finally {
    Object.assign(queue, saved);
  }
}

async function say(text: string) {
  const response = await orca.request('POST', api('/orchestrator/messages'), {
    token: owner.token,
    body: { text },
  });
  if (response.status !== 200) throw new Error(response.text);
  return response.body.plan as { id: string; status: string; operations: { type: string }[] };
}

describe('a run and its queue job are one', () => {
  it('leaves no run behind when its job cannot be queued: API start, retry, plan approval, hook', async () => {
    const agent = await createAgent();
    const refused = await withQueueDown(() => startRun(agent.id));
    expect(refused.status).toBe(500);
    expect(await runsOf(agent.id)).toEqual([]);

    const failing = await createAgent({ expression: '$error("this step always fails")' });
    const started = await startRun(failing.id);
    expect(await finished(started.body.id)).toBe('failed');
    const retry = await withQueueDown(() =>
      orca.request('POST', api(`/runs/${started.body.id}/retry`), { token: owner.token, body: {} }),
    );
    expect(retry.status).toBe(500);
    // Still the failed first try, not a second try that no job will ever deliver.
    expect(await runsOf(failing.id)).toEqual([{ id: started.body.id, status: 'failed', retry_count: 0 }]);

    const planned = await createAgent();
    const plan = await say(`run ${planned.name}`);
    expect(plan.operations.map((operation) => operation.type)).toEqual(['runAgent']);
    const approval = await withQueueDown(() =>
      orca.request('POST', api(`/plans/${plan.id}/approve`), { token: owner.token, body: {} }),
    );
    expect(approval.status).toBe(500);
    expect(await runsOf(planned.id)).toEqual([]);

    const hooked = await createAgent();
    const hook = await orca.request('POST', api(`/agents/${hooked.id}/hooks`), {
      token: owner.token,
      body: {},
    });
    const call = await withQueueDown(() =>
      orca.request('POST', new URL(hook.body.url).pathname, {
        rawBody: '{}',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(call.status).toBe(500);
    expect(await runsOf(hooked.id)).toEqual([]);

    // With the queue back, the same starts go through and their runs are executed.
    const again = await startRun(agent.id);
    expect(again.status).toBe(202);
    expect(await finished(again.body.id)).toBe('succeeded');
    const approved = await orca.request('POST', api(`/plans/${plan.id}/approve`), {
      token: owner.token,
      body: {},
    });
    expect(approved.status, approved.text).toBe(200);
    expect(await finished(approved.body.results[0].runId)).toBe('succeeded');
  });
});

describe('the run sweeper', () => {
  it('queues again a run left without a job, once however many sweep, and a worker executes it', async () => {
    const sweeper = orca.platform.runSweeper;
    if (!sweeper) throw new Error('the test platform runs workers, so it has a sweeper');
    const agent = await createAgent();
    // What a crash between commit and enqueue left behind in older versions: a run, no job.
    const insert = (values: { callKey?: string } = {}) =>
      orca.platform.store.inWorkspace(workspaceId, (scope) =>
        insertRun(scope, { agentId: agent.id, agentVersion: 1, input: {}, trigger: 'manual', ...values }),
      );
    const stranded = await insert();
    // A run an agent call executes inline has no job of its own, and must be left to its caller.
    const called = await insert({ callKey: 'caller-run:step:1' });
    // A run whose job is only due later is not stranded.
    const later = await insert();
    await orca.platform.runQueue.enqueueAt(
      { workspaceId, runId: later.id, generation: 0 },
      new Date(Date.now() + 3_600_000),
    );
    expect(await jobsOf(stranded.id)).toEqual([]);

    const sweeps = await Promise.all([sweeper.sweep(0), sweeper.sweep(0), sweeper.sweep(0)]);
    const swept = sweeps.flat();
    expect(swept.filter((id) => id === stranded.id)).toHaveLength(1);
    expect(swept).not.toContain(called.id);
    expect(swept).not.toContain(later.id);
    expect(await jobsOf(stranded.id)).toHaveLength(1);
    expect(await finished(stranded.id)).toBe('succeeded');

    // Executed, it has nothing left to sweep; the others are as they were.
    expect(await sweeper.sweep(0)).not.toContain(stranded.id);
    expect(await jobsOf(stranded.id)).toHaveLength(1);
    expect((await runsOf(agent.id)).map((run) => [run.id, run.status])).toEqual([
      [stranded.id, 'succeeded'],
      [called.id, 'queued'],
      [later.id, 'queued'],
    ]);
  });

  it('leaves a run alone during the grace period', async () => {
    const sweeper = orca.platform.runSweeper;
    if (!sweeper) throw new Error('the test platform runs workers, so it has a sweeper');
    const agent = await createAgent();
    const fresh = await orca.platform.store.inWorkspace(workspaceId, (scope) =>
      insertRun(scope, { agentId: agent.id, agentVersion: 1, input: {}, trigger: 'manual' }),
    );
    expect(await sweeper.sweep(60)).not.toContain(fresh.id);
    expect(await jobsOf(fresh.id)).toEqual([]);
    expect(await sweeper.sweep(0)).toContain(fresh.id);
    expect(await finished(fresh.id)).toBe('succeeded');
  });
});

describe('every trigger admits runs through the one run starter', () => {
  it('refuses a paused agent alike from the API, a plan, a hook, a schedule, a chain and an agent call', async () => {
    const paused = await createAgent();
    const plan = await say(`run ${paused.name}`);
    const hook = await orca.request('POST', api(`/agents/${paused.id}/hooks`), {
      token: owner.token,
      body: {},
    });
    const schedule = await orca.request('PUT', api(`/agents/${paused.id}/schedule`), {
      token: owner.token,
      body: { cron: '0 8 * * *', timezone: 'UTC' },
    });
    expect(schedule.status, schedule.text).toBe(200);
    const first = await createAgent();
    const chain = await orca.request('POST', api('/chains'), {
      token: owner.token,
      body: { fromAgentId: first.id, toAgentId: paused.id },
    });
    expect(chain.status, chain.text).toBe(201);
    const caller = await createAgent({
      steps: [{ id: 'call', tool: 'agent.call', with: { agent: paused.name } }],
    });
    await orca.request('POST', api(`/agents/${paused.id}/pause`), { token: owner.token });

    const manual = await startRun(paused.id);
    expect([manual.status, manual.body.error.message]).toEqual([
      409,
      `The agent "${paused.name}" is paused. Resume it before running it.`,
    ]);
    const approval = await orca.request('POST', api(`/plans/${plan.id}/approve`), {
      token: owner.token,
      body: {},
    });
    expect([approval.status, approval.body.error.message]).toEqual([
      409,
      `The agent "${paused.name}" is paused; resume it before running it.`,
    ]);
    const call = await orca.request('POST', new URL(hook.body.url).pathname, {
      rawBody: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect([call.status, call.body.error.message]).toEqual([
      409,
      `The agent "${paused.name}" is paused, so its hook starts no runs. Resume the agent first.`,
    ]);
    await selectRows(
      orca.platform,
      sql`update schedules set next_fire_at = now() - interval '1 second' where agent_id = ${paused.id} returning id`,
    );
    expect(await orca.platform.scheduler?.fireDue()).toBe(0);

    const parent = await startRun(first.id);
    expect(await finished(parent.body.id)).toBe('succeeded');
    const events = await orca.request('GET', api(`/runs/${parent.body.id}/events`), { token: owner.token });
    expect(events.text).toContain(`The chain to \\"${paused.name}\\" did not start it: the agent is paused.`);

    const calling = await startRun(caller.id);
    expect(await finished(calling.body.id)).toBe('failed');
    const called = await orca.request('GET', api(`/runs/${calling.body.id}`), { token: owner.token });
    expect(called.body.error).toMatchObject({
      code: 'agent_paused',
      message: `The agent "${paused.name}" is paused. Resume it, or call another agent.`,
    });

    // Six triggers, and not one run of the paused agent.
    expect(await runsOf(paused.id)).toEqual([]);
  });
});
