// Schedules and chains from chat, with the built-in planner (no LLM): a schedule in words in the
// user memory's time zone, a chain whose runs really start, undo of each plan, a loop refused
// at approval with nothing changed, and approving twice applying once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let ws: string;
let collector: { id: string; name: string };
let reporter: { id: string; name: string };

async function createAgent(spec: Record<string, unknown>) {
  const response = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: { spec },
  });
  if (response.status !== 201) throw new Error(response.text);
  return response.body as { id: string; name: string };
}

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Trigger Owner');
  ws = (await orca.createWorkspace(owner, 'Triggers From Chat')).id;
  const memory = await orca.request('PATCH', '/api/me/memory', {
    token: owner.token,
    body: { timezone: 'Europe/Paris' },
  });
  expect(memory.status, memory.text).toBe(200);
  collector = await createAgent({
    name: 'Data Collector',
    steps: [
      { id: 'collect', tool: 'transform', with: { expression: '{"items": ["a", "b", "c"], "count": 3}' } },
    ],
    output: '{{ steps.collect.value }}',
  });
  reporter = await createAgent({
    name: 'Reporter',
    input: { type: 'object', properties: { count: { type: 'number' } }, required: ['count'] },
    steps: [
      {
        id: 'report',
        tool: 'transform',
        with: { expression: '"Report of " & $string(input.count) & " items"' },
      },
    ],
    output: '{{ steps.report.value }}',
  });
});
afterAll(async () => {
  await orca.close();
});

