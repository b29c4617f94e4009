// A portal agent made from one chat message, end to end in real Chromium with the built-in
// planner: the plan connects the portal's login (waiting for its password) and creates the
// agent; approved, the agent refuses to run until the password is added; then it signs in with
// password and one-time code, downloads every file of every page of the listing as deliverables,
// and its next run downloads nothing it already has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalAccount, startBrowserPlatform } from '../support/browser-platform.ts';
import type { TestPlatform, TestUser } from '../support/test-platform.ts';
import { startTestPortal, type TestPortal } from '../support/test-portal.ts';

const account = portalAccount;
let orca: TestPlatform;
let portal: TestPortal;
let owner: TestUser;
let ws: string;

beforeAll(async () => {
  portal = await startTestPortal(account);
  orca = await startBrowserPlatform();
  owner = await orca.signUp('Portal Chat Owner');
  ws = (await orca.createWorkspace(owner, 'Portal Chat')).id;
}, 60_000);
afterAll(async () => {
  await orca.close();
  await portal.close();
});

async function run(agentId: string) {
  const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agentId}/runs`, {
    token: owner.token,
    body: {},
  });
  expect(started.status, started.text).toBe(202);
  for (let tries = 0; tries < 600; tries++) {
    const current = await orca.request('GET', `/api/workspaces/${ws}/runs/${started.body.id}`, {
      token: owner.token,
    });
    if (['succeeded', 'failed', 'cancelled'].includes(current.body.status)) return current.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the run did not finish');
}

async function deliverableNames(runId: string) {
  const listed = await orca.request('GET', `/api/workspaces/${ws}/deliverables?run=${runId}`, {
    token: owner.token,
  });
  return listed.body.items.map((file: { name: string }) => file.name).sort();
}

describe('a portal agent from chat', () => {
  it('connects the login, creates the agent, and once the password is added downloads only what is new', async () => {
    const said = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      token: owner.token,
      body: {
        text: `log into ${portal.url}/login as buyer@example.com and download all the documents from ${portal.url}/documents`,
      },
    });
    expect(said.status, said.text).toBe(200);
    const plan = said.body.plan;
    expect(plan.questions).toEqual([]);
    expect(plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'connectAccount',
      'createAgent',
    ]);
    expect(plan.operations[0]).toMatchObject({
      kind: 'login',
      settings: { username: account.username, allowedHosts: [portal.host] },
    });
    expect(plan.operations[1].spec.name).toBe('Document Collector');
    expect(said.body.reply).toMatch(/PATCH .*"password".*then run it/);

    const approved = await orca.request('POST', `/api/workspaces/${ws}/plans/${plan.id}/approve`, {
      token: owner.token,
      body: {},
    });
    expect(approved.status, approved.text).toBe(200);
    const connectionId = approved.body.results[0].connectionId;
    const agentId = approved.body.results[1].agentId;
    // No test run was started: it would only have waited for the password.
    expect(approved.body.results).toHaveLength(2);

    const early = await run(agentId);
    expect(early.status).toBe('failed');
    expect(early.error.message).toMatch(/has no password yet.*PATCH/);

    const patched = await orca.request('PATCH', `/api/workspaces/${ws}/connections/${connectionId}`, {
      token: owner.token,
      body: { secret: { password: account.password, totpSecret: account.totpSecret } },
    });
    expect(patched.status, patched.text).toBe(200);

    const first = await run(agentId);
    expect(first.status, JSON.stringify(first.error)).toBe('succeeded');
    const everyFile = ['invoice-2026-09.pdf', 'invoice-2026-10.pdf', 'statement-q3.csv'];
    expect([...first.output.downloaded].sort()).toEqual(everyFile);
    expect(await deliverableNames(first.id)).toEqual(everyFile);

    const second = await run(agentId);
    expect(second.status, JSON.stringify(second.error)).toBe('succeeded');
    expect(second.output).toMatchObject({ count: 0, downloaded: [] });
    expect(await deliverableNames(second.id)).toEqual([]);
    for (const file of everyFile) expect(portal.downloads.get(file)).toBe(1);
    expect(orca.platform.services.browsers.openSessions).toBe(0);
  }, 120_000);

  it('asks which page lists the files, and with the portal’s login already connected tests the agent at once', async () => {
    const asked = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      token: owner.token,
      body: { text: `sign in to ${portal.url}/login and save new invoices every weekday at 7am` },
    });
    expect(asked.body.plan.status).toBe('needs_answers');
    expect(asked.body.plan.questions.map((question: { id: string }) => question.id)).toEqual(['url']);

    const answered = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      token: owner.token,
      body: { text: `${portal.url}/documents`, conversationId: asked.body.conversationId },
    });
    const plan = answered.body.plan;
    expect(plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'createAgent',
      'runAgent',
      'scheduleAgent',
    ]);
    expect(plan.operations[0].spec.name).toBe('Invoice Collector');
    expect(plan.operations[0].spec.steps[0].with.connection).toBe('portal');

    const approved = await orca.request('POST', `/api/workspaces/${ws}/plans/${plan.id}/approve`, {
      token: owner.token,
      body: {},
    });
    expect(approved.status, approved.text).toBe(200);
    const runId = approved.body.results[1].runId;
    for (let tries = 0; tries < 600; tries++) {
      const current = await orca.request('GET', `/api/workspaces/${ws}/runs/${runId}`, {
        token: owner.token,
      });
      if (current.body.status === 'succeeded' || current.body.status === 'failed') {
        expect(current.body.status, JSON.stringify(current.body.error)).toBe('succeeded');
        expect(current.body.output.count).toBe(3);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the test run did not finish');
  }, 120_000);
});
