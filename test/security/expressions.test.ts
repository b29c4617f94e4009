// Issue 11, item 2, through runs: a runaway expression in any place a spec holds one (a step's
// `with`, `if`, `forEach`, the run's `output`, a transform, a chain's mapping) fails its run with
// the limit error naming the place, while the API keeps answering; and a step that keeps killing
// its worker fails its run as poisonous instead of being resumed forever. Before the fix each
// runaway froze the process (the health check below never answered), and a run whose step was
// interrupted any number of times was resumed again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { outboundPolicy } from '../../src/network/outbound-policy.ts';
import { RunExecutor } from '../../src/runtime/run-executor.ts';
import { runServices } from '../../src/runtime/run-services.ts';
import type { Tool } from '../../src/runtime/tool.ts';
import { builtInTools } from '../../src/runtime/tools/index.ts';
import { findRun, insertRun, listRunSteps } from '../../src/store/run-repository.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

const timeoutMs = 500;
let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;

beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { expressionTimeoutMs: String(timeoutMs) } });
  owner = await orca.signUp('Expression Prober');
  workspaceId = (await orca.createWorkspace(owner, 'Expression Lab')).id;
});
afterAll(async () => {
  await orca.close();
});

function executor(tools: ReadonlyMap<string, Tool> = builtInTools()) {
  return new RunExecutor({
    store: orca.platform.store,
    tools,
    network: outboundPolicy(['127.0.0.1']),
    services: (run) => runServices(orca.platform.services, run),
    cancelPollMilliseconds: 50,
  });
}

let counter = 0;
async function createAgent(spec: Record<string, unknown>) {
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: { spec: { ...spec, name: `${spec.name} ${++counter}` } },
  });
  if (response.status !== 201) throw new Error(`agent: ${response.text}`);
  return response.body as { id: string; version: number; name: string };
}

async function queueRun(agent: { id: string; version: number }) {
  return orca.platform.store.inWorkspace(workspaceId, (scope) =>
    insertRun(scope, { agentId: agent.id, agentVersion: agent.version, input: {}, trigger: 'manual' }),
  );
}

const readRun = (runId: string) =>
  orca.platform.store.inWorkspace(workspaceId, async (scope) => ({
    run: await findRun(scope, runId),
    steps: await listRunSteps(scope, runId),
  }));

const recursion = '($f := function($x){ $f($x) }; $f(1))';
const backtracking = '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+$/)';

/** Runs the agent while asking the API for its health: it must answer while the run still runs. */
async function runWhileServing(agent: { id: string; version: number }) {
  const run = await queueRun(agent);
  let finished = false;
  const outcome = executor()
    .execute(workspaceId, run.id)
    .finally(() => (finished = true));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const asked = performance.now();
  const health = await orca.request('GET', '/api/health');
  const answeredMs = performance.now() - asked;
  expect(health.status).toBe(200);
  expect(finished).toBe(false);
  expect(answeredMs).toBeLessThan(timeoutMs);
  expect(await outcome).toBe('failed');
  return (await readRun(run.id)).run;
}

