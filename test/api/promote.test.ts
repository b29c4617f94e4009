// Staging to production: promoting an agent plans it in the target workspace (accounts mapped by
// service, schedule and chains carried on request), approval applies it with its origin, a newer
// version in the source is offered as an update, and bad requests change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let staging: { id: string; slug: string; name: string };
let production: { id: string; slug: string; name: string };

const agentPath = (ws: string, id = '') => `/api/workspaces/${ws}/agents${id ? `/${id}` : ''}`;

function fetcherSpec(billingReference: string, extra: Record<string, unknown> = {}) {
  return {
    name: 'Invoice Fetcher',
    goal: 'Fetch the new invoices',
    steps: [
      {
        id: 'list',
        tool: 'http.request',
        with: { url: 'https://billing.example.com/invoices', auth: { connection: billingReference } },
      },
      {
        id: 'signin',
        tool: 'browser.login',
        with: { connection: 'crm', url: 'https://crm.example.com/login' },
      },
    ],
    ...extra,
  };
}

const reporterSpec = {
  name: 'Reporter',
  goal: 'Report',
  steps: [{ id: 'note', tool: 'memory.write', with: { key: 'last', value: '{{ input }}' } }],
};

async function connect(token: string, ws: string, body: Record<string, unknown>) {
  const response = await orca.request('POST', `/api/workspaces/${ws}/connections`, { token, body });
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string };
}

async function promote(ws: string, agentId: string, body: Record<string, unknown>, token = owner.token) {
  return orca.request('POST', `${agentPath(ws, agentId)}/promote`, { token, body });
}

