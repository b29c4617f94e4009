// Schedules through the API and the scheduler of the platform's worker: words and cron in a time
// zone (the user's by default), firing on time, exactly once whoever looks, missed occurrences
// by policy, and nothing after disabling.
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
  owner = await orca.signUp('Schedule Owner');
  workspaceId = (await orca.createWorkspace(owner, 'Schedules Inc')).id;
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
        name: `Scheduled Agent ${++agentCounter}`,
        ...(input ? { input } : {}),
        steps: [{ id: 'echo', tool: 'transform', with: { expression: '{"at": $now()}' } }],
      },
    },
  });
  if (response.status !== 201) throw new Error(response.text);
  return response.body.id as string;
}

const schedulePath = (agentId: string) => `/api/workspaces/${workspaceId}/agents/${agentId}/schedule`;

async function scheduledRuns(agentId: string) {
  const response = await orca.request(
    'GET',
    `/api/workspaces/${workspaceId}/runs?agent=${agentId}&trigger=schedule`,
    {
      token: owner.token,
    },
  );
  return response.body.items as { id: string; status: string; scheduledFor: string; trigger: string }[];
}

/** Puts a schedule's next occurrence in the past, as if it came due while nobody looked. */
async function makeDue(agentId: string, at: Date) {
  await selectRows(
    orca.platform,
    sql`update schedules set next_fire_at = ${at.toISOString()} where agent_id = ${agentId} returning id`,
  );
}

function hourIn(timezone: string, iso: string) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

