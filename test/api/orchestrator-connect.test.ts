// Connecting an account from chat, with the built-in planner (no LLM): the plan makes the account
// waiting for its key, and the result names the one call that adds it; a run that uses it before
// then fails saying so; the key sent to the connection API makes it work against a real local
// service; undo refuses once the key has come. The key never appears in a plan or the conversation.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

const key = `KEY-${randomBytes(12).toString('hex')}`;
let orca: TestPlatform;
let owner: TestUser;
let ws: string;
let service: Server;
let serviceHost: string;

beforeAll(async () => {
  service = createServer((request, response) => {
    const authorized = request.headers.authorization === `Bearer ${key}`;
    response
      .writeHead(authorized ? 200 : 401, { 'content-type': 'application/json' })
      .end(JSON.stringify({ authorized }));
  });
  serviceHost = await new Promise<string>((resolve) =>
    service.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(service.address() as AddressInfo).port}`)),
  );
  orca = await startTestPlatform({ configOverrides: { allowNetwork: '127.0.0.1' } });
  owner = await orca.signUp('Connect Owner');
  ws = (await orca.createWorkspace(owner, 'Accounts From Chat')).id;
});
afterAll(async () => {
  await orca.close();
  await new Promise<void>((resolve) => service.close(() => resolve()));
});

async function call(method: string, path: string, body?: unknown) {
  return orca.request(method, path, { token: owner.token, body });
}

async function finishedRun(runId: string) {
  for (let tries = 0; tries < 200; tries++) {
    const run = await call('GET', `/api/workspaces/${ws}/runs/${runId}`);
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

describe('connectAccount from chat', () => {
  it('connects GitHub waiting for its key, refuses runs until it comes, works with it, and keeps it from undo', async () => {
    const said = await call('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      text: 'connect my GitHub account',
    });
    expect(said.status, said.text).toBe(200);
    expect(said.body.reply).toMatch(/PATCH \/api\/workspaces\/:ws\/connections\/:id \{"secret": \{"apiKey"/);
    const plan = said.body.plan;
    expect(plan.operations).toEqual([
      {
        type: 'connectAccount',
        service: 'github',
        kind: 'api_key',
        label: '',
        settings: { allowedHosts: ['api.github.com'], testUrl: 'https://api.github.com/user' },
      },
    ]);

    const approved = await call('POST', `/api/workspaces/${ws}/plans/${plan.id}/approve`, {});
    expect(approved.status, approved.text).toBe(200);
    const [result] = approved.body.results;
    const path = `/api/workspaces/${ws}/connections/${result.connectionId}`;
    // The page first: a browser user cannot send a PATCH.
    const page = `/w/${ws}/accounts/${result.connectionId}`;
    expect(result.note).toContain(`adds it on the account's page, ${page}, and tests it there`);
    expect(result.note).toContain(`PATCH ${path} {"secret": {"apiKey": "…"}}, then POST ${path}/test`);

    const waiting = await call('GET', path);
    expect(waiting.body).toMatchObject({
      service: 'github',
      kind: 'api_key',
      secretFields: [],
      status: 'untested',
      statusMessage: expect.stringContaining(
        `Waiting for its API key: an admin adds it on the account's page, ${page}`,
      ),
    });
    const untestable = await call('POST', `${path}/test`);
    expect(untestable.status).toBe(422);
    expect(untestable.text).toContain(`has no API key yet: an admin adds it on the account's page, ${page}`);

    // A run that uses the account before its key comes fails, saying how to add it.
    const agent = await call('POST', `/api/workspaces/${ws}/agents`, {
      spec: {
        name: 'GitHub Profile',
        steps: [
          {
            id: 'me',
            tool: 'http.request',
            with: { url: `http://${serviceHost}/user`, auth: { connection: 'github' } },
          },
        ],
      },
    });
    expect(agent.status, agent.text).toBe(201);
    const started = await call('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/runs`, { input: {} });
    const failed = await finishedRun(started.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'not_configured', stepId: 'me' });
    expect(failed.error.message).toContain(
      `The "github" account has no API key yet: an admin adds it on the account's page, ${page}`,
    );

    // Changing a setting before the key comes is allowed; the key then makes it work.
    const moved = await call('PATCH', path, {
      settings: { allowedHosts: [serviceHost], testUrl: `http://${serviceHost}/user` },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.secretFields).toEqual([]);
    const keyed = await call('PATCH', path, { secret: { apiKey: key } });
    expect(keyed.status, keyed.text).toBe(200);
    expect(keyed.body).toMatchObject({ secretFields: ['apiKey'], statusMessage: null });
    const tested = await call('POST', `${path}/test`);
    expect(tested.status, tested.text).toBe(200);
    expect(tested.body.status).toBe('working');

    // The key came after the plan: undoing would throw it away, so undo refuses and says how.
    const refused = await call('POST', `/api/workspaces/${ws}/plans/${plan.id}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('given its secret since');
    expect((await call('GET', path)).status).toBe(200);

    // The key was never in a plan or a message of the conversation.
    const conversation = await call(
      'GET',
      `/api/workspaces/${ws}/orchestrator/conversations/${said.body.conversationId}`,
    );
    expect(conversation.status, conversation.text).toBe(200);
    expect(conversation.text).not.toContain(key);
    expect(JSON.stringify(approved.body)).not.toContain(key);
  });

  it('refuses to undo a connection runs have used since', async () => {
    const said = await call('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      text: `add an api token for localapi, it may only go to ${serviceHost}`,
    });
    expect(said.body.plan?.operations, said.text).toHaveLength(1);
    const approved = await call('POST', `/api/workspaces/${ws}/plans/${said.body.plan.id}/approve`, {});
    const path = `/api/workspaces/${ws}/connections/${approved.body.results[0].connectionId}`;
    await call('PATCH', path, { secret: { apiKey: key } });
    const agent = await call('POST', `/api/workspaces/${ws}/agents`, {
      spec: {
        name: 'Local API',
        steps: [
          {
            id: 'me',
            tool: 'http.request',
            with: { url: `http://${serviceHost}/user`, auth: { connection: 'localapi' } },
          },
        ],
      },
    });
    const started = await call('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/runs`, { input: {} });
    expect((await finishedRun(started.body.id)).status).toBe('succeeded');
    const undone = await call('POST', `/api/workspaces/${ws}/plans/${said.body.plan.id}/undo`);
    expect(undone.status).toBe(409);
    expect(undone.text).toContain('used by runs since');
    expect((await call('GET', path)).status).toBe(200);
  });

  it('lets only admins approve a plan that connects an account', async () => {
    const builder = await orca.signUp('Connect Builder');
    await orca.addMember(owner, ws, builder, 'builder');
    const said = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      token: builder.token,
      body: { text: 'add an API key for Stripe' },
    });
    expect(said.body.plan?.operations.map((operation: { type: string }) => operation.type)).toContain(
      'connectAccount',
    );
    const approved = await orca.request('POST', `/api/workspaces/${ws}/plans/${said.body.plan.id}/approve`, {
      token: builder.token,
      body: {},
    });
    expect(approved.status).toBe(403);
    const connections = await call('GET', `/api/workspaces/${ws}/connections`);
    expect(connections.body.items.some((item: { service: string }) => item.service === 'stripe')).toBe(false);
  });

  it('undoes a connection that still waits for its secret', async () => {
    const said = await call('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      text: 'connect my HubSpot account',
    });
    const plan = said.body.plan;
    expect(plan?.operations.map((operation: { type: string }) => operation.type)).toEqual(['connectAccount']);
    const approved = await call('POST', `/api/workspaces/${ws}/plans/${plan.id}/approve`, {});
    expect(approved.status, approved.text).toBe(200);
    const connectionId = approved.body.results[0].connectionId;
    const undone = await call('POST', `/api/workspaces/${ws}/plans/${plan.id}/undo`);
    expect(undone.status, undone.text).toBe(200);
    expect((await call('GET', `/api/workspaces/${ws}/connections/${connectionId}`)).status).toBe(404);
  });

  it('reconnects an account the workspace has: the same connection, and the call that gives it a new key', async () => {
    const made = await call('POST', `/api/workspaces/${ws}/connections`, {
      service: 'billing-api',
      kind: 'api_key',
      settings: { allowedHosts: [serviceHost] },
      secret: { apiKey: 'old-key' },
    });
    expect(made.status, made.text).toBe(201);
    const said = await call('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      text: 'the billing-api key expired, reconnect it',
    });
    const plan = said.body.plan;
    expect(plan?.operations, said.text).toEqual([
      {
        type: 'connectAccount',
        service: 'billing-api',
        kind: 'api_key',
        label: '',
        settings: { allowedHosts: [serviceHost] },
      },
    ]);
    const approved = await call('POST', `/api/workspaces/${ws}/plans/${plan.id}/approve`, {});
    expect(approved.status, approved.text).toBe(200);
    const [result] = approved.body.results;
    expect(result.connectionId).toBe(made.body.id);
    const path = `/api/workspaces/${ws}/connections/${made.body.id}`;
    expect(result.note).toContain(`PATCH ${path} {"secret": {"apiKey": "…"}}`);
    const connections = await call('GET', `/api/workspaces/${ws}/connections`);
    expect(
      connections.body.items.filter((item: { service: string }) => item.service === 'billing-api'),
    ).toHaveLength(1);
    // Nothing was changed, so undo has nothing to take back.
    expect((await call('POST', `/api/workspaces/${ws}/plans/${plan.id}/undo`)).status).toBe(200);
    expect((await call('GET', path)).status).toBe(200);
  });
});
