// One-off runs through the API and the scheduler: created for a time ahead (shown in the user's
// zone), listed, refused for a time that passed, fired exactly once — by the worker on time, by
// racing schedulers, and by a scheduler started after the time passed (a restart) — and cancelled.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/triggers/scheduler.ts';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;
const quiet = { info: () => undefined, error: () => undefined };

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('One-off Owner');
  workspaceId = (await orca.createWorkspace(owner, 'One-offs Inc')).id;
  await orca.request('PATCH', '/api/me/memory', { token: owner.token, body: { timezone: 'Europe/Paris' } });
});
afterAll(async () => {
  await orca.close();
});

let agentCounter = 0;
async function createAgent(input?: Record<string, unknown>) {
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: `One-off Agent ${++agentCounter}`,
        ...(input ? { input } : {}),
        steps: [{ id: 'echo', tool: 'transform', with: { expression: '{"at": $now()}' } }],
      },
    },
  });
  if (response.status !== 201) throw new Error(response.text);
  return response.body.id as string;
}

const oneOffPath = (agentId: string) => `/api/workspaces/${workspaceId}/agents/${agentId}/one-off-runs`;

async function scheduledRuns(agentId: string) {
  const response = await orca.request(
    'GET',
    `/api/workspaces/${workspaceId}/runs?agent=${agentId}&trigger=schedule`,
    { token: owner.token },
  );
  return response.body.items as { id: string; status: string; scheduledFor: string }[];
}

/** Moves a one-off run's time into the past, as if it came due while no scheduler looked. */
async function makeDue(oneOffRunId: string, at: Date) {
  await selectRows(
    orca.platform,
    sql`update one_off_runs set run_at = ${at.toISOString()} where id = ${oneOffRunId} returning id`,
  );
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe('one-off runs', () => {
  it('is created for a time ahead, shown in words in the user memory’s zone, and listed', async () => {
    const agentId = await createAgent();
    const created = await orca.request('POST', oneOffPath(agentId), {
      token: owner.token,
      body: { runAt: '2099-12-08T14:00:00Z' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      runAt: '2099-12-08T14:00:00.000Z',
      timezone: 'Europe/Paris',
      description: 'Once, on Tuesday, 8 December 2099 at 15:00 (Europe/Paris)',
      firedAt: null,
      runId: null,
    });
    const list = await orca.request('GET', oneOffPath(agentId), { token: owner.token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
  });

  it('refuses a time that has passed, or that it cannot read, with a 422 in words', async () => {
    const agentId = await createAgent();
    const past = await orca.request('POST', oneOffPath(agentId), {
      token: owner.token,
      body: { runAt: '2020-01-01T09:00:00Z' },
    });
    expect(past.status).toBe(422);
    expect(past.body.error.message).toContain('has already passed');
    const unreadable = await orca.request('POST', oneOffPath(agentId), {
      token: owner.token,
      body: { runAt: 'next Tuesday' },
    });
    expect(unreadable.status).toBe(422);
    expect(unreadable.body.error.message).toContain('ISO 8601');
    const noOffset = await orca.request('POST', oneOffPath(agentId), {
      token: owner.token,
      body: { runAt: '2099-01-01T09:00:00' },
    });
    expect(noOffset.status).toBe(422);
    const list = await orca.request('GET', oneOffPath(agentId), { token: owner.token });
    expect(list.body.items).toEqual([]);
  });

  it('refuses input its agent’s schema does not accept', async () => {
    const agentId = await createAgent({
      type: 'object',
      properties: { url: { type: 'string' } },
      required: ['url'],
    });
    const response = await orca.request('POST', oneOffPath(agentId), {
      token: owner.token,
      body: { runAt: inAnHour() },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toContain('input');
  });

  it('fires on time through the worker, exactly once', async () => {
    const agentId = await createAgent();
    const at = new Date(Date.now() + 1_500);
    at.setMilliseconds(0);
    const created = await orca.request('POST', oneOffPath(agentId), {
      token: owner.token,
      body: { runAt: at.toISOString() },
    });
    expect(created.status).toBe(201);
    await expect
      .poll(async () => (await scheduledRuns(agentId)).filter((run) => run.status === 'succeeded').length, {
        timeout: 15_000,
        interval: 100,
      })
      .toBe(1);
    expect(await orca.platform.scheduler?.fireDue()).toBe(0);
    const runs = await scheduledRuns(agentId);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.scheduledFor).toBe(at.toISOString());
    const list = await orca.request('GET', oneOffPath(agentId), { token: owner.token });
    expect(list.body.items[0]).toMatchObject({ runId: runs[0]?.id });
    expect(list.body.items[0].firedAt).not.toBeNull();
  });

  it('fires once when several schedulers race, and once after a restart that missed its time', async () => {
    const raced = await createAgent();
    const missed = await createAgent();
    const first = await orca.request('POST', oneOffPath(raced), {
      token: owner.token,
      body: { runAt: inAnHour() },
    });
    const second = await orca.request('POST', oneOffPath(missed), {
      token: owner.token,
      body: { runAt: inAnHour() },
    });
    const racedAt = new Date(Date.now() - 2_000);
    racedAt.setMilliseconds(0);
    await makeDue(first.body.id, racedAt);
    const schedulers = [1, 2, 3, 4].map(
      () => new Scheduler({ store: orca.platform.store, runQueue: orca.platform.runQueue, logger: quiet }),
    );
    await Promise.all(schedulers.map((scheduler) => scheduler.fireDue()));
    expect(await scheduledRuns(raced)).toHaveLength(1);

    // Three hours late, as after Orca was down: a one-off still runs, once.
    const longAgo = new Date(Date.now() - 3 * 3_600_000);
    longAgo.setMilliseconds(0);
    await makeDue(second.body.id, longAgo);
    const restarted = new Scheduler({
      store: orca.platform.store,
      runQueue: orca.platform.runQueue,
      logger: quiet,
    });
    await restarted.fireDue();
    await restarted.fireDue();
    const late = await scheduledRuns(missed);
    expect(late).toHaveLength(1);
    expect(late[0]?.scheduledFor).toBe(longAgo.toISOString());
  });

  it('is cancelled with DELETE while ahead, and a cancelled one never fires', async () => {
    const agentId = await createAgent();
    const created = await orca.request('POST', oneOffPath(agentId), {
      token: owner.token,
      body: { runAt: inAnHour() },
    });
    const removed = await orca.request('DELETE', `${oneOffPath(agentId)}/${created.body.id}`, {
      token: owner.token,
    });
    expect(removed.status).toBe(204);
    const again = await orca.request('DELETE', `${oneOffPath(agentId)}/${created.body.id}`, {
      token: owner.token,
    });
    expect(again.status).toBe(404);
    await orca.platform.scheduler?.fireDue();
    expect(await scheduledRuns(agentId)).toHaveLength(0);
  });

  it('is another workspace’s business: 404 for a stranger', async () => {
    const agentId = await createAgent();
    const stranger = await orca.signUp('One-off Stranger');
    const response = await orca.request('POST', oneOffPath(agentId), {
      token: stranger.token,
      body: { runAt: inAnHour() },
    });
    expect(response.status).toBe(404);
  });
});
