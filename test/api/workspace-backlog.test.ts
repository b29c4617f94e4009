// Each workspace's share of the queue (decision 0038): once one workspace has
// ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT runs queued (2 here), its own starts, retries and hook calls
// are answered 503 queue_full naming that bound, while another workspace's starts are still
// admitted (the queue's own bound, 100 here, is far off). The platform has no workers, so queued
// runs stay queued.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuns } from '../../src/runtime/run-starter.ts';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;

beforeAll(async () => {
  orca = await startTestPlatform({
    configOverrides: { queueBacklogLimit: '100', queueWorkspaceBacklogLimit: '2' },
    workers: false,
  });
  owner = await orca.signUp('Share Owner');
});
afterAll(async () => {
  await orca.close();
});

async function workspaceWithAgent(name: string) {
  const workspaceId = (await orca.createWorkspace(owner, name)).id as string;
  const created = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: { spec: { name: 'No-op', steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] } },
  });
  expect(created.status, created.text).toBe(201);
  const agentId = created.body.id as string;
  const start = () =>
    orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/runs`, {
      token: owner.token,
      body: { input: {} },
    });
  return { workspaceId, agentId, start };
}

async function queuedRuns(workspaceId: string) {
  const [row] = await selectRows<{ queued: number }>(
    orca.platform,
    sql`select count(*)::int as queued from runs where workspace_id = ${workspaceId} and status = 'queued'`,
  );
  return row?.queued ?? 0;
}

describe('a workspace past its share of the queue', () => {
  it('is refused 503 naming its own bound, while another workspace is still admitted', async () => {
    const flood = await workspaceWithAgent('Flood Inc');
    const calm = await workspaceWithAgent('Calm Ltd');
    expect((await flood.start()).status).toBe(202);
    expect((await flood.start()).status).toBe(202);

    const refused = await flood.start();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.body.error.code).toBe('queue_full');
    expect(refused.body.error.message).toContain('ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT');
    expect(refused.body.error.message).toContain('other workspaces are not held up');
    // The default plan runs at most 50 at once: the message says so, and how to get more.
    expect(refused.body.error.details).toEqual({
      bound: 'workspace',
      waiting: 2,
      limit: 2,
      maxRunsAtOnce: 50,
    });
    expect(refused.body.error.message).toContain('at most 50 at once');
    expect(await queuedRuns(flood.workspaceId)).toBe(2);

    expect((await calm.start()).status).toBe(202);
    expect((await calm.start()).status).toBe(202);
    expect(await queuedRuns(calm.workspaceId)).toBe(2);
  });

  it('refuses its hook calls and retries, and admits again once a queued run is gone', async () => {
    const flood = await workspaceWithAgent('Hooked Inc');
    const first = await flood.start();
    expect((await flood.start()).status).toBe(202);
    const hook = await orca.request(
      'POST',
      `/api/workspaces/${flood.workspaceId}/agents/${flood.agentId}/hooks`,
      { token: owner.token, body: {} },
    );
    expect(hook.status, hook.text).toBe(201);
    const called = await orca.request('POST', new URL(hook.body.url).pathname, { body: { n: 1 } });
    expect(called.status).toBe(503);
    expect(called.body.error.code).toBe('queue_full');
    expect(called.body.error.details.bound).toBe('workspace');

    // A cancelled run no longer waits: there is room for one again, and a new start takes it.
    const cancelled = await orca.request(
      'POST',
      `/api/workspaces/${flood.workspaceId}/runs/${first.body.id}/cancel`,
      {
        token: owner.token,
        body: {},
      },
    );
    expect(cancelled.status, cancelled.text).toBe(202);
    expect((await flood.start()).status).toBe(202);
    const retried = await orca.request(
      'POST',
      `/api/workspaces/${flood.workspaceId}/runs/${first.body.id}/retry`,
      {
        token: owner.token,
        body: {},
      },
    );
    expect(retried.status).toBe(503);
    expect(retried.body.error.details).toMatchObject({ bound: 'workspace', limit: 2 });
    expect(await queuedRuns(flood.workspaceId)).toBe(2);
  });

  it('counts the runs of one batch against the share as they are admitted', async () => {
    const batch = await workspaceWithAgent('Batch Co');
    const results = await orca.platform.store.inWorkspace(batch.workspaceId, (scope) =>
      startRuns(
        scope,
        orca.platform.runQueue,
        [1, 2, 3].map(() => ({
          agent: { id: batch.agentId },
          input: {},
          origin: { trigger: 'manual' as const },
        })),
      ),
    );
    expect(results.map((result) => result.outcome)).toEqual(['started', 'started', 'queue_full']);
    expect(await queuedRuns(batch.workspaceId)).toBe(2);
  });

  it('admits no more than its share when starts race (they count under the balance row’s lock)', async () => {
    const racing = await workspaceWithAgent('Racing Inc');
    const answers = await Promise.all(Array.from({ length: 8 }, () => racing.start()));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([202, 202, 503, 503, 503, 503, 503, 503]);
    expect(await queuedRuns(racing.workspaceId)).toBe(2);
  });
});
