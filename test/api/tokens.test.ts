import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspace: { id: string; slug: string };
beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Olive Owner');
  workspace = await orca.createWorkspace(owner, 'Token Works');
});
afterAll(() => orca.close());

describe('API tokens', () => {
  it('shows the secret once, stores only its hash, and lists tokens without it', async () => {
    const created = await orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: owner.token,
      body: { name: 'deploy bot', role: 'viewer', expiresInDays: 30 },
    });
    expect(created.status).toBe(201);
    const secret = created.body.token as string;
    expect(secret).toMatch(/^orca_t_/);
    expect(created.body).toMatchObject({
      name: 'deploy bot',
      role: 'viewer',
      prefix: `${secret.slice(0, 11)}…`,
    });
    const list = await orca.request('GET', `/api/workspaces/${workspace.id}/tokens`, { token: owner.token });
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: 'deploy bot' })]);
    expect(list.text).not.toContain(secret);
    const stored = await selectRows(orca.platform, sql`select * from api_tokens`);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('acts in its own workspace with its role, and nowhere else', async () => {
    const other = await orca.createWorkspace(owner, 'Elsewhere');
    const created = await orca.request('POST', `/api/workspaces/${workspace.slug}/tokens`, {
      token: owner.token,
      body: { name: 'reader', role: 'viewer' },
    });
    const token = created.body.token as string;
    expect((await orca.request('GET', `/api/workspaces/${workspace.id}/members`, { token })).status).toBe(
      200,
    );
    expect((await orca.request('GET', `/api/workspaces/${workspace.slug}`, { token })).status).toBe(200);
    const elsewhere = await orca.request('GET', `/api/workspaces/${other.id}`, { token });
    expect(elsewhere.status).toBe(404);
    const elsewhereBySlug = await orca.request('GET', `/api/workspaces/${other.slug}/members`, { token });
    expect(elsewhereBySlug.status).toBe(404);
    const asViewer = await orca.request('PATCH', `/api/workspaces/${workspace.id}`, {
      token,
      body: { name: 'Hijacked' },
    });
    expect(asViewer.status).toBe(403);
    const me = await orca.request('GET', '/api/me', { token });
    expect(me.body).toMatchObject({ via: 'apiToken', workspaces: [{ id: workspace.id, role: 'viewer' }] });
    const newWorkspace = await orca.request('POST', '/api/workspaces', { token, body: { name: 'Sneaky' } });
    expect(newWorkspace.status).toBe(403);
    expect(newWorkspace.body.error.message).toMatch(/sign in as a person/);
    expect((await orca.request('GET', '/api/me/memory', { token })).status).toBe(403);
  });

  it('never grants more than its creator has, now or after the creator is demoted', async () => {
    const admin = await orca.signUp();
    await orca.addMember(owner, workspace.id, admin, 'admin');
    const tooHigh = await orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: admin.token,
      body: { name: 'escalate', role: 'owner' },
    });
    expect(tooHigh.status).toBe(403);
    const created = await orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: admin.token,
      body: { name: 'admin bot', role: 'admin' },
    });
    const token = created.body.token as string;
    expect((await orca.request('GET', `/api/workspaces/${workspace.id}/audit`, { token })).status).toBe(200);
    await orca.request('PATCH', `/api/workspaces/${workspace.id}/members/${admin.id}`, {
      token: owner.token,
      body: { role: 'viewer' },
    });
    expect((await orca.request('GET', `/api/workspaces/${workspace.id}/audit`, { token })).status).toBe(403);
  });

  it('stops working the moment it is revoked or expires, and the audit log says who did what', async () => {
    const created = await orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: owner.token,
      body: { name: 'short-lived' },
    });
    const token = created.body.token as string;
    expect((await orca.request('GET', `/api/workspaces/${workspace.id}`, { token })).status).toBe(200);
    const revoked = await orca.request(
      'DELETE',
      `/api/workspaces/${workspace.id}/tokens/${created.body.id}`,
      {
        token: owner.token,
      },
    );
    expect(revoked.status).toBe(204);
    expect((await orca.request('GET', `/api/workspaces/${workspace.id}`, { token })).status).toBe(401);
    const again = await orca.request('DELETE', `/api/workspaces/${workspace.id}/tokens/${created.body.id}`, {
      token: owner.token,
    });
    expect(again.status).toBe(404);

    const expiring = await orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: owner.token,
      body: { name: 'expiring', expiresInDays: 1 },
    });
    await orca.platform.database.drizzle.execute(
      sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${expiring.body.id}`,
    );
    expect(
      (await orca.request('GET', `/api/workspaces/${workspace.id}`, { token: expiring.body.token })).status,
    ).toBe(401);

    const audit = await orca.request('GET', `/api/workspaces/${workspace.id}/audit?action=token.revoked`, {
      token: owner.token,
    });
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'token.revoked', actorUserId: owner.id, targetId: created.body.id }),
    ]);
  });

  it('refuses bad token requests with the field named', async () => {
    const response = await orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: owner.token,
      body: { name: 'x', role: 'superuser', expiresInDays: 0 },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'expiresInDays',
      'role',
    ]);
  });
});
