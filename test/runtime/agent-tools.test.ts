// The tools that reach Orca's own services, run by the executor against the real store (PGlite
// and PostgreSQL): shared context and agent memory, deliverables, durable waits, agents calling
// agents, and llm.generate against a scripted OpenAI-protocol server.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../src/llm/language-model.ts';
import { parseLlmSetting } from '../../src/llm/llm-setting.ts';
import { outboundPolicy } from '../../src/network/outbound-policy.ts';
import { RunExecutor } from '../../src/runtime/run-executor.ts';
import { runServices } from '../../src/runtime/run-services.ts';
import { SuspendRun, type Tool } from '../../src/runtime/tool.ts';
import { builtInTools } from '../../src/runtime/tools/index.ts';
import {
  findRun,
  insertRun,
  listRunSteps,
  requestCancel,
  requeueRun,
} from '../../src/store/run-repository.ts';
import { type ScriptedLlmServer, startScriptedLlmServer } from '../support/scripted-llm-server.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;
let llm: ScriptedLlmServer;
const resumes: { runId: string; at: Date }[] = [];

beforeAll(async () => {
  llm = await startScriptedLlmServer();
  orca = await startTestPlatform();
  owner = await orca.signUp('Tool User');
  workspaceId = (await orca.createWorkspace(owner, 'Tool Lab')).id;
});
afterAll(async () => {
  await orca.close();
  await llm.close();
});

function executor(options: { withLlm?: boolean; tools?: ReadonlyMap<string, Tool> } = {}) {
  const model = createLanguageModel(parseLlmSetting(`openai-compatible:${llm.baseUrl}#scripted`));
  return new RunExecutor({
    store: orca.platform.store,
    tools: options.tools ?? builtInTools(),
    network: outboundPolicy(['127.0.0.1']),
    services: (run) => ({
      ...runServices(orca.platform.services, run),
      llm: options.withLlm ? model : undefined,
    }),
    resumeLater: async (run, at) => void resumes.push({ runId: run.runId, at }),
    cancelPollMilliseconds: 50,
    maximumCallDepth: 3,
  });
}

async function createAgent(spec: Record<string, unknown>) {
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: { spec },
  });
  if (response.status !== 201) throw new Error(`agent: ${response.text}`);
  return response.body as { id: string; version: number; name: string };
}

async function queueRun(agent: { id: string; version: number }, input: Record<string, unknown> = {}) {
  return orca.platform.store.inWorkspace(workspaceId, (scope) =>
    insertRun(scope, { agentId: agent.id, agentVersion: agent.version, input, trigger: 'manual' }),
  );
}

const read = (runId: string) =>
  orca.platform.store.inWorkspace(workspaceId, async (scope) => ({
    run: await findRun(scope, runId),
    steps: await listRunSteps(scope, runId),
  }));

describe('memory tools', () => {
  it('shares context between agents, keeps agent memory private, and finds entries by their words', async () => {
    const writer = await createAgent({
      name: 'Context Writer',
      steps: [
        {
          id: 'remember',
          tool: 'memory.write',
          forEach: { items: 'input.companies' },
          with: { key: 'companies/{{ item.name }}', value: '{{ item }}', tags: ['company'] },
        },
        {
          id: 'private',
          tool: 'memory.write',
          with: { key: 'last-seen', value: '{{ $count(input.companies) }}', scope: 'agent' },
        },
      ],
    });
    const run = await queueRun(writer, {
      companies: [
        { name: 'Acme', note: 'Sells running shoes in Berlin' },
        { name: 'Globex', note: 'Industrial pricing software' },
      ],
    });
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');

    const reader = await createAgent({
      name: 'Context Reader',
      steps: [
        { id: 'find', tool: 'memory.search', with: { query: 'shoe' } },
        { id: 'one', tool: 'memory.read', with: { key: 'companies/Globex' } },
        { id: 'all', tool: 'memory.list', with: { prefix: 'companies/', tags: ['company'] } },
        { id: 'mine', tool: 'memory.read', with: { key: 'last-seen', scope: 'agent' } },
        { id: 'theirs', tool: 'memory.read', with: { key: 'last-seen' } },
      ],
      output: {
        found: '{{ steps.find.items.key }}',
        globex: '{{ steps.one.value.note }}',
        listed: '{{ steps.all.count }}',
        mine: '{{ steps.mine.found }}',
        theirs: '{{ steps.theirs.found }}',
      },
    });
    const readRun = await queueRun(reader);
    expect(await executor().execute(workspaceId, readRun.id)).toBe('succeeded');
    expect((await read(readRun.id)).run?.output).toEqual({
      // "shoe" finds "shoes" by its stem, in the entry written from the value's words.
      found: 'companies/Acme',
      globex: 'Industrial pricing software',
      listed: 2,
      // The writer's private memory is not the reader's, nor the shared context.
      mine: false,
      theirs: false,
    });
  });
});

