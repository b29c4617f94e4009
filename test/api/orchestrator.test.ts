// The Orchestrator with the built-in planner (no LLM): requests in plain words become plans or
// questions; approving applies them all or nothing (once), undo puts things back, and the agents
// it builds run for real against a local site.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let viewer: TestUser;
let ws: string;
let server: Server;
let base: string;

const teamPage = `<table>
  <tr class="person"><td class="name">Ada</td><td><a href="https://www.linkedin.com/in/ada">in</a></td></tr>
  <tr class="person"><td class="name">Grace</td><td><a href="https://www.linkedin.com/in/grace">in</a></td></tr>
</table>`;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url?.startsWith('/team'))
      return response.writeHead(200, { 'content-type': 'text/html' }).end(teamPage);
    if (request.url === '/pricing')
      return response.writeHead(200, { 'content-type': 'text/html' }).end('<p>Pro: $49</p>');
    // A server that is down for now: the kind of failure retries get through.
    if (request.url === '/flaky') return response.writeHead(503).end('busy');
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  orca = await startTestPlatform({ configOverrides: { allowNetwork: '127.0.0.1' } });
  owner = await orca.signUp('Planner Owner');
  viewer = await orca.signUp('Planner Viewer');
  ws = (await orca.createWorkspace(owner, 'Planning')).id;
  await orca.addMember(owner, ws, viewer, 'viewer');
});
afterAll(async () => {
  await orca.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function say(text: string, conversationId?: string, user = owner) {
  const response = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
    token: user.token,
    body: { text, conversationId },
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function approve(planId: string, body: Record<string, unknown> = {}) {
  return orca.request('POST', `/api/workspaces/${ws}/plans/${planId}/approve`, { token: owner.token, body });
}

async function finishedRun(runId: string) {
  for (let tries = 0; tries < 200; tries++) {
    const run = await orca.request('GET', `/api/workspaces/${ws}/runs/${runId}`, { token: owner.token });
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

async function agentNamed(name: string) {
  const list = await orca.request('GET', `/api/workspaces/${ws}/agents`, { token: owner.token });
  return list.body.items.find((agent: { name: string }) => agent.name === name);
}

describe('the Orchestrator with the built-in planner', () => {
  let scraperName: string;

  it('asks what marks each record, then builds a scraper from the answer, and tests it on approval', async () => {
    const first = await say(`create an agent that scrapes the leads from ${base}/team`);
    expect(first.plan.status).toBe('needs_answers');
    expect(first.plan.questions[0]).toMatchObject({
      id: 'records',
      options: expect.arrayContaining(['table rows', 'links']),
    });
    expect(first.plan.operations).toEqual([]);

    const second = await say('each lead is a `.person` row', first.conversationId);
    expect(second.plan.status).toBe('proposed');
    expect(second.plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'createAgent',
      'runAgent',
    ]);
    scraperName = second.plan.operations[0].spec.name;
    expect(scraperName).toBe('127.0.0.1 Leads Scraper');
    // Nothing changes before approval.
    expect(await agentNamed(scraperName)).toBeUndefined();

    const applied = await approve(second.plan.id);
    expect(applied.status, applied.text).toBe(200);
    expect(applied.body.plan.status).toBe('applied');
    const runId = applied.body.results[1].runId;
    const run = await finishedRun(runId);
    expect(run.status).toBe('succeeded');
    expect(run.output.count).toBe(2);
    expect(run.trigger).toBe('orchestrator');

    // Approving again applies nothing more.
    const again = await approve(second.plan.id);
    expect(again.status).toBe(200);
    expect(again.body.results).toEqual(applied.body.results);
    const agents = await orca.request('GET', `/api/workspaces/${ws}/agents`, { token: owner.token });
    expect(agents.body.items.filter((agent: { name: string }) => agent.name === scraperName)).toHaveLength(1);

    // The test run's outcome is reported in the conversation once the run has ended.
    const historyPath = `/api/workspaces/${ws}/orchestrator/conversations/${first.conversationId}`;
    let history = await orca.request('GET', historyPath, { token: owner.token });
    for (let tries = 0; tries < 100 && history.body.messages.length < 5; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      history = await orca.request('GET', historyPath, { token: owner.token });
    }
    expect(history.body.messages.map((message: { role: string }) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'assistant',
    ]);
    expect(history.body.messages[4].text).toMatch(
      /The test run of "127\.0\.0\.1 Leads Scraper" succeeded\. It got 2 records: “.+”; “.+”\. Open the run/,
    );
    expect(history.body.messages[1].plan.status).toBe('superseded');
    expect(history.body.messages[3].plan.status).toBe('applied');
  });

  it('answers what agents there are, without a plan, also as a stream', async () => {
    const streamed = await orca.platform.app.request(`/api/workspaces/${ws}/orchestrator/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${owner.token}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ text: 'which agents are there?' }),
    });
    const text = await streamed.text();
    expect(text).toMatch(/event: reply\ndata: .*Leads Scraper/);
    expect(text).toMatch(/event: message\ndata: .*"conversationId"/);
    const answer = await say('what agents do I have?');
    expect(answer.plan).toBeUndefined();
    expect(answer.reply).toContain(scraperName);
    expect(answer.reply).toMatch(/last run succeeded/);
  });

  it('changes an agent by a loose name, shows before and after, and undoes it', async () => {
    const answer = await say(
      `also extract LinkedIn profiles in the leads scraper, and use ${base}/team-v2 instead`,
    );
    const operation = answer.plan.operations[0];
    expect(operation).toMatchObject({ type: 'updateAgent', agentName: scraperName, expectedVersion: 1 });
    expect(operation.before.steps[0].with.url).toBe(`${base}/team`);
    expect(operation.spec.steps[0].with.url).toBe(`${base}/team-v2`);
    expect(operation.spec.steps[1].with.records.fields.linkedin).toEqual({
      selector: 'a[href*="linkedin.com"]',
      attribute: 'href',
    });
    expect((await approve(answer.plan.id)).status).toBe(200);
    const changed = await agentNamed(scraperName);
    expect(changed.version).toBe(2);

    const undone = await orca.request('POST', `/api/workspaces/${ws}/plans/${answer.plan.id}/undo`, {
      token: owner.token,
    });
    expect(undone.status, undone.text).toBe(200);
    expect(undone.body.status).toBe('undone');
    const restored = await agentNamed(scraperName);
    expect(restored.version).toBe(3);
    expect(restored.spec.steps[0].with.url).toBe(`${base}/team`);
  });

  it('refuses a plan whose agent changed since it was made: re-plan, nothing applied', async () => {
    const answer = await say('pause the leads scraper');
    const stale = await say('delete the leads scraper');
    expect((await approve(answer.plan.id)).status).toBe(200);
    const agent = await agentNamed(scraperName);
    await orca.request('PATCH', `/api/workspaces/${ws}/agents/${agent.id}`, {
      token: owner.token,
      body: { spec: { ...agent.spec, goal: 'changed by hand' } },
    });
    const refused = await approve(stale.plan.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/changed since this plan was made.*Send your request again/);
    expect((await agentNamed(scraperName)).status).toBe('paused');
  });

  it('asks which agent when two fit, and deletes the one chosen; undo brings it back', async () => {
    for (const name of ['Weekly Report', 'Monthly Report']) {
      await orca.request('POST', `/api/workspaces/${ws}/agents`, {
        token: owner.token,
        body: { spec: { name, steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] } },
      });
    }
    const question = await say('delete the report agent');
    expect(question.plan.status).toBe('needs_answers');
    expect(question.plan.questions[0].options).toEqual(
      expect.arrayContaining(['Weekly Report', 'Monthly Report']),
    );
    const chosen = await say('the weekly one', question.conversationId);
    expect(chosen.plan.operations).toEqual([
      expect.objectContaining({ type: 'deleteAgent', agentName: 'Weekly Report' }),
    ]);
    expect((await approve(chosen.plan.id)).status).toBe(200);
    expect(await agentNamed('Weekly Report')).toBeUndefined();
    expect(await agentNamed('Monthly Report')).toBeDefined();
    const undone = await orca.request('POST', `/api/workspaces/${ws}/plans/${chosen.plan.id}/undo`, {
      token: owner.token,
    });
    expect(undone.status, undone.text).toBe(200);
    expect((await agentNamed('Weekly Report')).version).toBe(1);
  });

  it('builds a page monitor that e-mails the person asking, and runs it', async () => {
    const answer = await say(`keep an eye on ${base}/pricing for price changes and email me`);
    const spec = answer.plan.operations[0].spec;
    expect(spec.name).toBe('127.0.0.1 Price Monitor');
    expect(spec.steps.find((step: { tool: string }) => step.tool === 'notify.email').with.to).toBe(
      owner.email,
    );
    const applied = await approve(answer.plan.id);
    expect(applied.status, applied.text).toBe(200);
    const run = await finishedRun(applied.body.results[1].runId);
    expect(run.status).toBe('succeeded');
    expect(run.output).toEqual({ changed: false, firstRun: true });
  });

  it('asks which page of a portal lists the files and who signs in, and says what it did not understand', async () => {
    const portal = await say('log into the supplier portal and download the invoices');
    expect(portal.plan.status).toBe('needs_answers');
    expect(portal.plan.questions.map((question: { id: string }) => question.id)).toEqual(['url', 'username']);
    const nonsense = await say('purple elephants sing');
    expect(nonsense.plan).toBeUndefined();
    expect(nonsense.reply).toMatch(/did not understand/);
  });

  it('refuses bad input and keeps plans to their workspace and roles', async () => {
    const empty = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      token: owner.token,
      body: { text: '  ' },
    });
    expect(empty.status).toBe(400);
    const huge = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      token: owner.token,
      body: { text: 'x'.repeat(10_001) },
    });
    expect(huge.status).toBe(400);
    const plan = await say('pause the monthly report');
    const viewerApproval = await orca.request('POST', `/api/workspaces/${ws}/plans/${plan.plan.id}/approve`, {
      token: viewer.token,
      body: {},
    });
    expect(viewerApproval.status).toBe(403);
    const edited = await approve(plan.plan.id, { operations: [{ type: 'explodeAgent' }] });
    expect(edited.status).toBe(400);
    expect(edited.body.error.message).toMatch(/Operation 1 is not a valid operation/);
    // An edited plan passes the plans' checks: an agent that does not exist is refused in words.
    const missing = await approve(plan.plan.id, {
      operations: [
        { type: 'pauseAgent', agentId: '00000000-0000-4000-8000-00000000dead', agentName: 'Ghost' },
      ],
    });
    expect(missing.status, missing.text).toBe(422);
    expect(missing.body.error.message).toMatch(
      /^The edited plan cannot be applied: operation 1 \(pauseAgent\): .*Ghost/,
    );
    const other = await orca.createWorkspace(owner, 'Elsewhere');
    const crossed = await orca.request('POST', `/api/workspaces/${other.id}/plans/${plan.plan.id}/approve`, {
      token: owner.token,
      body: {},
    });
    expect(crossed.status).toBe(404);
    expect((await agentNamed('Monthly Report')).status).toBe('active');
    const rejected = await orca.request('POST', `/api/workspaces/${ws}/plans/${plan.plan.id}/reject`, {
      token: owner.token,
    });
    expect(rejected.body.status).toBe('rejected');
    expect((await approve(plan.plan.id)).status).toBe(409);
  });

  it('suggests retries for an agent that keeps failing, with the figures, and applies them when accepted', async () => {
    const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Flaky Fetcher',
          steps: [{ id: 'fetch', tool: 'http.request', with: { url: `${base}/flaky` } }],
        },
      },
    });
    for (let run = 0; run < 3; run++) {
      const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${created.body.id}/runs`, {
        token: owner.token,
        body: {},
      });
      expect((await finishedRun(started.body.id)).status).toBe('failed');
    }
    const list = await orca.request('GET', `/api/workspaces/${ws}/suggestions`, { token: viewer.token });
    const suggestion = list.body.items.find(
      (item: { agentName: string }) => item.agentName === 'Flaky Fetcher',
    );
    expect(suggestion).toMatchObject({
      kind: 'repeated_failures',
      reason: expect.stringMatching(/3 of its last 3 runs failed.*step "fetch"/),
    });

    const accepted = await orca.request('POST', `/api/workspaces/${ws}/suggestions/${suggestion.id}/accept`, {
      token: owner.token,
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.plan.status).toBe('proposed');
    expect((await approve(accepted.body.plan.id)).status).toBe(200);
    const fixed = await agentNamed('Flaky Fetcher');
    expect(fixed.spec.steps[0].retry).toMatchObject({ attempts: 3 });
    const after = await orca.request('GET', `/api/workspaces/${ws}/suggestions`, { token: viewer.token });
    expect(after.body.items.map((item: { id: string }) => item.id)).not.toContain(suggestion.id);
  });

  it('suggests pausing an agent that has never run since it was made, and forgets a dismissed suggestion', async () => {
    const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Forgotten Agent',
          steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }],
        },
      },
    });
    await selectRows(
      orca.platform,
      sql`update agents set created_at = now() - interval '20 days' where id = ${created.body.id}`,
    );
    const list = await orca.request('GET', `/api/workspaces/${ws}/suggestions`, { token: viewer.token });
    const suggestion = list.body.items.find(
      (item: { agentName: string }) => item.agentName === 'Forgotten Agent',
    );
    expect(suggestion).toMatchObject({
      kind: 'never_runs',
      reason: expect.stringMatching(/created 20 days ago and has never run/),
    });
    expect(suggestion.plan.operations).toEqual([expect.objectContaining({ type: 'pauseAgent' })]);
    expect(
      (
        await orca.request('POST', `/api/workspaces/${ws}/suggestions/${suggestion.id}/dismiss`, {
          token: viewer.token,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await orca.request('POST', `/api/workspaces/${ws}/suggestions/${suggestion.id}/dismiss`, {
          token: owner.token,
        })
      ).status,
    ).toBe(204);
    const after = await orca.request('GET', `/api/workspaces/${ws}/suggestions`, { token: viewer.token });
    expect(after.body.items.map((item: { id: string }) => item.id)).not.toContain(suggestion.id);
    expect(
      (
        await orca.request('POST', `/api/workspaces/${ws}/suggestions/unknown-id/accept`, {
          token: owner.token,
        })
      ).status,
    ).toBe(404);
  });
});
