import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;
beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { publicUrl: 'https://orca.example.test' } });
  owner = await orca.signUp('Olive Owner');
  workspaceId = (await orca.createWorkspace(owner, 'Members Lab')).id;
});
afterAll(() => orca.close());

const invite = (email: string, role = 'builder', token = owner.token) =>
  orca.request('POST', `/api/workspaces/${workspaceId}/invitations`, { token, body: { email, role } });

describe('invitations', () => {
  it('invites by e-mail with a link that works once, and the invitee joins with the role', async () => {
    const invitee = await orca.signUp('Ivy Invitee');
    const invitation = await invite(invitee.email.toUpperCase(), 'viewer');
    expect(invitation.status).toBe(201);
    expect(invitation.body).toMatchObject({
      email: invitee.email,
      role: 'viewer',
      emailSent: true,
      expired: false,
    });
    expect(invitation.body.acceptUrl).toBe(`https://orca.example.test/invitations/${invitation.body.token}`);
    const mail = orca.mailer.sent.at(-1);
    expect(mail?.to).toBe(invitee.email);
    expect(mail?.text).toContain(invitation.body.acceptUrl);

    const preview = await orca.request('GET', `/api/invitations/${invitation.body.token}`);
    expect(preview.body).toMatchObject({ workspaceName: 'Members Lab', role: 'viewer', status: 'open' });
    expect(preview.body.email).not.toBe(invitee.email);

    const accepted = await orca.request('POST', `/api/invitations/${invitation.body.token}/accept`, {
      token: invitee.token,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.workspace).toMatchObject({ id: workspaceId, role: 'viewer' });
    const me = await orca.request('GET', '/api/me', { token: invitee.token });
    expect(me.body.workspaces).toEqual([expect.objectContaining({ id: workspaceId, role: 'viewer' })]);

    const reused = await orca.request('POST', `/api/invitations/${invitation.body.token}/accept`, {
      token: invitee.token,
    });
    expect(reused.status).toBe(409);
    expect(reused.body.error.message).toMatch(/used already/);
  });

  it('refuses the link to an account with another address, and keeps the invitation open', async () => {
    const intended = await orca.signUp();
    const stranger = await orca.signUp();
    const invitation = await invite(intended.email);
    const refused = await orca.request('POST', `/api/invitations/${invitation.body.token}/accept`, {
      token: stranger.token,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Sign in with the invited address/);
    const accepted = await orca.request('POST', `/api/invitations/${invitation.body.token}/accept`, {
      token: intended.token,
    });
    expect(accepted.status).toBe(200);
  });

  it('refuses expired, revoked, replaced and unknown invitations with a clear error', async () => {
    const invitee = await orca.signUp();
    const expiring = await invite(invitee.email);
    await orca.platform.database.drizzle.execute(
      sql`update invitations set expires_at = now() - interval '1 minute' where id = ${expiring.body.id}`,
    );
    const expired = await orca.request('POST', `/api/invitations/${expiring.body.token}/accept`, {
      token: invitee.token,
    });
    expect(expired.status).toBe(422);
    expect(expired.body.error.message).toMatch(/expired.*invite you again/);

    const first = await invite(invitee.email);
    const second = await invite(invitee.email);
    const replaced = await orca.request('POST', `/api/invitations/${first.body.token}/accept`, {
      token: invitee.token,
    });
    expect(replaced.status).toBe(422);
    expect(replaced.body.error.message).toMatch(/newest link/);

    const revoke = await orca.request(
      'DELETE',
      `/api/workspaces/${workspaceId}/invitations/${second.body.id}`,
      {
        token: owner.token,
      },
    );
    expect(revoke.status).toBe(204);
    const revoked = await orca.request('POST', `/api/invitations/${second.body.token}/accept`, {
      token: invitee.token,
    });
    expect(revoked.status).toBe(422);

    const unknown = await orca.request('POST', '/api/invitations/orca_i_made-up/accept', {
      token: invitee.token,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/not valid/);
    const me = await orca.request('GET', '/api/me', { token: invitee.token });
    expect(me.body.workspaces).toEqual([]);
  });

  it('refuses to invite a member again, and lets only owners invite owners', async () => {
    const admin = await orca.signUp();
    await orca.addMember(owner, workspaceId, admin, 'admin');
    const again = await invite(admin.email);
    expect(again.status).toBe(409);
    const ownerByAdmin = await invite('future-owner@example.com', 'owner', admin.token);
    expect(ownerByAdmin.status).toBe(403);
    const builderByAdmin = await invite('future-builder@example.com', 'builder', admin.token);
    expect(builderByAdmin.status).toBe(201);
    const list = await orca.request('GET', `/api/workspaces/${workspaceId}/invitations`, {
      token: admin.token,
    });
    expect(list.body.items.map((item: { email: string }) => item.email)).toContain(
      'future-builder@example.com',
    );
    expect(JSON.stringify(list.body)).not.toContain('orca_i_');
  });

  it('says when no e-mail was sent, so the inviter shares the link', async () => {
    const quiet = await (await import('../support/test-platform.ts')).startTestPlatform();
    try {
      const boss = await quiet.signUp();
      const workspace = await quiet.createWorkspace(boss, 'Quiet');
      Object.assign(quiet.mailer, { configured: false });
      const invitation = await quiet.request('POST', `/api/workspaces/${workspace.id}/members`, {
        token: boss.token,
        body: { email: 'someone@example.com' },
      });
      expect(invitation.status).toBe(201);
      expect(invitation.body).toMatchObject({ emailSent: false, role: 'builder' });
      expect(quiet.mailer.sent).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});

describe('roles and ownership', () => {
  it('changes roles, and never lets the last owner be demoted or leave', async () => {
    const member = await orca.signUp();
    await orca.addMember(owner, workspaceId, member, 'builder');
    const promoted = await orca.request('PATCH', `/api/workspaces/${workspaceId}/members/${member.id}`, {
      token: owner.token,
      body: { role: 'admin' },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('admin');

    const demoteSelf = await orca.request('PATCH', `/api/workspaces/${workspaceId}/members/${owner.id}`, {
      token: owner.token,
      body: { role: 'admin' },
    });
    expect(demoteSelf.status).toBe(422);
    expect(demoteSelf.body.error.message).toMatch(/at least one owner/);
    const leave = await orca.request('DELETE', `/api/workspaces/${workspaceId}/members/${owner.id}`, {
      token: owner.token,
    });
    expect(leave.status).toBe(422);
    expect(leave.body.error.message).toMatch(/last owner/);

    const adminTouchesOwner = await orca.request(
      'PATCH',
      `/api/workspaces/${workspaceId}/members/${owner.id}`,
      {
        token: member.token,
        body: { role: 'viewer' },
      },
    );
    expect(adminTouchesOwner.status).toBe(403);
    const adminMakesOwner = await orca.request(
      'PATCH',
      `/api/workspaces/${workspaceId}/members/${member.id}`,
      {
        token: member.token,
        body: { role: 'owner' },
      },
    );
    expect(adminMakesOwner.status).toBe(403);
  });

  it('lets a second owner take over, after which the first may leave', async () => {
    const { id } = await orca.createWorkspace(owner, 'Handover');
    const successor = await orca.signUp();
    await orca.addMember(owner, id, successor, 'owner');
    const leave = await orca.request('DELETE', `/api/workspaces/${id}/members/${owner.id}`, {
      token: owner.token,
    });
    expect(leave.status).toBe(204);
    expect((await orca.request('GET', `/api/workspaces/${id}`, { token: owner.token })).status).toBe(404);
    const members = await orca.request('GET', `/api/workspaces/${id}/members`, { token: successor.token });
    expect(members.body.items).toEqual([expect.objectContaining({ userId: successor.id, role: 'owner' })]);
    const audit = await orca.request('GET', `/api/workspaces/${id}/audit`, { token: successor.token });
    expect(audit.body.items.map((event: { action: string }) => event.action)).toEqual([
      'member.left',
      'member.joined',
      'member.invited',
      'workspace.created',
    ]);
  });

  it('removes a member (admin), who then cannot reach the workspace, and revokes their tokens', async () => {
    const { id } = await orca.createWorkspace(owner, 'Removal');
    const member = await orca.signUp();
    await orca.addMember(owner, id, member, 'admin');
    const token = await orca.request('POST', `/api/workspaces/${id}/tokens`, {
      token: member.token,
      body: { name: 'ci' },
    });
    expect(token.status).toBe(201);
    const removed = await orca.request('DELETE', `/api/workspaces/${id}/members/${member.id}`, {
      token: owner.token,
    });
    expect(removed.status).toBe(204);
    expect((await orca.request('GET', `/api/workspaces/${id}`, { token: member.token })).status).toBe(404);
    expect((await orca.request('GET', `/api/workspaces/${id}`, { token: token.body.token })).status).toBe(
      401,
    );
    const missing = await orca.request('DELETE', `/api/workspaces/${id}/members/${member.id}`, {
      token: owner.token,
    });
    expect(missing.status).toBe(404);
  });

  it.each([
    ['viewer', { read: 200, invite: 403, tokens: 403, audit: 403, rename: 403 }],
    ['builder', { read: 200, invite: 403, tokens: 403, audit: 403, rename: 403 }],
    ['admin', { read: 200, invite: 201, tokens: 200, audit: 200, rename: 200 }],
  ])('enforces what a %s may do on every route', async (role, expected) => {
    const { id } = await orca.createWorkspace(owner, `Matrix ${role}`);
    const member = await orca.signUp();
    await orca.addMember(owner, id, member, role);
    const token = member.token;
    const results = {
      read: (await orca.request('GET', `/api/workspaces/${id}/members`, { token })).status,
      invite: (
        await orca.request('POST', `/api/workspaces/${id}/invitations`, {
          token,
          body: { email: `x-${role}@example.com` },
        })
      ).status,
      tokens: (await orca.request('GET', `/api/workspaces/${id}/tokens`, { token })).status,
      audit: (await orca.request('GET', `/api/workspaces/${id}/audit`, { token })).status,
      rename: (
        await orca.request('PATCH', `/api/workspaces/${id}`, { token, body: { name: `Renamed ${role}` } })
      ).status,
    };
    expect(results).toEqual(expected);
    const denied = await orca.request('DELETE', `/api/workspaces/${id}?confirm=x`, { token });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(new RegExp(`role in .* is ${role}; this needs owner`));
  });
});
