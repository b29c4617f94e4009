// Questions about the workspace through the real API: an agent is created and run (its LLM step
// counts tokens against a scripted model), another fails, and the Orchestrator says from the
// data whether they ran today, what they cost this week and what is broken. The LLM planner
// is asked first and can read the same figures with its tools; when it does not answer, the built-in one does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedLlmServer, startScriptedLlmServer } from '../support/scripted-llm-server.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let llm: ScriptedLlmServer;
let orca: TestPlatform;
let owner: TestUser;
let ws: string;

beforeAll(async () => {
  llm = await startScriptedLlmServer();
  orca = await startTestPlatform({
    configOverrides: { llm: `openai-compatible:${llm.baseUrl}#scripted`, allowNetwork: '127.0.0.1' },
  });
  owner = await orca.signUp('Question Owner');
  ws = (await orca.createWorkspace(owner, 'Questions')).id;
  // Days are counted in the user's time zone, by the database and the planner alike: Tokyo's
  // day differs from UTC's for nine hours of each day.
  const memory = await orca.request('PATCH', '/api/me/memory', {
    token: owner.token,
    body: { timezone: 'Asia/Tokyo' },
  });
  expect(memory.status, memory.text).toBe(200);
  // The agents' LLM step gets a poem and its token counts; the planner's request (which wants
  // JSON) gets no answer, so the built-in planner answers and the test reads exact figures.
  llm.respondWith((request) =>
    request.body.response_format?.type === 'json_schema'
      ? { status: 500 }
      : { text: 'A short poem.', usage: { promptTokens: 1200, completionTokens: 300 } },
  );
});
afterAll(async () => {
  await orca.close();
  await llm.close();
});