async function approve(ws: string, planId: string, token = owner.token) {
  const response = await orca.request('POST', `/api/workspaces/${ws}/plans/${planId}/approve`, {
    token,
    body: {},
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function auditActions(ws: string) {
  const response = await orca.request('GET', `/api/workspaces/${ws}/audit?limit=200`, { token: owner.token });
  return (response.body.items as { action: string; details: Record<string, unknown> }[]).map(
    (item) => item.action,
  );
}

async function agentNames(ws: string) {
  const response = await orca.request('GET', agentPath(ws), { token: owner.token });
  return (response.body.items as { name: string }[]).map((agent) => agent.name).sort();
}

let fetcherId: string;
let reporterId: string;

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Promoter');
  staging = await orca.createWorkspace(owner, 'Staging');
  production = await orca.createWorkspace(owner, 'Production');
  const billing = await connect(owner.token, staging.id, {
    service: 'billing-api',
    kind: 'api_key',
    settings: { allowedHosts: ['billing.example.com'] },
    secret: { apiKey: 'staging-key-never-copied' },
  });
  await connect(owner.token, staging.id, {
    service: 'crm',
    kind: 'login',
    settings: { allowedHosts: ['crm.example.com'], username: 'staging-bot' },
    secret: { password: 'staging-password-never-copied' },
  });
  await connect(owner.token, production.id, {
    service: 'billing-api',
    label: 'live',
    kind: 'api_key',
    settings: { allowedHosts: ['billing.example.com'] },
    secret: { apiKey: 'production-key' },
  });
  // The step names the staging account by its id, which means nothing in production.
  const fetcher = await orca.request('POST', agentPath(staging.id), {
    token: owner.token,
    body: { spec: fetcherSpec(billing.id) },
  });
  expect(fetcher.status, fetcher.text).toBe(201);
  fetcherId = fetcher.body.id;
  const reporter = await orca.request('POST', agentPath(staging.id), {
    token: owner.token,
    body: { spec: reporterSpec },
  });
  reporterId = reporter.body.id;
  const chained = await orca.request('POST', `/api/workspaces/${staging.id}/chains`, {
    token: owner.token,
    body: { fromAgentId: fetcherId, toAgentId: reporterId },
  });
  expect(chained.status, chained.text).toBe(201);
  const scheduled = await orca.request('PUT', `${agentPath(staging.id, fetcherId)}/schedule`, {
    token: owner.token,
    body: { cron: '0 8 * * 1-5', timezone: 'Europe/Paris' },
  });
  expect(scheduled.status, scheduled.text).toBe(200);
});
afterAll(() => orca.close());

describe('promoting an agent to another workspace', () => {
  it('plans it in the target, with accounts mapped and what is carried said, and changes nothing yet', async () => {
    const reporter = await promote(staging.id, reporterId, { targetWorkspace: production.slug });
    expect(reporter.status, reporter.text).toBe(201);
    await approve(production.id, reporter.body.plan.id);

    const budget = await orca.request('PUT', `/api/workspaces/${staging.id}/agents/${fetcherId}/budget`, {
      token: owner.token,
      body: { monthlyBudget: 77 },
    });
    expect(budget.status, budget.text).toBe(200);
    const response = await promote(staging.id, fetcherId, {
      targetWorkspace: production.id,
      carry: { schedule: true, chains: true },
    });
    expect(response.status, response.text).toBe(201);
    const { plan, review, changes } = response.body;
    // Credits are each workspace's own: the budget is named as not carried, never copied.
    expect(plan.summary).toMatch(/Its monthly budget in Staging \(77 credits\) is not carried/);
    expect(plan.status).toBe('proposed');
    expect(plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'connectAccount',
      'createAgent',
      'scheduleAgent',
      'chainAgents',
    ]);
    const [connectCrm, create] = plan.operations;
    // The missing login account is connected waiting for its secret; its password stays in staging.
    expect(connectCrm).toMatchObject({
      service: 'crm',
      kind: 'login',
      settings: { username: 'staging-bot' },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/never-copied/);
    expect(create.spec.steps[0].with.auth.connection).toBe('billing-api');
    expect(create.spec.steps[1].with.connection).toBe('crm');
    expect(create.origin).toMatchObject({ workspaceId: staging.id, agentId: fetcherId, version: 1 });
    expect(plan.summary).toMatch(/Production has no "crm" account: the plan connects one/);
    expect(plan.summary).toMatch(/Its schedule is carried/);
    expect(changes).toMatchObject({ action: 'create', schedule: 'carried' });
    expect(changes.chains).toEqual([
      expect.objectContaining({ from: 'Invoice Fetcher', to: 'Reporter', carried: true }),
    ]);
    expect(review).toMatchObject({
      workspace: { id: production.id, name: 'Production' },
      path: `/w/${production.slug}?c=${review.conversationId}`,
    });
    // The plan is a normal plan of the target, in the promoter's conversation there.
    const conversation = await orca.request(
      'GET',
      `/api/workspaces/${production.id}/orchestrator/conversations/${review.conversationId}`,
      { token: owner.token },
    );
    expect(conversation.body.messages.at(-1).plan.id).toBe(plan.id);
    expect(await agentNames(production.id)).toEqual(['Reporter']);

    const applied = await approve(production.id, plan.id);
    expect(applied.plan.status).toBe('applied');
    const agentId = applied.results.find((result: { type: string }) => result.type === 'createAgent').agentId;
    const agent = await orca.request('GET', agentPath(production.id, agentId), { token: owner.token });
    expect(agent.body.origin).toMatchObject({
      workspaceId: staging.id,
      workspaceName: 'Staging',
      agentId: fetcherId,
      agentName: 'Invoice Fetcher',
      version: 1,
      via: 'promote',
    });
    const schedule = await orca.request('GET', `${agentPath(production.id, agentId)}/schedule`, {
      token: owner.token,
    });
    expect(schedule.body).toMatchObject({ cron: '0 8 * * 1-5', timezone: 'Europe/Paris' });
    const chains = await orca.request('GET', `/api/workspaces/${production.id}/chains?agent=${agentId}`, {
      token: owner.token,
    });
    expect(chains.body.items).toHaveLength(1);
    expect(await auditActions(staging.id)).toContain('agent.promoted_out');
    expect(await auditActions(production.id)).toEqual(
      expect.arrayContaining(['agent.promotion_planned', 'agent.promotion_applied']),
    );
  });

  it('promotes a chosen version as an update of the agent promoted before, with the diff, and undoes', async () => {
    const changed = await orca.request('PATCH', agentPath(staging.id, fetcherId), {
      token: owner.token,
      body: {
        spec: fetcherSpec('billing-api', {
          goal: 'Fetch the new invoices every morning',
          steps: [
            ...fetcherSpec('billing-api').steps,
            { id: 'remember', tool: 'memory.write', with: { key: 'seen', value: '{{ steps.list.body }}' } },
          ],
        }),
      },
    });
    expect(changed.body.version).toBe(2);
    const missing = await promote(staging.id, fetcherId, { targetWorkspace: production.id, version: 9 });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/Version 9 of "Invoice Fetcher".*versions 1 to 2/);

    const response = await promote(staging.id, fetcherId, { targetWorkspace: production.id, version: 2 });
    expect(response.status, response.text).toBe(201);
    const { plan, changes } = response.body;
    expect(plan.operations.map((operation: { type: string }) => operation.type)).toEqual(['updateAgent']);
    expect(plan.operations[0]).toMatchObject({ expectedVersion: 1, origin: { version: 2 } });
    expect(changes.diff.added).toEqual([expect.objectContaining({ id: 'remember' })]);
    expect(plan.summary).toMatch(/steps added: "remember"; settings changed: goal/);
    expect(plan.summary).toMatch(/schedule .* is not carried; Production keeps its own/);
    const applied = await approve(production.id, plan.id);
    const agentId = applied.results[0].agentId;
    const agent = await orca.request('GET', agentPath(production.id, agentId), { token: owner.token });
    expect(agent.body).toMatchObject({ version: 2, origin: { version: 2 } });

    const undone = await orca.request('POST', `/api/workspaces/${production.id}/plans/${plan.id}/undo`, {
      token: owner.token,
    });
    expect(undone.status, undone.text).toBe(200);
    const after = await orca.request('GET', agentPath(production.id, agentId), { token: owner.token });
    expect(after.body).toMatchObject({ version: 3, origin: { version: 1 } });
    expect(after.body.spec.steps).toHaveLength(2);
  });

  it('offers the newer version to the target as a suggestion whose accept is the promotion plan', async () => {
    const outsider = await orca.signUp('Production Only');
    await orca.addMember(owner, production.id, outsider, 'admin');
    const theirs = await orca.request('GET', `/api/workspaces/${production.id}/suggestions`, {
      token: outsider.token,
    });
    expect(theirs.body.items.filter((item: { kind: string }) => item.kind === 'promotion_update')).toEqual(
      [],
    );

    const listed = await orca.request('GET', `/api/workspaces/${production.id}/suggestions`, {
      token: owner.token,
    });
    const offer = listed.body.items.find((item: { kind: string }) => item.kind === 'promotion_update');
    expect(offer.reason).toMatch(
      /Staging has version 2 of "Invoice Fetcher" \(you have version 1 from it\): update\?/,
    );
    expect(offer.reason).toMatch(/steps added: "remember"/);
    // The offer shows the spec diff, nothing else of the source: no schedule, chain or account.
    expect(JSON.stringify(offer)).not.toMatch(/staging-bot|Europe\/Paris|Reporter/);

    const refused = await orca.request(
      'POST',
      `/api/workspaces/${production.id}/suggestions/${offer.id}/accept`,
      { token: outsider.token },
    );
    expect(refused.status).toBe(404);
    const accepted = await orca.request(
      'POST',
      `/api/workspaces/${production.id}/suggestions/${offer.id}/accept`,
      { token: owner.token },
    );
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.plan.operations[0]).toMatchObject({ type: 'updateAgent', origin: { version: 2 } });
    await approve(production.id, accepted.body.plan.id);
    const again = await orca.request('GET', `/api/workspaces/${production.id}/suggestions`, {
      token: owner.token,
    });
    expect(again.body.items.filter((item: { kind: string }) => item.kind === 'promotion_update')).toEqual([]);
  });
});