describe('files tools', () => {
  it('saves records as a CSV deliverable once per step, even when the step is replayed, and reads it back', async () => {
    const agent = await createAgent({
      name: 'Report Maker',
      steps: [
        { id: 'save', tool: 'files.save', with: { name: 'leads.csv', content: '{{ input.rows }}' } },
        { id: 'back', tool: 'files.read', with: { id: '{{ steps.save.id }}' } },
      ],
    });
    const rows = [
      { name: 'Ada', note: 'likes "quotes", commas' },
      { name: 'Grace', city: 'Arlington' },
    ];
    const run = await queueRun(agent, { rows });
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const { steps } = await read(run.id);
    const saved = steps.find((step) => step.stepId === 'save')?.output as {
      id: string;
      sha256: string;
      sizeBytes: number;
    };
    const back = steps.find((step) => step.stepId === 'back')?.output as {
      content: string;
      file: { contentType: string };
    };
    expect(back.file.contentType).toBe('text/csv; charset=utf-8');
    expect(back.content).toBe('name,note,city\r\nAda,"likes ""quotes"", commas",\r\nGrace,,Arlington\r\n');
    expect(saved.sizeBytes).toBe(Buffer.byteLength(back.content));

    // A replay of the save (as after a crash before its checkpoint) returns the same file and
    // leaves no second copy on disk.
    const services = runServices(orca.platform.services, { workspaceId, runId: run.id, agentId: agent.id });
    const again = await services.files.save({
      name: 'leads.csv',
      contentType: 'text/csv',
      content: Buffer.from('different bytes'),
      key: `${run.id}:save`,
    });
    expect(again.id).toBe(saved.id);
    const stored = await readdir(path.join(orca.filesDirectory, workspaceId));
    expect(stored.filter((name) => !name.endsWith('.partial'))).toHaveLength(1);
  });
});

describe('wait', () => {
  it('suspends the run, releases the worker, and goes on after its time without waiting twice', async () => {
    const agent = await createAgent({
      name: 'Patient',
      steps: [
        { id: 'before', tool: 'transform', with: { expression: '"before"' } },
        { id: 'pause', tool: 'wait', with: { seconds: 3 } },
        { id: 'after', tool: 'transform', with: { expression: '"after"' } },
      ],
    });
    const run = await queueRun(agent);
    const started = Date.now();
    expect(await executor().execute(workspaceId, run.id)).toBe('waiting');
    // The worker was given back at once, not after three seconds.
    expect(Date.now() - started).toBeLessThan(2500);
    const waiting = await read(run.id);
    expect(waiting.run?.status).toBe('waiting');
    const resume = resumes.find((entry) => entry.runId === run.id);
    expect(resume?.at.getTime()).toBeGreaterThanOrEqual(started + 3000);
    expect(waiting.run?.resumeAt?.getTime()).toBe(resume?.at.getTime());
    expect(waiting.steps.find((step) => step.stepId === 'pause')?.status).toBe('waiting');

    // Picked up early (a duplicate delivery): it suspends again until the same time.
    expect(await executor().execute(workspaceId, run.id)).toBe('waiting');
    expect((await read(run.id)).run?.resumeAt?.getTime()).toBe(resume?.at.getTime());

    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, (resume?.at.getTime() ?? 0) - Date.now())),
    );
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const done = await read(run.id);
    expect(done.run?.output).toEqual({ value: 'after' });
    const pause = done.steps.find((step) => step.stepId === 'pause');
    expect(pause?.status).toBe('succeeded');
  });

  it('cancels a waiting run at once', async () => {
    const agent = await createAgent({
      name: 'Sleeper',
      steps: [{ id: 'pause', tool: 'wait', with: { hours: 1 } }],
    });
    const run = await queueRun(agent);
    expect(await executor().execute(workspaceId, run.id)).toBe('waiting');
    await orca.platform.store.inWorkspace(workspaceId, (scope) => requestCancel(scope, run.id));
    expect((await read(run.id)).run?.status).toBe('cancelled');
    expect(await executor().execute(workspaceId, run.id)).toBe('not-runnable');
  });
});

