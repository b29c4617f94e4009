// What the automations page reads and checks: a schedule previewed before it is saved (words or
// cron, the next five times, a refusal in words), the recent calls of a hook (accepted, refused
// and why, never the body or a secret, bounded per hook) and every hook of the workspace. Another
// workspace's agent or hook is a 404, and a viewer may read but not write.
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hookCallsKept } from '../../src/store/hook-call-repository.ts';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let workspaceId: string;
let otherWorkspaceId: string;

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Ada Automations');
  viewer = await orca.signUp('Vera Viewer');
  stranger = await orca.signUp('Sam Stranger');
  workspaceId = (await orca.createWorkspace(owner, 'Automations Inc')).id;
  otherWorkspaceId = (await orca.createWorkspace(stranger, 'Elsewhere Ltd')).id;
  await orca.addMember(owner, workspaceId, viewer, 'viewer');
  await orca.request('PATCH', '/api/me/memory', { token: owner.token, body: { timezone: 'Europe/Paris' } });
});
afterAll(() => orca.close());

const spec = (name: string) => ({
  name,
  input: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
  steps: [{ id: 'echo', tool: 'transform', with: { expression: 'input' } }],
});

async function createAgent(name: string, inWorkspace = workspaceId, user = owner) {
  const response = await orca.request('POST', `/api/workspaces/${inWorkspace}/agents`, {
    token: user.token,
    body: { spec: spec(name) },
  });
  expect(response.status, response.text).toBe(201);
  return response.body.id as string;
}

const preview = (body: unknown, user = owner, inWorkspace = workspaceId) =>
  orca.request('POST', `/api/workspaces/${inWorkspace}/schedule-preview`, { token: user.token, body });

