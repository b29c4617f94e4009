// Regression tests for the independent review of the foundation: each case was a real hole.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThrottle } from '../../src/domain/sign-in-throttle.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspace: { id: string; slug: string };
beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Hardy Owner');
  workspace = await orca.createWorkspace(owner, 'Hardened');
});
afterAll(() => orca.close());

describe('credentials that outlive their source', () => {
  it('an API token cannot mint tokens, invite, change members or delete the workspace', async () => {
    const created = await orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: owner.token,
      body: { name: 'short', role: 'owner', expiresInDays: 1 },
    });
    const token = created.body.token as string;
    const attempts = [
      ['POST', `/api/workspaces/${workspace.id}/tokens`, { name: 'forever', role: 'admin' }],
      [
        'POST',
        `/api/workspaces/${workspace.id}/invitations`,
        { email: 'friend@evil.example', role: 'admin' },
      ],
      ['PATCH', `/api/workspaces/${workspace.id}/members/${owner.id}`, { role: 'admin' }],
      ['DELETE', `/api/workspaces/${workspace.id}?confirm=${workspace.slug}`, undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      const response = await orca.request(method, path, { token, body });
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
      expect(response.body.error.message).toMatch(/Sign in as a person/);
    }
    expect((await orca.request('GET', `/api/workspaces/${workspace.id}/tokens`, { token })).status).toBe(200);
  });

  it('an invitation lapses when its sender is removed or loses the right to send it', async () => {
    const admin = await orca.signUp();
    await orca.addMember(owner, workspace.id, admin, 'admin');
    const invitee = await orca.signUp();
    const invitation = await orca.request('POST', `/api/workspaces/${workspace.id}/invitations`, {
      token: admin.token,
      body: { email: invitee.email, role: 'admin' },
    });
    await orca.request('DELETE', `/api/workspaces/${workspace.id}/members/${admin.id}`, {
      token: owner.token,
    });
    const accepted = await orca.request('POST', `/api/invitations/${invitation.body.token}/accept`, {
      token: invitee.token,
    });
    expect(accepted.status).toBe(422);
    expect(
      (await orca.request('GET', `/api/workspaces/${workspace.id}`, { token: invitee.token })).status,
    ).toBe(404);

    const demoted = await orca.signUp();
    await orca.addMember(owner, workspace.id, demoted, 'admin');
    const second = await orca.request('POST', `/api/workspaces/${workspace.id}/invitations`, {
      token: demoted.token,
      body: { email: invitee.email, role: 'builder' },
    });
    await orca.request('PATCH', `/api/workspaces/${workspace.id}/members/${demoted.id}`, {
      token: owner.token,
      body: { role: 'viewer' },
    });
    const afterDemotion = await orca.request('POST', `/api/invitations/${second.body.token}/accept`, {
      token: invitee.token,
    });
    expect(afterDemotion.status).toBe(422);
    expect(afterDemotion.body.error.message).toMatch(/revoked|no longer invite/);
  });
});

describe('sign-in limits', () => {
  it('holds under parallel guessing: at most the limit of wrong passwords are even tried', async () => {
    const target = await orca.signUp();
    const guesses = await Promise.all(
      Array.from({ length: 15 }, (_, index) =>
        orca.request('POST', '/api/auth/login', {
          body: { email: target.email, password: `parallel guess ${index}` },
        }),
      ),
    );
    const statuses = guesses.map((response) => response.status);
    const { freeFailures } = signInThrottle.accountAndAddress;
    expect(statuses.filter((status) => status === 401)).toHaveLength(freeFailures);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15 - freeFailures);
  });

  it('a stale session cookie does not stop anyone from signing in again', async () => {
    const user = await orca.signUp();
    await orca.request('POST', '/api/auth/logout', { token: user.token });
    const login = await orca.request('POST', '/api/auth/login', {
      // As a browser sends it from Orca's own page (a cookie-borne POST must say so: issue 11).
      headers: { cookie: `orca_session=${user.token}`, 'sec-fetch-site': 'same-origin' },
      body: { email: user.email, password: user.password },
    });
    expect(login.status).toBe(200);
    const stale = await orca.request('GET', '/api/me', { headers: { cookie: `orca_session=${user.token}` } });
    expect(stale.status).toBe(401);
  });
});

describe('smaller holes', () => {
  it('the application role cannot read password hashes or sessions, even of co-members', async () => {
    const { store } = orca.platform;
    await expect(
      store.inWorkspace(workspace.id, (scope) => scope.db.execute(sql`select password_hash from users`)),
    ).rejects.toThrow();
    await expect(
      store.asUser(owner.id, (scope) => scope.db.execute(sql`select * from sessions`)),
    ).rejects.toThrow();
    const names = await store.inWorkspace(workspace.id, (scope) =>
      scope.db.execute(sql`select name from users`),
    );
    expect(JSON.stringify(names)).toContain('Hardy Owner');
  });

  it('a token resolves its workspace slug in any letter case and reports the role it acts with', async () => {
    const admin = await orca.signUp();
    await orca.addMember(owner, workspace.id, admin, 'admin');
    const created = await orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: admin.token,
      body: { name: 'admin bot', role: 'admin' },
    });
    const token = created.body.token as string;
    expect(
      (await orca.request('GET', `/api/workspaces/${workspace.slug.toUpperCase()}`, { token })).status,
    ).toBe(200);
    await orca.request('PATCH', `/api/workspaces/${workspace.id}/members/${admin.id}`, {
      token: owner.token,
      body: { role: 'builder' },
    });
    const me = await orca.request('GET', '/api/me', { token });
    expect(me.body.workspaces).toEqual([expect.objectContaining({ id: workspace.id, role: 'builder' })]);
  });

  it('a malformed %-escape in a page address is a 400, not a 500', async () => {
    const response = await orca.request('GET', '/%E0%A4%A');
    expect(response.status).toBe(400);
  });
});
