// Issue 16's "done when", walked end to end through the API with the platform's workers: an agency
// builds a report writer in a staging workspace, promotes it to production as a plan and approves
// it there, runs it for two clients in two budgeted workrooms, pays for every run from the
// production ledger (402 when a workroom's budget is spent), exports each client's report as a
// branded PDF (checked with poppler: words and pixels), keeps every version of it, and finally
// moves the whole production workspace into a new one with a bundle, without secrets or credits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumOfEntries } from '../../src/store/credit-repository.ts';
import { bannerPng, countColour, firstPageRaster, pdfText } from '../support/pdf-pages.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

// A small plan: 200 credits a month. Saving a file costs 3 credits a step; transforms are free,
// so a run of the report writer (one transform, two saves) is estimated and charged 6.
const credits = {
  plans: [{ name: 'agency', monthlyAllowance: 200 }],
  defaultPlan: 'agency',
  prices: { toolStep: { default: 3, byTool: { transform: 0 } } },
};
const runCost = 6;
const accent = { hex: '#1f4fd1', rgb: [31, 79, 209] as [number, number, number] };
const letterheadColour: [number, number, number] = [230, 120, 20];
const canarySecret = 'agency-canary-secret-91f3';

let orca: TestPlatform;
let owner: TestUser;
let staging: { id: string; slug: string; name: string };
let production: { id: string; slug: string; name: string };
let stagingAgentId: string;
const rooms: Record<'A' | 'B', { id: string; name: string }> = {
  A: { id: '', name: 'Client A' },
  B: { id: '', name: 'Client B' },
};
/** The report writer of each workroom in production (the promoted one, and a copy of it). */
const writers: Record<'A' | 'B', string> = { A: '', B: '' };

beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { credits: JSON.stringify(credits) } });
  owner = await orca.signUp('Agency Owner');
  staging = await orca.createWorkspace(owner, 'Agency Staging');
  production = await orca.createWorkspace(owner, 'Agency Production');
});
afterAll(() => orca?.close());

const path = (workspace: { id: string }, rest: string) => `/api/workspaces/${workspace.id}${rest}`;

async function call(method: string, address: string, body?: unknown) {
  return orca.request(method, address, { token: owner.token, ...(body === undefined ? {} : { body }) });
}

/** Calls and checks the status, showing the answer when it is another. */
async function expectStatus(method: string, address: string, status: number, body?: unknown) {
  const response = await call(method, address, body);
  expect(response.status, `${method} ${address} → ${response.text}`).toBe(status);
  return response.body;
}

