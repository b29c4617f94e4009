// Whole-workspace bundles: a realistic workspace exported and imported into a new one comes back
// equal except for ids and secrets; no secret set up in the source is anywhere in the file; the
// imported hook answers at its new address; accounts are listed to connect again; and every kind
// of bad bundle is refused with its problems listed and nothing created.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agents } from '../../src/store/schema.ts';
import { insertWorkroomRow, saveExportProfileRow } from '../../src/store/workspace-bundle-repository.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let viewer: TestUser;
let source: { id: string; slug: string; name: string };
const secrets: Record<string, string> = {};
const letterhead = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);

function spec(name: string, expression: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    goal: `Goal of ${name}`,
    steps: [{ id: 'work', tool: 'transform', with: { expression } }],
    output: '{{ steps.work.value }}',
    ...extra,
  };
}

async function call(method: string, path: string, body?: unknown, token = owner.token) {
  return orca.request(method, path, { token, body });
}

async function ok(method: string, path: string, body: unknown, status: number) {
  const response = await call(method, path, body);
  if (response.status !== status) throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
  return response.body;
}

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Bundle Owner');
  viewer = await orca.signUp('Bundle Viewer');
  source = await orca.createWorkspace(owner, 'Source Studio');
  await orca.addMember(owner, source.id, viewer, 'viewer');
  const ws = `/api/workspaces/${source.id}`;
  secrets.accountPassword = owner.password;

  const collector = await ok(
    'POST',
    `${ws}/agents`,
    { spec: spec('Collector', '"one"'), note: 'first' },
    201,
  );
  await ok(
    'PATCH',
    `${ws}/agents/${collector.id}`,
    { spec: spec('Collector', '"two"'), note: 'second' },
    200,
  );
  await ok('PATCH', `${ws}/agents/${collector.id}`, { spec: spec('Collector', '{"count": 3}') }, 200);
  const reporter = await ok(
    'POST',
    `${ws}/agents`,
    {
      spec: spec('Reporter', '"Report of " & $string(input.count)', {
        input: { type: 'object', properties: { count: { type: 'number' } } },
      }),
    },
    201,
  );
  await ok('POST', `${ws}/agents/${reporter.id}/pause`, undefined, 200);
  await ok('PUT', `${ws}/agents/${collector.id}/budget`, { monthlyBudget: 12_000 }, 200);
  await ok(
    'PUT',
    `${ws}/agents/${collector.id}/schedule`,
    { cron: '0 8 * * 1-5', timezone: 'Europe/Paris', input: {} },
    200,
  );
  await ok(
    'POST',
    `${ws}/chains`,
    { fromAgentId: collector.id, toAgentId: reporter.id, mapping: '{"count": output.count}' },
    201,
  );
  const plainHook = await ok('POST', `${ws}/agents/${collector.id}/hooks`, { name: 'From the form' }, 201);
  const signedHook = await ok(
    'POST',
    `${ws}/agents/${collector.id}/hooks`,
    { name: 'Signed', signed: true },
    201,
  );
  secrets.hookToken = plainHook.url.split('/').pop();
  secrets.signedHookToken = signedHook.url.split('/').pop();
  secrets.hookSigningSecret = signedHook.signingSecret;
  await ok('POST', `${ws}/context`, { key: 'clients/acme', value: { plan: 'Pro' }, tags: ['clients'] }, 201);
  await ok(
    'POST',
    `${ws}/context`,
    { key: 'tone', value: 'friendly', text: 'Write in a friendly tone' },
    201,
  );
  await ok('POST', `${ws}/agents/${collector.id}/memory`, { key: 'last-seen', value: 41 }, 201);
  secrets.apiKey = 'sk-live-canary-4f1d9a7e2b';
  await ok(
    'POST',
    `${ws}/connections`,
    {
      service: 'acme-api',
      kind: 'api_key',
      settings: { allowedHosts: ['api.acme.test'], headerName: 'X-Api-Key', prefix: '' },
      secret: { apiKey: secrets.apiKey },
    },
    201,
  );
  secrets.portalPassword = 'portal-canary-Pa55word';
  secrets.totpSeed = 'JBSWY3DPEHPK3PXPJBSWY3DP';
  await ok(
    'POST',
    `${ws}/connections`,
    {
      service: 'supplier-portal',
      label: 'Main login',
      kind: 'login',
      settings: { allowedHosts: ['portal.supplier.test'], username: 'buyer@source.test' },
      secret: { password: secrets.portalPassword, totpSecret: secrets.totpSeed },
    },
    201,
  );
  secrets.webhookSigningSecret = (await ok('GET', `${ws}/webhook-signing-secret`, undefined, 200)).secret;
  await orca.platform.store.inWorkspace(source.id, async (scope) => {
    const roomId = await insertWorkroomRow(
      scope,
      {
        name: 'Purchasing',
        description: 'Buying for the studio',
        monthlyBudget: 50_000,
        createdAt: new Date(),
      },
      owner.id,
    );
    await scope.db.update(agents).set({ workroomId: roomId }).where(eq(agents.id, collector.id));
    await saveExportProfileRow(
      scope,
      {
        settings: {
          accentColor: '#0a7c66',
          bodyFont: 'Times',
          headingFont: 'Helvetica',
          contactBlock: 'Source Studio\n1 Main St',
          footerText: 'Source Studio, 1 Main St',
        },
        letterheadContentType: 'image/png',
        letterhead,
      },
      owner.id,
    );
  });
});
afterAll(async () => {
  await orca.close();
});

