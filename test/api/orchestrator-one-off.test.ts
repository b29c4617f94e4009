// One-off runs from chat, with the built-in planner: "run the collector tomorrow at 9" becomes a
// plan with runAt in the user's zone, approving adds a one-off run beside the agent's schedule
// (which stays), the scheduler fires it once, and undo cancels one that has not fired.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let ws: string;
let collector: { id: string; name: string };

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('One-off Chat Owner');
  ws = (await orca.createWorkspace(owner, 'One-offs From Chat')).id;
  await orca.request('PATCH', '/api/me/memory', { token: owner.token, body: { timezone: 'Europe/Paris' } });
  const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: 'Data Collector',
        steps: [{ id: 'collect', tool: 'transform', with: { expression: '{"count": 3}' } }],
      },
    },
  });
  collector = created.body;
  await orca.request('PUT', `/api/workspaces/${ws}/agents/${collector.id}/schedule`, {
    token: owner.token,
    body: { text: 'every monday at 8am' },
  });
});
afterAll(async () => {
  await orca.close();
});

async function say(text: string) {
  const response = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
    token: owner.token,
    body: { text },
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

const oneOffs = async () =>
  (
    await orca.request('GET', `/api/workspaces/${ws}/agents/${collector.id}/one-off-runs`, {
      token: owner.token,
    })
  ).body.items as { id: string; runAt: string; firedAt: string | null; runId: string | null }[];

describe('one-off runs from chat', () => {
  it('plans, applies, fires once and leaves the schedule as it is', async () => {
    const answer = await say('run the data collector tomorrow at 9');
    expect(answer.reply).toMatch(/once, on \w+ \d+ \w+ at 09:00 \(times in Europe\/Paris, your time zone\)/);
    expect(answer.reply).toMatch(
      /Its schedule \(at 08:00 AM, only on Monday \(Europe\/Paris\)\) stays as it is/,
    );
    const [operation] = answer.plan.operations;
    expect(operation).toMatchObject({
      type: 'scheduleAgent',
      agentId: collector.id,
      timezone: 'Europe/Paris',
    });
    const at = new Date(operation.runAt);
    expect(at.getTime()).toBeGreaterThan(Date.now());
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
      }).format(at),
    ).toBe('09:00');

    const applied = await orca.request('POST', `/api/workspaces/${ws}/plans/${answer.plan.id}/approve`, {
      token: owner.token,
      body: {},
    });
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body.results[0].note).toMatch(/^Once, on .* at 09:00 \(Europe\/Paris\)$/);
    const [pending] = await oneOffs();
    expect(pending).toMatchObject({ runAt: at.toISOString(), firedAt: null });
    const schedule = await orca.request('GET', `/api/workspaces/${ws}/agents/${collector.id}/schedule`, {
      token: owner.token,
    });
    expect(schedule.body.cron).toBe('0 8 * * 1');

    // Its time comes (moved into the past, as the scheduler tests do): it fires once.
    await selectRows(
      orca.platform,
      sql`update one_off_runs set run_at = ${new Date(Date.now() - 1000).toISOString()} where id = ${pending?.id} returning id`,
    );
    expect(await orca.platform.scheduler?.fireDue()).toBeGreaterThanOrEqual(0);
    await expect.poll(async () => (await oneOffs())[0]?.runId ?? null, { timeout: 10_000 }).not.toBeNull();
    expect(await orca.platform.scheduler?.fireDue()).toBe(0);
    const undone = await orca.request('POST', `/api/workspaces/${ws}/plans/${answer.plan.id}/undo`, {
      token: owner.token,
    });
    expect(undone.status).toBe(409);
    expect(undone.body.error.message).toContain('already started');
  });

  it('undoes a one-off run that has not fired by cancelling it', async () => {
    const answer = await say('run the data collector next tuesday at 3pm');
    expect(answer.plan.operations[0].runAt).toBeDefined();
    const before = (await oneOffs()).length;
    await orca.request('POST', `/api/workspaces/${ws}/plans/${answer.plan.id}/approve`, {
      token: owner.token,
      body: {},
    });
    expect(await oneOffs()).toHaveLength(before + 1);
    const when = await say('when does the data collector run next?');
    expect(when.reply).toMatch(/It also runs once on Tuesday \d+ \w+ at 15:00 \(Europe\/Paris\)\./);
    const undone = await orca.request('POST', `/api/workspaces/${ws}/plans/${answer.plan.id}/undo`, {
      token: owner.token,
    });
    expect(undone.status, undone.text).toBe(200);
    expect(await oneOffs()).toHaveLength(before);
  });

  it('says plainly what a schedule cannot say, with the nearest as options', async () => {
    const answer = await say('run the data collector every other week');
    expect(answer.reply).toMatch(/cannot say "every other week"/);
    expect(answer.reply).not.toMatch(/already runs/);
    expect(answer.plan.operations).toEqual([]);
    expect(answer.plan.questions[0].options).toEqual([
      'every monday at 9:00',
      'first monday of the month at 9:00',
    ]);
  });
});
