// The LLM planner reads the workspace with tools, through the real API on a real database: the
// scripted model calls the runs, run and usage tools, and the test checks that what it got back
// is the real run's error and figures, that its final reply reaches the person (streamed too),
// and that no tool reads another workspace's agents or runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChatMessage,
  messageText,
  type RecordedRequest,
  type ScriptedLlmServer,
  type ScriptedReply,
  startScriptedLlmServer,
} from '../support/scripted-llm-server.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let llm: ScriptedLlmServer;
let orca: TestPlatform;
let owner: TestUser;
let stranger: TestUser;
let ws: string;
let otherWs: string;
let failedRun: { id: string; status: string; error: { code: string; message: string; stepId?: string } };
let otherAgentId: string;
let otherRunId: string;
/** The planner's requests get these, in order; the agents' own LLM steps get a poem. */
const plannerReplies: ScriptedReply[] = [];

beforeAll(async () => {
  llm = await startScriptedLlmServer();
  llm.respondWith((request) =>
    isPlanner(request)
      ? (plannerReplies.shift() ?? { status: 500 })
      : { text: 'A short poem.', usage: { promptTokens: 1200, completionTokens: 300 } },
  );
  orca = await startTestPlatform({
    configOverrides: { llm: `openai-compatible:${llm.baseUrl}#scripted`, allowNetwork: '127.0.0.1' },
  });
  owner = await orca.signUp('Tool Owner');
  stranger = await orca.signUp('Other Owner');
  ws = (await orca.createWorkspace(owner, 'With tools')).id;
  otherWs = (await orca.createWorkspace(stranger, 'Someone else')).id;

  const writer = await createAgent(owner, ws, {
    name: 'Poem Writer',
    steps: [{ id: 'write', tool: 'llm.generate', with: { prompt: 'Write a poem about {{ run.id }}' } }],
  });
  for (let time = 0; time < 2; time++) expect((await run(owner, ws, writer)).status).toBe('succeeded');
  const broken = await createAgent(owner, ws, {
    name: 'Broken Fetcher',
    steps: [{ id: 'fetch', tool: 'http.request', with: { url: 'http://127.0.0.1:1/nothing' } }],
  });
  failedRun = await run(owner, ws, broken);
  expect(failedRun.status).toBe('failed');

  otherAgentId = await createAgent(stranger, otherWs, {
    name: 'Hidden Agent',
    goal: 'A goal nobody else may read',
    steps: [{ id: 'fetch', tool: 'http.request', with: { url: 'http://127.0.0.1:1/hidden' } }],
  });
  otherRunId = (await run(stranger, otherWs, otherAgentId)).id;
});
afterAll(async () => {
  await orca.close();
  await llm.close();
});

function isPlanner(request: RecordedRequest) {
  return request.body.response_format?.type === 'json_schema';
}