describe('runaway expressions in runs', () => {
  const places: [string, Record<string, unknown>, string][] = [
    [
      'a with template',
      { steps: [{ id: 'shape', tool: 'transform', with: { expression: '1', data: `{{ ${recursion} }}` } }] },
      'steps.shape.with.data',
    ],
    [
      'an if condition',
      { steps: [{ id: 'maybe', tool: 'transform', if: backtracking, with: { expression: '1' } }] },
      'steps.maybe.if',
    ],
    [
      'a forEach list',
      {
        steps: [
          { id: 'each', tool: 'transform', forEach: { items: recursion }, with: { expression: 'item' } },
        ],
      },
      'steps.each.forEach.items',
    ],
    [
      'a repeat condition',
      {
        steps: [
          {
            id: 'again',
            tool: 'transform',
            repeat: { until: `loop.index = ${backtracking}` },
            with: { expression: '1' },
          },
        ],
      },
      'steps.again.repeat.until',
    ],
    [
      'the output',
      {
        steps: [{ id: 'one', tool: 'transform', with: { expression: '1' } }],
        output: `{{ ${backtracking} }}`,
      },
      'output',
    ],
    [
      'a transform',
      { steps: [{ id: 'loop', tool: 'transform', with: { expression: recursion } }] },
      'steps.loop.with.expression',
    ],
  ];
  for (const [place, spec, where] of places) {
    it(`fails the run on a runaway expression in ${place}, naming it, while the API answers`, async () => {
      const agent = await createAgent({ name: `Runaway ${place}`, ...spec });
      const run = await runWhileServing(agent);
      expect(run?.error).toMatchObject({ code: 'expression_limit', details: { where, limit: 'time' } });
      expect(run?.error?.message).toContain(where);
      expect(run?.error?.message).toContain(`took longer than ${timeoutMs} ms`);
    });
  }

  it('fails the chained run on a runaway chain mapping, naming the mapping and the limit', async () => {
    const source = await createAgent({
      name: 'Chain Source',
      steps: [{ id: 'a', tool: 'transform', with: { expression: '1' } }],
    });
    const target = await createAgent({
      name: 'Chain Target',
      steps: [{ id: 'b', tool: 'transform', with: { expression: '2' } }],
    });
    const chained = await orca.request('POST', `/api/workspaces/${workspaceId}/chains`, {
      token: owner.token,
      body: { fromAgentId: source.id, toAgentId: target.id, mapping: `{"n": ${backtracking}}` },
    });
    expect(chained.status).toBe(201);
    const started = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${source.id}/runs`, {
      token: owner.token,
      body: { input: {} },
    });
    expect(started.status).toBe(202);
    const runsOf = async () =>
      (
        await orca.request('GET', `/api/workspaces/${workspaceId}/runs?agent=${target.id}`, {
          token: owner.token,
        })
      ).body.items as { status: string; error?: { code: string; message: string; details?: unknown } }[];
    await expect
      .poll(async () => (await runsOf())[0]?.status, { timeout: 20_000, interval: 100 })
      .toBe('failed');
    const [failed] = await runsOf();
    expect(failed?.error).toMatchObject({ code: 'chain_mapping_failed', details: { limit: 'time' } });
    expect(failed?.error?.message).toContain('The chain mapping');
    expect(failed?.error?.message).toContain(`took longer than ${timeoutMs} ms`);
  });
});

describe('poison runs', () => {
  it('fails a run as poisonous when the same step lost its worker three times, instead of resuming it', async () => {
    const agent = await createAgent({
      name: 'Worker Killer',
      steps: [{ id: 'crash', tool: 'transform', with: { expression: '1' } }],
    });
    // Each execution of the step hangs until released, as a worker that died in it would: the next
    // execution claims the run as a redelivered job does after a worker's death.
    const releases: (() => void)[] = [];
    const hanging: Tool = {
      name: 'transform',
      description: 'hangs in the step, like a worker that died there',
      input: z.object({ expression: z.string() }),
      output: z.unknown(),
      sideEffect: false,
      run: () => new Promise((resolve) => releases.push(() => resolve({ value: 'zombie' }))),
    };
    const dying = new Map(builtInTools());
    dying.set('transform', hanging);
    const run = await queueRun(agent);
    const executions: Promise<string>[] = [];
    for (let interruption = 0; interruption < 3; interruption++) {
      executions.push(executor(dying).execute(workspaceId, run.id));
      await expect.poll(() => releases.length).toBe(interruption + 1);
    }
    const interrupted = await readRun(run.id);
    expect(interrupted.steps.find((step) => step.stepId === 'crash')?.interruptions).toBe(2);

    // The fourth delivery finds the step interrupted a third time: the run fails, nothing runs.
    expect(await executor(dying).execute(workspaceId, run.id)).toBe('failed');
    expect(releases).toHaveLength(3);
    const { run: failed, steps } = await readRun(run.id);
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'poisonous_step', stepId: 'crash', details: { interruptions: 3, limit: 3 } },
    });
    expect(failed?.error?.message).toMatch(/stopped its worker 3 times.*Change the step/);
    expect(steps.find((step) => step.stepId === 'crash')).toMatchObject({
      status: 'failed',
      interruptions: 3,
    });

    for (const release of releases) release();
    expect(await Promise.all(executions)).toEqual(['lease-lost', 'lease-lost', 'lease-lost']);
    expect((await readRun(run.id)).run?.status).toBe('failed');
  });

  it('does not count a step that finished, so a run resumed after a finished step goes on', async () => {
    const agent = await createAgent({
      name: 'Steady',
      steps: [
        { id: 'first', tool: 'transform', with: { expression: '1' } },
        { id: 'second', tool: 'transform', with: { expression: '2' } },
      ],
    });
    const run = await queueRun(agent);
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const { steps } = await readRun(run.id);
    expect(steps.map((step) => step.interruptions)).toEqual([0, 0]);
  });
});

describe('expressions parsed when saved', () => {
  it('refuses a hook mapping longer than a spec expression may be, before parsing it', async () => {
    const agent = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
      token: owner.token,
      body: {
        spec: { name: 'Hooked', steps: [{ id: 'echo', tool: 'transform', with: { expression: 'input' } }] },
      },
    });
    expect(agent.status, agent.text).toBe(201);
    // `a.*.*.*…` is a form JSONata parses in time growing with the square of its length.
    const mapping = `a${'.*'.repeat(2500)}`;
    const hook = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agent.body.id}/hooks`, {
      token: owner.token,
      body: { mapping },
    });
    expect(hook.status).toBe(400);
    expect(hook.text).toContain('mapping must be at most 4,000 characters');
  });
});
