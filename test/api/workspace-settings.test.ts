// What the workspace settings page needs from the API beyond the basics: audit events that name
// who acted and filter by person and time, the actions to filter by, whether a re-invitation
// replaced an earlier link, and the webhook signing secret's state without its value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let builder: TestUser;
let viewer: TestUser;
let workspace: { id: string; slug: string };

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Olga Owner');
  builder = await orca.signUp('Bruno Builder');
  viewer = await orca.signUp('Vera Viewer');
  workspace = await orca.createWorkspace(owner, 'Settings Works');
  await orca.addMember(owner, workspace.id, builder, 'builder');
  await orca.addMember(owner, workspace.id, viewer, 'viewer');
});
afterAll(() => orca.close());

const audit = (query: string, user: TestUser = owner) =>
  orca.request('GET', `/api/workspaces/${workspace.id}/audit${query}`, { token: user.token });

describe('audit log for the settings page', () => {
  it('names who acted: a member by name, a token by its name and its maker', async () => {
    const created = await orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: owner.token,
      body: { name: 'renamer bot', role: 'admin' },
    });
    expect(created.status).toBe(201);
    const renamed = await orca.request('PATCH', `/api/workspaces/${workspace.id}`, {
      token: created.body.token,
      body: { name: 'Settings Works Renamed' },
    });
    expect(renamed.status).toBe(200);
    await orca.request('DELETE', `/api/workspaces/${workspace.id}/tokens/${created.body.id}`, {
      token: owner.token,
    });

    const page = await audit('?action=workspace.updated');
    expect(page.status).toBe(200);
    expect(page.body.items).toEqual([
      expect.objectContaining({
        action: 'workspace.updated',
        actorUserId: owner.id,
        actorName: 'Olga Owner',
        actorTokenId: created.body.id,
        // The token is revoked now; the log still says which one it was.
        actorTokenName: 'renamer bot',
      }),
    ]);
    const invited = await audit('?action=member.invited');
    expect(invited.body.items[0]).toMatchObject({ actorName: 'Olga Owner', actorTokenName: null });
  });

  it('filters by person and by time span, and lists the actions there are', async () => {
    await orca.request('PATCH', `/api/workspaces/${workspace.id}/members/${builder.id}`, {
      token: owner.token,
      body: { role: 'admin' },
    });
    await orca.request('PATCH', `/api/workspaces/${workspace.id}`, {
      token: builder.token,
      body: { name: 'Named by Bruno' },
    });
    const byBuilder = await audit(`?actor=${builder.id}`);
    expect(byBuilder.status).toBe(200);
    expect(byBuilder.body.items.map((event: { action: string }) => event.action)).toEqual([
      'workspace.updated',
      'member.joined',
    ]);
    expect(
      byBuilder.body.items.every((event: { actorName: string }) => event.actorName === 'Bruno Builder'),
    ).toBe(true);

    const all = await audit('?limit=200');
    const newest = new Date(all.body.items[0].createdAt);
    const inFuture = await audit(
      `?since=${encodeURIComponent(new Date(newest.getTime() + 1).toISOString())}`,
    );
    expect(inFuture.body.items).toEqual([]);
    const upToNewest = await audit(`?limit=200&until=${encodeURIComponent(newest.toISOString())}`);
    expect(upToNewest.body.items.length).toBe(all.body.items.length - 1);
    const fromNewest = await audit(`?since=${encodeURIComponent(newest.toISOString())}`);
    expect(fromNewest.body.items.map((event: { id: string }) => event.id)).toEqual([all.body.items[0].id]);

    const backwards = await audit(
      `?since=${encodeURIComponent(newest.toISOString())}&until=2020-01-01T00:00:00Z`,
    );
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.message).toMatch(/since must be before until/);
    const notADate = await audit('?since=yesterday');
    expect(notADate.status).toBe(400);
    expect(notADate.body.error.details[0].path).toBe('since');
    const notAnId = await audit('?actor=bruno');
    expect(notAnId.status).toBe(400);

    const actions = await orca.request('GET', `/api/workspaces/${workspace.id}/audit/actions`, {
      token: owner.token,
    });
    expect(actions.status).toBe(200);
    expect(actions.body.items).toEqual(
      expect.arrayContaining(['member.invited', 'member.joined', 'token.created', 'workspace.updated']),
    );
    expect([...actions.body.items].sort()).toEqual(actions.body.items);
  });

  it('refuses the audit log and its actions to viewers (and to builders)', async () => {
    const other = await orca.signUp('Bea Builder');
    await orca.addMember(owner, workspace.id, other, 'builder');
    for (const user of [viewer, other]) {
      expect((await audit('', user)).status).toBe(403);
      const actions = await orca.request('GET', `/api/workspaces/${workspace.id}/audit/actions`, {
        token: user.token,
      });
      expect(actions.status).toBe(403);
    }
  });
});

describe('re-invitations', () => {
  it('says when a new invitation replaced an earlier link, and the earlier link stops working', async () => {
    const invite = () =>
      orca.request('POST', `/api/workspaces/${workspace.id}/invitations`, {
        token: owner.token,
        body: { email: 'again@example.com', role: 'viewer' },
      });
    const first = await invite();
    expect(first.status).toBe(201);
    expect(first.body.replacedEarlier).toBe(false);
    const second = await invite();
    expect(second.body.replacedEarlier).toBe(true);
    const newcomer = await orca.signUp('Again');
    const stale = await orca.request('POST', `/api/invitations/${first.body.token}/accept`, {
      token: newcomer.token,
    });
    expect(stale.status).toBe(422);
  });
});

describe('webhook signing secret status', () => {
  it('says whether there is a secret and since when, never its value, and makes none by reading', async () => {
    const fresh = await orca.createWorkspace(owner, 'Secret Status');
    const path = `/api/workspaces/${fresh.id}/webhook-signing-secret`;
    const before = await orca.request('GET', `${path}/status`, { token: owner.token });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ set: false, since: null, header: 'Orca-Signature' });
    expect((await orca.request('GET', `${path}/status`, { token: owner.token })).body.set).toBe(false);

    const rotated = await orca.request('POST', `${path}/rotate`, { token: owner.token });
    expect(rotated.status).toBe(200);
    const after = await orca.request('GET', `${path}/status`, { token: owner.token });
    expect(after.body.set).toBe(true);
    expect(Date.now() - new Date(after.body.since).getTime()).toBeLessThan(60_000);
    expect(after.text).not.toContain(rotated.body.secret);
    expect(after.text).not.toContain('whsec_');

    const again = await orca.request('POST', `${path}/rotate`, { token: owner.token });
    const later = await orca.request('GET', `${path}/status`, { token: owner.token });
    expect(new Date(later.body.since).getTime()).toBeGreaterThanOrEqual(new Date(after.body.since).getTime());
    expect(again.body.secret).not.toBe(rotated.body.secret);
  });

  it('refuses the status to builders and viewers', async () => {
    for (const user of [viewer]) {
      const refused = await orca.request(
        'GET',
        `/api/workspaces/${workspace.id}/webhook-signing-secret/status`,
        {
          token: user.token,
        },
      );
      expect(refused.status).toBe(403);
    }
    const someone = await orca.signUp('Ben Builder');
    await orca.addMember(owner, workspace.id, someone, 'builder');
    const refused = await orca.request(
      'GET',
      `/api/workspaces/${workspace.id}/webhook-signing-secret/status`,
      {
        token: someone.token,
      },
    );
    expect(refused.status).toBe(403);
  });
});