describe('agent.call', () => {
  it('runs another agent with an input, uses its output, and links the called run to its caller', async () => {
    await createAgent({
      name: 'Doubler',
      input: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] },
      steps: [{ id: 'double', tool: 'transform', with: { expression: 'input.n * 2' } }],
      output: '{{ steps.double.value }}',
    });
    const caller = await createAgent({
      name: 'Caller',
      steps: [{ id: 'call', tool: 'agent.call', with: { agent: 'doubler', input: { n: 21 } } }],
      output: '{{ steps.call.output }}',
    });
    const run = await queueRun(caller);
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const { run: finished, steps } = await read(run.id);
    expect(finished?.output).toBe(42);
    const calleeId = (steps[0]?.output as { runId?: string } | undefined)?.runId ?? '';
    const callee = (await read(calleeId)).run;
    expect(callee).toMatchObject({ status: 'succeeded', trigger: 'agent', parentRunId: run.id });
  });

  it('refuses a loop of calls and a bad input, naming the agent', async () => {
    const looper = await createAgent({
      name: 'Looper Self',
      steps: [{ id: 'again', tool: 'agent.call', with: { agent: 'Looper Self' } }],
    });
    const run = await queueRun(looper);
    expect(await executor().execute(workspaceId, run.id)).toBe('failed');
    expect((await read(run.id)).run?.error).toMatchObject({ code: 'agent_cycle', stepId: 'again' });

    const badInput = await createAgent({
      name: 'Bad Caller',
      steps: [{ id: 'call', tool: 'agent.call', with: { agent: 'Doubler', input: { n: 'twenty' } } }],
    });
    const bad = await queueRun(badInput);
    expect(await executor().execute(workspaceId, bad.id)).toBe('failed');
    expect((await read(bad.id)).run?.error?.message).toMatch(/"Doubler" does not match its input schema/);
  });

  it('stops at the depth limit', async () => {
    // A calls B calls C calls D: with a limit of 3 levels, C may not call D.
    await createAgent({
      name: 'Depth D',
      steps: [{ id: 'end', tool: 'transform', with: { expression: '1' } }],
    });
    await createAgent({
      name: 'Depth C',
      steps: [{ id: 'next', tool: 'agent.call', with: { agent: 'Depth D' } }],
    });
    await createAgent({
      name: 'Depth B',
      steps: [{ id: 'next', tool: 'agent.call', with: { agent: 'Depth C' } }],
    });
    const top = await createAgent({
      name: 'Depth A',
      steps: [{ id: 'next', tool: 'agent.call', with: { agent: 'Depth B' } }],
    });
    const run = await queueRun(top);
    expect(await executor().execute(workspaceId, run.id)).toBe('failed');
    expect((await read(run.id)).run?.error?.message).toMatch(
      /Depth B.*failed at step next.*Depth C.*failed at step next.*3 levels deep/s,
    );
  });
});

describe('llm.generate', () => {
  it('writes in the agent’s style, counts tokens on the step and the run, and parses structured output', async () => {
    llm.reset();
    llm.reply({ text: 'Dear Ada, thanks!', usage: { promptTokens: 120, completionTokens: 8 } });
    llm.reply({ json: { sentiment: 'positive' }, usage: { promptTokens: 30, completionTokens: 5 } });
    const agent = await createAgent({
      name: 'Writer',
      steps: [
        { id: 'draft', tool: 'llm.generate', with: { prompt: 'Thank Ada for her order.' } },
        {
          id: 'classify',
          tool: 'llm.generate',
          with: {
            prompt: 'Classify: {{ steps.draft.text }}',
            schema: {
              type: 'object',
              properties: { sentiment: { type: 'string' } },
              required: ['sentiment'],
            },
          },
        },
      ],
      output: { text: '{{ steps.draft.text }}', sentiment: '{{ steps.classify.object.sentiment }}' },
      memory: {
        style: { samples: ['Cheers, the Orca team'], profile: 'Warm, brief, no exclamation marks.' },
      },
    });
    const run = await queueRun(agent);
    expect(await executor({ withLlm: true }).execute(workspaceId, run.id)).toBe('succeeded');
    const { run: finished, steps } = await read(run.id);
    expect(finished?.output).toEqual({ text: 'Dear Ada, thanks!', sentiment: 'positive' });
    expect(finished?.usage).toEqual({ inputTokens: 150, outputTokens: 13 });
    expect(steps.find((step) => step.stepId === 'draft')?.usage).toEqual({
      inputTokens: 120,
      outputTokens: 8,
    });
    expect(llm.requests[0]?.system).toMatch(/Warm, brief, no exclamation marks\./);
    expect(llm.requests[0]?.system).toMatch(/Cheers, the Orca team/);
  });

  it('fails the step with a clear message when no LLM is configured', async () => {
    const agent = await createAgent({
      name: 'Unconfigured Writer',
      steps: [{ id: 'draft', tool: 'llm.generate', with: { prompt: 'Hi' } }],
    });
    const run = await queueRun(agent);
    expect(await executor().execute(workspaceId, run.id)).toBe('failed');
    expect((await read(run.id)).run?.error).toMatchObject({
      code: 'not_configured',
      message: expect.stringMatching(/ORCA_LLM/),
    });
  });
});

