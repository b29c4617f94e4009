// One contract, two planners. Every request of the corpus goes to the built-in planner, which
// must give the expected plan, question or answer; and to the LLM planner, talking to a scripted
// OpenAI-protocol server that answers as a model would (here: with the plan a correct model
// would write), which must turn it into the same plan. The scripted model also answers with
// malformed and partial output, which must be repaired or become a question, never a plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAgentSpec } from '../../src/domain/agent-spec.ts';
import { createLanguageModel } from '../../src/llm/language-model.ts';
import { parseLlmSetting } from '../../src/llm/llm-setting.ts';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import { LlmPlanner } from '../../src/orchestrator/llm/llm-planner.ts';
import type { PlannerAnswer } from '../../src/orchestrator/planner.ts';
import { builtInTools } from '../../src/runtime/tools/index.ts';
import { resolveCron } from '../../src/triggers/schedule-times.ts';
import {
  messageText,
  type ScriptedLlmServer,
  startScriptedLlmServer,
} from '../support/scripted-llm-server.ts';
import { operationTarget } from './corpus-judge.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { modelAnswer } from './model-answer.ts';
import { type CorpusCase, corpus, corpusNow } from './planner-corpus.ts';

const snapshot = fixtureSnapshot();

const builtIn = new BuiltInPlanner();
const userEmail = 'ada@example.com';

function checkAnswer(entry: CorpusCase, answer: PlannerAnswer) {
  const label = entry.text;
  if (entry.reply) {
    if (!entry.operations) expect(answer.plan?.operations ?? [], label).toEqual([]);
    expect(answer.reply, label).toMatch(entry.reply);
  }
  if (entry.question) {
    expect(answer.plan?.operations, label).toEqual([]);
    expect(
      answer.plan?.questions.map((question) => question.id),
      label,
    ).toContain(entry.question);
  }
  if (entry.operations) {
    expect(answer.plan?.questions, label).toEqual([]);
    expect(
      answer.plan?.operations.map((operation) => operation.type),
      label,
    ).toEqual(entry.operations);
    if (entry.targets) {
      expect(answer.plan?.operations.map(operationTarget), label).toEqual(entry.targets);
    }
    let scheduled = 0;
    for (const operation of answer.plan?.operations ?? []) {
      if (entry.agent && 'agentName' in operation && operation.type !== 'runAgent') {
        expect(operation.agentName, label).toBe(entry.agent);
      }
      const schedule =
        operation.type === 'scheduleAgent' ? (entry.schedules?.[scheduled++] ?? entry.schedule) : undefined;
      if (operation.type === 'scheduleAgent' && schedule?.runAt !== undefined) {
        // A one-off run: the time, in the user's zone, in words; the schedule is not touched.
        expect([operation.runAt, operation.cron, operation.text, operation.before], label).toEqual([
          schedule?.runAt,
          undefined,
          undefined,
          undefined,
        ]);
        expect(operation.timezone, label).toBe(schedule?.timezone);
        expect(operation.description, label).toMatch(/^Once, on \w+day \d+ \w+ at \d\d:\d\d \(/);
        expect(answer.plan?.summary, label).toContain(schedule?.timezone);
      } else if (operation.type === 'scheduleAgent') {
        expect(resolveCron(operation), label).toBe(schedule?.cron);
        expect(operation.timezone, label).toBe(schedule?.timezone);
        expect(operation.description, label).toMatch(new RegExp(`\\(${schedule?.timezone}\\)$`));
        expect(operation.nextRuns, label).toHaveLength(5);
        expect(answer.plan?.summary, label).toContain(String(schedule?.timezone));
      }
      // A plan of several requests names the sides of its chains in `targets`.
      if ((operation.type === 'chainAgents' || operation.type === 'unchainAgents') && !entry.targets) {
        expect([operation.from.agentName, operation.to.agentName], label).toEqual([
          entry.chain?.from,
          entry.chain?.to,
        ]);
        if (operation.type === 'chainAgents') expect(operation.on, label).toBe(entry.chain?.on);
      }
      if (operation.type === 'connectAccount') {
        if (!entry.targets)
          expect(
            {
              service: operation.service,
              kind: operation.kind,
              allowedHosts: operation.settings.allowedHosts,
            },
            label,
          ).toEqual(entry.connection);
        expect(JSON.stringify(operation), label).not.toMatch(/apiKey|password"|clientSecret|secret"/);
      }
      if (operation.type === 'createAgent' || operation.type === 'updateAgent') {
        const validation = validateAgentSpec(operation.spec);
        expect(validation.success ? [] : validation.issues, label).toEqual([]);
      }
    }
  }
}

describe('the built-in planner on the corpus', () => {
  it('has at least 80 requests', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
  });

  it.each(corpus.map((entry) => [entry.text, entry] as const))('%s', async (_text, entry) => {
    checkAnswer(entry, await builtIn.plan({ text: entry.text, snapshot, userEmail, now: corpusNow }));
  });
});

