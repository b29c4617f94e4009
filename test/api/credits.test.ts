// Credits through the API and the workers: the ledger always sums to the balance, runs are
// reserved at admission and settled when they end, and a workspace that cannot pay gets 402.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, sumOfEntries } from '../../src/store/credit-repository.ts';
import { finishRun } from '../../src/store/run-repository.ts';
import { settleRunCharge } from '../../src/store/run-settlement.ts';
import { creditEntries } from '../../src/store/schema.ts';
import { waitForRunStatus } from '../support/run-waits.ts';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;

// Each transform step costs 2 credits, so a one-step agent's estimate is exactly what it is charged.
const credits = {
  plans: [
    { name: 'free', monthlyAllowance: 1000 },
    { name: 'team', monthlyAllowance: 5000, maxRunsAtOnce: 100 },
    { name: 'tiny', monthlyAllowance: 1000, maxAgents: 2 },
  ],
  defaultPlan: 'free',
  prices: { toolStep: { default: 1, byTool: { transform: 2 } } },
  maximumTopup: 100_000,
};

beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { credits: JSON.stringify(credits) } });
  owner = await orca.signUp('Credit Owner');
});
afterAll(async () => {
  await orca.close();
});

async function newWorkspace(name: string) {
  return (await orca.createWorkspace(owner, `${name} ${Math.random().toString(36).slice(2, 7)}`))
    .id as string;
}

async function createAgent(workspaceId: string, steps = 1) {
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: `Counter ${Math.random().toString(36).slice(2, 8)}`,
        steps: Array.from({ length: steps }, (_, index) => ({
          id: `step${index}`,
          tool: 'transform',
          with: { expression: '1' },
        })),
      },
    },
  });
  if (response.status !== 201) throw new Error(response.text);
  return response.body.id as string;
}

