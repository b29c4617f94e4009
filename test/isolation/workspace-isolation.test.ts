// A member of workspace A, with every role and through API tokens, tries every route of
// workspace B by id and by slug: each answer is 404 and carries nothing of B, and B is unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/domain/roles.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let victim: TestUser;
let victimWorkspace: { id: string; slug: string; name: string };
let victimMember: TestUser;
let victimInvitationId: string;
let victimTokenId: string;
let victimTokenSecret: string;
let attackerWorkspace: { id: string; slug: string };
const attackers: Record<string, string> = {};

async function snapshotOfVictim() {
  const [workspace, members, invitations, tokens, audit] = await Promise.all(
    ['', '/members', '/invitations', '/tokens', '/audit?limit=200'].map((suffix) =>
      orca.request('GET', `/api/workspaces/${victimWorkspace.id}${suffix}`, { token: victim.token }),
    ),
  );
  return JSON.stringify([workspace?.body, members?.body, invitations?.body, tokens?.body, audit?.body]);
}

beforeAll(async () => {
  orca = await startTestPlatform();
  victim = await orca.signUp('Victoria Victim');
  victimWorkspace = await orca.createWorkspace(victim, 'Secret Projects');
  victimMember = await orca.signUp('Bob Builder');
  await orca.addMember(victim, victimWorkspace.id, victimMember, 'builder');
  const invitation = await orca.request('POST', `/api/workspaces/${victimWorkspace.id}/invitations`, {
    token: victim.token,
    body: { email: 'pending@victim.example', role: 'viewer' },
  });
  victimInvitationId = invitation.body.id;
  const token = await orca.request('POST', `/api/workspaces/${victimWorkspace.id}/tokens`, {
    token: victim.token,
    body: { name: 'victim bot', role: 'admin' },
  });
  victimTokenId = token.body.id;
  victimTokenSecret = token.body.token;

  const attackerOwner = await orca.signUp('Mallory');
  attackerWorkspace = await orca.createWorkspace(attackerOwner, 'Attack Base');
  attackers['session:owner'] = attackerOwner.token;
  for (const role of roles.filter((role) => role !== 'owner')) {
    const member = await orca.signUp(`Mallory ${role}`);
    await orca.addMember(attackerOwner, attackerWorkspace.id, member, role);
    attackers[`session:${role}`] = member.token;
  }
  for (const role of roles) {
    const created = await orca.request('POST', `/api/workspaces/${attackerWorkspace.id}/tokens`, {
      token: attackerOwner.token,
      body: { name: `token ${role}`, role },
    });
    attackers[`apiToken:${role}`] = created.body.token;
  }
});
afterAll(() => orca.close());

function victimRoutes(ws: string) {
  return [
    ['GET', `/api/workspaces/${ws}`, undefined],
    ['PATCH', `/api/workspaces/${ws}`, { name: 'Owned' }],
    ['DELETE', `/api/workspaces/${ws}?confirm=${victimWorkspace.slug}`, undefined],
    ['GET', `/api/workspaces/${ws}/members`, undefined],
    ['POST', `/api/workspaces/${ws}/members`, { email: 'mallory@evil.example', role: 'owner' }],
    ['PATCH', `/api/workspaces/${ws}/members/${victim.id}`, { role: 'viewer' }],
    ['DELETE', `/api/workspaces/${ws}/members/${victimMember.id}`, undefined],
    ['GET', `/api/workspaces/${ws}/invitations`, undefined],
    ['POST', `/api/workspaces/${ws}/invitations`, { email: 'mallory@evil.example', role: 'admin' }],
    ['DELETE', `/api/workspaces/${ws}/invitations/${victimInvitationId}`, undefined],
    ['GET', `/api/workspaces/${ws}/tokens`, undefined],
    ['POST', `/api/workspaces/${ws}/tokens`, { name: 'stolen', role: 'viewer' }],
    ['DELETE', `/api/workspaces/${ws}/tokens/${victimTokenId}`, undefined],
    ['GET', `/api/workspaces/${ws}/audit`, undefined],
  ] as const;
}

function assertNothingLeaks(text: string) {
  for (const secret of [
    victimWorkspace.name,
    victim.email,
    victimMember.email,
    'pending@victim.example',
    'victim bot',
  ]) {
    expect(text).not.toContain(secret);
  }
  expect(text).not.toContain(victimInvitationId);
  expect(text).not.toContain(victimTokenId);
}

describe('workspace isolation over HTTP', () => {
  it.each([
    'session:owner',
    'session:admin',
    'session:builder',
    'session:viewer',
    'apiToken:owner',
    'apiToken:admin',
    'apiToken:builder',
    'apiToken:viewer',
  ])(
    'as %s of another workspace, every route of the victim answers 404, by id and by slug',
    async (attacker) => {
      const before = await snapshotOfVictim();
      for (const ws of [victimWorkspace.id, victimWorkspace.slug, victimWorkspace.id.toUpperCase()]) {
        for (const [method, path, body] of victimRoutes(ws)) {
          const response = await orca.request(method, path, { token: attackers[attacker], body });
          expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
          expect(response.body.error.code).toBe('not_found');
          assertNothingLeaks(response.text);
        }
      }
      expect(await snapshotOfVictim()).toBe(before);
    },
  );

  it("reaches none of the victim's members, invitations or tokens through the attacker's own workspace", async () => {
    const before = await snapshotOfVictim();
    const token = attackers['session:owner'];
    const own = attackerWorkspace.id;
    const attempts = [
      ['PATCH', `/api/workspaces/${own}/members/${victim.id}`, { role: 'viewer' }],
      ['DELETE', `/api/workspaces/${own}/members/${victimMember.id}`, undefined],
      ['DELETE', `/api/workspaces/${own}/invitations/${victimInvitationId}`, undefined],
      ['DELETE', `/api/workspaces/${own}/tokens/${victimTokenId}`, undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      const response = await orca.request(method, path, { token, body });
      expect(response.status).toBe(404);
      assertNothingLeaks(response.text);
    }
    const lists = await Promise.all(
      ['/members', '/invitations', '/tokens', '/audit?limit=200'].map((suffix) =>
        orca.request('GET', `/api/workspaces/${own}${suffix}`, { token }),
      ),
    );
    for (const list of lists) assertNothingLeaks(list.text);
    expect(await snapshotOfVictim()).toBe(before);
    expect(
      (await orca.request('GET', `/api/workspaces/${victimWorkspace.id}`, { token: victimTokenSecret }))
        .status,
    ).toBe(200);
  });

  it("lists none of the victim's workspaces in the attacker's /api/me", async () => {
    for (const token of Object.values(attackers)) {
      const me = await orca.request('GET', '/api/me', { token });
      assertNothingLeaks(me.text);
      expect(me.text).not.toContain(victimWorkspace.id);
    }
  });
});
