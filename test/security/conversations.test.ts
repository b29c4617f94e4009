// A conversation with the Orchestrator, and the plans proposed in it, belong to the member who
// started it (issue 11, item 10). Anyone else in the workspace, whatever their role, finds
// nothing: reading, appending, listing and reviewing its plans all answer 404, and nothing of
// theirs is written into it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let ws: string;
let starter: TestUser;
const others: Record<'viewer' | 'builder' | 'admin' | 'owner', TestUser | undefined> = {
  viewer: undefined,
  builder: undefined,
  admin: undefined,
  owner: undefined,
};
let conversationId: string;
let planId: string;
let planStatus: string;

beforeAll(async () => {
  orca = await startTestPlatform();
  const owner = await orca.signUp('Conversation Workspace Owner');
  ws = (await orca.createWorkspace(owner, 'Private Chats')).id;
  starter = await orca.signUp('Conversation Starter');
  await orca.addMember(owner, ws, starter, 'builder');
  others.owner = owner;
  for (const role of ['viewer', 'builder', 'admin'] as const) {
    const member = await orca.signUp(`Other ${role}`);
    await orca.addMember(owner, ws, member, role);
    others[role] = member;
  }
  const said = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
    token: starter.token,
    body: { text: 'create an agent that scrapes https://example.com/team every Monday at 8am' },
  });
  expect(said.status, said.text).toBe(200);
  conversationId = said.body.conversationId;
  planId = said.body.plan?.id;
  planStatus = said.body.plan?.status;
  expect(planId, 'the planner should have proposed a plan').toBeTruthy();
});
afterAll(async () => {
  await orca.close();
});

const history = (user: TestUser) =>
  orca.request('GET', `/api/workspaces/${ws}/orchestrator/conversations/${conversationId}`, {
    token: user.token,
  });

describe('Orchestrator conversations are their starter’s own', () => {
  it('lets the starter read, list and continue the conversation', async () => {
    const read = await history(starter);
    expect(read.status, read.text).toBe(200);
    expect(read.body.messages.length).toBeGreaterThanOrEqual(2);
    const listed = await orca.request('GET', `/api/workspaces/${ws}/orchestrator/conversations`, {
      token: starter.token,
    });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(conversationId);
    const plan = await orca.request('GET', `/api/workspaces/${ws}/plans/${planId}`, { token: starter.token });
    expect(plan.status, plan.text).toBe(200);
  });

  for (const role of ['viewer', 'builder', 'admin', 'owner'] as const) {
    it(`answers 404 to another ${role}: read, append, list and the plan`, async () => {
      const other = others[role];
      if (!other) throw new Error(`no ${role} was set up`);
      const before = (await history(starter)).body.messages.length;

      const read = await history(other);
      expect(read.status).toBe(404);
      expect(read.text).not.toContain('every Monday');

      const appended = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
        token: other.token,
        body: { text: 'also pause every agent', conversationId },
      });
      expect(appended.status).toBe(404);
      expect((await history(starter)).body.messages.length).toBe(before);

      const listed = await orca.request('GET', `/api/workspaces/${ws}/orchestrator/conversations`, {
        token: other.token,
      });
      expect(listed.status, listed.text).toBe(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(conversationId);

      const plan = await orca.request('GET', `/api/workspaces/${ws}/plans/${planId}`, { token: other.token });
      expect(plan.status).toBe(404);
      // A viewer may not approve any plan (403 before anything is looked up); the others find none.
      for (const action of ['approve', 'reject', 'undo']) {
        const acted = await orca.request('POST', `/api/workspaces/${ws}/plans/${planId}/${action}`, {
          token: other.token,
          body: action === 'approve' ? {} : undefined,
        });
        expect(acted.status, `${action}: ${acted.text}`).toBe(role === 'viewer' ? 403 : 404);
      }
      const still = await orca.request('GET', `/api/workspaces/${ws}/plans/${planId}`, {
        token: starter.token,
      });
      expect(still.body.status).toBe(planStatus);
    });
  }
});
