// Shared context and agent memory over the API: write by key, list, search, read, delete, roles,
// and the workspace boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let ws: string;
let otherWs: string;

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Context Owner');
  viewer = await orca.signUp('Context Viewer');
  stranger = await orca.signUp('Stranger');
  ws = (await orca.createWorkspace(owner, 'Context Home')).id;
  otherWs = (await orca.createWorkspace(stranger, 'Elsewhere')).id;
  await orca.addMember(owner, ws, viewer, 'viewer');
});
afterAll(() => orca.close());

describe('shared context API', () => {
  it('writes entries by key, replaces a key written again, lists newest first and pages with a cursor', async () => {
    const first = await orca.request('POST', `/api/workspaces/${ws}/context`, {
      token: owner.token,
      body: { key: 'pricing/acme', value: { plan: 'Pro', price: 49 }, tags: ['pricing'] },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      key: 'pricing/acme',
      scope: 'workspace',
      agentId: null,
      tags: ['pricing'],
    });
    expect(first.body.text).toBe('plan Pro price 49');

    const replaced = await orca.request('POST', `/api/workspaces/${ws}/context`, {
      token: owner.token,
      body: {
        key: 'pricing/acme',
        value: { plan: 'Enterprise', price: 99 },
        text: 'Acme moved to the enterprise plan',
      },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(first.body.id);

    for (const name of ['globex', 'initech', 'umbrella']) {
      await orca.request('POST', `/api/workspaces/${ws}/context`, {
        token: owner.token,
        body: { key: `pricing/${name}`, value: `${name} has not published prices`, tags: ['pricing'] },
      });
    }
    const page = await orca.request('GET', `/api/workspaces/${ws}/context?prefix=pricing/&limit=3`, {
      token: viewer.token,
    });
    expect(page.status).toBe(200);
    expect(page.body.items.map((entry: { key: string }) => entry.key)).toEqual([
      'pricing/umbrella',
      'pricing/initech',
      'pricing/globex',
    ]);
    const next = await orca.request(
      'GET',
      `/api/workspaces/${ws}/context?prefix=pricing/&limit=3&cursor=${page.body.nextCursor}`,
      { token: viewer.token },
    );
    expect(next.body.items.map((entry: { key: string }) => entry.key)).toEqual(['pricing/acme']);
    expect(next.body.nextCursor).toBeNull();
  });

  it('searches with ?q= by stemmed words, best match first, with a snippet', async () => {
    const found = await orca.request(
      'GET',
      `/api/workspaces/${ws}/context?q=${encodeURIComponent('enterprise plans')}`,
      {
        token: viewer.token,
      },
    );
    expect(found.status).toBe(200);
    expect(found.body.items[0]).toMatchObject({
      key: 'pricing/acme',
      snippet: expect.stringContaining('<b>enterprise</b>'),
    });
    const none = await orca.request('GET', `/api/workspaces/${ws}/context?q=spaceship`, {
      token: viewer.token,
    });
    expect(none.body.items).toEqual([]);
    const exact = await orca.request('GET', `/api/workspaces/${ws}/context?key=pricing/globex`, {
      token: viewer.token,
    });
    expect(exact.body.items.map((entry: { key: string }) => entry.key)).toEqual(['pricing/globex']);
  });

  it('escapes the text of a search snippet, marking only the matched words', async () => {
    await orca.request('POST', `/api/workspaces/${ws}/context`, {
      token: owner.token,
      body: { key: 'scraped/page', value: 1, text: '<img src=x onerror=alert(1)> quarterly revenue report' },
    });
    const found = await orca.request('GET', `/api/workspaces/${ws}/context?q=revenue`, {
      token: viewer.token,
    });
    const snippet: string = found.body.items[0].snippet;
    expect(snippet).toContain('<b>revenue</b>');
    // Whatever of the markup survives is text: no < or > but the marks.
    expect(snippet).toContain('&gt;');
    expect(snippet.replaceAll('<b>', '').replaceAll('</b>', '')).not.toMatch(/[<>]/);
  });

  it('lets a viewer read but not write, and refuses bad entries with the field named', async () => {
    const refused = await orca.request('POST', `/api/workspaces/${ws}/context`, {
      token: viewer.token,
      body: { key: 'x', value: 1 },
    });
    expect(refused.status).toBe(403);
    const badKey = await orca.request('POST', `/api/workspaces/${ws}/context`, {
      token: owner.token,
      body: { key: '', value: 1 },
    });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.message).toMatch(/key/);
    const tooBig = await orca.request('POST', `/api/workspaces/${ws}/context`, {
      token: owner.token,
      body: { key: 'big', value: 'x'.repeat(300 * 1024) },
    });
    expect([400, 413]).toContain(tooBig.status);
  });

  it('reads and deletes an entry by id, and keeps entries of another workspace out of reach', async () => {
    const theirs = await orca.request('POST', `/api/workspaces/${otherWs}/context`, {
      token: stranger.token,
      body: { key: 'secret-plan', value: 'take over the market' },
    });
    expect(theirs.status).toBe(201);
    // Through our workspace, their entry's id is not found; their workspace is not ours to read.
    expect(
      (await orca.request('GET', `/api/workspaces/${ws}/context/${theirs.body.id}`, { token: owner.token }))
        .status,
    ).toBe(404);
    expect(
      (
        await orca.request('DELETE', `/api/workspaces/${ws}/context/${theirs.body.id}`, {
          token: owner.token,
        })
      ).status,
    ).toBe(404);
    expect(
      (await orca.request('GET', `/api/workspaces/${otherWs}/context`, { token: owner.token })).status,
    ).toBe(404);
    const search = await orca.request('GET', `/api/workspaces/${ws}/context?q=market`, {
      token: owner.token,
    });
    expect(search.body.items).toEqual([]);

    const ours = await orca.request('GET', `/api/workspaces/${ws}/context?key=pricing/initech`, {
      token: owner.token,
    });
    const id = ours.body.items[0].id;
    expect(
      (await orca.request('GET', `/api/workspaces/${ws}/context/${id}`, { token: viewer.token })).body.key,
    ).toBe('pricing/initech');
    expect(
      (await orca.request('DELETE', `/api/workspaces/${ws}/context/${id}`, { token: viewer.token })).status,
    ).toBe(403);
    expect(
      (await orca.request('DELETE', `/api/workspaces/${ws}/context/${id}`, { token: owner.token })).status,
    ).toBe(204);
    expect(
      (await orca.request('GET', `/api/workspaces/${ws}/context/${id}`, { token: owner.token })).status,
    ).toBe(404);
  });
});

describe('agent memory API', () => {
  it('keeps an agent’s memory apart from the shared context and from other agents', async () => {
    const agent = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Memory Keeper',
          steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }],
        },
      },
    });
    const other = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: { name: 'Other Keeper', steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] },
      },
    });
    const written = await orca.request('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/memory`, {
      token: owner.token,
      body: { key: 'pricing/acme', value: 'seen on Monday' },
    });
    expect(written.status).toBe(201);
    expect(written.body).toMatchObject({ scope: 'agent', agentId: agent.body.id });
    const own = await orca.request('GET', `/api/workspaces/${ws}/agents/${agent.body.id}/memory`, {
      token: viewer.token,
    });
    expect(own.body.items.map((entry: { value: unknown }) => entry.value)).toEqual(['seen on Monday']);
    const others = await orca.request('GET', `/api/workspaces/${ws}/agents/${other.body.id}/memory`, {
      token: viewer.token,
    });
    expect(others.body.items).toEqual([]);
    // The shared entry with the same key is untouched.
    const shared = await orca.request('GET', `/api/workspaces/${ws}/context?key=pricing/acme`, {
      token: viewer.token,
    });
    expect(shared.body.items[0].value).toEqual({ plan: 'Enterprise', price: 99 });
    // An entry of one agent is not found through another.
    expect(
      (
        await orca.request('GET', `/api/workspaces/${ws}/agents/${other.body.id}/memory/${written.body.id}`, {
          token: owner.token,
        })
      ).status,
    ).toBe(404);
    expect(
      (await orca.request('GET', `/api/workspaces/${ws}/agents/not-an-agent/memory`, { token: owner.token }))
        .status,
    ).toBe(404);
  });
});