function startRun(workspaceId: string, agentId: string) {
  return orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/runs`, {
    token: owner.token,
    body: { input: {} },
  });
}

async function balanceOf(workspaceId: string) {
  return (await orca.request('GET', `/api/workspaces/${workspaceId}/credits`, { token: owner.token })).body;
}

/** Brings the balance to exactly `target` with an owner's adjustment. */
async function setBalance(workspaceId: string, target: number) {
  const { balance } = await balanceOf(workspaceId);
  if (balance === target) return;
  const adjusted = await orca.request('POST', `/api/workspaces/${workspaceId}/credits/adjustments`, {
    token: owner.token,
    body: { amount: target - balance, note: 'test set-up' },
  });
  expect(adjusted.status).toBe(201);
}

async function ledgerSum(workspaceId: string) {
  return orca.platform.store.inWorkspace(workspaceId, sumOfEntries);
}

function waitForEnd(workspaceId: string, runId: string) {
  return waitForRunStatus(orca, {
    workspace: workspaceId,
    runId,
    token: owner.token,
    until: (run) => (run.cost as { charged: unknown } | null)?.charged !== null,
  });
}

describe('credits', () => {
  it('opens a workspace on the default plan with its allowance, and the ledger sums to the balance', async () => {
    const workspaceId = await newWorkspace('Fresh');
    const view = await balanceOf(workspaceId);
    expect(view).toMatchObject({
      plan: { name: 'free', monthlyAllowance: 1000 },
      balance: 1000,
      reserved: 0,
      allowance: { monthly: 1000, remainingThisPeriod: 1000 },
    });
    const ledger = await orca.request('GET', `/api/workspaces/${workspaceId}/credits/ledger`, {
      token: owner.token,
    });
    expect(ledger.body.items).toMatchObject([
      { kind: 'allowance', amount: 1000, balanceAfter: 1000, position: 1 },
    ]);
    expect(await ledgerSum(workspaceId)).toBe(1000);
  });

  it('reserves at admission and settles to the itemised cost when the run ends', async () => {
    const workspaceId = await newWorkspace('Metered');
    const agentId = await createAgent(workspaceId, 3);
    const started = await startRun(workspaceId, agentId);
    expect(started.status).toBe(202);
    const run = await waitForEnd(workspaceId, started.body.id);
    expect(run.status).toBe('succeeded');
    expect(run.cost).toMatchObject({
      reserved: 6,
      charged: 6,
      items: [
        { stepId: 'step0', tool: 'transform', credits: 2 },
        { stepId: 'step1', tool: 'transform', credits: 2 },
        { stepId: 'step2', tool: 'transform', credits: 2 },
      ],
    });
    const ledger = await orca.request(
      'GET',
      `/api/workspaces/${workspaceId}/credits/ledger?run=${started.body.id}`,
      {
        token: owner.token,
      },
    );
    expect(
      ledger.body.items.map((entry: { kind: string; amount: number }) => [entry.kind, entry.amount]),
    ).toEqual([
      ['consumption', -6],
      ['release', 6],
      ['reservation', -6],
    ]);
    const view = await balanceOf(workspaceId);
    expect(view).toMatchObject({ balance: 994, reserved: 0 });
    expect(await ledgerSum(workspaceId)).toBe(994);
  });

  it('refuses a run the balance cannot cover with 402, saying what it costs, what is left and how to top up', async () => {
    const workspaceId = await newWorkspace('Broke');
    const agentId = await createAgent(workspaceId, 2);
    await setBalance(workspaceId, 3);
    const refused = await startRun(workspaceId, agentId);
    expect(refused.status).toBe(402);
    expect(refused.body.error.code).toBe('insufficient_credits');
    expect(refused.body.error.message).toMatch(/costs about 4 credits .* has 3 credits left/);
    expect(refused.body.error.message).toMatch(/credits\/topups/);
    expect(refused.body.error.details).toMatchObject({
      needed: 4,
      available: 3,
      topUp: `POST /api/workspaces/${workspaceId}/credits/topups`,
    });
    const runs = await orca.request('GET', `/api/workspaces/${workspaceId}/runs`, { token: owner.token });
    expect(runs.body.items).toHaveLength(0);

    const toppedUp = await orca.request('POST', `/api/workspaces/${workspaceId}/credits/topups`, {
      token: owner.token,
      body: { amount: 10, note: 'Invoice 17' },
    });
    expect(toppedUp.status).toBe(201);
    expect(toppedUp.body).toMatchObject({
      balance: 13,
      entry: { kind: 'topup', amount: 10, reason: 'Invoice 17' },
    });
    expect((await startRun(workspaceId, agentId)).status).toBe(202);
  });

  it('refuses top-ups that are negative, zero, fractional or absurd, and lets only owners and admins top up', async () => {
    const workspaceId = await newWorkspace('Topups');
    const path = `/api/workspaces/${workspaceId}/credits/topups`;
    for (const [amount, pattern] of [
      [-5, /positive/],
      [0, /not be zero/],
      [2.5, /whole number/],
      [10_000_000, /more than the 100,000 credits/],
    ] as const) {
      const response = await orca.request('POST', path, { token: owner.token, body: { amount } });
      expect(response.status).toBe(422);
      expect(response.body.error.message).toMatch(pattern);
    }
    expect((await orca.request('POST', path, { token: owner.token, body: { amount: '12' } })).status).toBe(
      400,
    );
    const builder = await orca.signUp('Credit Builder');
    await orca.addMember(owner, workspaceId, builder, 'builder');
    expect((await orca.request('POST', path, { token: builder.token, body: { amount: 5 } })).status).toBe(
      403,
    );
    expect(
      (await orca.request('GET', `/api/workspaces/${workspaceId}/credits`, { token: builder.token })).status,
    ).toBe(200);
    expect((await balanceOf(workspaceId)).balance).toBe(1000);
  });

  it('expires what is left of the allowance when the period ends, then grants the next', async () => {
    const workspaceId = await newWorkspace('Periods');
    await setBalance(workspaceId, 1000);
    const agentId = await createAgent(workspaceId, 1);
    await waitForEnd(workspaceId, (await startRun(workspaceId, agentId)).body.id);
    await orca.request('POST', `/api/workspaces/${workspaceId}/credits/topups`, {
      token: owner.token,
      body: { amount: 50 },
    });
    // 998 of the allowance and 50 bought: the 998 expire, the 50 stay, 1000 more come.
    const { periodEnds } = (await balanceOf(workspaceId)).allowance;
    const later = new Date(new Date(periodEnds).getTime() + 1000);
    const ledger = await orca.platform.store.inWorkspace(workspaceId, (scope) => openLedger(scope, later));
    expect(ledger.balance).toBe(1050);
    const entries = await orca.request('GET', `/api/workspaces/${workspaceId}/credits/ledger?limit=2`, {
      token: owner.token,
    });
    expect(
      entries.body.items.map((entry: { kind: string; amount: number }) => [entry.kind, entry.amount]),
    ).toEqual([
      ['allowance', 1000],
      ['expiry', -998],
    ]);
    expect(entries.body.nextCursor).toEqual(expect.any(String));
    const next = await orca.request(
      'GET',
      `/api/workspaces/${workspaceId}/credits/ledger?limit=2&cursor=${entries.body.nextCursor}`,
      { token: owner.token },
    );
    expect(next.body.items[0].kind).toBe('topup');
    expect(await ledgerSum(workspaceId)).toBe(1050);
    // Rolling again within the new period changes nothing.
    const again = await orca.platform.store.inWorkspace(workspaceId, (scope) => openLedger(scope, later));
    expect(again.balance).toBe(1050);
  });

  it('settles a run once, however often its end is recorded (a worker that resumes)', async () => {
    const workspaceId = await newWorkspace('Once');
    const agentId = await createAgent(workspaceId, 2);
    const started = await startRun(workspaceId, agentId);
    await waitForEnd(workspaceId, started.body.id);
    const before = await ledgerSum(workspaceId);
    const again = await orca.platform.store.inWorkspace(workspaceId, async (scope) => {
      // A late worker records the end again: the settlement is claimed already.
      await finishRun(scope, started.body.id, { status: 'succeeded', output: 1 });
      return settleRunCharge(scope, started.body.id);
    });
    expect(again).toBeUndefined();
    expect(await ledgerSum(workspaceId)).toBe(before);
    expect((await balanceOf(workspaceId)).balance).toBe(before);
    const rows = await selectRows<{ count: number }>(
      orca.platform,
      sql`select count(*)::int as count from ${creditEntries} where run_id = ${started.body.id} and kind = 'consumption'`,
    );
    expect(rows[0]?.count).toBe(1);
  });

  it('admits exactly as many of 200 racing starts as the balance covers', async () => {
    const workspaceId = await newWorkspace('Race');
    const agentId = await createAgent(workspaceId, 1);
    await setBalance(workspaceId, 100);
    const answers = await Promise.all(Array.from({ length: 200 }, () => startRun(workspaceId, agentId)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(50);
    expect(statuses.filter((status) => status === 402)).toHaveLength(150);
    const view = await balanceOf(workspaceId);
    expect(view.balance).toBeGreaterThanOrEqual(0);
    expect(await ledgerSum(workspaceId)).toBe(view.balance);
    for (const answer of answers.filter((candidate) => candidate.status === 202)) {
      await waitForEnd(workspaceId, answer.body.id);
    }
    const after = await balanceOf(workspaceId);
    expect(after).toMatchObject({ balance: 0, reserved: 0 });
    expect(await ledgerSum(workspaceId)).toBe(0);
    // 50 runs execute on the test worker after the race: minutes on a busy machine.
  }, 300_000);

  it('caps an agent and a workroom with monthly budgets, and warns when a budget is set below what is spent', async () => {
    const workspaceId = await newWorkspace('Budgets');
    const agentId = await createAgent(workspaceId, 2);
    const budgetPath = `/api/workspaces/${workspaceId}/agents/${agentId}/budget`;
    const set = await orca.request('PUT', budgetPath, { token: owner.token, body: { monthlyBudget: 10 } });
    expect(set.body).toMatchObject({ monthlyBudget: 10, spentThisMonth: 0, remaining: 10 });
    await waitForEnd(workspaceId, (await startRun(workspaceId, agentId)).body.id);
    await waitForEnd(workspaceId, (await startRun(workspaceId, agentId)).body.id);
    const refused = await startRun(workspaceId, agentId);
    expect(refused.status).toBe(402);
    expect(refused.body.error.message).toMatch(/agent's monthly budget of 10 credits has 2 credits left/);
    // Topping up would not lift a budget's refusal: its fix is the budget's own address.
    expect(refused.body.error.details.raiseBudget).toBe(`PUT ${budgetPath}`);
    expect(refused.body.error.details.topUp).toBeUndefined();
    const lowered = await orca.request('PUT', budgetPath, { token: owner.token, body: { monthlyBudget: 3 } });
    expect(lowered.status).toBe(200);
    expect(lowered.body).toMatchObject({ monthlyBudget: 3, spentThisMonth: 8, remaining: 0 });
    expect(lowered.body.warning).toMatch(/new runs are refused until/);
    const removed = await orca.request('DELETE', budgetPath, { token: owner.token });
    expect(removed.body).toMatchObject({ monthlyBudget: null, remaining: null, spentThisMonth: 8 });
    expect((await startRun(workspaceId, agentId)).status).toBe(202);

    // A workroom (made directly: its CRUD is another part of the work) caps its agents together.
    const [workroom] = await orca.platform.store.inWorkspace(workspaceId, async (scope) => {
      const result = await scope.db.execute(
        sql`insert into workrooms (workspace_id, name) values (${workspaceId}, 'Client A') returning id`,
      );
      return (result as unknown as { rows: { id: string }[] }).rows;
    });
    const workroomId = workroom?.id as string;
    const inRoom = await createAgent(workspaceId, 1);
    await selectRows(orca.platform, sql`update agents set workroom_id = ${workroomId} where id = ${inRoom}`);
    const roomBudget = await orca.request(
      'PUT',
      `/api/workspaces/${workspaceId}/workrooms/${workroomId}/budget`,
      {
        token: owner.token,
        body: { monthlyBudget: 3 },
      },
    );
    expect(roomBudget.body).toMatchObject({ monthlyBudget: 3, remaining: 3 });
    await waitForEnd(workspaceId, (await startRun(workspaceId, inRoom)).body.id);
    const roomRefused = await startRun(workspaceId, inRoom);
    expect(roomRefused.status).toBe(402);
    expect(roomRefused.body.error.message).toMatch(/workroom "Client A"/);
    expect(
      (await orca.request('PUT', budgetPath, { token: owner.token, body: { monthlyBudget: -1 } })).status,
    ).toBe(400);
  });

  it('answers a hook with 402 and fails a scheduled occurrence it cannot pay for, saying why', async () => {
    const workspaceId = await newWorkspace('Triggers');
    const agentId = await createAgent(workspaceId, 1);
    const hook = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/hooks`, {
      token: owner.token,
      body: {},
    });
    expect(hook.status).toBe(201);
    await orca.request('PUT', `/api/workspaces/${workspaceId}/agents/${agentId}/schedule`, {
      token: owner.token,
      body: { cron: '0 8 * * *', enabled: true },
    });
    await setBalance(workspaceId, 1);
    const called = await orca.request('POST', new URL(hook.body.url).pathname, { rawBody: '{}' });
    expect(called.status).toBe(402);
    expect(called.body.error.code).toBe('insufficient_credits');

    await selectRows(
      orca.platform,
      sql`update schedules set next_fire_at = ${new Date(Date.now() - 1000).toISOString()} where agent_id = ${agentId}`,
    );
    await orca.platform.scheduler?.fireDue();
    const runs = await orca.request(
      'GET',
      `/api/workspaces/${workspaceId}/runs?agent=${agentId}&trigger=schedule`,
      {
        token: owner.token,
      },
    );
    expect(runs.body.items).toHaveLength(1);
    expect(runs.body.items[0]).toMatchObject({ status: 'failed', error: { code: 'insufficient_credits' } });
    expect(await ledgerSum(workspaceId)).toBe(1);
  });

  it('releases what a deleted agent’s unfinished run held, so no credit stays held for good', async () => {
    const workspace = await newWorkspace('Deleted');
    await setBalance(workspace, 1000);
    const created = await orca.request('POST', `/api/workspaces/${workspace}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Slow Counter',
          steps: [
            { id: 'pause', tool: 'wait', with: { seconds: 3600 } },
            { id: 'count', tool: 'transform', with: { expression: '1' } },
          ],
        },
      },
    });
    expect(created.status).toBe(201);
    const started = await startRun(workspace, created.body.id);
    expect(started.status).toBe(202);
    // The run holds its estimate while it waits an hour.
    await expect
      .poll(async () => (await balanceOf(workspace)).reserved, { timeout: 30_000, interval: 100 })
      .toBeGreaterThan(0);
    const deleted = await orca.request('DELETE', `/api/workspaces/${workspace}/agents/${created.body.id}`, {
      token: owner.token,
    });
    expect(deleted.status).toBe(204);
    const after = await balanceOf(workspace);
    expect(after.reserved).toBe(0);
    // The wait is free and the transform never ran: nothing is charged, everything comes back.
    expect(after.balance).toBe(1000);
    expect(await ledgerSum(workspace)).toBe(after.balance);
  });

  it('holds a workspace to its plan’s number of agents, for creations, imports and bundles alike', async () => {
    const workspaceId = await newWorkspace('Tiny plan');
    const moved = await orca.request('PUT', `/api/workspaces/${workspaceId}/credits/plan`, {
      token: owner.token,
      body: { plan: 'tiny' },
    });
    expect(moved.status, moved.text).toBe(200);
    const first = await createAgent(workspaceId);
    await createAgent(workspaceId);
    const third = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
      token: owner.token,
      body: {
        spec: { name: 'One Too Many', steps: [{ id: 'a', tool: 'transform', with: { expression: '1' } }] },
      },
    });
    expect(third.status).toBe(402);
    expect(third.body.error).toMatchObject({
      code: 'plan_limit_reached',
      details: { limit: 'maxAgents', plan: 'tiny', maximum: 2, current: 2 },
    });
    expect(third.body.error.message).toMatch(
      /"tiny" plan allows 2 agents and this workspace has 2.*Delete agents/,
    );

    // A bundle of two agents into a tiny workspace that holds one: refused whole, dry run too.
    const source = await newWorkspace('Bundle source');
    await createAgent(source);
    await createAgent(source);
    const bundle = (await orca.request('GET', `/api/workspaces/${source}/export`, { token: owner.token }))
      .body;
    const target = await newWorkspace('Tiny target');
    await orca.request('PUT', `/api/workspaces/${target}/credits/plan`, {
      token: owner.token,
      body: { plan: 'tiny' },
    });
    await createAgent(target);
    for (const path of ['import?dryRun=true', 'import']) {
      const imported = await orca.request('POST', `/api/workspaces/${target}/${path}`, {
        token: owner.token,
        body: bundle,
      });
      expect(imported.status, imported.text).toBe(402);
      expect(imported.body.error.message).toMatch(/cannot hold 2 more agents/);
    }
    const listed = await orca.request('GET', `/api/workspaces/${target}/agents`, { token: owner.token });
    expect(listed.body.items).toHaveLength(1);

    // Deleting one makes room again.
    const deleted = await orca.request('DELETE', `/api/workspaces/${workspaceId}/agents/${first}`, {
      token: owner.token,
    });
    expect(deleted.status).toBeLessThan(300);
    await createAgent(workspaceId);
  });

  it('never moves credits between workspaces', async () => {
    const mine = await newWorkspace('Mine');
    const theirs = await newWorkspace('Theirs');
    const stranger = await orca.signUp('Stranger');
    const strangers = (await orca.createWorkspace(stranger, 'Elsewhere')).id as string;
    expect(
      (
        await orca.request('POST', `/api/workspaces/${mine}/credits/topups`, {
          token: stranger.token,
          body: { amount: 5 },
        })
      ).status,
    ).toBe(404);
    expect(
      (await orca.request('GET', `/api/workspaces/${mine}/credits/ledger`, { token: stranger.token })).status,
    ).toBe(404);
    await balanceOf(theirs);
    // In one workspace's scope, another's ledger can be neither read nor written.
    await expect(
      orca.platform.store.inWorkspace(strangers, (scope) =>
        scope.db.insert(creditEntries).values({
          workspaceId: mine,
          position: 999,
          kind: 'topup',
          amount: 1_000_000,
          balanceAfter: 1_000_000,
          reason: 'theft',
        }),
      ),
    ).rejects.toThrow();
    const seen = await orca.platform.store.inWorkspace(strangers, (scope) =>
      scope.db.execute(sql`select count(*)::int as count from credit_entries where workspace_id = ${theirs}`),
    );
    expect((seen as unknown as { rows: { count: number }[] }).rows[0]?.count).toBe(0);
    expect((await balanceOf(mine)).balance).toBe(1000);
    expect(await ledgerSum(mine)).toBe(1000);
  });

  it('reports usage by agent and by day, as JSON and as CSV', async () => {
    const workspaceId = await newWorkspace('Usage');
    const agentId = await createAgent(workspaceId, 2);
    await waitForEnd(workspaceId, (await startRun(workspaceId, agentId)).body.id);
    await waitForEnd(workspaceId, (await startRun(workspaceId, agentId)).body.id);
    const byAgent = await orca.request('GET', `/api/workspaces/${workspaceId}/usage?groupBy=agent`, {
      token: owner.token,
    });
    expect(byAgent.status).toBe(200);
    expect(byAgent.body.rows).toMatchObject([{ key: agentId, credits: 8, runs: 2, inputTokens: 0 }]);
    expect(byAgent.body.total).toMatchObject({ credits: 8, runs: 2 });
    const csv = await orca.request('GET', `/api/workspaces/${workspaceId}/usage?groupBy=day`, {
      token: owner.token,
      headers: { accept: 'text/csv' },
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="usage-by-day-/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('label,key,credits,runs,inputTokens,outputTokens,browserMinutes');
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},8,2,0,0,0$/);
    const bad = await orca.request('GET', `/api/workspaces/${workspaceId}/usage?groupBy=week`, {
      token: owner.token,
    });
    expect(bad.status).toBe(400);
  });

  it('answers "what did X cost this month", "how many credits are left" and "what did we spend this week" from the ledger', async () => {
    const workspaceId = await newWorkspace('Questions');
    const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Invoice Fetcher',
          steps: [{ id: 'one', tool: 'transform', with: { expression: '1' } }],
        },
      },
    });
    const agentId = response.body.id as string;
    await waitForEnd(workspaceId, (await startRun(workspaceId, agentId)).body.id);
    await waitForEnd(workspaceId, (await startRun(workspaceId, agentId)).body.id);
    const say = async (text: string) => {
      const answer = await orca.request('POST', `/api/workspaces/${workspaceId}/orchestrator/messages`, {
        token: owner.token,
        body: { text },
      });
      return String(answer.body.reply ?? answer.body.message?.text ?? JSON.stringify(answer.body));
    };
    expect(await say('what did Invoice Fetcher cost this month?')).toMatch(
      /"Invoice Fetcher" cost 4 credits this month .*over 2 runs/,
    );
    expect(await say('how many credits are left?')).toMatch(/has 996 credits left on the free plan/);
    expect(await say('what did we spend this week?')).toMatch(
      /spent 4 credits this week.*\n- "Invoice Fetcher": 4 credits/s,
    );
  });
});