async function createAgent(user: TestUser, workspace: string, spec: Record<string, unknown>) {
  const created = await orca.request('POST', `/api/workspaces/${workspace}/agents`, {
    token: user.token,
    body: { spec },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

async function run(user: TestUser, workspace: string, agentId: string) {
  const started = await orca.request('POST', `/api/workspaces/${workspace}/agents/${agentId}/runs`, {
    token: user.token,
    body: { input: {} },
  });
  expect(started.status, started.text).toBe(202);
  for (let tries = 0; tries < 300; tries++) {
    const current = await orca.request('GET', `/api/workspaces/${workspace}/runs/${started.body.id}`, {
      token: user.token,
    });
    if (['succeeded', 'failed', 'cancelled'].includes(current.body.status)) return current.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

/** The tool results the planner's requests carried to the model, by the tool call's id. */
function toolResults(since: number): Map<string, string> {
  const results = new Map<string, string>();
  for (const request of llm.requests.slice(since).filter(isPlanner)) {
    for (const message of request.body.messages as ChatMessage[]) {
      if (message.role === 'tool' && message.tool_call_id)
        results.set(message.tool_call_id, messageText(message));
    }
  }
  return results;
}

async function ask(text: string) {
  const response = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
    token: owner.token,
    body: { text },
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

const answer = (reply: string): ScriptedReply => ({
  json: { reply, summary: '', questions: [], operations: [] },
});

describe('the LLM planner’s workspace tools', () => {
  it('offers the tools with a small snapshot of the agents', async () => {
    const before = llm.requests.length;
    plannerReplies.push(answer('You have two agents.'));
    const body = await ask('which agents do I have?');
    expect(body.reply).toBe('You have two agents.');
    const request = llm.requests.slice(before).find(isPlanner);
    expect(request?.body.tools?.map((entry) => entry.function.name).sort()).toEqual([
      'listAgents',
      'listRuns',
      'readAgent',
      'readCredits',
      'readRun',
      'readTriggers',
      'readUsage',
      'readWorkrooms',
    ]);
    expect(request?.system).toContain('"name":"Broken Fetcher"');
    expect(request?.system).not.toContain('Hidden Agent');
  });

  it('answers "why did X fail" from the run it reads: its error and its failing step', async () => {
    const before = llm.requests.length;
    const reply = `Broken Fetcher failed at step "fetch": ${failedRun.error.message}`;
    plannerReplies.push(
      {
        toolCalls: [
          { id: 'runs', name: 'listRuns', arguments: { agent: 'broken fetcher', status: 'failed' } },
        ],
      },
      { toolCalls: [{ id: 'run', name: 'readRun', arguments: { runId: failedRun.id } }] },
      answer(reply),
    );
    // Streamed, as the web app asks: the reply arrives in pieces after the tool calls.
    const response = await orca.platform.app.request(`/api/workspaces/${ws}/orchestrator/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${owner.token}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ text: 'why did the broken fetcher fail?' }),
    });
    const text = await response.text();
    const deltas = [...text.matchAll(/^event: reply\ndata: (.+)$/gm)].map(
      (match) => JSON.parse(match[1] ?? '{}').delta,
    );
    expect(deltas.join('')).toBe(reply);

    const results = toolResults(before);
    const runs = JSON.parse(results.get('runs') ?? '{}');
    expect(runs.agent).toBe('Broken Fetcher');
    expect(runs.runs[0]).toMatchObject({
      id: failedRun.id,
      status: 'failed',
      error: { code: failedRun.error.code, message: failedRun.error.message, stepId: 'fetch' },
    });
    const read = JSON.parse(results.get('run') ?? '{}');
    expect(read).toMatchObject({ id: failedRun.id, agent: 'Broken Fetcher', status: 'failed' });
    expect(read.steps).toEqual([
      expect.objectContaining({
        id: 'fetch',
        tool: 'http.request',
        status: 'failed',
        error: expect.anything(),
      }),
    ]);
    expect(read.steps[0].error.message).toBe(failedRun.error.message);
  });

  it('answers "how much did Y cost this week" from the usage it reads', async () => {
    const before = llm.requests.length;
    plannerReplies.push(
      {
        toolCalls: [
          { id: 'usage', name: 'readUsage', arguments: { period: 'thisWeek', agent: 'Poem Writer' } },
        ],
      },
      answer('Poem Writer ran 2 times this week and used 3,000 tokens.'),
    );
    const body = await ask('how much did the poem writer cost this week?');
    expect(body.reply).toBe('Poem Writer ran 2 times this week and used 3,000 tokens.');
    expect(body.plan ?? null).toBeNull();
    const usage = JSON.parse(toolResults(before).get('usage') ?? '{}');
    expect(usage.period.name).toBe('thisWeek');
    expect(usage.agents).toEqual([
      expect.objectContaining({
        name: 'Poem Writer',
        runs: 2,
        succeeded: 2,
        failed: 0,
        tokens: 3000,
        successRate: 100,
      }),
    ]);
    expect(usage.total.tokens).toBe(3000);
  });

  it('never reads another workspace’s agent or run, by name or by id', async () => {
    const before = llm.requests.length;
    plannerReplies.push(
      {
        toolCalls: [
          { id: 'byName', name: 'readAgent', arguments: { agent: 'Hidden Agent' } },
          { id: 'byId', name: 'readAgent', arguments: { agent: otherAgentId } },
          { id: 'runsById', name: 'listRuns', arguments: { agent: otherAgentId } },
          { id: 'run', name: 'readRun', arguments: { runId: otherRunId } },
          { id: 'usage', name: 'readUsage', arguments: { period: 'today' } },
          { id: 'triggers', name: 'readTriggers', arguments: {} },
          { id: 'agents', name: 'listAgents', arguments: {} },
        ],
      },
      answer('There is no such agent here.'),
    );
    const body = await ask('what does the hidden agent do?');
    expect(body.reply).toBe('There is no such agent here.');
    const results = toolResults(before);
    // Each read of the other workspace's agent or run finds nothing: an error and no data.
    for (const id of ['byName', 'byId', 'runsById', 'run']) {
      expect(Object.keys(JSON.parse(results.get(id) ?? '{}')), id).toEqual(['error']);
    }
    expect(JSON.parse(results.get('byName') ?? '{}').error).toMatch(
      /There is no agent "Hidden Agent" in this workspace/,
    );
    expect(JSON.parse(results.get('run') ?? '{}').error).toMatch(/There is no run/);
    for (const result of results.values()) expect(result).not.toContain('A goal nobody else may read');
    for (const id of ['usage', 'triggers', 'agents'])
      expect(results.get(id), id).not.toContain('Hidden Agent');
    expect(
      JSON.parse(results.get('agents') ?? '{}').agents.map((agent: { name: string }) => agent.name),
    ).toEqual(['Poem Writer', 'Broken Fetcher']);
  });

  it('reads the workrooms with their figures, and never another workspace’s', async () => {
    const room = await orca.request('POST', `/api/workspaces/${ws}/workrooms`, {
      token: owner.token,
      body: { name: 'Poetry Client', monthlyBudget: 900 },
    });
    await orca.request('POST', `/api/workspaces/${otherWs}/workrooms`, {
      token: stranger.token,
      body: { name: 'Secret Client' },
    });
    const agents = await orca.request('GET', `/api/workspaces/${ws}/agents?q=Poem`, { token: owner.token });
    await orca.request('PUT', `/api/workspaces/${ws}/agents/${agents.body.items[0].id}/workroom`, {
      token: owner.token,
      body: { workroomId: room.body.id },
    });
    const before = llm.requests.length;
    plannerReplies.push(
      {
        toolCalls: [
          { id: 'all', name: 'readWorkrooms', arguments: {} },
          { id: 'one', name: 'readWorkrooms', arguments: { workroom: 'poetry client' } },
          { id: 'theirs', name: 'readWorkrooms', arguments: { workroom: 'Secret Client' } },
        ],
      },
      answer('One workroom: Poetry Client.'),
    );
    const body = await ask('what workrooms do I have?');
    expect(body.reply).toBe('One workroom: Poetry Client.');
    const results = toolResults(before);
    const all = JSON.parse(results.get('all') ?? '{}');
    expect(all.workrooms).toEqual([
      expect.objectContaining({ name: 'Poetry Client', monthlyBudget: 900, agents: ['Poem Writer'] }),
    ]);
    expect(all.agentsInNone).toEqual(['Broken Fetcher']);
    expect(JSON.parse(results.get('one') ?? '{}').workroom.name).toBe('Poetry Client');
    expect(JSON.parse(results.get('theirs') ?? '{}').error).toMatch(/There is no workroom "Secret Client"/);
    expect(JSON.parse(results.get('theirs') ?? '{}').error).toMatch(/The workrooms are: Poetry Client\./);
    expect(results.get('all')).not.toContain('Secret Client');
  });

  it('does not call the model for a workspace with no credits left, and charges its calls once it has', async () => {
    const poor = (await orca.createWorkspace(owner, 'No credits left')).id;
    const credits = `/api/workspaces/${poor}/credits`;
    const { balance } = (await orca.request('GET', credits, { token: owner.token })).body;
    const spent = await orca.request('POST', `${credits}/adjustments`, {
      token: owner.token,
      body: { amount: -balance, note: 'spent elsewhere' },
    });
    expect(spent.status, spent.text).toBe(201);
    const say = (text: string) =>
      orca.request('POST', `/api/workspaces/${poor}/orchestrator/messages`, {
        token: owner.token,
        body: { text },
      });

    const before = llm.requests.length;
    const refused = await say('which agents do I have?');
    expect(refused.status, refused.text).toBe(200);
    expect(refused.body.reply).toMatch(
      /^This workspace has no credits left to pay for the LLM \(balance 0\)\. An owner or admin can top up on the Credits page.*The built-in planner answers instead\.\n/s,
    );
    expect(llm.requests.slice(before).filter(isPlanner)).toHaveLength(0);
    const unchanged = await orca.request('GET', `${credits}/ledger`, { token: owner.token });
    expect(unchanged.body.items[0]).toMatchObject({ kind: 'adjustment' });

    const topped = await orca.request('POST', `${credits}/topups`, {
      token: owner.token,
      body: { amount: 5000 },
    });
    expect(topped.status, topped.text).toBe(201);
    plannerReplies.push(answer('You have no agents yet.'));
    const paid = await say('which agents do I have?');
    expect(paid.body.reply).toBe('You have no agents yet.');
    expect(llm.requests.slice(before).filter(isPlanner)).toHaveLength(1);
    const ledger = await orca.request('GET', `${credits}/ledger`, { token: owner.token });
    expect(ledger.body.items[0]).toMatchObject({ kind: 'consumption', reason: 'Orchestrator' });
    expect(ledger.body.items[0].amount).toBeLessThan(0);
  });

  it('stops calling tools after its step limit and answers', async () => {
    const before = llm.requests.length;
    for (let step = 0; step < 5; step++) {
      plannerReplies.push({ toolCalls: [{ name: 'listAgents', arguments: {} }] });
    }
    plannerReplies.push(answer('Done looking.'));
    const body = await ask('look at everything');
    expect(body.reply).toBe('Done looking.');
    const planning = llm.requests.slice(before).filter(isPlanner);
    expect(planning).toHaveLength(6);
    // The last step may not call a tool: the model must answer.
    expect(planning.at(-1)?.body.tool_choice).toBe('none');
  });
});
