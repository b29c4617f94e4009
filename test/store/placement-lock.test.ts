// The placement lock (decision 0039) against the race it exists for: claims of one workspace at
// the same instant, each counting the runs running and then marking its own running. Each claim
// here waits a moment between its count and its claim, so without the lock they all count the
// same and all take a place; with it, exactly the plan's limit do. On PGlite transactions take
// turns anyway; on PostgreSQL the claims run on their own connections.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearLimit, runsAtOnce } from '../../src/store/plan-limits.ts';
import { selectRows, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

let orca: TestPlatform;
let workspaceId = '';
let agentId = '';
let token = '';

beforeAll(async () => {
  orca = await startTestPlatform({
    workers: false,
    configOverrides: {
      credits: JSON.stringify({
        plans: [{ name: 'pair', monthlyAllowance: 100_000, maxRunsAtOnce: 2 }],
        defaultPlan: 'pair',
        prices: { toolStep: { default: 1 } },
      }),
    },
  });
  const owner = await orca.signUp('Placement Owner');
  token = owner.token;
  workspaceId = (await orca.createWorkspace(owner, 'Placement')).id;
  const agent = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: { spec: { name: 'Placed', steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] } },
  });
  expect(agent.status, agent.text).toBe(201);
  agentId = agent.body.id;
});
afterAll(() => orca.close());

async function queuedRuns(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const started = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/runs`, {
      token,
      body: { input: {} },
    });
    expect(started.status, started.text).toBe(202);
    ids.push(started.body.id);
  }
  return ids;
}

/** A claim as the executor makes it, slowed between its count and its own run's claim. */
function slowClaim(runId: string, lockFirst: boolean) {
  return orca.platform.store.inWorkspace(workspaceId, async (scope) => {
    const limit = await runsAtOnce(scope, runId, { lockFirst });
    expect(nearLimit(limit)).toBe(true);
    await sleep(100);
    if (limit.maximum !== undefined && limit.running >= limit.maximum) return 'parked';
    await scope.db.execute(sql`update runs set status = 'running' where id = ${runId}`);
    return 'claimed';
  });
}

describe('placement lock', () => {
  for (const lockFirst of [false, true]) {
    it(`lets only the plan's limit of eight claims at once take a place (${lockFirst ? 'lock first' : 'count, lock, count'})`, async () => {
      await selectRows(
        orca.platform,
        sql`update runs set status = 'succeeded' where workspace_id = ${workspaceId}`,
      );
      const ids = await queuedRuns(8);
      const outcomes = await Promise.all(ids.map((id) => slowClaim(id, lockFirst)));
      expect(outcomes.filter((outcome) => outcome === 'claimed')).toHaveLength(2);
      const [row] = await selectRows<{ running: number }>(
        orca.platform,
        sql`select count(*)::int as running from runs where workspace_id = ${workspaceId} and status = 'running'`,
      );
      expect(row?.running).toBe(2);
    });
  }
});
