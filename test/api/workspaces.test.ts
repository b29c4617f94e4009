import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Olive Owner');
});
afterAll(() => orca.close());

describe('workspaces', () => {
  it('lets one account create many workspaces and lists them with its role, no sign-out needed', async () => {
    const first = await orca.createWorkspace(owner, 'Acme Agency');
    const second = await orca.createWorkspace(owner, 'Client: Ünïcode & Co');
    expect(first).toMatchObject({ slug: 'acme-agency', role: 'owner' });
    expect(second.slug).toBe('client-unicode-co');
    const me = await orca.request('GET', '/api/me', { token: owner.token });
    expect(me.body.workspaces.map((workspace: { slug: string }) => workspace.slug)).toEqual([
      'acme-agency',
      'client-unicode-co',
    ]);
    const list = await orca.request('GET', '/api/workspaces', { token: owner.token });
    expect(list.body).toMatchObject({
      items: [{ name: 'Acme Agency' }, { name: 'Client: Ünïcode & Co' }],
      nextCursor: null,
    });
  });

  it('switches by id or by slug', async () => {
    const workspace = await orca.createWorkspace(owner, 'Switchable');
    const byId = await orca.request('GET', `/api/workspaces/${workspace.id}`, { token: owner.token });
    const bySlug = await orca.request('GET', `/api/workspaces/${workspace.slug}`, { token: owner.token });
    expect(byId.status).toBe(200);
    expect(bySlug.body).toEqual(byId.body);
  });

  it('gives a taken slug a suffix, and refuses an explicitly requested taken slug with 409', async () => {
    const other = await orca.signUp();
    const copy = await orca.createWorkspace(other, 'Acme Agency');
    expect(copy.slug).toBe('acme-agency-2');
    const explicit = await orca.request('POST', '/api/workspaces', {
      token: other.token,
      body: { name: 'Mine', slug: 'acme-agency' },
    });
    expect(explicit.status).toBe(409);
    expect(explicit.body.error.message).toMatch(/slug "acme-agency" is taken/);
  });

  it('renames and re-slugs (admin), recording both in the audit log', async () => {
    const workspace = await orca.createWorkspace(owner, 'Old Name');
    const renamed = await orca.request('PATCH', `/api/workspaces/${workspace.id}`, {
      token: owner.token,
      body: { name: 'New Name', slug: 'new-name' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'New Name', slug: 'new-name' });
    const audit = await orca.request('GET', '/api/workspaces/new-name/audit', { token: owner.token });
    expect(audit.body.items[0]).toMatchObject({
      action: 'workspace.updated',
      details: { before: { name: 'Old Name' }, after: { name: 'New Name', slug: 'new-name' } },
    });
    const empty = await orca.request('PATCH', `/api/workspaces/${workspace.id}`, {
      token: owner.token,
      body: {},
    });
    expect(empty.status).toBe(422);
    const badSlug = await orca.request('PATCH', `/api/workspaces/${workspace.id}`, {
      token: owner.token,
      body: { slug: '-Bad Slug-' },
    });
    expect(badSlug.status).toBe(400);
    expect(badSlug.body.error.details[0].path).toBe('slug');
  });

  it('deletes only with the owner role and the slug typed as confirmation', async () => {
    const workspace = await orca.createWorkspace(owner, 'Doomed');
    const admin = await orca.signUp();
    await orca.addMember(owner, workspace.id, admin, 'admin');
    const byAdmin = await orca.request('DELETE', `/api/workspaces/${workspace.id}?confirm=doomed`, {
      token: admin.token,
    });
    expect(byAdmin.status).toBe(403);
    const unconfirmed = await orca.request('DELETE', `/api/workspaces/${workspace.id}`, {
      token: owner.token,
    });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.error.message).toMatch(/confirm=doomed/);
    const wrong = await orca.request('DELETE', `/api/workspaces/${workspace.id}?confirm=other`, {
      token: owner.token,
    });
    expect(wrong.status).toBe(422);
    expect(
      (await orca.request('GET', `/api/workspaces/${workspace.id}`, { token: owner.token })).status,
    ).toBe(200);
    const deleted = await orca.request('DELETE', `/api/workspaces/${workspace.id}?confirm=doomed`, {
      token: owner.token,
    });
    expect(deleted.status).toBe(204);
    expect(
      (await orca.request('GET', `/api/workspaces/${workspace.id}`, { token: owner.token })).status,
    ).toBe(404);
    expect(
      (await orca.request('GET', `/api/workspaces/${workspace.id}`, { token: admin.token })).status,
    ).toBe(404);
  });

  it('answers an unknown workspace and an unknown API route with 404 in the error format', async () => {
    const unknown = await orca.request('GET', '/api/workspaces/no-such-place', { token: owner.token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const route = await orca.request('GET', '/api/nothing-here', { token: owner.token });
    expect(route.status).toBe(404);
    expect(route.body.error.message).toMatch(/openapi/);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const response = await orca.request('POST', '/api/workspaces', {
      token: owner.token,
      rawBody: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
  });
});
