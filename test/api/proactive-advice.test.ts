// Advice raised once: an agent fails three times, and when its builder next opens the chat the
// suggestion is new to them ("Since you were last here"); once shown it is not new again, to
// them (another member still has it new), a dismissed one is never made again, and accepting
// one makes a plan. Runs are real (a local server that answers 503); step figures and output
// hashes are read from the store as the advice reads them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentRunsPerAgent, stepFiguresPerAgent } from '../../src/store/run-repository.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let server: Server;
let owner: TestUser;
let builder: TestUser;
let ws: string;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/flaky') return response.writeHead(503).end('busy');
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"price": 49, "plan": "Pro"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  orca = await startTestPlatform({ configOverrides: { allowNetwork: '127.0.0.1' } });
  owner = await orca.signUp('Returning Owner');
  builder = await orca.signUp('Other Builder');
  ws = (await orca.createWorkspace(owner, 'Since Last Time')).id;
  await orca.addMember(owner, ws, builder, 'builder');
});
afterAll(async () => {
  await orca.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface SuggestionBody {
  id: string;
  kind: string;
  agentName: string;
  reason: string;
  new: boolean;
}

async function finishedRun(runId: string) {
  for (let tries = 0; tries < 300; tries++) {
    const run = await orca.request('GET', `/api/workspaces/${ws}/runs/${runId}`, { token: owner.token });
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

async function createAgent(name: string, url: string): Promise<string> {
  const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name,
        steps: [
          { id: 'fetch', tool: 'http.request', with: { url } },
          { id: 'price', tool: 'transform', with: { expression: 'steps.fetch.body.price' } },
        ],
        output: { price: '{{ steps.price.value }}' },
      },
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

async function runTimes(agentId: string, times: number, status: string) {
  for (let run = 0; run < times; run++) {
    const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agentId}/runs`, {
      token: owner.token,
      body: {},
    });
    expect(started.status, started.text).toBe(202);
    expect((await finishedRun(started.body.id)).status).toBe(status);
  }
}

/** What the chat asks for when someone opens it. */
async function openChat(user: TestUser): Promise<SuggestionBody[]> {
  const list = await orca.request('GET', `/api/workspaces/${ws}/suggestions`, { token: user.token });
  expect(list.status, list.text).toBe(200);
  return list.body.items;
}

async function markSeen(user: TestUser, ids: unknown) {
  return orca.request('POST', `/api/workspaces/${ws}/suggestions/seen`, { token: user.token, body: { ids } });
}

describe('advice raised once, since you were last here', () => {
  it('raises a failing agent once per person, never a dismissed one, and makes a plan on accept', async () => {
    const flaky = await createAgent('Flaky Fetcher', `${base}/flaky`);
    const other = await createAgent('Other Flaky', `${base}/flaky`);
    await runTimes(flaky, 3, 'failed');
    await runTimes(other, 3, 'failed');

    const first = await openChat(owner);
    const advice = first.find((item) => item.agentName === 'Flaky Fetcher');
    expect(advice).toMatchObject({
      kind: 'repeated_failures',
      new: true,
      reason: expect.stringMatching(/3 of its last 3 runs failed, last at step "fetch": .*503/),
    });
    const dismissable = first.find((item) => item.agentName === 'Other Flaky');
    expect(dismissable?.new).toBe(true);

    // The chat notes what it showed: on the next open it is no longer new to this person.
    const seen = await markSeen(owner, [advice?.id, dismissable?.id, 'repeated_failures-gone-v1']);
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body.seen.sort()).toEqual([advice?.id, dismissable?.id].sort());
    const again = await openChat(owner);
    expect(again.find((item) => item.id === advice?.id)?.new).toBe(false);
    // Another member has not been shown it yet.
    expect((await openChat(builder)).find((item) => item.id === advice?.id)?.new).toBe(true);

    // Dismissed advice is never raised again, to anyone.
    const dismissed = await orca.request(
      'POST',
      `/api/workspaces/${ws}/suggestions/${dismissable?.id}/dismiss`,
      { token: owner.token },
    );
    expect(dismissed.status, dismissed.text).toBe(204);
    for (const user of [owner, builder])
      expect((await openChat(user)).map((item) => item.id)).not.toContain(dismissable?.id);

    const accepted = await orca.request('POST', `/api/workspaces/${ws}/suggestions/${advice?.id}/accept`, {
      token: owner.token,
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.plan).toMatchObject({ status: 'proposed' });
    expect(accepted.body.plan.operations[0]).toMatchObject({
      type: 'updateAgent',
      agentName: 'Flaky Fetcher',
    });
  });

  it('refuses a malformed list of shown suggestions with a clear error', async () => {
    for (const ids of [[], 'not-a-list', [42]]) {
      const refused = await markSeen(owner, ids);
      expect(refused.status, refused.text).toBe(400);
    }
  });

  it('reads each step’s time and equal outputs by their hash from the store', async () => {
    const steady = await createAgent('Steady Prices', `${base}/prices`);
    await runTimes(steady, 3, 'succeeded');
    const { figures, runs } = await orca.platform.store.inWorkspace(ws, async (scope) => ({
      figures: (await stepFiguresPerAgent(scope)).filter((step) => step.agentId === steady),
      runs: (await recentRunsPerAgent(scope)).filter((run) => run.agentId === steady),
    }));
    expect(figures.map((step) => [step.stepId, step.tool, step.runs, step.tokens]).sort()).toEqual([
      ['fetch', 'http.request', 3, 0],
      ['price', 'transform', 3, 0],
    ]);
    expect(figures.every((step) => step.seconds > 0)).toBe(true);
    expect(runs).toHaveLength(3);
    expect(runs[0]?.output).toEqual({ price: 49 });
    expect(new Set(runs.map((run) => run.outputHash)).size).toBe(1);
    expect(runs[0]?.outputHash).toMatch(/^[0-9a-f]{32}$/);
  });
});
