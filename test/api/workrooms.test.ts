// Workrooms over the API: created and listed with what they hold, renamed, budgeted; agents moved
// in and out (old runs and files stay where they were made); lists filtered by workroom; deleting
// refuses to lose anything silently; another workspace's workroom is never reachable.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
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
  owner = await orca.signUp('Agency Owner');
  viewer = await orca.signUp('Agency Viewer');
  stranger = await orca.signUp('Agency Stranger');
  ws = (await orca.createWorkspace(owner, 'Agency')).id;
  otherWs = (await orca.createWorkspace(stranger, 'Other Agency')).id;
  await orca.addMember(owner, ws, viewer, 'viewer');
});
afterAll(() => orca.close());

const api = (workspace: string, rest: string) => `/api/workspaces/${workspace}${rest}`;

async function createWorkroom(
  name: string,
  extra: Record<string, unknown> = {},
  workspace = ws,
  user = owner,
) {
  const created = await orca.request('POST', api(workspace, '/workrooms'), {
    token: user.token,
    body: { name, ...extra },
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function createReportAgent(name: string) {
  const created = await orca.request('POST', api(ws, '/agents'), {
    token: owner.token,
    body: {
      spec: {
        name,
        steps: [
          {
            id: 'save',
            tool: 'files.save',
            with: { name: `${name}.md`, content: 'Report {{ input.week }}' },
          },
        ],
      },
    },
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function runToEnd(agentId: string) {
  const started = await orca.request('POST', api(ws, `/agents/${agentId}/runs`), {
    token: owner.token,
    body: { input: { week: 1 } },
  });
  expect(started.status).toBe(202);
  for (let tries = 0; tries < 200; tries++) {
    const run = await orca.request('GET', api(ws, `/runs/${started.body.id}`), { token: owner.token });
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) {
      expect(run.body.status).toBe('succeeded');
      return run.body;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

/** The files in the workspace's part of the file store holding exactly this text. */
async function storedCopies(text: string) {
  const directory = path.join(orca.filesDirectory, ws);
  const names = await readdir(directory);
  const contents = await Promise.all(names.map((name) => readFile(path.join(directory, name), 'utf8')));
  return contents.filter((content) => content === text).length;
}

async function auditActions() {
  const log = await orca.request('GET', api(ws, '/audit?limit=200'), { token: owner.token });
  return (log.body.items as { action: string; details: Record<string, unknown> }[]).map(
    (event) => event.action,
  );
}

describe('workrooms API', () => {
  it('creates, lists, reads by id or name, renames and budgets workrooms, names unique case aside', async () => {
    const acme = await createWorkroom('Acme Corp', { description: 'The Acme account', monthlyBudget: 5000 });
    expect(acme).toMatchObject({
      name: 'Acme Corp',
      description: 'The Acme account',
      monthlyBudget: 5000,
      counts: { agents: 0, runsThisMonth: 0, runs: 0, deliverables: 0 },
      createdBy: owner.id,
    });
    const globex = await createWorkroom('Globex');
    expect(globex.monthlyBudget).toBeNull();

    const taken = await orca.request('POST', api(ws, '/workrooms'), {
      token: owner.token,
      body: { name: 'acme corp' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/"acme corp" exists in this workspace already/);
    const reserved = await orca.request('POST', api(ws, '/workrooms'), {
      token: owner.token,
      body: { name: 'None' },
    });
    expect(reserved.status).toBe(422);

    for (const body of [
      { name: 'X', monthlyBudget: -1 },
      { name: 'X', monthlyBudget: 2.5 },
      { name: 'X', monthlyBudget: '10' },
      { name: '' },
      { name: 'X', color: 'red' },
    ]) {
      const refused = await orca.request('POST', api(ws, '/workrooms'), { token: owner.token, body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    const byViewer = await orca.request('POST', api(ws, '/workrooms'), {
      token: viewer.token,
      body: { name: 'Initech' },
    });
    expect(byViewer.status).toBe(403);

    const list = await orca.request('GET', api(ws, '/workrooms?limit=1'), { token: viewer.token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((room: { name: string }) => room.name)).toEqual(['Acme Corp']);
    const next = await orca.request('GET', api(ws, `/workrooms?limit=1&cursor=${list.body.nextCursor}`), {
      token: viewer.token,
    });
    expect(next.body.items.map((room: { name: string }) => room.name)).toEqual(['Globex']);

    const byName = await orca.request('GET', api(ws, '/workrooms/globex'), { token: viewer.token });
    expect(byName.body.id).toBe(globex.id);

    const renamed = await orca.request('PATCH', api(ws, `/workrooms/${acme.id}`), {
      token: owner.token,
      body: { name: 'Acme', monthlyBudget: null },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Acme',
      monthlyBudget: null,
      description: 'The Acme account',
    });
    const clash = await orca.request('PATCH', api(ws, `/workrooms/${acme.id}`), {
      token: owner.token,
      body: { name: 'GLOBEX' },
    });
    expect(clash.status).toBe(409);
    const empty = await orca.request('PATCH', api(ws, `/workrooms/${acme.id}`), {
      token: owner.token,
      body: {},
    });
    expect(empty.status).toBe(400);
    const budget = await orca.request('PATCH', api(ws, `/workrooms/${acme.id}`), {
      token: owner.token,
      body: { monthlyBudget: 1200 },
    });
    expect(budget.body.monthlyBudget).toBe(1200);
    // The budget routes take the workroom's name too, like every other workroom route.
    const budgetByName = await orca.request('PUT', api(ws, '/workrooms/acme/budget'), {
      token: owner.token,
      body: { monthlyBudget: 900 },
    });
    expect(budgetByName.status, budgetByName.text).toBe(200);
    expect(budgetByName.body).toMatchObject({ monthlyBudget: 900, remaining: 900 });
    const readByName = await orca.request('GET', api(ws, '/workrooms/ACME/budget'), { token: owner.token });
    expect(readByName.body.monthlyBudget).toBe(900);
    expect(
      (await orca.request('GET', api(ws, '/workrooms/Nowhere/budget'), { token: owner.token })).status,
    ).toBe(404);

    const actions = await auditActions();
    expect(actions).toContain('workroom.created');
    expect(actions).toContain('workroom.renamed');
    expect(actions).toContain('workroom.updated');
  });

  it('moves agents, keeps old runs and files where they were made, and filters every list', async () => {
    const acme = (await orca.request('GET', api(ws, '/workrooms/Acme'), { token: owner.token })).body;
    const globex = (await orca.request('GET', api(ws, '/workrooms/Globex'), { token: owner.token })).body;
    const writer = await createReportAgent('Acme Weekly');
    const loner = await createReportAgent('Loner');
    expect(writer.workroomId).toBeNull();

    const put = await orca.request('PUT', api(ws, `/agents/${writer.id}/workroom`), {
      token: owner.token,
      body: { workroomId: acme.id },
    });
    expect(put.status).toBe(200);
    expect(put.body.workroomId).toBe(acme.id);
    expect(
      (await orca.request('GET', api(ws, `/agents/${writer.id}`), { token: viewer.token })).body.workroomId,
    ).toBe(acme.id);

    const acmeRun = await runToEnd(writer.id);
    expect(acmeRun.workroomId).toBe(acme.id);
    const upload = await orca.request('POST', api(ws, '/deliverables?name=brief.txt&workroom=Acme'), {
      token: owner.token,
      rawBody: 'the brief',
      headers: { 'content-type': 'text/plain' },
    });
    expect(upload.status).toBe(201);
    expect(upload.body.workroomId).toBe(acme.id);

    // Moving the agent to Globex: the Acme run and file stay in Acme.
    const moved = await orca.request('POST', api(ws, `/workrooms/${globex.id}/agents`), {
      token: owner.token,
      body: { agentIds: [writer.id, loner.id] },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.moved).toHaveLength(2);
    expect(moved.body.workroom.counts.agents).toBe(2);
    const globexRun = await runToEnd(writer.id);
    expect(globexRun.workroomId).toBe(globex.id);

    const acmeNow = await orca.request('GET', api(ws, `/workrooms/${acme.id}`), { token: viewer.token });
    expect(acmeNow.body.counts).toEqual({ agents: 0, runsThisMonth: 1, runs: 1, deliverables: 2 });

    const acmeRuns = await orca.request('GET', api(ws, `/runs?workroom=${acme.id}`), { token: viewer.token });
    expect(acmeRuns.body.items.map((run: { id: string }) => run.id)).toEqual([acmeRun.id]);
    const acmeFiles = await orca.request('GET', api(ws, '/deliverables?workroom=acme'), {
      token: viewer.token,
    });
    expect(acmeFiles.body.items.map((file: { name: string }) => file.name).sort()).toEqual([
      'Acme Weekly.md',
      'brief.txt',
    ]);
    const globexAgents = await orca.request('GET', api(ws, `/agents?workroom=${globex.id}`), {
      token: viewer.token,
    });
    expect(globexAgents.body.items.map((agent: { name: string }) => agent.name)).toEqual([
      'Acme Weekly',
      'Loner',
    ]);

    const back = await orca.request('PUT', api(ws, `/agents/${loner.id}/workroom`), {
      token: owner.token,
      body: { workroomId: null },
    });
    expect(back.body.workroomId).toBeNull();
    const unassigned = await orca.request('GET', api(ws, '/agents?workroom=none'), { token: viewer.token });
    expect(unassigned.body.items.map((agent: { name: string }) => agent.name)).toEqual(['Loner']);

    const unknown = await orca.request('GET', api(ws, '/runs?workroom=Nowhere'), { token: viewer.token });
    expect(unknown.status).toBe(404);
    const byViewer = await orca.request('PUT', api(ws, `/agents/${loner.id}/workroom`), {
      token: viewer.token,
      body: { workroomId: acme.id },
    });
    expect(byViewer.status).toBe(403);
    expect(await auditActions()).toContain('agent.workroom_changed');
  });

  it('refuses to delete a workroom that holds things until told what becomes of its files', async () => {
    const acme = (await orca.request('GET', api(ws, '/workrooms/Acme'), { token: owner.token })).body;
    const globex = (await orca.request('GET', api(ws, '/workrooms/Globex'), { token: owner.token })).body;
    const refused = await orca.request('DELETE', api(ws, `/workrooms/${acme.id}`), { token: owner.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({
      counts: { agents: 0, runs: 1, deliverables: 2 },
      choices: ['keep', 'move', 'delete'],
    });
    expect(refused.body.error.message).toMatch(/deliverables=keep/);
    const noTarget = await orca.request('DELETE', api(ws, `/workrooms/${acme.id}?deliverables=move`), {
      token: owner.token,
    });
    expect(noTarget.status).toBe(400);
    const toItself = await orca.request(
      'DELETE',
      api(ws, `/workrooms/${acme.id}?deliverables=move&to=Acme`),
      { token: owner.token },
    );
    expect(toItself.status).toBe(422);

    const movedAway = await orca.request(
      'DELETE',
      api(ws, `/workrooms/${acme.id}?deliverables=move&to=${globex.id}`),
      {
        token: owner.token,
      },
    );
    expect(movedAway.status).toBe(200);
    expect(movedAway.body).toMatchObject({
      workroom: { id: acme.id, name: 'Acme' },
      runs: { count: 1, movedTo: globex.id },
      deliverables: { choice: 'move', count: 2, movedTo: globex.id, deleted: [] },
    });
    expect((await orca.request('GET', api(ws, `/workrooms/${acme.id}`), { token: owner.token })).status).toBe(
      404,
    );
    const globexNow = await orca.request('GET', api(ws, `/workrooms/${globex.id}`), { token: owner.token });
    expect(globexNow.body.counts).toMatchObject({ agents: 1, runs: 2, deliverables: 3 });

    // Keep: the agent goes to no workroom, the files stay in the workspace, unassigned.
    const kept = await orca.request('DELETE', api(ws, `/workrooms/${globex.id}?deliverables=keep`), {
      token: owner.token,
    });
    expect(kept.status).toBe(200);
    expect(kept.body.agentsMoved.map((agent: { name: string }) => agent.name)).toEqual(['Acme Weekly']);
    expect(kept.body.deliverables).toMatchObject({ choice: 'keep', count: 3, movedTo: null });
    const loose = await orca.request('GET', api(ws, '/deliverables?workroom=none'), { token: owner.token });
    expect(loose.body.items).toHaveLength(3);
    const agentsLoose = await orca.request('GET', api(ws, '/agents?workroom=none'), { token: owner.token });
    expect(agentsLoose.body.items).toHaveLength(2);
    expect((await auditActions()).filter((action) => action === 'workroom.deleted')).toHaveLength(2);
  });

  it('deletes the files of a workroom, content included, only when asked, and an empty one at once', async () => {
    const initech = await createWorkroom('Initech');
    const uploaded = await orca.request('POST', api(ws, '/deliverables?name=tps.txt&workroom=Initech'), {
      token: owner.token,
      rawBody: 'TPS report',
      headers: { 'content-type': 'text/plain' },
    });
    expect(await storedCopies('TPS report')).toBe(1);
    const asViewer = await orca.request('DELETE', api(ws, `/workrooms/${initech.id}?deliverables=delete`), {
      token: viewer.token,
    });
    expect(asViewer.status).toBe(403);
    const deleted = await orca.request('DELETE', api(ws, `/workrooms/${initech.id}?deliverables=delete`), {
      token: owner.token,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deliverables.deleted).toEqual([
      { id: uploaded.body.id, name: 'tps.txt', sizeBytes: 10 },
    ]);
    expect((await orca.request('GET', uploaded.body.contentPath, { token: owner.token })).status).toBe(404);
    expect(await storedCopies('TPS report')).toBe(0);

    const hollow = await createWorkroom('Hooli');
    const gone = await orca.request('DELETE', api(ws, `/workrooms/${hollow.id}`), { token: owner.token });
    expect(gone.status).toBe(200);
    expect(gone.body.deliverables).toMatchObject({ choice: null, count: 0 });
  });

  it('never reaches another workspace’s workroom: 404 to read, change, delete, filter or assign', async () => {
    const theirs = await createWorkroom('Their Room', {}, otherWs, stranger);
    const agent = await createReportAgent('Curious');
    const attempts = [
      orca.request('GET', api(ws, `/workrooms/${theirs.id}`), { token: owner.token }),
      orca.request('PATCH', api(ws, `/workrooms/${theirs.id}`), {
        token: owner.token,
        body: { name: 'Mine' },
      }),
      orca.request('DELETE', api(ws, `/workrooms/${theirs.id}?deliverables=keep`), { token: owner.token }),
      orca.request('GET', api(ws, `/runs?workroom=${theirs.id}`), { token: owner.token }),
      orca.request('GET', api(ws, `/agents?workroom=${theirs.id}`), { token: owner.token }),
      orca.request('GET', api(ws, `/deliverables?workroom=${theirs.id}`), { token: owner.token }),
      orca.request('PUT', api(ws, `/agents/${agent.id}/workroom`), {
        token: owner.token,
        body: { workroomId: theirs.id },
      }),
      orca.request('POST', api(ws, `/workrooms/${theirs.id}/agents`), {
        token: owner.token,
        body: { agentIds: [agent.id] },
      }),
      orca.request('POST', api(ws, `/deliverables?name=x.txt&workroom=${theirs.id}`), {
        token: owner.token,
        rawBody: 'x',
        headers: { 'content-type': 'text/plain' },
      }),
      orca.request('GET', api(otherWs, `/workrooms/${theirs.id}`), { token: owner.token }),
    ];
    for (const attempt of await Promise.all(attempts)) expect(attempt.status).toBe(404);
    // Their agent cannot be pulled into our workroom either.
    const theirAgent = await orca.request('POST', api(otherWs, '/agents'), {
      token: stranger.token,
      body: {
        spec: {
          name: 'Theirs',
          steps: [{ id: 'save', tool: 'files.save', with: { name: 'a.md', content: 'a' } }],
        },
      },
    });
    const ours = await createWorkroom('Ours');
    const pulled = await orca.request('POST', api(ws, `/workrooms/${ours.id}/agents`), {
      token: owner.token,
      body: { agentIds: [agent.id, theirAgent.body.id] },
    });
    expect(pulled.status).toBe(404);
    expect(
      (await orca.request('GET', api(ws, `/agents/${agent.id}`), { token: owner.token })).body.workroomId,
    ).toBeNull();
    const still = await orca.request('GET', api(otherWs, `/workrooms/${theirs.id}`), {
      token: stranger.token,
    });
    expect(still.body).toMatchObject({ name: 'Their Room', counts: { agents: 0 } });
  });
});