describe('the LLM planner on the corpus, against a scripted model', () => {
  let server: ScriptedLlmServer;
  let planner: LlmPlanner;
  const expected = new Map<string, PlannerAnswer>();

  beforeAll(async () => {
    server = await startScriptedLlmServer();
    planner = new LlmPlanner({
      llm: createLanguageModel(parseLlmSetting(`openai-compatible:${server.baseUrl}#scripted`)),
      tools: builtInTools(),
      fallback: builtIn,
      timeoutMs: 5000,
    });
    for (const entry of corpus)
      expected.set(entry.text, await builtIn.plan({ text: entry.text, snapshot, userEmail, now: corpusNow }));
    server.respondWith((request) => {
      const last = request.body.messages.filter((message) => message.role === 'user').at(-1);
      const answer = expected.get(messageText(last ?? { role: 'user' }));
      return answer
        ? { json: modelAnswer(answer, snapshot) }
        : { status: 400, body: { error: { message: 'unscripted request' } } };
    });
  });
  afterAll(() => server.close());

  it.each(corpus.map((entry) => [entry.text, entry] as const))('%s', async (_text, entry) => {
    const answer = await planner.plan({ text: entry.text, snapshot, userEmail, now: corpusNow });
    // The model's own answer, not the built-in planner standing in for it.
    expect(answer.reply).not.toMatch(/built-in planner answers instead/);
    checkAnswer(entry, answer);
    expect(answer.plan?.operations ?? []).toEqual(expected.get(entry.text)?.plan?.operations ?? []);
  });

  it('sends the workspace, the tool catalog and the JSON shape it wants', async () => {
    server.reset();
    server.reply({ json: { reply: 'You have 7 agents.', summary: '', questions: [], operations: [] } });
    await planner.plan({ text: 'how many agents?', snapshot });
    const request = server.requests[0];
    expect(request?.system).toContain('Lead Scraper');
    expect(request?.system).toContain('html.extract');
    expect(request?.system).toContain('Europe/Berlin');
    expect(request?.system).toMatch(/Several things in one message.*Never drop a part/);
    expect(request?.body.response_format?.type).toBe('json_schema');
    // Schedules (cron, in words, next run) and chains are part of what the model sees.
    expect(request?.system).toContain('"cron":"0 8 * * 1","timezone":"Europe/Berlin"');
    expect(request?.system).toContain('At 08:00 AM, only on Monday (Europe/Berlin)');
    expect(request?.system).toContain('{"from":"Lead Scraper","to":"Reporting Agent","on":"success"');
    // Portal agents sign in with a login account, found by the hosts it may be sent to.
    expect(request?.system).toMatch(/Portals: .*browser\.login \{connection, url\}.*browser\.download/);
    expect(request?.system).toContain('"service":"supplier-portal","kind":"login"');
    expect(request?.system).toContain('"hosts":["portal.example.com"]');
  });

  it('keeps runs and figures out of the prompt: tools read them, and without a workspace it has none', async () => {
    server.reset();
    server.reply({ json: { reply: 'I cannot see that.', summary: '', questions: [], operations: [] } });
    await planner.plan({ text: 'how much did the weekly report cost this week?', snapshot, now: corpusNow });
    const request = server.requests[0];
    // The last run stays (troubleshooting needs no tool call); the history and totals do not.
    expect(request?.system).toContain('Weekly Report');
    expect(request?.system).not.toContain('"thisWeek":{"runs"');
    expect(request?.system).toMatch(/no tools this time/);
    expect(request?.body.tools).toBeUndefined();
  });

  it('sends schedule words it cannot read back for repair, then asks instead of guessing', async () => {
    server.reset();
    const unreadable = {
      reply: 'Scheduling it.',
      summary: 'x',
      questions: [],
      operations: [{ type: 'scheduleAgent', agent: 'Lead Scraper', text: 'every blue moon' }],
    };
    server.reply({ json: unreadable }, { json: unreadable });
    const answer = await planner.plan({
      text: 'run the lead scraper every blue moon',
      snapshot,
      now: corpusNow,
    });
    expect(answer.plan?.operations).toEqual([]);
    expect(answer.plan?.questions[0]?.text).toMatch(/Could not understand "blue moon"/);
    expect(messageText(server.requests[1]?.body.messages.at(-1) ?? { role: 'user' })).toMatch(
      /operations\.0 \(scheduleAgent\): Could not understand "blue moon"/,
    );
  });

  it('refuses a chain that would make a loop, and one between agents that do not exist', async () => {
    server.reset();
    const loop = {
      reply: 'Chaining.',
      summary: 'x',
      questions: [],
      operations: [{ type: 'chainAgents', from: 'Reporting Agent', to: 'Lead Scraper', on: 'success' }],
    };
    const repaired = {
      reply: 'Chaining the other way.',
      summary: 'Chain',
      questions: [],
      operations: [
        { type: 'chainAgents', from: 'Reporting Agent', to: 'Reporter', on: 'always', mapping: 'output' },
      ],
    };
    server.reply({ json: loop }, { json: repaired });
    const answer = await planner.plan({ text: 'chain the reporting agent to the lead scraper', snapshot });
    expect(messageText(server.requests[1]?.body.messages.at(-1) ?? { role: 'user' })).toMatch(
      /would make a loop/,
    );
    expect(answer.plan?.operations).toEqual([
      {
        type: 'chainAgents',
        from: { agentId: expect.any(String), agentName: 'Reporting Agent' },
        to: { agentId: expect.any(String), agentName: 'Reporter' },
        on: 'always',
        mapping: 'output',
      },
    ]);

    server.reset();
    const ghost = { ...repaired, operations: [{ type: 'unchainAgents', from: 'Ghost', to: 'Reporter' }] };
    server.reply({ json: ghost }, { json: ghost });
    const refused = await planner.plan({ text: 'unchain the ghost from the reporter', snapshot });
    expect(refused.plan?.operations).toEqual([]);
    expect(refused.plan?.questions[0]?.text).toMatch(/no agent "Ghost"/);
  });

  it('sends a secret written into a connectAccount back for repair; it never reaches the plan', async () => {
    server.reset();
    const leaky = {
      reply: 'Connecting.',
      summary: 'Connect Stripe',
      questions: [],
      operations: [
        {
          type: 'connectAccount',
          service: 'stripe',
          kind: 'api_key',
          settings: { allowedHosts: ['api.stripe.com'], apiKey: 'sk_live_canary' },
        },
      ],
    };
    const repaired = {
      ...leaky,
      operations: [{ ...leaky.operations[0], settings: { allowedHosts: ['api.stripe.com'] } }],
    };
    server.reply({ json: leaky }, { json: repaired });
    const answer = await planner.plan({ text: 'connect stripe with key sk_live_canary', snapshot });
    expect(messageText(server.requests[1]?.body.messages.at(-1) ?? { role: 'user' })).toMatch(
      /settings\.apiKey is a secret/,
    );
    expect(answer.plan?.operations).toEqual([
      {
        type: 'connectAccount',
        service: 'stripe',
        kind: 'api_key',
        label: '',
        settings: { allowedHosts: ['api.stripe.com'] },
      },
    ]);
    expect(JSON.stringify(answer.plan)).not.toContain('sk_live_canary');
  });

  it('wants a connectAccount before a new agent that uses an account the workspace lacks', async () => {
    server.reset();
    const agent = {
      type: 'createAgent',
      spec: {
        name: 'Acme Invoices',
        goal: 'Download invoices',
        steps: [
          {
            id: 'login',
            tool: 'browser.login',
            with: { connection: 'acme-portal', url: 'https://portal.acme.test/login' },
          },
        ],
      },
    };
    const connect = {
      type: 'connectAccount',
      service: 'acme-portal',
      kind: 'login',
      settings: { allowedHosts: ['portal.acme.test'], username: 'buyer@example.com' },
    };
    const base = { reply: 'Building it.', summary: 'Acme invoices', questions: [] };
    server.reply(
      { json: { ...base, operations: [agent] } },
      { json: { ...base, operations: [connect, agent] } },
    );
    const answer = await planner.plan({ text: 'download the acme invoices as buyer@example.com', snapshot });
    expect(messageText(server.requests[1]?.body.messages.at(-1) ?? { role: 'user' })).toMatch(
      /uses the account "acme-portal".*connect it \(connectAccount\) before this/,
    );
    expect(answer.plan?.operations.map((operation) => operation.type)).toEqual([
      'connectAccount',
      'createAgent',
    ]);
  });

  it('repairs malformed output with a second request', async () => {
    server.reset();
    server.reply(
      { text: '{"reply": "Pausing it", "operations": [{"type": "pauseAgent", "agent": "Lead Scr' },
      {
        json: {
          reply: 'I will pause it.',
          summary: 'Pause the Lead Scraper',
          questions: [],
          operations: [{ type: 'pauseAgent', agent: 'Lead Scraper' }],
        },
      },
    );
    const answer = await planner.plan({ text: 'pause the lead scraper', snapshot });
    expect(answer.plan?.operations).toEqual([
      expect.objectContaining({ type: 'pauseAgent', agentName: 'Lead Scraper' }),
    ]);
    expect(server.requests).toHaveLength(2);
    expect(messageText(server.requests[1]?.body.messages.at(-1) ?? { role: 'user' })).toMatch(
      /cannot be used/,
    );
  });

  it('turns output that stays invalid into a question, with no operations', async () => {
    server.reset();
    const invalid = {
      reply: 'Done',
      summary: 'x',
      questions: [],
      operations: [{ type: 'createAgent', spec: { name: 'Broken', steps: [{ id: 'a', tool: 'teleport' }] } }],
    };
    server.reply({ json: invalid }, { json: invalid });
    const answer = await planner.plan({ text: 'make something', snapshot });
    expect(answer.plan?.operations).toEqual([]);
    expect(answer.plan?.questions[0]?.text).toMatch(/could not turn that into a plan.*teleport|tool/s);
  });

  it('asks instead of acting on an agent that does not exist', async () => {
    server.reset();
    const ghost = {
      reply: 'Deleting',
      summary: 'x',
      questions: [],
      operations: [{ type: 'deleteAgent', agent: 'Ghost Agent' }],
    };
    server.reply({ json: ghost }, { json: ghost });
    const answer = await planner.plan({ text: 'delete the ghost agent', snapshot });
    expect(answer.plan?.operations).toEqual([]);
    expect(answer.plan?.questions[0]?.text).toMatch(/no agent "Ghost Agent"/);
  });

  it('falls back to the built-in planner, saying so, when the model fails', async () => {
    server.reset();
    server.reply({ status: 500 }, { status: 500 });
    const answer = await planner.plan({ text: 'pause the lead scraper', snapshot });
    expect(answer.reply).toMatch(/did not answer.*built-in planner/s);
    expect(answer.plan?.operations).toEqual([
      expect.objectContaining({ type: 'pauseAgent', agentName: 'Lead Scraper' }),
    ]);
  });
});
