// The Orchestrator with an LLM configured (ORCA_LLM pointing at a scripted OpenAI-protocol
// server): the reply streams as server-sent events while the model writes it, and the plan it
// proposes is applied like any other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedLlmServer, startScriptedLlmServer } from '../support/scripted-llm-server.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let llm: ScriptedLlmServer;
let owner: TestUser;
let ws: string;

beforeAll(async () => {
  llm = await startScriptedLlmServer();
  orca = await startTestPlatform({ configOverrides: { llm: `openai-compatible:${llm.baseUrl}#scripted` } });
  owner = await orca.signUp('LLM User');
  ws = (await orca.createWorkspace(owner, 'With LLM')).id;
  await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: 'Lead Scraper',
        steps: [{ id: 'fetch', tool: 'http.request', with: { url: 'https://example.com/' } }],
      },
    },
  });
});
afterAll(async () => {
  await orca.close();
  await llm.close();
});

function events(text: string) {
  return text
    .split('\n\n')
    .map((block) => ({
      event: /^event: (.+)$/m.exec(block)?.[1],
      data: /^data: (.+)$/m.exec(block)?.[1],
    }))
    .filter((entry) => entry.event)
    .map((entry) => ({ event: entry.event, data: JSON.parse(entry.data ?? 'null') }));
}

describe('the Orchestrator with an LLM', () => {
  it('streams the reply as the model writes it, then the plan, which applies', async () => {
    llm.reply({
      json: {
        reply: 'I will pause the Lead Scraper so that it stops running until you resume it.',
        summary: 'Pause the Lead Scraper',
        questions: [],
        operations: [{ type: 'pauseAgent', agent: 'Lead Scraper' }],
      },
    });
    const response = await orca.platform.app.request(`/api/workspaces/${ws}/orchestrator/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${owner.token}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ text: 'please pause the lead scraper for a while' }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const received = events(await response.text());
    const deltas = received.filter((entry) => entry.event === 'reply').map((entry) => entry.data.delta);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(
      'I will pause the Lead Scraper so that it stops running until you resume it.',
    );
    const message = received.find((entry) => entry.event === 'message')?.data;
    expect(message.plan.operations).toEqual([
      expect.objectContaining({ type: 'pauseAgent', agentName: 'Lead Scraper' }),
    ]);
    expect(llm.requests.at(-1)?.body.stream).toBe(true);

    const applied = await orca.request('POST', `/api/workspaces/${ws}/plans/${message.plan.id}/approve`, {
      token: owner.token,
      body: {},
    });
    expect(applied.status).toBe(200);
    const agents = await orca.request('GET', `/api/workspaces/${ws}/agents`, { token: owner.token });
    expect(agents.body.items[0].status).toBe('paused');
  });

  it('stops the model when the person stops the message, and keeps nothing of it', async () => {
    llm.reply({ stall: true });
    const before = llm.requests.length;
    const response = await orca.platform.app.request(`/api/workspaces/${ws}/orchestrator/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${owner.token}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ text: 'write me a long essay about scrapers' }),
    });
    await llm.waitForRequests(before + 1);
    const modelCall = llm.requests[before];
    // The browser's Stop drops the stream; the model's request must end with it, not run on.
    await response.body?.cancel();
    const ended = await Promise.race([
      modelCall?.closed.then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 5000)),
    ]);
    expect(ended).toBe('closed');

    const conversations = await orca.request('GET', `/api/workspaces/${ws}/orchestrator/conversations`, {
      token: owner.token,
    });
    const stopped = conversations.body.items.find(
      (item: { title: string }) => item.title === 'write me a long essay about scrapers',
    );
    if (stopped) {
      const history = await orca.request(
        'GET',
        `/api/workspaces/${ws}/orchestrator/conversations/${stopped.id}`,
        { token: owner.token },
      );
      expect(history.body.messages).toEqual([]);
    }
  });

  it('never applies garbage: two invalid answers become a question', async () => {
    llm.reply({ text: 'Sure! I will do the thing.' }, { text: '{"reply": 42}' });
    const answer = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      token: owner.token,
      body: { text: 'do the thing' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.plan.status).toBe('needs_answers');
    expect(answer.body.plan.operations).toEqual([]);
  });

  it('answers with the built-in planner, saying so, when the LLM’s answer is not even a response', async () => {
    llm.reply({ raw: 'this is not the OpenAI protocol' }, { raw: 'still not' });
    const answer = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
      token: owner.token,
      body: { text: 'what agents do I have?' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.reply).toMatch(/did not answer.*built-in planner answers instead.*Lead Scraper/s);
  });
});
