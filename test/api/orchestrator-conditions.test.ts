// "Tell me when the price changes": the notice is sent only on a run that finds the page changed.
// Agents built and changed by the Orchestrator (built-in planner) run for real against a local
// page whose price changes only between the second and third run, and post to a local webhook.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPages, serveLocalPages } from '../support/local-pages.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let ws: string;
let pages: LocalPages;
const content: Record<string, string> = {};
let receiver: Server;
let hookUrl: string;
const received: Record<string, unknown>[] = [];

beforeAll(async () => {
  content['/widget'] = '<p class="price">$49</p>';
  content['/jobs'] = '<ul><li class="job">Cook</li></ul>';
  pages = await serveLocalPages(content);
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push(JSON.parse(body));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  orca = await startTestPlatform({ configOverrides: { allowNetwork: '127.0.0.1' } });
  owner = await orca.signUp('Condition Owner');
  ws = (await orca.createWorkspace(owner, 'Conditions')).id;
});
afterAll(async () => {
  await orca.close();
  await pages.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function say(text: string, conversationId?: string) {
  const response = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
    token: owner.token,
    body: { text, conversationId },
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function approve(planId: string) {
  const applied = await orca.request('POST', `/api/workspaces/${ws}/plans/${planId}/approve`, {
    token: owner.token,
    body: {},
  });
  expect(applied.status, applied.text).toBe(200);
  return applied.body;
}

async function finishedRun(runId: string) {
  for (let tries = 0; tries < 400; tries++) {
    const run = await orca.request('GET', `/api/workspaces/${ws}/runs/${runId}`, { token: owner.token });
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

async function runAgain(agentId: string) {
  const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agentId}/runs`, {
    token: owner.token,
    body: { input: {} },
  });
  expect(started.status, started.text).toBe(202);
  const run = await finishedRun(started.body.id);
  expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
  return run;
}

describe('notices only on a change', () => {
  it('asks how to tell when no channel is said or preferred, then builds a monitor from the answer', async () => {
    const asked = await say(`tel me when the price chnages on ${pages.base}/widget`);
    expect(asked.plan.status).toBe('needs_answers');
    expect(asked.plan.questions[0]).toMatchObject({ id: 'notify', options: ['e-mail', 'Slack', 'webhook'] });
    const answered = await say('by e-mail please', asked.conversationId);
    expect(answered.plan.status).toBe('proposed');
    const email = answered.plan.operations[0].spec.steps.find(
      (step: { tool: string }) => step.tool === 'notify.email',
    );
    expect(email).toMatchObject({ with: { to: owner.email }, if: 'steps.compare.value.changed' });
  });

  it('posts to the preferred webhook only on the run that finds the price changed', async () => {
    const memory = await orca.request('PATCH', '/api/me/memory', {
      token: owner.token,
      body: { preferences: { notificationChannel: { channel: 'webhook', url: hookUrl } } },
    });
    expect(memory.status, memory.text).toBe(200);
    const answer = await say(`let me know when the price changes on ${pages.base}/widget`);
    expect(answer.reply).toContain(`post to your webhook ${hookUrl} (your preferred channel)`);
    const applied = await approve(answer.plan.id);
    const agentId = applied.results[0].agentId;
    const first = await finishedRun(applied.results[1].runId);
    expect(first.output).toEqual({ changed: false, firstRun: true });
    const second = await runAgain(agentId);
    expect(second.output).toEqual({ changed: false, firstRun: false });
    expect(received).toEqual([]);

    content['/widget'] = '<p class="price">$59</p>';
    const third = await runAgain(agentId);
    expect(third.output).toEqual({ changed: true, firstRun: false });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ changed: true, content: '$59' });
  });

  it('makes an existing agent post only when its output changes', async () => {
    received.length = 0;
    const built = await say(
      `scrape the jobs from ${pages.base}/jobs, each job is a \`.job\` row, and post them to ${hookUrl}`,
    );
    const applied = await approve(built.plan.id);
    const agentId = applied.results[0].agentId;
    await finishedRun(applied.results[1].runId);
    // Before the change it posts after every run.
    expect(received).toHaveLength(1);

    const changed = await say(
      `only notify me when the ${built.plan.operations[0].spec.name} finds something new`,
    );
    expect(changed.plan.operations[0]).toMatchObject({ type: 'updateAgent' });
    await approve(changed.plan.id);
    received.length = 0;
    await runAgain(agentId);
    const second = await runAgain(agentId);
    expect(received, JSON.stringify(second.steps)).toEqual([]);
    content['/jobs'] = '<ul><li class="job">Cook</li><li class="job">Baker</li></ul>';
    await runAgain(agentId);
    expect(received).toHaveLength(1);
  });
});