async function createAgent(spec: Record<string, unknown>): Promise<string> {
  const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: { spec },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

async function run(agentId: string) {
  const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agentId}/runs`, {
    token: owner.token,
    body: { input: {} },
  });
  expect(started.status, started.text).toBe(202);
  for (let tries = 0; tries < 300; tries++) {
    const current = await orca.request('GET', `/api/workspaces/${ws}/runs/${started.body.id}`, {
      token: owner.token,
    });
    if (['succeeded', 'failed', 'cancelled'].includes(current.body.status)) return current.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

async function ask(text: string): Promise<string> {
  const response = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
    token: owner.token,
    body: { text },
  });
  expect(response.status, response.text).toBe(200);
  expect(response.body.plan ?? null).toBeNull();
  return response.body.reply ?? response.body.message?.text ?? JSON.stringify(response.body);
}

describe('questions about runs, answered from the data', () => {
  it('says whether an agent ran today and what it cost this week, with figures', async () => {
    expect(await ask('did the poem writer run today?')).toMatch(/No agent ran today\./);

    const writer = await createAgent({
      name: 'Poem Writer',
      goal: 'Write a poem',
      steps: [{ id: 'write', tool: 'llm.generate', with: { prompt: 'Write a poem about {{ run.id }}' } }],
    });
    expect(await ask('did the poem writer run today?')).toMatch(
      /No, "Poem Writer" has not run today\. It has never run\./,
    );

    for (let time = 0; time < 2; time++) expect((await run(writer)).status).toBe('succeeded');
    const broken = await createAgent({
      name: 'Broken Fetcher',
      steps: [{ id: 'fetch', tool: 'http.request', with: { url: 'http://127.0.0.1:1/nothing' } }],
    });
    expect((await run(broken)).status).toBe('failed');

    expect(await ask('did the poem writer run today?')).toMatch(
      /Yes, "Poem Writer" ran 2 times today \(all succeeded\)\. The last: today at \d\d:\d\d, started by hand: succeeded in \d+ s, 1,500 tokens/,
    );
    expect(await ask('how much did the poem writer cost this week?')).toMatch(
      /"Poem Writer" this week \(since \w+ \d+ \w+\): 2 runs, 3,000 tokens and \d+ s of run time; 2 of 2 succeeded \(100%\)/,
    );
    expect(await ask('anything broken?')).toMatch(
      /^(?:.*\n)?1 agent failed in the last 7 days .*:\n- "Broken Fetcher": 1 of 1 run failed; the last failure today at \d\d:\d\d, started by hand: failed after \d+ s at step "fetch": \S/,
    );

    // The LLM planner was asked first, with the tools that read these figures
    // (orchestrator-llm-tools.test.ts checks what they return).
    const planning = llm.requests.filter((request) => request.body.response_format?.type === 'json_schema');
    expect(planning.at(-1)?.body.tools?.map((entry) => entry.function.name)).toContain('readUsage');
  });
});

describe('questions about runs with the built-in planner alone', () => {
  let builtIn: TestPlatform;
  let site: Server;
  let workspace: string;
  let user: TestUser;

  beforeAll(async () => {
    site = createServer((_request, response) => response.writeHead(200).end('up'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    builtIn = await startTestPlatform({ configOverrides: { allowNetwork: '127.0.0.1' } });
    user = await builtIn.signUp('Built-in Asker');
    workspace = (await builtIn.createWorkspace(user, 'Built-in questions')).id;
  });
  afterAll(async () => {
    await builtIn.close();
    await new Promise<void>((resolve) => site.close(() => resolve()));
  });

  it('reads the runs for a question, and still plans the rest', async () => {
    const created = await builtIn.request('POST', `/api/workspaces/${workspace}/agents`, {
      token: user.token,
      body: {
        spec: {
          name: 'Status Checker',
          steps: [
            {
              id: 'fetch',
              tool: 'http.request',
              with: { url: `http://127.0.0.1:${(site.address() as AddressInfo).port}/status` },
            },
          ],
        },
      },
    });
    expect(created.status, created.text).toBe(201);
    const started = await builtIn.request(
      'POST',
      `/api/workspaces/${workspace}/agents/${created.body.id}/runs`,
      {
        token: user.token,
        body: { input: {} },
      },
    );
    expect(started.status, started.text).toBe(202);
    const say = async (text: string) => {
      const response = await builtIn.request('POST', `/api/workspaces/${workspace}/orchestrator/messages`, {
        token: user.token,
        body: { text },
      });
      expect(response.status, response.text).toBe(200);
      return response.body;
    };
    // Asked while it runs, it says so; once it has finished, how it ended.
    const early = await say('did the status checker run today?');
    expect(early.reply).toMatch(
      /^Yes, "Status Checker" ran once today \((?:it has not finished, or was cancelled|it succeeded)\)/,
    );
    for (let tries = 0; tries < 100; tries++) {
      const current = await builtIn.request('GET', `/api/workspaces/${workspace}/runs/${started.body.id}`, {
        token: user.token,
      });
      if (current.body.status === 'succeeded') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const answer = await say('did the status checker run today?');
    expect(answer.reply).toMatch(
      /^Yes, "Status Checker" ran once today \(it succeeded\)\. The last: today at \d\d:\d\d, started by hand: succeeded in \d+ s\.$/,
    );
    expect((await say('how much did the status checker cost this week?')).reply).toMatch(
      /^"Status Checker" cost \d+ credits? this week \(since \w+ \d+ \w+\), over 1 run\.\n"Status Checker" this week \(since \w+ \d+ \w+\): 1 run, 0 tokens and \d+ s of run time; 1 of 1 succeeded \(100%\)\.$/,
    );
    // What its run got is read from the run itself.
    expect((await say('what did the status checker get last time?')).reply).toMatch(
      /^The last run of "Status Checker" that succeeded finished today at \d\d:\d\d\. Its output: `.*up.*`$/,
    );
    // A webhook made for it is in the answer about what webhooks start; its secret address is not.
    const hook = await builtIn.request(
      'POST',
      `/api/workspaces/${workspace}/agents/${created.body.id}/hooks`,
      {
        token: user.token,
        body: { name: 'deploy finished' },
      },
    );
    expect(hook.status, hook.text).toBe(201);
    const hooks = await say('does anything run from a webhook?');
    expect(hooks.reply).toMatch(
      /^1 agent is started by a webhook:\n- "Status Checker" \(1 hook: “deploy finished”, never called\)\nNo agent posts its results to a webhook\.$/,
    );
    expect(hooks.reply).not.toContain(new URL(hook.body.url).pathname);
    const pause = await say('pause the status checker');
    expect(pause.plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'pauseAgent',
    ]);
  });
});
