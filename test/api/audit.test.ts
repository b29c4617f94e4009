import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

let orca: TestPlatform;
beforeAll(async () => {
  orca = await startTestPlatform();
});
afterAll(() => orca.close());

describe('audit log', () => {
  it('pages through every event once, newest first, with a cursor', async () => {
    const owner = await orca.signUp();
    const { id } = await orca.createWorkspace(owner, 'Audited');
    for (let index = 0; index < 11; index++) {
      await orca.request('PATCH', `/api/workspaces/${id}`, {
        token: owner.token,
        body: { name: `Audited ${index}` },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=5&cursor=${cursor}` : '?limit=5';
      const page = await orca.request('GET', `/api/workspaces/${id}/audit${query}`, { token: owner.token });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.items.map((event: { id: string }) => event.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    const all = await orca.request('GET', `/api/workspaces/${id}/audit?limit=200`, { token: owner.token });
    expect(all.body.items.map((event: { id: string }) => event.id)).toEqual(seen);
    expect(all.body.items.at(-1).action).toBe('workspace.created');
    expect(all.body.items[0].details.after.name).toBe('Audited 10');
  });

  it('refuses a forged cursor and an out-of-range limit', async () => {
    const owner = await orca.signUp();
    const { id } = await orca.createWorkspace(owner, 'Cursor');
    const forged = await orca.request('GET', `/api/workspaces/${id}/audit?cursor=garbage`, {
      token: owner.token,
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toMatch(/nextCursor/);
    const limit = await orca.request('GET', `/api/workspaces/${id}/audit?limit=100000`, {
      token: owner.token,
    });
    expect(limit.status).toBe(400);
    expect(limit.body.error.details[0].path).toBe('limit');
  });
});
