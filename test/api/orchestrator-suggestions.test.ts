// Proactive suggestions from real runs: an agent with too many steps is split into two chained
// agents that give the same output; one started by hand with another's output is chained to it;
// a scheduled agent whose output never changes, or whose runs spend many LLM tokens, is moved to
// a slower schedule. Runs are made through the API and executed by the platform's worker; the
// LLM is the scripted OpenAI-protocol server (the only thing mocked).
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
  // The schedules here only feed the advice; a real firing at a quarter hour during a test would
  // add a run the test did not make, so this platform's scheduler is stopped.
  await orca.platform.scheduler?.stop();
  owner = await orca.signUp('Advice Owner');
  ws = (await orca.createWorkspace(owner, 'Advice')).id;
});
afterAll(async () => {
  await orca.close();
  await llm.close();
});

interface SuggestionBody {
  id: string;
  kind: string;
  agentName: string;
  reason: string;
  plan: { summary: string; operations: Record<string, unknown>[] };
}

async function createAgent(spec: Record<string, unknown>): Promise<string> {
  const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: { spec },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

async function finishedRun(runId: string) {
  for (let tries = 0; tries < 300; tries++) {
    const run = await orca.request('GET', `/api/workspaces/${ws}/runs/${runId}`, { token: owner.token });
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

async function run(agentId: string, input: Record<string, unknown> = {}) {
  const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agentId}/runs`, {
    token: owner.token,
    body: { input },
  });
  expect(started.status, started.text).toBe(202);
  const finished = await finishedRun(started.body.id);
  expect(finished.status, JSON.stringify(finished.error)).toBe('succeeded');
  return finished;
}

async function suggestionFor(agentName: string, kind: string): Promise<SuggestionBody | undefined> {
  const list = await orca.request('GET', `/api/workspaces/${ws}/suggestions`, { token: owner.token });
  expect(list.status, list.text).toBe(200);
  return list.body.items.find((item: SuggestionBody) => item.agentName === agentName && item.kind === kind);
}

/** Accepts a suggestion and approves the plan it makes. */
async function acceptAndApprove(suggestion: SuggestionBody) {
  const accepted = await orca.request('POST', `/api/workspaces/${ws}/suggestions/${suggestion.id}/accept`, {
    token: owner.token,
  });
  expect(accepted.status, accepted.text).toBe(200);
  const approved = await orca.request(
    'POST',
    `/api/workspaces/${ws}/plans/${accepted.body.plan.id}/approve`,
    {
      token: owner.token,
      body: {},
    },
  );
  expect(approved.status, approved.text).toBe(200);
  return approved.body;
}

async function agentNamed(name: string) {
  const list = await orca.request('GET', `/api/workspaces/${ws}/agents`, { token: owner.token });
  return list.body.items.find((agent: { name: string }) => agent.name === name);
}

async function schedule(agentId: string, cron: string) {
  const saved = await orca.request('PUT', `/api/workspaces/${ws}/agents/${agentId}/schedule`, {
    token: owner.token,
    body: { cron, timezone: 'UTC' },
  });
  expect(saved.status, saved.text).toBe(200);
}

describe('proactive suggestions from real runs', () => {
  it('splits an agent of 14 steps into two chained agents that give the same output, pausing it', async () => {
    // Each step builds on the one before, and the last step reads the input and a middle step
    // only through them: any point is a clean split, and the middle one is chosen.
    const steps = [{ id: 's1', tool: 'transform', with: { expression: 'input.word' } }];
    for (let index = 2; index <= 14; index++) {
      steps.push({
        id: `s${index}`,
        tool: 'transform',
        with: { expression: `steps.s${index - 1}.value & "-${index}"` },
      });
    }
    const agentId = await createAgent({
      name: 'Long Pipeline',
      input: { type: 'object', properties: { word: { type: 'string' } } },
      steps,
      output: { text: '{{ steps.s14.value }}', length: '{{ $length(steps.s14.value) }}' },
    });
    const original = await run(agentId, { word: 'go' });

    const suggestion = await suggestionFor('Long Pipeline', 'split');
    expect(suggestion?.reason).toMatch(/has 14 steps \(more than 12\).*s8 to s14.*output of "s7"/);
    expect(suggestion?.plan.operations.map((operation) => operation.type)).toEqual([
      'createAgent',
      'createAgent',
      'chainAgents',
      'pauseAgent',
    ]);
    await acceptAndApprove(suggestion as SuggestionBody);

    expect((await agentNamed('Long Pipeline')).status).toBe('paused');
    const first = await agentNamed('Long Pipeline (part 1)');
    const second = await agentNamed('Long Pipeline (part 2)');
    expect(first.spec.steps.map((step: { id: string }) => step.id)).toEqual([
      's1',
      's2',
      's3',
      's4',
      's5',
      's6',
      's7',
    ]);
    expect(second.spec.steps[0].with.expression).toBe('input.s7.value & "-8"');

    // The pipeline: part 1 by hand, part 2 started by the chain with its output.
    await run(first.id, { word: 'go' });
    let chained: { id: string } | undefined;
    for (let tries = 0; tries < 200 && !chained; tries++) {
      const runs = await orca.request('GET', `/api/workspaces/${ws}/runs?agent=${second.id}`, {
        token: owner.token,
      });
      chained = runs.body.items[0];
      if (!chained) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const finished = await finishedRun(chained?.id as string);
    expect(finished.trigger).toBe('chain');
    expect(finished.output).toEqual(original.output);
    expect(original.output).toEqual({ text: 'go-2-3-4-5-6-7-8-9-10-11-12-13-14', length: 33 });
  });

  it('does not suggest a split when no point leaves the second part needing only the first’s output', async () => {
    const steps = Array.from({ length: 13 }, (_, index) => ({
      id: `t${index + 1}`,
      tool: 'transform',
      with: { expression: index === 0 ? '"x"' : `steps.t${index}.value & "${index}"` },
    }));
    // The last step reads the run's input, which a chained second part would not have.
    steps.push({ id: 't14', tool: 'transform', with: { expression: 'steps.t13.value & input.suffix' } });
    await createAgent({ name: 'Tangled Pipeline', steps });
    expect(await suggestionFor('Tangled Pipeline', 'split')).toBeUndefined();
  });

  it('leaves whole an agent that keeps its own memory or is chained, which a split would change', async () => {
    const longSteps = (prefix: string) =>
      Array.from({ length: 13 }, (_, index) => ({
        id: `${prefix}${index + 1}`,
        tool: 'transform',
        with: { expression: index === 0 ? '"x"' : `steps.${prefix}${index}.value & "${index}"` },
      }));
    await createAgent({
      name: 'Remembering Pipeline',
      steps: [
        ...longSteps('m'),
        {
          id: 'keep',
          tool: 'memory.write',
          with: { key: 'seen', scope: 'agent', value: '{{ steps.m13.value }}' },
        },
      ],
    });
    expect(await suggestionFor('Remembering Pipeline', 'split')).toBeUndefined();

    const chainedId = await createAgent({
      name: 'Chained Pipeline',
      steps: [...longSteps('c'), ...longSteps('d').slice(0, 1)],
    });
    const followerId = await createAgent({
      name: 'Pipeline Follower',
      steps: [{ id: 'f', tool: 'transform', with: { expression: '1' } }],
    });
    const chained = await orca.request('POST', `/api/workspaces/${ws}/chains`, {
      token: owner.token,
      body: { fromAgentId: chainedId, toAgentId: followerId },
    });
    expect(chained.status, chained.text).toBe(201);
    expect(await suggestionFor('Chained Pipeline', 'split')).toBeUndefined();
  });

  it('chains an agent started by hand with another agent’s output, 3 of its last 5 runs', async () => {
    const sourceId = await createAgent({
      name: 'Lead Finder',
      steps: [
        {
          id: 'find',
          tool: 'transform',
          with: { expression: '{"leads": ["ada@example.com", "grace@example.com"]}' },
        },
      ],
    });
    const consumerId = await createAgent({
      name: 'Lead Mailer',
      input: { type: 'object', properties: { found: { type: 'object' } } },
      steps: [{ id: 'count', tool: 'transform', with: { expression: '$count(input.found.value.leads)' } }],
    });
    for (let time = 0; time < 3; time++) {
      const found = await run(sourceId);
      await run(consumerId, { found: found.output });
    }
    await run(consumerId, { found: { value: { leads: [] } } });

    const suggestion = await suggestionFor('Lead Mailer', 'chain');
    expect(suggestion?.reason).toMatch(
      /4 of the last 4 runs of "Lead Mailer" were started by hand, 3 of them with the output of a run of "Lead Finder" as "found" in their input/,
    );
    expect(suggestion?.plan.operations).toEqual([
      expect.objectContaining({
        type: 'chainAgents',
        from: { agentId: sourceId, agentName: 'Lead Finder' },
        to: { agentId: consumerId, agentName: 'Lead Mailer' },
        on: 'success',
        mapping: '{"found": output}',
      }),
    ]);
    await acceptAndApprove(suggestion as SuggestionBody);
    const chains = await orca.request('GET', `/api/workspaces/${ws}/chains`, { token: owner.token });
    expect(chains.body.items).toContainEqual(
      expect.objectContaining({ fromAgentId: sourceId, toAgentId: consumerId, mapping: '{"found": output}' }),
    );
    // Chained now: the advice is not made again.
    expect(await suggestionFor('Lead Mailer', 'chain')).toBeUndefined();
  });

  it('moves a scheduled agent whose last 5 outputs were the same to a slower schedule', async () => {
    const agentId = await createAgent({
      name: 'Steady Checker',
      steps: [{ id: 'check', tool: 'transform', with: { expression: '"all quiet"' } }],
    });
    await schedule(agentId, '*/15 * * * *');
    for (let time = 0; time < 4; time++) await run(agentId);
    expect(await suggestionFor('Steady Checker', 'never_changes')).toBeUndefined();
    await run(agentId);

    const suggestion = await suggestionFor('Steady Checker', 'never_changes');
    expect(suggestion?.reason).toMatch(
      /last 5 successful runs of "Steady Checker".*all gave the same output.*hourly instead of every few minutes/,
    );
    expect(suggestion?.plan.operations).toEqual([
      expect.objectContaining({
        type: 'scheduleAgent',
        cron: '0 * * * *',
        timezone: 'UTC',
        before: expect.objectContaining({ cron: '*/15 * * * *' }),
      }),
    ]);
    await acceptAndApprove(suggestion as SuggestionBody);
    const saved = await orca.request('GET', `/api/workspaces/${ws}/agents/${agentId}/schedule`, {
      token: owner.token,
    });
    expect(saved.body.cron).toBe('0 * * * *');
    // Only runs since the new schedule count: none yet, so no advice to slow it down further.
    expect(await suggestionFor('Steady Checker', 'never_changes')).toBeUndefined();
  });

  it('moves a scheduled agent that spends many LLM tokens per run to a slower schedule', async () => {
    const agentId = await createAgent({
      name: 'Essay Writer',
      steps: [{ id: 'write', tool: 'llm.generate', with: { prompt: 'Write an essay about {{ run.id }}' } }],
    });
    await schedule(agentId, '5 * * * *');
    let essay = 0;
    llm.respondWith(() => ({
      text: `Essay number ${++essay}.`,
      usage: { promptTokens: 30_000, completionTokens: 2_000 },
    }));
    for (let time = 0; time < 3; time++) await run(agentId);

    const suggestion = await suggestionFor('Essay Writer', 'cost');
    expect(suggestion?.reason).toMatch(
      /spent 32,000 LLM tokens per run on average over its last 3 runs \(96,000 in all.*daily instead of hourly/,
    );
    // A local (openai-compatible) model has no cheaper sibling: the schedule is what slows.
    expect(suggestion?.reason).toMatch(/No cheaper model of openai-compatible:scripted is known/);
    // Different outputs each time: the schedule is not slowed for output that never changes.
    expect(await suggestionFor('Essay Writer', 'never_changes')).toBeUndefined();
    expect(suggestion?.plan.operations).toEqual([
      expect.objectContaining({ type: 'scheduleAgent', cron: '5 8 * * *', timezone: 'UTC' }),
    ]);
    await acceptAndApprove(suggestion as SuggestionBody);
    const saved = await orca.request('GET', `/api/workspaces/${ws}/agents/${agentId}/schedule`, {
      token: owner.token,
    });
    expect(saved.body.cron).toBe('5 8 * * *');
  });
});