function callHook(url: string, body: string, headers: Record<string, string> = {}) {
  return orca.request('POST', new URL(url).pathname, {
    rawBody: body,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe('schedule preview', () => {
  it('reads words in the user memory’s time zone and gives the next five times as ISO and in words', async () => {
    const response = await preview({ text: 'every weekday at 9' });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({
      cron: '0 9 * * 1-5',
      timezone: 'Europe/Paris',
      description: 'At 09:00 AM, Monday through Friday (Europe/Paris)',
    });
    expect(response.body.timezoneNote).toContain('your time zone');
    const runs = response.body.nextRuns as { at: string; words: string }[];
    expect(runs).toHaveLength(5);
    for (const run of runs) {
      const at = new Date(run.at);
      expect(at.getTime()).toBeGreaterThan(Date.now());
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(at);
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 09:00$/);
      expect(run.words).toMatch(/(Monday|Tuesday|Wednesday|Thursday|Friday) \d+ \w+ at 09:00/);
    }
  });

  it('reads a cron in the time zone given, for a viewer too (nothing is saved)', async () => {
    const response = await preview({ cron: '30 7 * * 1', timezone: 'America/New_York' }, viewer);
    expect(response.status, response.text).toBe(200);
    expect(response.body.timezone).toBe('America/New_York');
    expect(response.body.nextRuns[0].words).toMatch(/^Monday .* at 07:30$/);
  });

  it('refuses what a schedule cannot say, in words that say what to write instead', async () => {
    const fortnight = await preview({ text: 'every other week' });
    expect(fortnight.status).toBe(422);
    expect(fortnight.body.error.message).toContain('cannot say "every other week"');
    expect(fortnight.body.error.message).toContain('The nearest is');
    const badCron = await preview({ cron: '61 * * * *' });
    expect(badCron.status).toBe(422);
    expect(badCron.body.error.message).toContain('is not a valid cron expression');
    const zone = await preview({ text: 'every day at 8', timezone: 'Mars/Olympus' });
    expect(zone.status).toBe(422);
    expect(zone.body.error.message).toContain('is not a time zone Orca knows');
    const both = await preview({ text: 'every day at 8', cron: '0 8 * * *' });
    expect(both.status).toBe(422);
    expect((await preview({})).status).toBe(422);
  });

  it('is refused for a workspace the caller is not in', async () => {
    const response = await preview({ text: 'every day at 8' }, stranger);
    expect(response.status).toBe(404);
  });
});

describe('hook calls', () => {
  it('records accepted and refused calls with their reason and run, never the body or a secret', async () => {
    const agentId = await createAgent('Call Recorder');
    const created = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/hooks`, {
      token: owner.token,
      body: { name: 'inbox', signed: true, ratePerMinute: 2 },
    });
    expect(created.status, created.text).toBe(201);
    const {
      id: hookId,
      url,
      signingSecret,
    } = created.body as { id: string; url: string; signingSecret: string };
    const callsPath = `/api/workspaces/${workspaceId}/agents/${agentId}/hooks/${hookId}/calls`;
    expect((await orca.request('GET', callsPath, { token: owner.token })).body.items).toEqual([]);

    const body = JSON.stringify({ url: 'https://example.com/private-body-marker' });
    const sign = (payload: string) => {
      const timestamp = Math.floor(Date.now() / 1000);
      const hex = createHmac('sha256', signingSecret).update(`${timestamp}.${payload}`).digest('hex');
      return `t=${timestamp},v1=${hex}`;
    };
    const accepted = await callHook(url, body, { 'orca-signature': sign(body) });
    expect(accepted.status, accepted.text).toBe(202);
    const badSignature = await callHook(url, body, { 'orca-signature': 't=1,v1=00' });
    expect(badSignature.status).toBe(401);
    const missingField = JSON.stringify({ note: 'no url' });
    const invalid = await callHook(url, missingField, { 'orca-signature': sign(missingField) });
    expect(invalid.status).toBe(422);

    const calls = await orca.request('GET', callsPath, { token: viewer.token });
    expect(calls.status, calls.text).toBe(200);
    expect(calls.body.items).toHaveLength(3);
    const [newest, middle, oldest] = calls.body.items;
    expect(oldest).toMatchObject({
      outcome: 'accepted',
      refusal: null,
      runId: accepted.body.runId,
      status: 202,
    });
    expect(oldest.words).toBe('Started a run');
    expect(middle).toMatchObject({ outcome: 'refused', refusal: 'bad_signature', runId: null, status: 401 });
    expect(middle.words).toBe('Refused: the signature was missing, stale or wrong');
    expect(newest).toMatchObject({ outcome: 'refused', refusal: 'invalid_input', status: 422 });
    expect(new Date(newest.calledAt).getTime()).toBeGreaterThanOrEqual(new Date(oldest.calledAt).getTime());

    const stored = JSON.stringify(
      await selectRows(orca.platform, sql`select * from hook_calls where hook_id = ${hookId}`),
    );
    expect(stored).not.toContain('private-body-marker');
    expect(stored).not.toContain(signingSecret);
    expect(stored).not.toContain(new URL(url).pathname.split('/').at(-1));
    expect(calls.text).not.toContain('private-body-marker');

    const limited = await orca.request('GET', `${callsPath}?limit=1`, { token: owner.token });
    expect(limited.body.items).toHaveLength(1);
    expect(limited.body.items[0].id).toBe(newest.id);
  });

  it('records a disabled hook’s and a paused agent’s refusals, and rate limiting', async () => {
    const agentId = await createAgent('Refusals');
    const hooksPath = `/api/workspaces/${workspaceId}/agents/${agentId}/hooks`;
    const created = await orca.request('POST', hooksPath, { token: owner.token, body: { ratePerMinute: 1 } });
    const { id: hookId, url } = created.body as { id: string; url: string };
    const body = JSON.stringify({ url: 'https://example.com' });
    expect((await callHook(url, body)).status).toBe(202);
    expect((await callHook(url, body)).status).toBe(429);
    await orca.request('PATCH', `${hooksPath}/${hookId}`, { token: owner.token, body: { enabled: false } });
    expect((await callHook(url, body)).status).toBe(404);
    await orca.request('PATCH', `${hooksPath}/${hookId}`, {
      token: owner.token,
      body: { enabled: true, ratePerMinute: 100 },
    });
    await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/pause`, {
      token: owner.token,
    });
    expect((await callHook(url, body)).status).toBe(409);
    const calls = await orca.request('GET', `${hooksPath}/${hookId}/calls`, { token: owner.token });
    expect(calls.body.items.map((call: { refusal: string | null }) => call.refusal)).toEqual([
      'agent_paused',
      'disabled',
      'rate_limited',
      null,
    ]);
  });

  it(`keeps only the newest ${hookCallsKept} calls of a hook`, async () => {
    const agentId = await createAgent('Flooded');
    const created = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/hooks`, {
      token: owner.token,
      body: { ratePerMinute: 1 },
    });
    const { id: hookId, url } = created.body as { id: string; url: string };
    for (let call = 0; call < hookCallsKept + 8; call += 1) await callHook(url, '{}');
    const [row] = await selectRows<{ count: number }>(
      orca.platform,
      sql`select count(*)::int as count from hook_calls where hook_id = ${hookId}`,
    );
    expect(row?.count).toBe(hookCallsKept);
  });

  it('lists every hook of the workspace with its agent and last call, and nothing of another workspace', async () => {
    const agentId = await createAgent('Listed');
    const created = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/hooks`, {
      token: owner.token,
      body: { name: 'listed hook' },
    });
    await callHook(created.body.url, JSON.stringify({ url: 'https://example.com' }));
    const strangerAgent = await createAgent('Foreign', otherWorkspaceId, stranger);
    await orca.request('POST', `/api/workspaces/${otherWorkspaceId}/agents/${strangerAgent}/hooks`, {
      token: stranger.token,
      body: { name: 'foreign hook' },
    });

    const listed = await orca.request('GET', `/api/workspaces/${workspaceId}/hooks`, { token: viewer.token });
    expect(listed.status, listed.text).toBe(200);
    const hook = listed.body.items.find((item: { id: string }) => item.id === created.body.id);
    expect(hook).toMatchObject({ agentId, agentName: 'Listed', name: 'listed hook' });
    expect(hook.lastCall).toMatchObject({ outcome: 'accepted' });
    expect(hook).not.toHaveProperty('url');
    expect(listed.text).not.toContain('foreign hook');
    expect(listed.text).not.toContain(new URL(created.body.url).pathname.split('/').at(-1));

    expect(
      (await orca.request('GET', `/api/workspaces/${workspaceId}/hooks`, { token: stranger.token })).status,
    ).toBe(404);
    // Another workspace's hook, named through this workspace's agent or the other's, is not found.
    const foreignHooks = await orca.request(
      'GET',
      `/api/workspaces/${otherWorkspaceId}/agents/${strangerAgent}/hooks`,
      {
        token: stranger.token,
      },
    );
    const foreignHookId = foreignHooks.body.items[0].id as string;
    for (const path of [
      `/api/workspaces/${workspaceId}/agents/${agentId}/hooks/${foreignHookId}/calls`,
      `/api/workspaces/${workspaceId}/agents/${strangerAgent}/hooks/${foreignHookId}/calls`,
      `/api/workspaces/${otherWorkspaceId}/agents/${strangerAgent}/hooks/${foreignHookId}/calls`,
    ]) {
      expect((await orca.request('GET', path, { token: owner.token })).status, path).toBe(404);
    }
  });

  it('lets a viewer read hooks but not make, change or delete them, nor schedules and chains', async () => {
    const agentId = await createAgent('Viewer Target');
    const other = await createAgent('Viewer Other');
    const hook = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/hooks`, {
      token: owner.token,
      body: {},
    });
    const writes: [string, string, unknown][] = [
      ['POST', `/agents/${agentId}/hooks`, {}],
      ['PATCH', `/agents/${agentId}/hooks/${hook.body.id}`, { rotateToken: true }],
      ['DELETE', `/agents/${agentId}/hooks/${hook.body.id}`, undefined],
      ['PUT', `/agents/${agentId}/schedule`, { text: 'every day at 8' }],
      ['POST', `/agents/${agentId}/one-off-runs`, { runAt: new Date(Date.now() + 3600_000).toISOString() }],
      ['POST', '/chains', { fromAgentId: agentId, toAgentId: other }],
    ];
    for (const [method, path, body] of writes) {
      const response = await orca.request(method, `/api/workspaces/${workspaceId}${path}`, {
        token: viewer.token,
        body,
      });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    const calls = await orca.request(
      'GET',
      `/api/workspaces/${workspaceId}/agents/${agentId}/hooks/${hook.body.id}/calls`,
      {
        token: viewer.token,
      },
    );
    expect(calls.status).toBe(200);
  });
});