async function exportOf(workspaceId: string, token = owner.token) {
  return orca.request('GET', `/api/workspaces/${workspaceId}/export`, { token });
}

async function newWorkspace(name: string) {
  return orca.createWorkspace(owner, name);
}

describe('workspace export', () => {
  it('writes one attachment holding everything but no secret', async () => {
    const response = await exportOf(source.id);
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${source.slug}-${new Date().toISOString().slice(0, 10)}.orca.json"`,
    );
    for (const [what, value] of Object.entries(secrets)) {
      expect(value, what).toBeTruthy();
      expect(response.text.includes(value as string), `the export holds the ${what}`).toBe(false);
    }
    const bundle = response.body;
    expect(bundle).toMatchObject({
      format: 'orca-workspace',
      formatVersion: 2,
      source: { name: 'Source Studio', slug: source.slug },
    });
    expect(bundle.agents.map((agent: { name: string }) => agent.name)).toEqual(['Collector', 'Reporter']);
    expect(bundle.agents.map((agent: { monthlyBudget: number | null }) => agent.monthlyBudget)).toEqual([
      12_000,
      null,
    ]);
    expect(bundle.agents[0].versions.map((version: { version: number }) => version.version)).toEqual([
      1, 2, 3,
    ]);
    expect(bundle.agents[0].memory).toEqual([
      { key: 'last-seen', value: 41, text: expect.any(String), tags: [] },
    ]);
    expect(bundle.connections).toEqual([
      {
        service: 'acme-api',
        label: '',
        kind: 'api_key',
        isDefault: true,
        settings: { allowedHosts: ['api.acme.test'], headerName: 'X-Api-Key', prefix: '' },
      },
      {
        service: 'supplier-portal',
        label: 'Main login',
        kind: 'login',
        isDefault: true,
        settings: { allowedHosts: ['portal.supplier.test'], username: 'buyer@source.test' },
      },
    ]);
    expect(bundle.exportProfile.letterhead).toEqual({
      contentType: 'image/png',
      base64: letterhead.toString('base64'),
    });
  });

  it('is for admins: a viewer is refused, and another workspace is not found', async () => {
    expect((await exportOf(source.id, viewer.token)).status).toBe(403);
    const stranger = await orca.signUp('Stranger');
    expect((await exportOf(source.id, stranger.token)).status).toBe(404);
    expect(
      (await orca.request('POST', `/api/workspaces/${source.id}/import`, { token: viewer.token, body: {} }))
        .status,
    ).toBe(403);
  });
});

