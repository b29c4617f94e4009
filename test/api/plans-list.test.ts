// The list of a member's plans (the overview's "waiting for approval"): only plans from the
// caller's own conversations, filtered by status, so another member's private plan never leaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let builder: TestUser;
let viewer: TestUser;
let ws: string;

const reportSpec = {
  name: 'Monthly Report',
  goal: 'Sums up the month',
  steps: [{ id: 'sum', tool: 'transform', with: { expression: '1 + 1' } }],
};

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Plans Owner');
  builder = await orca.signUp('Plans Builder');
  viewer = await orca.signUp('Plans Viewer');
  ws = (await orca.createWorkspace(owner, 'Plans')).id;
  await orca.addMember(owner, ws, builder, 'builder');
  await orca.addMember(owner, ws, viewer, 'viewer');
  const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: { spec: reportSpec },
  });
  expect(created.status, created.text).toBe(201);
});
afterAll(() => orca.close());

async function say(user: TestUser, text: string) {
  const response = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
    token: user.token,
    body: { text },
  });
  expect(response.status, response.text).toBe(200);
  return response.body as { conversationId: string; plan: { id: string; status: string } };
}

async function plans(user: TestUser, query = '') {
  const response = await orca.request('GET', `/api/workspaces/${ws}/plans${query}`, { token: user.token });
  expect(response.status, response.text).toBe(200);
  return response.body.items as { id: string; status: string; summary: string; conversationId: string }[];
}

describe('GET /api/workspaces/{ws}/plans', () => {
  it("lists the caller's own plans waiting for approval, never another member's", async () => {
    const mine = await say(owner, 'pause the monthly report');
    const theirs = await say(builder, 'pause the monthly report');
    expect(mine.plan.status).toBe('proposed');
    expect(theirs.plan.status).toBe('proposed');

    const ownerPending = await plans(owner, '?status=proposed');
    expect(ownerPending.map((plan) => plan.id)).toEqual([mine.plan.id]);
    expect(ownerPending[0]).toMatchObject({
      conversationId: mine.conversationId,
      summary: expect.any(String),
    });
    expect((await plans(builder, '?status=proposed')).map((plan) => plan.id)).toEqual([theirs.plan.id]);
    // A viewer may read plans, but has proposed none: the others' stay private.
    expect(await plans(viewer, '?status=proposed')).toEqual([]);
  });

  it('filters by status and drops a plan from the pending list once it is rejected', async () => {
    const second = await say(owner, 'pause the monthly report');
    const rejected = await orca.request('POST', `/api/workspaces/${ws}/plans/${second.plan.id}/reject`, {
      token: owner.token,
    });
    expect(rejected.status).toBe(200);
    expect((await plans(owner, '?status=proposed')).map((plan) => plan.id)).not.toContain(second.plan.id);
    expect((await plans(owner, '?status=rejected')).map((plan) => plan.id)).toEqual([second.plan.id]);
    const all = await plans(owner);
    // Without a status, every plan of the caller's, newest first.
    expect(all[0]?.id).toBe(second.plan.id);
    expect(all.length).toBe(2);
  });

  it('refuses an unknown status and callers outside the workspace', async () => {
    const bad = await orca.request('GET', `/api/workspaces/${ws}/plans?status=maybe`, { token: owner.token });
    expect(bad.status).toBe(400);
    const stranger = await orca.signUp('Plans Stranger');
    const outside = await orca.request('GET', `/api/workspaces/${ws}/plans`, { token: stranger.token });
    expect(outside.status).toBe(404);
  });
});
