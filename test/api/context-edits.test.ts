// Editing shared context and agent memory over the API (issue 14): edits by id with the version
// the editor opened (a stale edit refused in words that name who changed it), create-only writes,
// deletes with a version, the tags in use, search pages and odd search text, who wrote an entry
// (a person or a run of an agent), the audit log, roles and the workspace boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let builder: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let ws: string;
let otherWs: string;

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Olive Owner');
  builder = await orca.signUp('Bea Builder');
  viewer = await orca.signUp('Vic Viewer');
  stranger = await orca.signUp('Stan Stranger');
  ws = (await orca.createWorkspace(owner, 'Edit Home')).id;
  otherWs = (await orca.createWorkspace(stranger, 'Edit Elsewhere')).id;
  await orca.addMember(owner, ws, builder, 'builder');
  await orca.addMember(owner, ws, viewer, 'viewer');
});
afterAll(() => orca.close());

function api(method: string, path: string, user: TestUser, body?: unknown, workspace = ws) {
  return orca.request(method, `/api/workspaces/${workspace}${path}`, { token: user.token, body });
}

async function write(key: string, value: unknown, extra: Record<string, unknown> = {}, user = owner) {
  const written = await api('POST', '/context', user, { key, value, ...extra });
  expect([200, 201], written.text).toContain(written.status);
  return written.body as { id: string; version: number; key: string };
}

