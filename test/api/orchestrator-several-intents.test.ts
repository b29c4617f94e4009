// Several requests in one chat message, with the built-in planner, through the API: one plan
// whose later operations find the agent an earlier one creates by its name, applied in order on
// approval, and taken back as a whole by undo; and an agent list ("pause A and B") as one plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let ws: string;
const ids: Record<string, string> = {};

async function agent(name: string) {
  const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: { spec: { name, steps: [{ id: 'collect', tool: 'transform', with: { expression: '{"n": 1}' } }] } },
  });
  expect(created.status, created.text).toBe(201);
  ids[name] = created.body.id;
}

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Several Intents Owner');
  ws = (await orca.createWorkspace(owner, 'Several Intents')).id;
  await orca.request('PATCH', '/api/me/memory', { token: owner.token, body: { timezone: 'Europe/Paris' } });
  await agent('Reporter');
  await agent('Lead Scraper');
  await agent('Weekly Report');
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

const call = (method: string, path: string) =>
  orca.request(method, `/api/workspaces/${ws}${path}`, {
    token: owner.token,
    body: method === 'GET' ? undefined : {},
  });

describe('several requests in one message', () => {
  it('creates an agent, schedules it and chains it in one plan; undo takes all of it back', async () => {
    const answer = await say(
      'build a scraper for https://example.com/team using table rows, run it every hour and then send its results to the reporter',
    );
    expect(answer.plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'createAgent',
      'runAgent',
      'scheduleAgent',
      'chainAgents',
    ]);
    const name = answer.plan.operations[0].spec.name as string;
    expect(answer.plan.operations[3]).toMatchObject({
      from: { agentName: name },
      to: { agentName: 'Reporter' },
    });

    const approved = await call('POST', `/plans/${answer.plan.id}/approve`);
    expect(approved.status, approved.text).toBe(200);
    const created = (await call('GET', '/agents')).body.items.find(
      (item: { name: string }) => item.name === name,
    );
    expect(created).toBeDefined();
    const schedule = await call('GET', `/agents/${created.id}/schedule`);
    expect(schedule.body.cron).toBe('0 * * * *');
    const chains = await call('GET', `/chains?agent=${created.id}`);
    expect(chains.status, chains.text).toBe(200);
    expect(JSON.stringify(chains.body)).toContain(ids.Reporter);

    const undone = await call('POST', `/plans/${answer.plan.id}/undo`);
    expect(undone.status, undone.text).toBe(200);
    const after = (await call('GET', '/agents')).body.items.map((item: { name: string }) => item.name);
    expect(after).not.toContain(name);
  });

  it('pauses two agents of a list in one plan, and undo resumes both', async () => {
    const answer = await say('pause the lead scraper and the weekly report');
    expect(answer.plan.operations.map((operation: { agentName: string }) => operation.agentName)).toEqual([
      'Lead Scraper',
      'Weekly Report',
    ]);
    expect((await call('POST', `/plans/${answer.plan.id}/approve`)).status).toBe(200);
    for (const name of ['Lead Scraper', 'Weekly Report'])
      expect((await call('GET', `/agents/${ids[name]}`)).body.status).toBe('paused');
    expect((await call('POST', `/plans/${answer.plan.id}/undo`)).status).toBe(200);
    for (const name of ['Lead Scraper', 'Weekly Report'])
      expect((await call('GET', `/agents/${ids[name]}`)).body.status).toBe('active');
  });
});