async function say(text: string, conversationId?: string) {
  const response = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
    token: owner.token,
    body: { text, conversationId },
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

function approve(planId: string, body: Record<string, unknown> = {}) {
  return orca.request('POST', `/api/workspaces/${ws}/plans/${planId}/approve`, { token: owner.token, body });
}

function undo(planId: string) {
  return orca.request('POST', `/api/workspaces/${ws}/plans/${planId}/undo`, { token: owner.token });
}

function scheduleOf(agentId: string) {
  return orca.request('GET', `/api/workspaces/${ws}/agents/${agentId}/schedule`, { token: owner.token });
}

async function chains() {
  const response = await orca.request('GET', `/api/workspaces/${ws}/chains`, { token: owner.token });
  return response.body.items as { fromAgentName: string; toAgentName: string; on: string }[];
}

// biome-ignore lint/suspicious/noExplicitAny: runs are read loosely and asserted on.
async function runsOf(agentId: string): Promise<any[]> {
  const response = await orca.request('GET', `/api/workspaces/${ws}/runs?agent=${agentId}`, {
    token: owner.token,
  });
  return response.body.items;
}

describe('schedules and chains from chat', () => {
  let schedulePlan: string;

  it('schedules an agent in words, in the time zone of the user memory', async () => {
    const answer = await say('schedule the collector to run every morning at 8am');
    expect(answer.plan.status).toBe('proposed');
    expect(answer.plan.summary).toMatch(
      /At 08:00 AM \(Europe\/Paris\); times in Europe\/Paris, your time zone/,
    );
    expect(answer.plan.operations).toEqual([
      expect.objectContaining({
        type: 'scheduleAgent',
        agentId: collector.id,
        text: 'every morning at 8am',
        timezone: 'Europe/Paris',
        before: null,
      }),
    ]);
    expect(answer.reply).toMatch(/Next: \w+ \d+ \w+ at 08:00/);
    expect((await scheduleOf(collector.id)).status).toBe(404);

    const applied = await approve(answer.plan.id);
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body.results[0].note).toMatch(/At 08:00 AM \(Europe\/Paris\)/);
    const again = await approve(answer.plan.id);
    expect(again.body.results).toEqual(applied.body.results);

    const schedule = await scheduleOf(collector.id);
    expect(schedule.status).toBe(200);
    expect(schedule.body).toMatchObject({
      cron: '0 8 * * *',
      timezone: 'Europe/Paris',
      text: 'every morning at 8am',
      enabled: true,
    });
    expect(schedule.body.nextRuns).toHaveLength(5);
    const audit = await orca.request('GET', `/api/workspaces/${ws}/audit?action=schedule.created`, {
      token: owner.token,
    });
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        targetId: collector.id,
        details: expect.objectContaining({ planId: answer.plan.id }),
      }),
    ]);
    schedulePlan = answer.plan.id;

    // In the same conversation, "it" is the agent just scheduled.
    const followUp = await say('when it finishes, send its results to the reporter', answer.conversationId);
    expect(followUp.plan.operations[0]).toMatchObject({
      type: 'chainAgents',
      from: { agentId: collector.id, agentName: 'Data Collector' },
      to: { agentId: reporter.id, agentName: 'Reporter' },
    });
    const rejected = await orca.request('POST', `/api/workspaces/${ws}/plans/${followUp.plan.id}/reject`, {
      token: owner.token,
    });
    expect(rejected.body.status).toBe('rejected');
  });

  it('answers when an agent runs next, from its schedule', async () => {
    const answer = await say('when does the data collector run next?');
    expect(answer.plan).toBeUndefined();
    expect(answer.reply).toMatch(
      /"Data Collector" runs at 08:00 AM \(Europe\/Paris\)\. Next: .*at 08:00; .*at 08:00/,
    );
  });

  it('replaces a schedule and undoes back to the one before; refuses to undo over a change by hand', async () => {
    const answer = await say('run the data collector every weekday at 9:30');
    expect(answer.plan.operations[0].before).toMatchObject({ cron: '0 8 * * *', timezone: 'Europe/Paris' });
    expect((await approve(answer.plan.id)).status).toBe(200);
    expect((await scheduleOf(collector.id)).body.cron).toBe('30 9 * * 1-5');

    const undone = await undo(answer.plan.id);
    expect(undone.status, undone.text).toBe(200);
    expect((await scheduleOf(collector.id)).body).toMatchObject({
      cron: '0 8 * * *',
      timezone: 'Europe/Paris',
    });

    const stale = await say('run the data collector hourly');
    expect((await approve(stale.plan.id)).status).toBe(200);
    await orca.request('PUT', `/api/workspaces/${ws}/agents/${collector.id}/schedule`, {
      token: owner.token,
      body: { cron: '0 6 * * *' },
    });
    const refused = await undo(stale.plan.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/schedule of "Data Collector" was changed after the plan/);
    expect((await scheduleOf(collector.id)).body.cron).toBe('0 6 * * *');
  });

  it('reads an edited schedule without a time zone in the approving user’s', async () => {
    const needsInput = await say('run the reporter every day at noon');
    expect(needsInput.plan).toBeUndefined();
    expect(needsInput.reply).toMatch(/needs count as input/);
    const answer = await say('run the reporter every day at noon with {"count": 2}');
    expect(answer.plan.operations[0]).toMatchObject({ input: { count: 2 }, timezone: 'Europe/Paris' });
    const edited = await approve(answer.plan.id, {
      operations: [
        { type: 'scheduleAgent', agentId: reporter.id, agentName: 'Reporter', cron: '0 12 * * 1' },
      ],
    });
    expect(edited.status, edited.text).toBe(422);
    expect(edited.body.error.message).toMatch(/input does not match.*count/);
    const withInput = await approve(answer.plan.id, {
      operations: [
        {
          type: 'scheduleAgent',
          agentId: reporter.id,
          agentName: 'Reporter',
          cron: '0 12 * * 1',
          input: { count: 1 },
        },
      ],
    });
    expect(withInput.status, withInput.text).toBe(200);
    expect((await scheduleOf(reporter.id)).body).toMatchObject({
      cron: '0 12 * * 1',
      timezone: 'Europe/Paris',
    });
    expect((await undo(answer.plan.id)).status).toBe(200);
    expect((await scheduleOf(reporter.id)).status).toBe(404);
  });

  it('chains the collector to the reporter, whose runs then start with trigger chain', async () => {
    const answer = await say('when the collector finishes, send its results to the reporter');
    expect(answer.plan.operations).toEqual([
      {
        type: 'chainAgents',
        from: { agentId: collector.id, agentName: 'Data Collector' },
        to: { agentId: reporter.id, agentName: 'Reporter' },
        on: 'success',
      },
    ]);
    // Planned before the chain exists, so the planner sees no loop; approval must refuse it.
    const loop = await say('when the reporter finishes, run the data collector');
    expect(loop.plan.operations[0].type).toBe('chainAgents');

    const applied = await approve(answer.plan.id);
    expect(applied.status, applied.text).toBe(200);
    expect(await chains()).toEqual([
      expect.objectContaining({ fromAgentName: 'Data Collector', toAgentName: 'Reporter', on: 'success' }),
    ]);

    const refused = await approve(loop.plan.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(
      /would make a loop: "Reporter" → "Data Collector" → "Reporter"/,
    );
    expect(await chains()).toHaveLength(1);
    const after = await orca.request('GET', `/api/workspaces/${ws}/plans/${loop.plan.id}`, {
      token: owner.token,
    });
    expect(after.body.status).toBe('proposed');

    const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${collector.id}/runs`, {
      token: owner.token,
      body: {},
    });
    expect(started.status, started.text).toBe(202);
    await expect
      .poll(async () => (await runsOf(reporter.id)).find((run) => run.status === 'succeeded'), {
        timeout: 20_000,
        interval: 100,
      })
      .toMatchObject({ trigger: 'chain', parentRunId: started.body.id, output: 'Report of 3 items' });

    const undone = await undo(answer.plan.id);
    expect(undone.status, undone.text).toBe(200);
    expect(await chains()).toEqual([]);
  });

  it('unchains and unschedules from chat, and undo brings both back', async () => {
    const chained = await say('chain the data collector to the reporter');
    expect((await approve(chained.plan.id)).status).toBe(200);

    const unchain = await say('stop sending the data collector’s results to the reporter');
    expect(unchain.plan.operations[0]).toMatchObject({ type: 'unchainAgents' });
    expect((await approve(unchain.plan.id)).status).toBe(200);
    expect(await chains()).toEqual([]);
    expect((await undo(unchain.plan.id)).status).toBe(200);
    expect(await chains()).toEqual([
      expect.objectContaining({ fromAgentName: 'Data Collector', on: 'success' }),
    ]);

    const onFailure = await say('if the data collector fails, run the reporter');
    expect(onFailure.plan.summary).toMatch(/on failure \(instead of on success\)/);
    expect((await approve(onFailure.plan.id)).status).toBe(200);
    expect(await chains()).toEqual([expect.objectContaining({ on: 'failure' })]);
    expect((await undo(onFailure.plan.id)).status).toBe(200);
    expect(await chains()).toEqual([expect.objectContaining({ on: 'success' })]);

    const unschedule = await say('stop running the data collector on a schedule');
    expect(unschedule.plan.operations[0]).toMatchObject({
      type: 'unscheduleAgent',
      before: { cron: '0 6 * * *' },
    });
    expect((await approve(unschedule.plan.id)).status).toBe(200);
    expect((await scheduleOf(collector.id)).status).toBe(404);
    expect((await undo(unschedule.plan.id)).status).toBe(200);
    expect((await scheduleOf(collector.id)).body).toMatchObject({
      cron: '0 6 * * *',
      timezone: 'Europe/Paris',
    });

    // The very first schedule plan was overtaken by later changes: undoing it now would lose them.
    expect((await undo(schedulePlan)).status).toBe(409);
  });

  it('brings back the schedule, chains and webhooks of a deleted agent when the delete is undone', async () => {
    const hook = await orca.request('POST', `/api/workspaces/${ws}/agents/${collector.id}/hooks`, {
      token: owner.token,
      body: { name: 'crm' },
    });
    expect(hook.status, hook.text).toBe(201);
    const hookPath = new URL(hook.body.url).pathname;
    const deleted = await say('delete the data collector');
    expect((await approve(deleted.plan.id)).status).toBe(200);
    expect(await chains()).toEqual([]);
    expect((await undo(deleted.plan.id)).status).toBe(200);
    expect((await scheduleOf(collector.id)).body).toMatchObject({
      cron: '0 6 * * *',
      timezone: 'Europe/Paris',
    });
    expect(await chains()).toEqual([
      expect.objectContaining({ fromAgentName: 'Data Collector', toAgentName: 'Reporter', on: 'success' }),
    ]);
    // The webhook answers at its old address again.
    const hooks = await orca.request('GET', `/api/workspaces/${ws}/agents/${collector.id}/hooks`, {
      token: owner.token,
    });
    expect(hooks.body.items.map((item: { name: string }) => item.name)).toEqual(['crm']);
    const called = await orca.request('POST', hookPath, { body: {} });
    expect(called.status, called.text).toBe(202);
  });

  it('creates an agent and its schedule in one plan', async () => {
    const answer = await say('create an agent that monitors http://127.0.0.1:9/status every morning at 8am');
    expect(answer.plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'createAgent',
      'runAgent',
      'scheduleAgent',
    ]);
    const applied = await approve(answer.plan.id);
    expect(applied.status, applied.text).toBe(200);
    const created = applied.body.results[2];
    expect((await scheduleOf(created.agentId)).body).toMatchObject({
      cron: '0 8 * * *',
      timezone: 'Europe/Paris',
    });
  });
});