describe('workspace import', () => {
  it('recreates the workspace in a new one, equal but for ids and secrets', async () => {
    const bundle = (await exportOf(source.id)).body;
    const target = await newWorkspace('Target Studio');
    const ws = `/api/workspaces/${target.id}`;

    const preview = await call('POST', `${ws}/import?dryRun=true`, bundle);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, created: { agents: 2, versions: 4 } });
    expect(preview.body.hooks.every((hook: { url?: string }) => hook.url === undefined)).toBe(true);
    expect((await call('GET', `${ws}/agents`)).body.items).toEqual([]);

    const imported = await call('POST', `${ws}/import`, bundle);
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body).toMatchObject({
      dryRun: false,
      created: {
        agents: 2,
        versions: 4,
        schedules: 1,
        chains: 1,
        hooks: 2,
        contextEntries: 2,
        agentMemoryEntries: 1,
        workrooms: 1,
        exportProfile: true,
      },
      toConnect: [
        { service: 'acme-api', label: '', kind: 'api_key' },
        { service: 'supplier-portal', label: 'Main login', kind: 'login' },
      ],
    });
    expect(imported.body.nextStep).toMatch(/Connected accounts/);
    const newHooks = imported.body.hooks as {
      agent: string;
      name: string;
      url: string;
      signingSecret?: string;
    }[];
    expect(newHooks.map((hook) => [hook.agent, hook.name, Boolean(hook.signingSecret)])).toEqual([
      ['Collector', 'From the form', false],
      ['Collector', 'Signed', true],
    ]);
    expect(newHooks[1]?.signingSecret).not.toBe(secrets.hookSigningSecret);
    expect(newHooks.some((hook) => hook.url.includes(secrets.hookToken as string))).toBe(false);

    // Exported again, the copy is the same file but for its source, its time and the accounts
    // not connected yet (hooks made in one transaction share a creation time: sorted by name).
    const again = (await exportOf(target.id)).body;
    const comparable = (file: Record<string, unknown>) => ({
      ...file,
      exportedAt: null,
      source: null,
      connections: null,
      hooks: (file.hooks as { name: string }[]).toSorted((a, b) => a.name.localeCompare(b.name)),
    });
    expect(comparable(again)).toEqual(comparable(bundle));

    const agentList = (await call('GET', `${ws}/agents`)).body.items;
    const collector = agentList.find((agent: { name: string }) => agent.name === 'Collector');
    expect(collector).toMatchObject({ version: 3, status: 'active' });
    expect((await call('GET', `${ws}/agents/${collector.id}/budget`)).body.monthlyBudget).toBe(12_000);
    expect(agentList.find((agent: { name: string }) => agent.name === 'Reporter').status).toBe('paused');
    const versions = (await call('GET', `${ws}/agents/${collector.id}/versions`)).body.items;
    expect(
      versions.map((version: { version: number; note: string | null }) => [version.version, version.note]),
    ).toEqual([
      [3, null],
      [2, 'second'],
      [1, 'first'],
    ]);
    const schedule = (await call('GET', `${ws}/agents/${collector.id}/schedule`)).body;
    expect(schedule).toMatchObject({ cron: '0 8 * * 1-5', timezone: 'Europe/Paris', enabled: true });
    expect(schedule.nextRuns).toHaveLength(5);

    // Only the new address starts a run; the old one belongs to the source alone.
    const path = new URL(newHooks[0]?.url as string).pathname;
    const called = await orca.request('POST', path, { body: { from: 'form' } });
    expect(called.status, called.text).toBe(202);
    const run = (await call('GET', `${ws}/runs/${called.body.runId}`)).body;
    expect(run.agentId).toBe(collector.id);
  });

  it('still reads a version-1 file, whose agents had no budget', async () => {
    const bundle = structuredClone((await exportOf(source.id)).body);
    bundle.formatVersion = 1;
    for (const agent of bundle.agents) delete agent.monthlyBudget;
    const target = await newWorkspace('Older File');
    const ws = `/api/workspaces/${target.id}`;
    const imported = await call('POST', `${ws}/import`, bundle);
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body.created).toMatchObject({ agents: 2, versions: 4 });
    const collector = (await call('GET', `${ws}/agents`)).body.items.find(
      (agent: { name: string }) => agent.name === 'Collector',
    );
    expect((await call('GET', `${ws}/agents/${collector.id}/budget`)).body.monthlyBudget).toBeNull();
  });

  it('refuses a bundle from a newer Orca, or of another format, saying what it reads', async () => {
    const bundle = (await exportOf(source.id)).body;
    const target = await newWorkspace('Version Check');
    const newer = await call('POST', `/api/workspaces/${target.id}/import`, { ...bundle, formatVersion: 3 });
    expect(newer.status).toBe(422);
    expect(newer.body.error.message).toMatch(/format version 3.*reads format versions 1 to 2.*Upgrade/);
    const other = await call('POST', `/api/workspaces/${target.id}/import`, {
      ...bundle,
      format: 'orca.agent',
    });
    expect(other.status).toBe(422);
    expect(other.body.error.message).toMatch(/orca-workspace/);
  });

  it('lists every broken reference with its path and creates nothing', async () => {
    const bundle = structuredClone((await exportOf(source.id)).body);
    bundle.chains.push({ from: 'Collector', to: 'Ghost', on: 'success', mapping: null, enabled: true });
    bundle.agents[0].workroom = 'Nowhere';
    bundle.agents[0].versions[1].version = 5;
    bundle.agents[1].versions[0].spec.steps[0].tool = 'no-such-tool';
    bundle.schedules[0].timezone = 'Mars/Olympus';
    const target = await newWorkspace('Broken Bundle');
    const refused = await call('POST', `/api/workspaces/${target.id}/import`, bundle);
    expect(refused.status).toBe(422);
    const paths = refused.body.error.details.map((problem: { path: string }) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'chains[1].to',
        'agents[0].workroom',
        'agents[0].versions[1].version',
        'agents[1].versions[0].spec.steps.0.tool',
        'schedules[0].timezone',
      ]),
    );
    expect((await call('GET', `/api/workspaces/${target.id}/agents`)).body.items).toEqual([]);
  });

  it('checks the export profile a bundle brings as the routes do: odd keys dropped, a letterhead that is no image left out', async () => {
    const bundle = structuredClone((await exportOf(source.id)).body);
    bundle.exportProfile = {
      settings: JSON.parse('{"constructor": 1, "__proto__": {"x": 1}, "accentColor": "#123456"}'),
      letterhead: {
        contentType: 'image/png',
        base64: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ).toString('base64'),
      },
    };
    const target = await newWorkspace('Odd Profile');
    const imported = await call('POST', `/api/workspaces/${target.id}/import`, bundle);
    expect(imported.status).toBe(201);
    expect(imported.body.warnings.join(' ')).toMatch(/letterhead was left out/);
    const profile = await call('GET', `/api/workspaces/${target.id}/export-profile`);
    expect(profile.status).toBe(200);
    expect(profile.body.accentColor).toBe('#123456');
    expect(profile.body.letterhead).toBeNull();
  });

  it('refuses a workspace that already has agents of the same names, listing them', async () => {
    const bundle = (await exportOf(source.id)).body;
    const target = await newWorkspace('Crowded');
    await ok('POST', `/api/workspaces/${target.id}/agents`, { spec: spec('collector', '1') }, 201);
    const refused = await call('POST', `/api/workspaces/${target.id}/import`, bundle);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([
      { kind: 'agent', name: 'collector', message: expect.stringMatching(/exists here already/) },
    ]);
    expect((await call('GET', `/api/workspaces/${target.id}/agents`)).body.items).toHaveLength(1);
    expect((await call('GET', `/api/workspaces/${target.id}/context`)).body.items).toEqual([]);
  });

  it('answers 413 for a bundle over the limit', async () => {
    const small = await startTestPlatform({ configOverrides: { bundleLimitBytes: '2048' } });
    try {
      const person = await small.signUp();
      const target = await small.createWorkspace(person, 'Small');
      const bundle = (await exportOf(source.id)).body;
      const refused = await small.request('POST', `/api/workspaces/${target.id}/import`, {
        token: person.token,
        body: bundle,
      });
      expect(refused.status).toBe(413);
      expect(refused.body.error.message).toMatch(/ORCA_BUNDLE_LIMIT_BYTES/);
    } finally {
      await small.close();
    }
  });
});