describe('editing an entry', () => {
  it('changes value, text, tags and key by id, counting versions and naming the last writer', async () => {
    const entry = await write('notes/onboarding', 'Send the welcome pack on day one', { tags: ['process'] });
    expect(entry).toMatchObject({ version: 1, customText: false, createdByName: 'Olive Owner' });
    // An object's keys come back reordered by the database; its words are still the value's own.
    const object = await write('notes/object', { contact: 'Jane', plan: 'Pro', a: 1 });
    expect(object).toMatchObject({ customText: false });

    const edited = await api(`PUT`, `/context/${entry.id}`, builder, {
      key: 'notes/onboarding-v2',
      value: { steps: ['welcome pack', 'laptop'] },
      text: 'Onboarding checklist for new hires',
      tags: ['process', 'people'],
      expectedVersion: 1,
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({
      id: entry.id,
      key: 'notes/onboarding-v2',
      value: { steps: ['welcome pack', 'laptop'] },
      text: 'Onboarding checklist for new hires',
      customText: true,
      tags: ['process', 'people'],
      version: 2,
      createdByName: 'Olive Owner',
      updatedByName: 'Bea Builder',
      sourceRunId: null,
    });
    // The size of the value as stored (JSON with the database's spacing).
    const compact = Buffer.byteLength(JSON.stringify(edited.body.value));
    expect(edited.body.sizeBytes).toBeGreaterThanOrEqual(compact);
    expect(edited.body.sizeBytes).toBeLessThan(compact + 8);

    // Without text, the value's words are searched again.
    const plain = await api('PUT', `/context/${entry.id}`, owner, {
      key: 'notes/onboarding-v2',
      value: 'Book the laptop a week ahead',
      tags: [],
      expectedVersion: 2,
    });
    expect(plain.body).toMatchObject({ version: 3, text: 'Book the laptop a week ahead', customText: false });
  });

  it('refuses an edit made from a stale copy in words, naming who changed it, and changes nothing', async () => {
    const entry = await write('clients/acme', { contact: 'Jane' });
    const first = await api('PUT', `/context/${entry.id}`, builder, {
      key: 'clients/acme',
      value: { contact: 'Jane Doe' },
      expectedVersion: 1,
    });
    expect(first.status).toBe(200);
    const stale = await api('PUT', `/context/${entry.id}`, owner, {
      key: 'clients/acme',
      value: { contact: 'J. Doe' },
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.message).toBe(
      '“clients/acme” was changed by Bea Builder since you opened it — reload to see it. (You opened version 1; it is now at version 2.)',
    );
    expect(stale.body.error.details).toEqual({ currentVersion: 2, expectedVersion: 1 });
    const now = await api('GET', `/context/${entry.id}`, viewer);
    expect(now.body).toMatchObject({ value: { contact: 'Jane Doe' }, version: 2 });

    // The same person in another tab is told so.
    const ownStale = await api('PUT', `/context/${entry.id}`, builder, {
      key: 'clients/acme',
      value: 1,
      expectedVersion: 1,
    });
    expect(ownStale.body.error.message).toContain('changed by you (in another tab or window)');
  });

  it('refuses a rename onto a key in use, and an edit of an entry deleted meanwhile', async () => {
    const one = await write('rename/one', 1);
    await write('rename/two', 2);
    const taken = await api('PUT', `/context/${one.id}`, owner, {
      key: 'rename/two',
      value: 1,
      expectedVersion: 1,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/Another entry already has the key “rename\/two”/);

    expect((await api('DELETE', `/context/${one.id}`, owner)).status).toBe(204);
    const gone = await api('PUT', `/context/${one.id}`, owner, {
      key: 'rename/one',
      value: 3,
      expectedVersion: 1,
    });
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toMatch(/deleted since you opened it/);
  });

  it('creates only when asked to (expectedVersion 0) and replaces by key only at the expected version', async () => {
    const created = await api('POST', '/context', owner, {
      key: 'create/only',
      value: 'first',
      expectedVersion: 0,
    });
    expect(created.status).toBe(201);
    const again = await api('POST', '/context', owner, {
      key: 'create/only',
      value: 'second',
      expectedVersion: 0,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already has the key “create\/only”/);

    const replaced = await api('POST', '/context', builder, { key: 'create/only', value: 'third' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ version: 2, updatedByName: 'Bea Builder', value: 'third' });
    const stale = await api('POST', '/context', owner, {
      key: 'create/only',
      value: 'fourth',
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed by Bea Builder since you opened it/);
    const current = await api('POST', '/context', owner, {
      key: 'create/only',
      value: 'fifth',
      expectedVersion: 2,
    });
    expect(current.body).toMatchObject({ version: 3, value: 'fifth' });
  });

  it('deletes only at the expected version when one is given', async () => {
    const entry = await write('delete/me', 'v1');
    await api('POST', '/context', builder, { key: 'delete/me', value: 'v2' });
    const stale = await orca.request(
      'DELETE',
      `/api/workspaces/${ws}/context/${entry.id}?expectedVersion=1`,
      {
        token: owner.token,
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed by Bea Builder since you opened it — reload to see it/);
    const current = await orca.request(
      'DELETE',
      `/api/workspaces/${ws}/context/${entry.id}?expectedVersion=2`,
      {
        token: owner.token,
      },
    );
    expect(current.status).toBe(204);
  });

  it('records people’s writes, edits and deletes in the audit log', async () => {
    const entry = await write('audited/entry', 'a');
    await api('PUT', `/context/${entry.id}`, builder, {
      key: 'audited/renamed',
      value: 'b',
      expectedVersion: 1,
    });
    await api('DELETE', `/context/${entry.id}`, owner);
    const events = [];
    for (const action of ['context.created', 'context.updated', 'context.deleted']) {
      const page = await api('GET', `/audit?action=${action}`, owner);
      expect(page.status).toBe(200);
      events.push(...page.body.items.filter((event: { targetId: string }) => event.targetId === entry.id));
    }
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ['context.created', { key: 'audited/entry', version: 1 }],
      ['context.updated', { key: 'audited/renamed', version: 2, previousKey: 'audited/entry' }],
      ['context.deleted', { key: 'audited/renamed', version: 2 }],
    ]);
    expect(events[1].actorUserId).toBe(builder.id);
  });
});

describe('roles and the workspace boundary', () => {
  it('lets a viewer read but not edit or delete, and keeps other workspaces’ entries out of reach', async () => {
    const ours = await write('boundary/ours', 'ours');
    const refusedEdit = await api('PUT', `/context/${ours.id}`, viewer, {
      key: 'boundary/ours',
      value: 'viewer was here',
      expectedVersion: 1,
    });
    expect(refusedEdit.status).toBe(403);
    expect(refusedEdit.body.error.message).toMatch(/viewer; this needs builder/);
    expect((await api('DELETE', `/context/${ours.id}`, viewer)).status).toBe(403);
    expect((await api('GET', `/context/${ours.id}`, viewer)).body.value).toBe('ours');

    const theirs = await api(
      'POST',
      '/context',
      stranger,
      { key: 'boundary/theirs', value: 'theirs' },
      otherWs,
    );
    expect(theirs.status).toBe(201);
    const edit = await api('PUT', `/context/${theirs.body.id}`, owner, {
      key: 'boundary/theirs',
      value: 'taken over',
      expectedVersion: 1,
    });
    expect(edit.status).toBe(404);
    expect((await api('DELETE', `/context/${theirs.body.id}`, owner)).status).toBe(404);
    expect(
      (
        await api(
          'PUT',
          `/context/${theirs.body.id}`,
          owner,
          { key: 'k', value: 1, expectedVersion: 1 },
          otherWs,
        )
      ).status,
    ).toBe(404);
    const untouched = await api('GET', `/context/${theirs.body.id}`, stranger, undefined, otherWs);
    expect(untouched.body).toMatchObject({ value: 'theirs', version: 1 });
  });

  it('edits an agent’s memory through its own path only', async () => {
    const agent = await api('POST', '/agents', owner, {
      spec: { name: 'Memo Agent', steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] },
    });
    const memory = await api('POST', `/agents/${agent.body.id}/memory`, owner, { key: 'seen', value: 3 });
    const edited = await api('PUT', `/agents/${agent.body.id}/memory/${memory.body.id}`, builder, {
      key: 'seen',
      value: 4,
      expectedVersion: 1,
    });
    expect(edited.body).toMatchObject({ scope: 'agent', agentId: agent.body.id, value: 4, version: 2 });
    // Not through the shared context, and a shared entry not through the agent's memory.
    expect(
      (await api('PUT', `/context/${memory.body.id}`, owner, { key: 'seen', value: 5, expectedVersion: 2 }))
        .status,
    ).toBe(404);
    const shared = await write('shared/not-memory', 1);
    expect(
      (
        await api('PUT', `/agents/${agent.body.id}/memory/${shared.id}`, owner, {
          key: 'x',
          value: 1,
          expectedVersion: 1,
        })
      ).status,
    ).toBe(404);
    const audit = await api('GET', '/audit?action=memory.updated', owner);
    expect(audit.body.items[0]).toMatchObject({
      targetType: 'agent_memory_entry',
      targetId: memory.body.id,
      details: { key: 'seen', version: 2, agentId: agent.body.id },
    });
    expect((await api('DELETE', `/agents/${agent.body.id}/memory/${memory.body.id}`, viewer)).status).toBe(
      403,
    );
  });
});

describe('tags, search and writers', () => {
  it('lists the tags in use, most used first, without taking “tags” for an entry id', async () => {
    const tagged = await orca.request('POST', `/api/workspaces/${otherWs}/context`, {
      token: stranger.token,
      body: { key: 'tags/a', value: 1, tags: ['alpha', 'beta'] },
    });
    expect(tagged.status).toBe(201);
    await api('POST', '/context', stranger, { key: 'tags/b', value: 1, tags: ['beta'] }, otherWs);
    const tags = await api('GET', '/context/tags', viewer, undefined, otherWs);
    expect(tags.status).toBe(404);
    const own = await api('GET', '/context/tags', stranger, undefined, otherWs);
    expect(own.status, own.text).toBe(200);
    expect(own.body.items).toEqual([
      { tag: 'beta', count: 2 },
      { tag: 'alpha', count: 1 },
    ]);
    // Our workspace's tags are ours alone.
    const ours = await api('GET', '/context/tags', viewer);
    expect(ours.body.items.map((item: { tag: string }) => item.tag)).not.toContain('alpha');
  });

  it('ranks a key match above a text match, pages search results, and never fails on odd search text', async () => {
    await write('search/lighthouse', 'A tall tower by the sea');
    await write('search/harbour', 'Boats pass the lighthouse at night');
    await write('search/unrelated', 'Nothing to see here');
    const found = await api('GET', `/context?q=lighthouse`, viewer);
    expect(found.body.items.map((entry: { key: string }) => entry.key)).toEqual([
      'search/lighthouse',
      'search/harbour',
    ]);
    expect(found.body.items[0].rank).toBeGreaterThan(found.body.items[1].rank);

    const first = await api('GET', `/context?q=lighthouse&limit=1`, viewer);
    expect(first.body.items.map((entry: { key: string }) => entry.key)).toEqual(['search/lighthouse']);
    const second = await api('GET', `/context?q=lighthouse&limit=1&cursor=${first.body.nextCursor}`, viewer);
    expect(second.body.items.map((entry: { key: string }) => entry.key)).toEqual(['search/harbour']);
    expect(second.body.nextCursor).toBeNull();
    const badCursor = await api('GET', `/context?q=lighthouse&cursor=nonsense`, viewer);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.message).toMatch(/cursor is not valid/);

    for (const odd of [
      '"lighthouse',
      "light'house",
      'tower & sea',
      'light:*',
      '!',
      '!!lighthouse',
      '(',
      '<->',
      '\\',
      '|| &&',
    ]) {
      const answer = await api('GET', `/context?q=${encodeURIComponent(odd)}`, viewer);
      expect(answer.status, `${odd}: ${answer.text}`).toBe(200);
    }
    // Operators typed by a person are words, not query syntax: "tower & sea" finds the tower.
    const words = await api('GET', `/context?q=${encodeURIComponent('tower & sea')}`, viewer);
    expect(words.body.items.map((entry: { key: string }) => entry.key)).toEqual(['search/lighthouse']);
    const quoted = await api('GET', `/context?q=${encodeURIComponent('"lighthouse')}`, viewer);
    expect(quoted.body.items).toHaveLength(2);
    // Words inside web addresses, e-mail addresses and keys are found too.
    await write('search/addresses', 'Visit globex.example/pricing or write to jane@initech.com');
    for (const word of ['globex', 'initech', 'addresses'])
      expect(
        (await api('GET', `/context?q=${word}`, viewer)).body.items.map(
          (entry: { key: string }) => entry.key,
        ),
        word,
      ).toEqual(['search/addresses']);
    const excluded = await api('GET', `/context?q=${encodeURIComponent('lighthouse -boats')}`, viewer);
    expect(excluded.body.items.map((entry: { key: string }) => entry.key)).toEqual(['search/lighthouse']);
  });

  it('names the agent whose run wrote an entry, and refuses a stale edit naming that run', async () => {
    const agent = await api('POST', '/agents', owner, {
      spec: {
        name: 'Note Taker',
        steps: [{ id: 'remember', tool: 'memory.write', with: { key: 'runs/note', value: 'from a run' } }],
      },
    });
    expect(agent.status, agent.text).toBe(201);
    const byPerson = await write('runs/note', 'from a person');
    const run = await api('POST', `/agents/${agent.body.id}/runs`, owner, { input: {} });
    expect(run.status, run.text).toBe(202);
    await expect
      .poll(async () => (await api('GET', `/runs/${run.body.id}`, owner)).body.status, { timeout: 20_000 })
      .toBe('succeeded');
    const entry = await api('GET', `/context/${byPerson.id}`, viewer);
    expect(entry.body).toMatchObject({
      value: 'from a run',
      version: 2,
      sourceRunId: run.body.id,
      sourceAgentId: agent.body.id,
      sourceAgentName: 'Note Taker',
      updatedBy: null,
      updatedByName: null,
      createdByName: 'Olive Owner',
    });
    const stale = await api('PUT', `/context/${byPerson.id}`, owner, {
      key: 'runs/note',
      value: 'edited',
      expectedVersion: 1,
    });
    expect(stale.body.error.message).toMatch(
      /^“runs\/note” was changed by a run of the agent “Note Taker” since you opened it/,
    );
  });
});