/** Binary content (the request helper reads bodies as text). */
async function download(address: string) {
  const response = await orca.platform.app.request(address, {
    headers: { authorization: `Bearer ${owner.token}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

function reportSpec(goal: string, heading = 'Weekly report') {
  return {
    name: 'Report Writer',
    goal,
    input: { type: 'object', properties: { client: { type: 'string' } }, required: ['client'] },
    steps: [
      {
        id: 'compose',
        tool: 'transform',
        with: {
          expression: `"# ${heading} for " & input.client & "\\n\\nSales grew by **12%** this week.\\n\\n- New leads: 4\\n- Closed: 2"`,
        },
      },
      {
        id: 'markdown',
        tool: 'files.save',
        with: { name: 'report.md', content: '{{ steps.compose.value }}' },
      },
      { id: 'pdf', tool: 'files.save', with: { name: 'report.pdf', content: '{{ steps.compose.value }}' } },
    ],
  };
}

async function runToEnd(agentId: string, client: string) {
  const started = await call('POST', path(production, `/agents/${agentId}/runs`), { input: { client } });
  expect(started.status, started.text).toBe(202);
  let run: { status: string; cost: { charged: number | null } | null } & Record<string, unknown> = {
    status: 'queued',
    cost: null,
  };
  await expect
    .poll(
      async () => {
        run = (await call('GET', path(production, `/runs/${started.body.id}`))).body;
        return ['succeeded', 'failed', 'cancelled'].includes(run.status) && run.cost?.charged != null;
      },
      { timeout: 30_000, interval: 100 },
    )
    .toBe(true);
  expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
  return run;
}

async function ledgerOf(workspace: { id: string }) {
  const items: { kind: string; amount: number; balanceAfter: number; workroomId: string | null }[] = [];
  let cursor: string | undefined;
  do {
    const page = await expectStatus(
      'GET',
      path(workspace, `/credits/ledger?limit=100${cursor ? `&cursor=${cursor}` : ''}`),
      200,
    );
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function expectLedgerSumsToBalance(workspace: { id: string }) {
  const view = await expectStatus('GET', path(workspace, '/credits'), 200);
  const entries = await ledgerOf(workspace);
  expect(entries.reduce((sum, entry) => sum + entry.amount, 0)).toBe(view.balance);
  expect(await orca.platform.store.inWorkspace(workspace.id, sumOfEntries)).toBe(view.balance);
  return { view, entries };
}

describe('an agency: staging to production, clients in workrooms, credits, branded files, a bundle', () => {
  it('1. gives both new workspaces the small plan, each with its own ledger', async () => {
    const me = await expectStatus('GET', '/api/me', 200);
    const roles = Object.fromEntries(
      me.workspaces.map((workspace: { name: string; role: string }) => [workspace.name, workspace.role]),
    );
    expect(roles).toMatchObject({ 'Agency Staging': 'owner', 'Agency Production': 'owner' });
    for (const workspace of [staging, production]) {
      const { view, entries } = await expectLedgerSumsToBalance(workspace);
      expect(view).toMatchObject({
        plan: { name: 'agency', monthlyAllowance: 200 },
        balance: 200,
        reserved: 0,
      });
      expect(entries).toMatchObject([{ kind: 'allowance', amount: 200 }]);
    }
  });

  it('2. sets up two budgeted client workrooms and a branded export profile in production', async () => {
    for (const [key, budget] of [
      ['A', 60],
      ['B', 60],
    ] as const) {
      const created = await expectStatus('POST', path(production, '/workrooms'), 201, {
        name: rooms[key].name,
        description: `Everything for ${rooms[key].name}`,
        monthlyBudget: budget,
      });
      expect(created).toMatchObject({ name: rooms[key].name, monthlyBudget: budget });
      rooms[key].id = created.id;
    }
    const profile = await expectStatus('PUT', path(production, '/export-profile'), 200, {
      accentColor: accent.hex,
      bodyFont: 'Times',
      headingFont: 'Helvetica',
      contactBlock: 'Northwind Agency\nhello@northwind.test',
      footerText: 'Northwind Agency, confidential',
    });
    expect(profile).toMatchObject({ accentColor: accent.hex, bodyFont: 'Times' });
    const letterhead = await orca.request('PUT', path(production, '/export-profile/letterhead'), {
      token: owner.token,
      rawBody: bannerPng(600, 80, letterheadColour),
      headers: { 'content-type': 'image/png' },
    });
    expect(letterhead.status, letterhead.text).toBe(200);
    expect(letterhead.body.letterhead).toMatchObject({ contentType: 'image/png', width: 600, height: 80 });
  });

  it('3. promotes the staging report writer as a plan, approves it in production, and offers the next version', async () => {
    // A secret in staging that must never reach production or the bundle.
    await expectStatus('POST', path(staging, '/connections'), 201, {
      service: 'crm',
      kind: 'api_key',
      settings: { allowedHosts: ['crm.example.com'] },
      secret: { apiKey: canarySecret },
    });
    const created = await expectStatus('POST', path(staging, '/agents'), 201, {
      spec: reportSpec('Write the weekly client report'),
    });
    stagingAgentId = created.id;

    const promotion = await expectStatus('POST', path(staging, `/agents/${stagingAgentId}/promote`), 201, {
      targetWorkspace: production.slug,
    });
    expect(promotion.plan.status).toBe('proposed');
    expect(promotion.plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'createAgent',
    ]);
    expect(promotion.review.approve).toBe(
      `POST /api/workspaces/${production.id}/plans/${promotion.plan.id}/approve`,
    );
    expect(JSON.stringify(promotion)).not.toContain(canarySecret);
    // Nothing in production until the plan is approved there.
    expect((await expectStatus('GET', path(production, '/agents'), 200)).items).toEqual([]);

    const [method, address] = promotion.review.approve.split(' ');
    const applied = await expectStatus(method, address, 200, {});
    expect(applied.plan.status).toBe('applied');
    writers.A = applied.results.find((result: { type: string }) => result.type === 'createAgent').agentId;
    const promoted = await expectStatus('GET', path(production, `/agents/${writers.A}`), 200);
    expect(promoted).toMatchObject({
      name: 'Report Writer',
      version: 1,
      origin: {
        workspaceId: staging.id,
        workspaceName: 'Agency Staging',
        agentId: stagingAgentId,
        agentName: 'Report Writer',
        version: 1,
        via: 'promote',
      },
    });

    // Staging improves the agent: production is offered version 2, and accepting it plans the update.
    const changed = await expectStatus('PATCH', path(staging, `/agents/${stagingAgentId}`), 200, {
      spec: reportSpec('Write the weekly client report, with totals', 'Weekly client report'),
    });
    expect(changed.version).toBe(2);
    const suggestions = await expectStatus('GET', path(production, '/suggestions'), 200);
    const offer = suggestions.items.find(
      (item: { kind: string; agentId: string }) =>
        item.kind === 'promotion_update' && item.agentId === writers.A,
    );
    expect(offer, JSON.stringify(suggestions.items)).toBeDefined();
    expect(offer.reason).toMatch(
      /Agency Staging has version 2 of "Report Writer" \(you have version 1 from it\): update\?/,
    );
    const accepted = await expectStatus('POST', path(production, `/suggestions/${offer.id}/accept`), 200);
    expect(accepted.plan.operations).toMatchObject([{ type: 'updateAgent', origin: { version: 2 } }]);
    await expectStatus('POST', path(production, `/plans/${accepted.plan.id}/approve`), 200, {});
    const updated = await expectStatus('GET', path(production, `/agents/${writers.A}`), 200);
    expect(updated).toMatchObject({
      version: 2,
      origin: { version: 2 },
      spec: { goal: expect.stringMatching(/totals/) },
    });
    const versions = await expectStatus('GET', path(production, `/agents/${writers.A}/versions`), 200);
    expect(versions.items.map((version: { version: number }) => version.version)).toEqual([2, 1]);
    const after = await expectStatus('GET', path(production, '/suggestions'), 200);
    expect(after.items.filter((item: { kind: string }) => item.kind === 'promotion_update')).toEqual([]);
  });

  it('4. runs the writer in both workrooms, charges each run, and refuses a run over a lowered budget', async () => {
    // Client B gets its own copy of the promoted writer (an agent sits in one workroom).
    const copy = await expectStatus('POST', path(production, '/agents'), 201, {
      spec: {
        ...(await expectStatus('GET', path(production, `/agents/${writers.A}`), 200)).spec,
        name: 'Report Writer B',
      },
    });
    writers.B = copy.id;
    await expectStatus('POST', path(production, `/workrooms/${rooms.A.id}/agents`), 200, {
      agentIds: [writers.A],
    });
    await expectStatus('PUT', path(production, `/agents/${writers.B}/workroom`), 200, {
      workroomId: rooms.B.id,
    });
    const listedA = await expectStatus(
      'GET',
      path(production, `/agents?workroom=${encodeURIComponent('Client A')}`),
      200,
    );
    expect(listedA.items.map((agent: { id: string }) => agent.id)).toEqual([writers.A]);

    for (const key of ['A', 'B'] as const) {
      const run = await runToEnd(writers[key], rooms[key].name);
      expect(run.workroomId).toBe(rooms[key].id);
      expect(run.cost).toMatchObject({
        reserved: runCost,
        charged: runCost,
        items: [
          { stepId: 'compose', tool: 'transform', credits: 0 },
          { stepId: 'markdown', tool: 'files.save', credits: 3 },
          { stepId: 'pdf', tool: 'files.save', credits: 3 },
        ],
      });
    }
    const { view, entries } = await expectLedgerSumsToBalance(production);
    expect(view).toMatchObject({ balance: 200 - 2 * runCost, reserved: 0 });
    for (const key of ['A', 'B'] as const) {
      const consumed = entries.filter(
        (entry) => entry.kind === 'consumption' && entry.workroomId === rooms[key].id,
      );
      expect(consumed.map((entry) => entry.amount)).toEqual([-runCost]);
    }

    const usage = await expectStatus('GET', path(production, '/usage?groupBy=workroom'), 200);
    expect(usage.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: rooms.A.id, label: 'Client A', credits: runCost, runs: 1 }),
        expect.objectContaining({ key: rooms.B.id, label: 'Client B', credits: runCost, runs: 1 }),
      ]),
    );
    expect(usage.total).toMatchObject({ credits: 2 * runCost, runs: 2 });
    const csv = await call('GET', path(production, '/usage?groupBy=workroom&format=csv'));
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('label,key,credits,runs,inputTokens,outputTokens,browserMinutes');
    expect(lines).toEqual(
      expect.arrayContaining([
        `Client A,${rooms.A.id},${runCost},1,0,0,0`,
        `Client B,${rooms.B.id},${runCost},1,0,0,0`,
      ]),
    );
    const byAgent = await expectStatus('GET', path(production, '/usage?groupBy=agent'), 200);
    expect(byAgent.rows.map((row: { key: string }) => row.key).sort()).toEqual([writers.A, writers.B].sort());
    const byDay = await expectStatus('GET', path(production, '/usage?groupBy=day'), 200);
    expect(byDay.total).toMatchObject({ credits: 2 * runCost, runs: 2 });

    // Client A's budget (named as people name it) lowered below what it spent: accepted with a
    // warning, the next run refused.
    const lowered = await expectStatus('PUT', path(production, '/workrooms/client%20a/budget'), 200, {
      monthlyBudget: runCost - 1,
    });
    expect(lowered).toMatchObject({ monthlyBudget: runCost - 1, spentThisMonth: runCost, remaining: 0 });
    expect(lowered.warning).toMatch(/new runs are refused/);
    const refused = await call('POST', path(production, `/agents/${writers.A}/runs`), {
      input: { client: 'Client A' },
    });
    expect(refused.status, refused.text).toBe(402);
    expect(refused.body.error.code).toBe('insufficient_credits');
    expect(refused.body.error.message).toMatch(/workroom "Client A"/);
    expect(refused.body.error.message).toMatch(/budget/);
    const balanceAfterRefusal = await expectLedgerSumsToBalance(production);
    expect(balanceAfterRefusal.view.balance).toBe(200 - 2 * runCost);
    // The other client is not held back.
    await runToEnd(writers.B, 'Client B');
  });

  it('5. exports each client’s report as a branded PDF, and keeps version 1 when a run makes version 2', async () => {
    for (const key of ['A', 'B'] as const) {
      const files = await expectStatus(
        'GET',
        path(production, `/deliverables?workroom=${encodeURIComponent(rooms[key].name)}&latest=true`),
        200,
      );
      const names = files.items.map((file: { name: string }) => file.name).sort();
      const everything = await expectStatus('GET', path(production, '/deliverables'), 200);
      expect(
        names,
        JSON.stringify(
          everything.items.map((file: Record<string, unknown>) => [
            file.name,
            file.workroomId,
            file.version,
            file.latest,
          ]),
        ),
      ).toEqual(['report.md', 'report.pdf']);
      expect(names).toEqual(['report.md', 'report.pdf']);
      const markdown = files.items.find((file: { name: string }) => file.name === 'report.md');
      const exported = await download(path(production, `/deliverables/${markdown.id}/export?format=pdf`));
      expect(exported.status).toBe(200);
      expect(exported.type).toBe('application/pdf');
      // The saved "report.pdf" is a real PDF in the same branding.
      const saved = files.items.find((file: { name: string }) => file.name === 'report.pdf');
      expect(saved.contentType).toBe('application/pdf');
      const savedPdf = await download(saved.contentPath);
      for (const pdf of [exported.bytes, savedPdf.bytes]) {
        expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
        const text = pdfText(pdf);
        expect(text).toContain(`Weekly client report for ${rooms[key].name}`);
        expect(text).toContain('Sales grew by 12%');
        expect(text).toContain('Northwind Agency');
        expect(text).toContain('Northwind Agency, confidential');
        const page = firstPageRaster(pdf);
        expect(countColour(page, letterheadColour, 0, Math.round(page.height / 5))).toBeGreaterThan(200);
        expect(countColour(page, accent.rgb, 0, page.height)).toBeGreaterThan(50);
      }
      const html = await call('GET', path(production, `/deliverables/${markdown.id}/export?format=html`));
      expect(html.status).toBe(200);
      expect(html.text).toContain(`--accent: ${accent.hex}`);
    }

    // Client B ran twice: its report is at version 2, version 1 kept and still readable.
    const bFiles = await expectStatus(
      'GET',
      path(production, `/deliverables?workroom=${encodeURIComponent('Client B')}&name=report.md&latest=true`),
      200,
    );
    expect(bFiles.items).toHaveLength(1);
    const newest = bFiles.items[0];
    expect(newest).toMatchObject({ version: 2, latest: true, workroomId: rooms.B.id });
    const versions = await expectStatus('GET', path(production, `/deliverables/${newest.id}/versions`), 200);
    expect(
      versions.items.map((file: { version: number; latest: boolean }) => [file.version, file.latest]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
    const first = await call('GET', versions.items[1].contentPath);
    expect(first.status).toBe(200);
    expect(first.text).toContain('Weekly client report for Client B');
    const pdfVersions = await expectStatus(
      'GET',
      path(production, `/deliverables?workroom=${encodeURIComponent('Client B')}&name=report.pdf`),
      200,
    );
    expect(pdfVersions.items.map((file: { version: number }) => file.version).sort()).toEqual([1, 2]);
    // Client A's report is still at version 1 (its second run was refused).
    const aFiles = await expectStatus(
      'GET',
      path(production, `/deliverables?workroom=${rooms.A.id}&name=report.md`),
      200,
    );
    expect(aFiles.items.map((file: { version: number }) => file.version)).toEqual([1]);
    const workroomB = await expectStatus('GET', path(production, `/workrooms/${rooms.B.id}`), 200);
    // Two files (report.md and report.pdf), each at version 2: a file's versions count once.
    expect(workroomB.counts).toMatchObject({ agents: 1, runs: 2, deliverables: 2 });
  });

  it('6. moves production into a new workspace with a bundle: agents, workrooms and brand, no secret, no credits', async () => {
    const exported = await call('GET', path(production, '/export'));
    expect(exported.status, exported.text).toBe(200);
    expect(exported.text).not.toContain(canarySecret);
    const bundle = exported.body;
    expect(bundle.agents.map((agent: { name: string }) => agent.name).sort()).toEqual([
      'Report Writer',
      'Report Writer B',
    ]);

    const copy = await orca.createWorkspace(owner, 'Agency Copy');
    const before = await expectLedgerSumsToBalance(copy);
    expect(before.view.balance).toBe(200);
    const productionBalance = (await expectStatus('GET', path(production, '/credits'), 200)).balance;

    const preview = await expectStatus('POST', path(copy, '/import?dryRun=true'), 200, bundle);
    expect(preview).toMatchObject({
      dryRun: true,
      created: { agents: 2, workrooms: 2, exportProfile: true },
    });
    expect((await expectStatus('GET', path(copy, '/agents'), 200)).items).toEqual([]);
    expect((await expectStatus('GET', path(copy, '/workrooms'), 200)).items).toEqual([]);

    const imported = await expectStatus('POST', path(copy, '/import'), 201, bundle);
    expect(imported).toMatchObject({
      dryRun: false,
      created: { agents: 2, workrooms: 2, exportProfile: true },
    });
    expect(JSON.stringify(imported)).not.toContain(canarySecret);

    const agents = (await expectStatus('GET', path(copy, '/agents'), 200)).items;
    expect(agents.map((agent: { name: string }) => agent.name).sort()).toEqual([
      'Report Writer',
      'Report Writer B',
    ]);
    const workrooms = (await expectStatus('GET', path(copy, '/workrooms'), 200)).items;
    const byName = Object.fromEntries(
      workrooms.map((room: { id: string; name: string; monthlyBudget: number | null }) => [room.name, room]),
    );
    expect(byName['Client A']).toMatchObject({ monthlyBudget: runCost - 1 });
    expect(byName['Client B']).toMatchObject({ monthlyBudget: 60 });
    const writerA = agents.find((agent: { name: string }) => agent.name === 'Report Writer');
    expect(writerA).toMatchObject({ workroomId: byName['Client A'].id, version: 2 });
    const profile = await expectStatus('GET', path(copy, '/export-profile'), 200);
    expect(profile).toMatchObject({
      accentColor: accent.hex,
      contactBlock: 'Northwind Agency\nhello@northwind.test',
      letterhead: { contentType: 'image/png', width: 600, height: 80 },
    });
    expect((await expectStatus('GET', path(copy, '/connections'), 200)).items).toEqual([]);

    // Credits never move: the copy keeps its own untouched allowance, production its balance.
    const after = await expectLedgerSumsToBalance(copy);
    expect(after.view.balance).toBe(200);
    expect(after.entries).toMatchObject([{ kind: 'allowance', amount: 200 }]);
    expect((await expectStatus('GET', path(production, '/credits'), 200)).balance).toBe(productionBalance);
    const usage = await expectStatus('GET', path(copy, '/usage?groupBy=workroom'), 200);
    expect(usage.total).toMatchObject({ credits: 0, runs: 0 });

    // The copy works: its Client B writer runs in its Client B, billed to the copy alone.
    const writerB = agents.find((agent: { name: string }) => agent.name === 'Report Writer B');
    expect(writerB.workroomId).toBe(byName['Client B'].id);
    const started = await call('POST', path(copy, `/agents/${writerB.id}/runs`), {
      input: { client: 'Client B' },
    });
    expect(started.status, started.text).toBe(202);
    await expect
      .poll(
        async () => (await expectStatus('GET', path(copy, `/runs/${started.body.id}`), 200)).cost?.charged,
        {
          timeout: 30_000,
          interval: 100,
        },
      )
      .toBe(runCost);
    expect((await expectLedgerSumsToBalance(copy)).view.balance).toBe(200 - runCost);
    expect((await expectStatus('GET', path(production, '/credits'), 200)).balance).toBe(productionBalance);
  });

  it('7. deletes a client’s workroom only once told what becomes of its files, and loses none', async () => {
    const refused = await call('DELETE', path(production, `/workrooms/${rooms.A.id}`));
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/still holds 1 agent, 1 run, 2 files/);
    expect(refused.body.error.message).toMatch(/deliverables=keep/);
    const deleted = await expectStatus(
      'DELETE',
      path(production, `/workrooms/${rooms.A.id}?deliverables=move&to=${encodeURIComponent('Client B')}`),
      200,
    );
    expect(deleted).toMatchObject({
      agentsMoved: [{ id: writers.A }],
      runs: { count: 1, movedTo: rooms.B.id },
      deliverables: { choice: 'move', count: 2, deleted: [] },
    });
    const inB = await expectStatus('GET', path(production, '/deliverables?workroom=Client%20B'), 200);
    expect(inB.items).toHaveLength(6);
    // What Client A spent stays in the ledger and the usage, under the workroom's old id.
    const { view } = await expectLedgerSumsToBalance(production);
    expect(view.reserved).toBe(0);
  });

  it('8. learned what the owner built, and nothing from approving promotions', async () => {
    const memory = await expectStatus('GET', '/api/me/memory', 200);
    const saves = memory.learned.items.find(
      (item: { category: string; key: string }) => item.category === 'tool' && item.key === 'files.save',
    );
    // Built in staging, changed there, copied in production: three times. The two promotions
    // approved in production brought what staging built and teach nothing (decision 0030).
    expect(saves).toMatchObject({ count: 3 });
  });
});