describe('schedules', () => {
  it('turns words into cron in the user memory’s time zone and shows the next five times', async () => {
    const agentId = await createAgent();
    const saved = await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { text: 'every weekday at 8am', enabled: false },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      cron: '0 8 * * 1-5',
      timezone: 'Europe/Paris',
      text: 'every weekday at 8am',
      enabled: false,
      missed: 'skip',
    });
    expect(saved.body.note).toContain('user memory');
    expect(saved.body.description).toContain('Monday through Friday');
    const enabled = await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { enabled: true },
    });
    expect(enabled.body.nextRuns).toHaveLength(5);
    for (const time of enabled.body.nextRuns as string[]) {
      expect(hourIn('Europe/Paris', time)).toBe('08:00');
      const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', weekday: 'short' }).format(
        new Date(time),
      );
      expect(['Sat', 'Sun']).not.toContain(weekday);
    }
    const read = await orca.request('GET', schedulePath(agentId), { token: owner.token });
    expect(read.body.cron).toBe('0 8 * * 1-5');

    const named = await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { text: 'first Monday of the month at 9', timezone: 'America/New_York' },
    });
    expect(named.body).toMatchObject({ cron: '0 9 * * 1#1', timezone: 'America/New_York' });
    expect(hourIn('America/New_York', named.body.nextRuns[0])).toBe('09:00');
    expect(new Date(named.body.nextRuns[0]).getUTCDate()).toBeLessThanOrEqual(7);

    // Cron's L: the last day of each month, whatever its length.
    const monthEnd = await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { text: 'the last day of the month at 6pm', timezone: 'UTC' },
    });
    expect(monthEnd.body).toMatchObject({ cron: '0 18 L * *' });
    for (const next of monthEnd.body.nextRuns as string[]) {
      const day = new Date(next);
      expect(new Date(day.getTime() + 24 * 60 * 60 * 1000).getUTCDate()).toBe(1);
    }
  });

  it('refuses what it cannot read, saying what and how to write it, and keeps the old schedule', async () => {
    const agentId = await createAgent();
    await orca.request('PUT', schedulePath(agentId), { token: owner.token, body: { cron: '30 6 * * *' } });
    const words = await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { text: 'every blue moon at 8am' },
    });
    expect(words.status).toBe(422);
    expect(words.body.error.message).toContain('"blue moon"');
    expect(words.body.error.message).toContain('every weekday at 8am');
    const cron = await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { cron: '61 * * * *' },
    });
    expect(cron.status).toBe(422);
    expect(cron.body.error.message).toContain('not a valid cron');
    const zone = await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { cron: '0 8 * * *', timezone: 'Mars/Olympus' },
    });
    expect(zone.status).toBe(422);
    expect(zone.body.error.message).toContain('Europe/Paris');
    const both = await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { cron: '0 8 * * *', text: 'hourly' },
    });
    expect(both.status).toBe(422);
    const kept = await orca.request('GET', schedulePath(agentId), { token: owner.token });
    expect(kept.body.cron).toBe('30 6 * * *');

    const strict = await createAgent({
      type: 'object',
      properties: { url: { type: 'string' } },
      required: ['url'],
    });
    const missingInput = await orca.request('PUT', schedulePath(strict), {
      token: owner.token,
      body: { text: 'hourly' },
    });
    expect(missingInput.status).toBe(422);
    expect(missingInput.body.error.message).toContain('url');
  });

  it('is another workspace’s business: 404 for an agent elsewhere', async () => {
    const agentId = await createAgent();
    const stranger = await orca.signUp('Stranger');
    const elsewhere = (await orca.createWorkspace(stranger, 'Elsewhere')).id;
    const response = await orca.request('PUT', `/api/workspaces/${elsewhere}/agents/${agentId}/schedule`, {
      token: stranger.token,
      body: { text: 'hourly' },
    });
    expect(response.status).toBe(404);
    const read = await orca.request('GET', schedulePath(agentId), { token: stranger.token });
    expect(read.status).toBe(404);
  });

  it('fires on time through the worker, and not once more after it is disabled', async () => {
    const agentId = await createAgent();
    await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { cron: '* * * * * *', timezone: 'UTC' },
    });
    await expect
      .poll(async () => (await scheduledRuns(agentId)).filter((run) => run.status === 'succeeded').length, {
        timeout: 15_000,
        interval: 100,
      })
      .toBeGreaterThanOrEqual(2);
    const runs = await scheduledRuns(agentId);
    const occurrences = runs.map((run) => run.scheduledFor);
    expect(new Set(occurrences).size).toBe(occurrences.length);
    for (const occurrence of occurrences) expect(new Date(occurrence).getUTCMilliseconds()).toBe(0);

    await orca.request('PUT', schedulePath(agentId), { token: owner.token, body: { enabled: false } });
    const before = (await scheduledRuns(agentId)).length;
    await makeDue(agentId, new Date(Date.now() - 1000));
    expect(await orca.platform.scheduler?.fireDue()).toBe(0);
    expect((await scheduledRuns(agentId)).length).toBe(before);
    const read = await orca.request('GET', schedulePath(agentId), { token: owner.token });
    expect(read.body).toMatchObject({ enabled: false, nextRuns: [] });
  });

  it('fires an occurrence once when several schedulers race for it', async () => {
    const agentId = await createAgent();
    await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { text: 'every day at 3am' },
    });
    const occurrence = new Date(Date.now() - 5_000);
    occurrence.setMilliseconds(0);
    await makeDue(agentId, occurrence);
    const schedulers = [1, 2, 3, 4].map(
      () => new Scheduler({ store: orca.platform.store, runQueue: orca.platform.runQueue, logger: quiet }),
    );
    await Promise.all(schedulers.map((scheduler) => scheduler.fireDue()));
    const runs = await scheduledRuns(agentId);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.scheduledFor).toBe(occurrence.toISOString());
    const read = await orca.request('GET', schedulePath(agentId), { token: owner.token });
    expect(new Date(read.body.nextRuns[0]).getTime()).toBeGreaterThan(Date.now());
  });

  it('skips occurrences missed while Orca was down, or runs once for them, as the schedule says', async () => {
    const skipping = await createAgent();
    await orca.request('PUT', schedulePath(skipping), { token: owner.token, body: { text: 'hourly' } });
    const catchingUp = await createAgent();
    await orca.request('PUT', schedulePath(catchingUp), {
      token: owner.token,
      body: { text: 'hourly', missed: 'run_once' },
    });
    const longAgo = new Date(Date.now() - 3 * 3_600_000);
    longAgo.setMinutes(0, 0, 0);
    await makeDue(skipping, longAgo);
    await makeDue(catchingUp, longAgo);
    await orca.platform.scheduler?.fireDue();
    expect(await scheduledRuns(skipping)).toHaveLength(0);
    const caughtUp = await scheduledRuns(catchingUp);
    expect(caughtUp).toHaveLength(1);
    expect(caughtUp[0]?.scheduledFor).toBe(longAgo.toISOString());
    for (const agentId of [skipping, catchingUp]) {
      const read = await orca.request('GET', schedulePath(agentId), { token: owner.token });
      expect(new Date(read.body.nextRuns[0]).getTime()).toBeGreaterThan(Date.now());
    }
  });

  it('is removed with DELETE', async () => {
    const agentId = await createAgent();
    await orca.request('PUT', schedulePath(agentId), { token: owner.token, body: { text: 'hourly' } });
    expect((await orca.request('DELETE', schedulePath(agentId), { token: owner.token })).status).toBe(204);
    expect((await orca.request('GET', schedulePath(agentId), { token: owner.token })).status).toBe(404);
  });

  it('keeps its next occurrence when only the input changes, and never fires an occurrence twice', async () => {
    const agentId = await createAgent();
    await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { text: 'every day at 3am' },
    });
    const fired = new Date(Date.now() - 2_000);
    fired.setMilliseconds(0);
    await makeDue(agentId, fired);
    // Fired here, or by the platform's own scheduler just before: either way, one run.
    await orca.platform.scheduler?.fireDue();
    await expect.poll(async () => (await scheduledRuns(agentId)).length).toBe(1);
    const [before] = await selectRows<{ next: string }>(
      orca.platform,
      sql`select next_fire_at as next from schedules where agent_id = ${agentId}`,
    );
    const next = new Date(before?.next ?? 0).toISOString();
    const changed = await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { input: { note: 'new input' } },
    });
    expect(changed.status).toBe(200);
    const [after] = await selectRows<{ next: string }>(
      orca.platform,
      sql`select next_fire_at as next from schedules where agent_id = ${agentId}`,
    );
    expect(new Date(after?.next ?? 0).toISOString()).toBe(next);

    // Set back onto the occurrence that already has its run (as a stale write would): the
    // scheduler moves on without a second run and without failing the other schedules.
    await makeDue(agentId, fired);
    await orca.platform.scheduler?.fireDue();
    expect(
      (await scheduledRuns(agentId)).filter((run) => run.scheduledFor === fired.toISOString()),
    ).toHaveLength(1);
    const read = await orca.request('GET', schedulePath(agentId), { token: owner.token });
    expect(new Date(read.body.nextRuns[0]).getTime()).toBeGreaterThan(Date.now());
  });

  it('fires once for a backlog of occurrences, and refuses a cron that never fires', async () => {
    const agentId = await createAgent();
    await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { cron: '*/10 * * * * *', timezone: 'UTC', enabled: false },
    });
    await orca.request('PUT', schedulePath(agentId), { token: owner.token, body: { enabled: true } });
    const behind = new Date(Date.now() - 35_000);
    behind.setSeconds(Math.floor(behind.getSeconds() / 10) * 10, 0);
    await orca.platform.scheduler?.stop();
    await makeDue(agentId, behind);
    const scheduler = new Scheduler({
      store: orca.platform.store,
      runQueue: orca.platform.runQueue,
      logger: quiet,
    });
    await scheduler.fireDue();
    const runs = await scheduledRuns(agentId);
    expect(runs.map((run) => run.scheduledFor)).toEqual([behind.toISOString()]);
    const [row] = await selectRows<{ next: string }>(
      orca.platform,
      sql`select next_fire_at as next from schedules where agent_id = ${agentId}`,
    );
    expect(new Date(row?.next ?? 0).getTime()).toBeGreaterThan(Date.now() - 1_000);

    const never = await orca.request('PUT', schedulePath(agentId), {
      token: owner.token,
      body: { cron: '0 0 31 2 *' },
    });
    expect(never.status).toBe(422);
    expect(never.body.error.message).toContain('never fires');
  });
});