describe('runs that wait, are cancelled and are retried', () => {
  it('ends as cancelled, not waiting forever, when a cancel comes just before the run would wait', async () => {
    const agent = await createAgent({
      name: 'Cancel Then Wait',
      steps: [{ id: 'pause', tool: 'wait', with: { hours: 1 } }],
    });
    const run = await queueRun(agent);
    // A wait whose run is cancelled while the tool is still deciding to suspend.
    const cancellingWait: Tool = {
      ...(builtInTools().get('wait') as Tool),
      run: async () => {
        await orca.platform.store.inWorkspace(workspaceId, (scope) => requestCancel(scope, run.id));
        throw new SuspendRun(new Date(Date.now() + 3_600_000), null);
      },
    };
    const tools = new Map([...builtInTools(), ['wait', cancellingWait]]);
    expect(await executor({ tools }).execute(workspaceId, run.id)).toBe('cancelled');
    expect((await read(run.id)).run?.status).toBe('cancelled');
  });

  it('wakes a waiting run only with the resume job sent for that wait and that try', async () => {
    const agent = await createAgent({
      name: 'Picky Sleeper',
      steps: [{ id: 'pause', tool: 'wait', with: { seconds: 5 } }],
    });
    const run = await queueRun(agent);
    expect(await executor().execute(workspaceId, run.id)).toBe('waiting');
    const resumeAt = (await read(run.id)).run?.resumeAt as Date;
    expect(
      await executor().execute(workspaceId, run.id, { resumeAt: new Date(resumeAt.getTime() - 60_000) }),
    ).toBe('not-runnable');
    expect(await executor().execute(workspaceId, run.id, { resumeAt, generation: 1 })).toBe('not-runnable');
    expect((await read(run.id)).run?.status).toBe('waiting');
  });

  it('cancels a called agent that waits when its caller is cancelled', async () => {
    await createAgent({ name: 'Slow Callee', steps: [{ id: 'pause', tool: 'wait', with: { hours: 2 } }] });
    const caller = await createAgent({
      name: 'Waiting Caller',
      steps: [{ id: 'call', tool: 'agent.call', with: { agent: 'Slow Callee' } }],
    });
    const run = await queueRun(caller);
    expect(await executor().execute(workspaceId, run.id)).toBe('waiting');
    const calleeId =
      ((await read(run.id)).steps[0]?.resumeState as { calleeRunId?: string } | null)?.calleeRunId ?? '';
    expect((await read(calleeId)).run?.status).toBe('waiting');
    await orca.platform.store.inWorkspace(workspaceId, (scope) => requestCancel(scope, run.id));
    expect((await read(run.id)).run?.status).toBe('cancelled');
    expect((await read(calleeId)).run?.status).toBe('cancelled');
  });

  it('gives a retried run new side-effect keys: a new file, not the first try’s', async () => {
    const agent = await createAgent({
      name: 'Retried Saver',
      steps: [
        {
          id: 'save',
          tool: 'files.save',
          with: { name: 'out.txt', content: 'try {{ $string(run.id = run.id) }}' },
        },
        // Only a failed run can be retried: this one fails after its file is saved.
        { id: 'stop', tool: 'transform', with: { expression: '$error("stopped after saving")' } },
      ],
    });
    const run = await queueRun(agent);
    expect(await executor().execute(workspaceId, run.id)).toBe('failed');
    const generation = await orca.platform.store.inWorkspace(workspaceId, (scope) =>
      requeueRun(scope, run.id, 0),
    );
    expect(generation).toBe(1);
    // A job of the first try claims nothing; the retry's job runs it again.
    expect(await executor().execute(workspaceId, run.id, { generation: 0 })).toBe('not-runnable');
    expect(await executor().execute(workspaceId, run.id, { generation: 1 })).toBe('failed');
    const files = await orca.request('GET', `/api/workspaces/${workspaceId}/deliverables?run=${run.id}`, {
      token: owner.token,
    });
    expect(files.body.items).toHaveLength(2);
  });
});
