import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspace: { id: string; slug: string };

const leadScraper = (overrides: Record<string, unknown> = {}) => ({
  name: 'Lead Scraper',
  goal: 'Collect leads from a directory page',
  input: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
  steps: [
    { id: 'fetch', tool: 'http.request', with: { url: '{{ input.url }}' }, retry: { attempts: 3 } },
    {
      id: 'extract',
      tool: 'html.extract',
      with: { html: '{{ steps.fetch.body }}', records: { selector: '.lead', fields: { name: '.name' } } },
    },
    { id: 'remember', tool: 'memory.write', with: { key: 'leads', value: '{{ steps.extract.records }}' } },
  ],
  ...overrides,
});

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Agent Owner');
  workspace = await orca.createWorkspace(owner, 'Agent Works');
});
afterAll(() => orca.close());

const agentsPath = () => `/api/workspaces/${workspace.id}/agents`;

describe('agents', () => {
  it('creates an agent at version 1 with defaults filled in, and reads it back', async () => {
    const created = await orca.request('POST', agentsPath(), {
      token: owner.token,
      body: { spec: leadScraper() },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Lead Scraper', version: 1, status: 'active' });
    expect(created.body.spec.steps[0]).toMatchObject({
      onError: 'fail',
      retry: { attempts: 3, backoffMs: 1000, factor: 2 },
    });
    const read = await orca.request('GET', `${agentsPath()}/${created.body.id}`, { token: owner.token });
    expect(read.body).toEqual(created.body);
  });

  it('refuses an invalid spec with 422 naming the step, the field and why', async () => {
    const spec = leadScraper({
      steps: [
        { id: 'fetch', tool: 'http.request', with: { url: '{{ input.url' } },
        { id: 'extract', tool: 'html.scrape', with: {} },
      ],
    });
    const response = await orca.request('POST', agentsPath(), { token: owner.token, body: { spec } });
    expect(response.status).toBe(422);
    expect(response.body.error.details).toEqual([
      expect.objectContaining({
        step: 'extract',
        path: 'steps.1.tool',
        message: expect.stringMatching(/must be one of the tools/),
      }),
    ]);
    expect(response.body.error.message).toMatch(/step "extract" \(steps\.1\.tool\)/);

    const expressions = leadScraper({
      steps: [
        { id: 'fetch', tool: 'http.request', with: { url: '{{ input.url + }}' }, if: 'input.(' },
        { id: 'send', tool: 'notify.webhook', with: { body: '{{ steps.later.value }}' } },
        { id: 'send', tool: 'wait', with: { seconds: 1 } },
      ],
    });
    const second = await orca.request('POST', agentsPath(), {
      token: owner.token,
      body: { spec: expressions },
    });
    expect(second.status).toBe(422);
    const byPath = Object.fromEntries(
      second.body.error.details.map((issue: { path: string; message: string }) => [
        issue.path,
        issue.message,
      ]),
    );
    expect(byPath['steps.0.with.url']).toMatch(/does not parse/);
    expect(byPath['steps.0.if']).toMatch(/does not parse/);
    expect(byPath['steps.1.with.body']).toMatch(/steps\.later, which is not an earlier step/);
    expect(byPath['steps.2.id']).toMatch(/another step is called "send"/);
    const list = await orca.request('GET', agentsPath(), { token: owner.token });
    expect(list.body.items.map((agent: { name: string }) => agent.name)).toEqual(['Lead Scraper']);
  });

  it('makes every change a new immutable version, lists them, and restores an old one as a new version', async () => {
    const created = await orca.request('POST', agentsPath(), {
      token: owner.token,
      body: { spec: leadScraper({ name: 'Versioned' }) },
    });
    const path = `${agentsPath()}/${created.body.id}`;
    const changed = await orca.request('PATCH', path, {
      token: owner.token,
      body: {
        spec: leadScraper({ name: 'Versioned', goal: 'Also collect LinkedIn profiles' }),
        note: 'more data',
      },
    });
    expect(changed.body).toMatchObject({ version: 2, spec: { goal: 'Also collect LinkedIn profiles' } });
    const unchanged = await orca.request('PATCH', path, {
      token: owner.token,
      body: { spec: leadScraper({ name: 'Versioned', goal: 'Also collect LinkedIn profiles' }) },
    });
    expect(unchanged.body.version).toBe(2);
    const stale = await orca.request('PATCH', path, {
      token: owner.token,
      body: { spec: leadScraper({ name: 'Versioned', goal: 'Stale edit' }), expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual({ currentVersion: 2 });

    const restored = await orca.request('POST', `${path}/versions/1/restore`, { token: owner.token });
    expect(restored.body).toMatchObject({
      version: 3,
      spec: { goal: 'Collect leads from a directory page' },
    });
    const versions = await orca.request('GET', `${path}/versions`, { token: owner.token });
    expect(
      versions.body.items.map((version: { version: number; current: boolean; note: string | null }) => [
        version.version,
        version.current,
        version.note,
      ]),
    ).toEqual([
      [3, true, 'restored from version 1'],
      [2, false, 'more data'],
      [1, false, null],
    ]);
    const first = await orca.request('GET', `${path}/versions/1`, { token: owner.token });
    expect(first.body.spec.goal).toBe('Collect leads from a directory page');
    expect((await orca.request('GET', `${path}/versions/9`, { token: owner.token })).status).toBe(404);
  });

  it('keeps names unique per workspace, in any letter case', async () => {
    const response = await orca.request('POST', agentsPath(), {
      token: owner.token,
      body: { spec: leadScraper({ name: 'lead scraper' }) },
    });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/named "lead scraper" exists/);
  });

  it('pauses and resumes, filters and pages the list', async () => {
    for (const name of ['Pager A', 'Pager B', 'Pager C']) {
      await orca.request('POST', agentsPath(), { token: owner.token, body: { spec: leadScraper({ name }) } });
    }
    const list = await orca.request('GET', `${agentsPath()}?q=pager`, { token: owner.token });
    const [first] = list.body.items;
    const paused = await orca.request('POST', `${agentsPath()}/${first.id}/pause`, { token: owner.token });
    expect(paused.body.status).toBe('paused');
    const onlyPaused = await orca.request('GET', `${agentsPath()}?status=paused`, { token: owner.token });
    expect(onlyPaused.body.items.map((agent: { name: string }) => agent.name)).toEqual(['Pager A']);
    const resumed = await orca.request('POST', `${agentsPath()}/${first.id}/resume`, { token: owner.token });
    expect(resumed.body.status).toBe('active');

    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await orca.request('GET', `${agentsPath()}?limit=2${query}`, { token: owner.token });
      names.push(...page.body.items.map((agent: { name: string }) => agent.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(names).toEqual(['Lead Scraper', 'Versioned', 'Pager A', 'Pager B', 'Pager C']);
    const audit = await orca.request('GET', `/api/workspaces/${workspace.id}/audit?limit=3`, {
      token: owner.token,
    });
    expect(audit.body.items.map((event: { action: string }) => event.action)).toEqual([
      'agent.resumed',
      'agent.paused',
      'agent.created',
    ]);
  });

  it('lists each agent with its newest run and its schedule in brief', async () => {
    const created = await orca.request('POST', agentsPath(), {
      token: owner.token,
      body: {
        spec: { name: 'Busy Bee', steps: [{ id: 'one', tool: 'transform', with: { expression: '1' } }] },
      },
    });
    const agentId = created.body.id;
    const started = await orca.request('POST', `${agentsPath()}/${agentId}/runs`, {
      token: owner.token,
      body: { input: {} },
    });
    expect(started.status, started.text).toBe(202);
    const scheduled = await orca.request('PUT', `${agentsPath()}/${agentId}/schedule`, {
      token: owner.token,
      body: { cron: '0 8 * * 1-5', timezone: 'Europe/Berlin' },
    });
    expect(scheduled.status, scheduled.text).toBe(200);

    const list = await orca.request('GET', `${agentsPath()}?q=busy`, { token: owner.token });
    const [listed] = list.body.items;
    expect(listed.lastRun).toMatchObject({ id: started.body.id });
    expect(['queued', 'running', 'succeeded']).toContain(listed.lastRun.status);
    expect(listed.schedule).toEqual({
      description: scheduled.body.description,
      enabled: true,
      nextRun: scheduled.body.nextRuns[0],
    });
    // An agent that never ran and has no schedule says so.
    const quiet = await orca.request('GET', `${agentsPath()}?q=lead scraper`, { token: owner.token });
    expect(quiet.body.items[0]).toMatchObject({ name: 'Lead Scraper', lastRun: null, schedule: null });
  });

  it('exports an agent to a file and imports it into another workspace, renamed if asked', async () => {
    const created = await orca.request('POST', agentsPath(), {
      token: owner.token,
      body: { spec: leadScraper({ name: 'Portable Agent' }) },
    });
    const exported = await orca.request('GET', `${agentsPath()}/${created.body.id}/export`, {
      token: owner.token,
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe(
      'attachment; filename="Portable-Agent.orca-agent.json"',
    );
    expect(exported.body).toMatchObject({
      format: 'orca.agent',
      formatVersion: 1,
      agent: { name: 'Portable Agent' },
    });

    const other = await orca.createWorkspace(owner, 'Agent Destination');
    const imported = await orca.request('POST', `/api/workspaces/${other.id}/agents/import`, {
      token: owner.token,
      body: { bundle: exported.body },
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      name: 'Portable Agent',
      version: 1,
      spec: { steps: created.body.spec.steps },
    });
    const again = await orca.request('POST', `/api/workspaces/${other.id}/agents/import`, {
      token: owner.token,
      body: { bundle: exported.body },
    });
    // The same agent imported again is an update of the first import, not a second agent.
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: imported.body.id,
      version: 1,
      origin: { agentId: created.body.id },
    });
    const renamed = await orca.request('POST', `/api/workspaces/${other.id}/agents/import`, {
      token: owner.token,
      body: { bundle: exported.body, name: 'Portable Agent (copy)' },
    });
    expect(renamed.body.name).toBe('Portable Agent (copy)');
    const wrongFormat = await orca.request('POST', `/api/workspaces/${other.id}/agents/import`, {
      token: owner.token,
      body: { bundle: { ...exported.body, format: 'zapier.zap' } },
    });
    expect(wrongFormat.status).toBe(400);
    expect(wrongFormat.body.error.message).toMatch(/format must be "orca.agent"/);
  });

  it('deletes an agent with its versions', async () => {
    const created = await orca.request('POST', agentsPath(), {
      token: owner.token,
      body: { spec: leadScraper({ name: 'Doomed Agent' }) },
    });
    const path = `${agentsPath()}/${created.body.id}`;
    expect((await orca.request('DELETE', path, { token: owner.token })).status).toBe(204);
    expect((await orca.request('GET', path, { token: owner.token })).status).toBe(404);
    expect((await orca.request('GET', `${path}/versions`, { token: owner.token })).status).toBe(404);
    expect((await orca.request('DELETE', path, { token: owner.token })).status).toBe(404);
  });

  it('lets viewers read and export but not change agents; builders change them', async () => {
    const created = await orca.request('POST', agentsPath(), {
      token: owner.token,
      body: { spec: leadScraper({ name: 'Guarded' }) },
    });
    const viewer = await orca.signUp();
    const builder = await orca.signUp();
    await orca.addMember(owner, workspace.id, viewer, 'viewer');
    await orca.addMember(owner, workspace.id, builder, 'builder');
    const path = `${agentsPath()}/${created.body.id}`;
    expect((await orca.request('GET', path, { token: viewer.token })).status).toBe(200);
    expect((await orca.request('GET', `${path}/export`, { token: viewer.token })).status).toBe(200);
    expect((await orca.request('POST', `${path}/pause`, { token: viewer.token })).status).toBe(403);
    expect((await orca.request('DELETE', path, { token: viewer.token })).status).toBe(403);
    const edit = { spec: leadScraper({ name: 'Guarded', goal: 'edited' }) };
    expect((await orca.request('PATCH', path, { token: viewer.token, body: edit })).status).toBe(403);
    expect((await orca.request('PATCH', path, { token: builder.token, body: edit })).status).toBe(200);
  });

  it("is 404 from another workspace, by the agent's id, and lists nothing of it", async () => {
    const created = await orca.request('POST', agentsPath(), {
      token: owner.token,
      body: { spec: leadScraper({ name: 'Private Agent' }) },
    });
    const stranger = await orca.signUp();
    const strangerWorkspace = await orca.createWorkspace(stranger, 'Stranger Things');
    const base = `/api/workspaces/${strangerWorkspace.id}/agents/${created.body.id}`;
    for (const [method, path, body] of [
      ['GET', base, undefined],
      ['PATCH', base, { spec: leadScraper({ name: 'Stolen' }) }],
      ['DELETE', base, undefined],
      ['POST', `${base}/pause`, undefined],
      ['GET', `${base}/versions`, undefined],
      ['POST', `${base}/versions/1/restore`, undefined],
      ['GET', `${base}/export`, undefined],
      ['GET', `${agentsPath()}/${created.body.id}`, undefined],
    ] as const) {
      const response = await orca.request(method, path, { token: stranger.token, body });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.text).not.toContain('Private Agent');
    }
    const list = await orca.request('GET', `/api/workspaces/${strangerWorkspace.id}/agents`, {
      token: stranger.token,
    });
    expect(list.body.items).toEqual([]);
  });
});