describe('refused promotions change nothing', () => {
  it('says why for roles, unknown workspaces, the same workspace and same-named agents', async () => {
    const builder = await orca.signUp('Staging Admin, Production Builder');
    await orca.addMember(owner, staging.id, builder, 'admin');
    await orca.addMember(owner, production.id, builder, 'builder');
    const stranger = await orca.createWorkspace(await orca.signUp('Stranger'), 'Elsewhere');
    const before = await agentNames(production.id);
    const proposedBefore = await proposedPlans(production.id);

    const lowRole = await promote(staging.id, reporterId, { targetWorkspace: production.id }, builder.token);
    expect(lowRole.status).toBe(403);
    expect(lowRole.body.error.message).toMatch(
      /role in "Production" is builder; promoting into it needs admin/,
    );
    const notMember = await promote(staging.id, reporterId, { targetWorkspace: stranger.id });
    expect(notMember.status).toBe(404);
    const sameWorkspace = await promote(staging.id, reporterId, { targetWorkspace: staging.slug });
    expect(sameWorkspace.status).toBe(422);
    expect(sameWorkspace.body.error.message).toMatch(/promote it into another workspace/);
    const sourceBuilder = await promote(
      production.id,
      (await firstAgent(production.id)).id,
      {
        targetWorkspace: staging.id,
      },
      builder.token,
    );
    expect(sourceBuilder.status).toBe(403);

    // An unrelated agent of the same name in the target: refused unless asked to update it.
    const local = await orca.request('POST', agentPath(staging.id), {
      token: owner.token,
      body: { spec: { ...reporterSpec, name: 'Digest' } },
    });
    await orca.request('POST', agentPath(production.id), {
      token: owner.token,
      body: { spec: { ...reporterSpec, name: 'Digest', goal: 'Production’s own' } },
    });
    const clash = await promote(staging.id, local.body.id, { targetWorkspace: production.id });
    expect(clash.status).toBe(409);
    expect(await proposedPlans(production.id)).toEqual(proposedBefore);
    expect(clash.body.error.message).toMatch(
      /already has an agent named "Digest" that was not promoted from "Staging".*onExisting "update"/,
    );
    const update = await promote(staging.id, local.body.id, {
      targetWorkspace: production.id,
      onExisting: 'update',
    });
    expect(update.status, update.text).toBe(201);
    expect(update.body.plan.summary).toMatch(/an agent of the same name not promoted from there/);
    expect(await agentNames(production.id)).toEqual([...before, 'Digest'].sort());
    expect(await proposedPlans(production.id)).toHaveLength(proposedBefore.length + 1);
  });
});

describe('importing an exported agent again', () => {
  it('updates the agent it made, and says what happens with a same-named unrelated agent', async () => {
    const exported = await orca.request('GET', `${agentPath(staging.id, reporterId)}/export`, {
      token: owner.token,
    });
    expect(exported.body.origin).toMatchObject({ workspaceId: staging.id, agentId: reporterId, version: 1 });
    const target = await orca.createWorkspace(owner, 'Imports');
    const first = await orca.request('POST', `${agentPath(target.id)}/import`, {
      token: owner.token,
      body: { bundle: exported.body },
    });
    expect(first.status).toBe(201);
    expect(first.body.origin).toMatchObject({ agentId: reporterId, via: 'import' });
    const newer = { ...exported.body, agent: { spec: { ...reporterSpec, goal: 'Report better' } } };
    const second = await orca.request('POST', `${agentPath(target.id)}/import`, {
      token: owner.token,
      body: { bundle: { ...newer, origin: { ...exported.body.origin, version: 2 } } },
    });
    expect(second.status, second.text).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, version: 2, origin: { version: 2 } });

    const unrelated = {
      ...exported.body,
      origin: undefined,
      agent: { spec: { ...reporterSpec, goal: 'Other' } },
    };
    const clash = await orca.request('POST', `${agentPath(target.id)}/import`, {
      token: owner.token,
      body: { bundle: unrelated },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toMatch(/Import with \?onExisting=update/);
    const forced = await orca.request('POST', `${agentPath(target.id)}/import?onExisting=update`, {
      token: owner.token,
      body: { bundle: unrelated },
    });
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ id: first.body.id, version: 3 });
  });
});

async function proposedPlans(ws: string) {
  const response = await orca.request('GET', `/api/workspaces/${ws}/plans?status=proposed`, {
    token: owner.token,
  });
  return (response.body.items as { id: string }[]).map((plan) => plan.id);
}

async function firstAgent(ws: string) {
  const response = await orca.request('GET', agentPath(ws), { token: owner.token });
  return response.body.items[0] as { id: string };
}
