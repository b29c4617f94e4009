// Chains through the API and the platform's workers: a finished run starts the next agent with
// an input mapped from its output, fans out, follows failures when asked, refuses loops, fails
// visibly on a bad mapping or too deep a chain, and the whole pipeline reads back from any run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMaximumChainDepth } from '../../src/triggers/chain-starter.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Chain Owner');
  workspaceId = (await orca.createWorkspace(owner, 'Chains Inc')).id;
});
afterAll(async () => {
  await orca.close();
});

let counter = 0;
async function createAgent(name: string, expression: string, input?: Record<string, unknown>) {
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: `${name} ${++counter}`,
        ...(input ? { input } : {}),
        steps: [{ id: 'work', tool: 'transform', with: { expression } }],
        output: '{{ steps.work.value }}',
      },
    },
  });
  if (response.status !== 201) throw new Error(response.text);
  return response.body as { id: string; name: string };
}

function chain(fromAgentId: string, toAgentId: string, extra: Record<string, unknown> = {}) {
  return orca.request('POST', `/api/workspaces/${workspaceId}/chains`, {
    token: owner.token,
    body: { fromAgentId, toAgentId, ...extra },
  });
}

async function start(agentId: string, input: Record<string, unknown> = {}) {
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agentId}/runs`, {
    token: owner.token,
    body: { input },
  });
  if (response.status !== 202) throw new Error(response.text);
  return response.body.id as string;
}

// biome-ignore lint/suspicious/noExplicitAny: runs are read loosely and asserted on.
async function runsOf(agentId: string): Promise<any[]> {
  const response = await orca.request('GET', `/api/workspaces/${workspaceId}/runs?agent=${agentId}`, {
    token: owner.token,
  });
  return response.body.items;
}

/** Waits until the agent has a finished run, and answers it. */
async function finishedRunOf(agentId: string) {
  await expect
    .poll(async () => (await runsOf(agentId)).some((run) => ['succeeded', 'failed'].includes(run.status)), {
      timeout: 20_000,
      interval: 100,
    })
    .toBe(true);
  return (await runsOf(agentId)).find((run) => ['succeeded', 'failed'].includes(run.status));
}

describe('chains', () => {
  it('starts the next agent with the mapped output, and the pipeline reads back from its last run', async () => {
    const collector = await createAgent('Collector', '{"items": ["a", "b", "c"], "count": 3}');
    const reporter = await createAgent('Reporter', '"Report of " & $string(input.count) & " items"', {
      type: 'object',
      properties: { count: { type: 'number' }, source: { type: 'string' } },
      required: ['count'],
    });
    const created = await chain(collector.id, reporter.id, {
      mapping: '{"count": output.count, "source": run.id}',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fromAgentName: collector.name,
      toAgentName: reporter.name,
      on: 'success',
      enabled: true,
    });
    const first = await start(collector.id);
    const report = await finishedRunOf(reporter.id);
    expect(report).toMatchObject({
      status: 'succeeded',
      trigger: 'chain',
      parentRunId: first,
      chainId: created.body.id,
      chainDepth: 1,
      input: { count: 3, source: first },
      output: 'Report of 3 items',
    });
    const pipeline = await orca.request('GET', `/api/workspaces/${workspaceId}/runs/${report.id}/pipeline`, {
      token: owner.token,
    });
    expect(pipeline.status).toBe(200);
    expect(pipeline.body.rootRunId).toBe(first);
    expect(
      pipeline.body.runs.map((run: { agentName: string; level: number }) => [run.agentName, run.level]),
    ).toEqual([
      [collector.name, 0],
      [reporter.name, 1],
    ]);
    const listed = await orca.request('GET', `/api/workspaces/${workspaceId}/chains?agent=${reporter.id}`, {
      token: owner.token,
    });
    expect(listed.body.items).toHaveLength(1);
  });

  it('fans out to several agents, and follows failures only where asked', async () => {
    const source = await createAgent('Flaky', '$error("the source is down")');
    const onSuccess = await createAgent('Publisher', '"published"');
    const onFailure = await createAgent('Alerter', '"alerted about " & input.run.error.message', undefined);
    const always = await createAgent('Logger', '"logged"');
    expect((await chain(source.id, onSuccess.id)).status).toBe(201);
    expect((await chain(source.id, onFailure.id, { on: 'failure', mapping: '{"run": run}' })).status).toBe(
      201,
    );
    expect((await chain(source.id, always.id, { on: 'always' })).status).toBe(201);
    const failed = await start(source.id);
    const alert = await finishedRunOf(onFailure.id);
    expect(alert).toMatchObject({ status: 'succeeded', parentRunId: failed });
    expect(alert.output).toContain('the source is down');
    expect((await finishedRunOf(always.id)).parentRunId).toBe(failed);
    expect(await runsOf(onSuccess.id)).toHaveLength(0);
  });

  it('refuses a chain that closes a loop, naming it, and a bad mapping or a duplicate', async () => {
    const a = await createAgent('Loop A', '1');
    const b = await createAgent('Loop B', '2');
    const c = await createAgent('Loop C', '3');
    expect((await chain(a.id, b.id)).status).toBe(201);
    expect((await chain(b.id, c.id)).status).toBe(201);
    const loop = await chain(c.id, a.id);
    expect(loop.status).toBe(422);
    expect(loop.body.error.message).toContain(`"${c.name}" → "${a.name}" → "${b.name}" → "${c.name}"`);
    expect((await chain(a.id, a.id)).status).toBe(422);
    expect((await chain(a.id, b.id)).status).toBe(409);
    const badMapping = await chain(a.id, c.id, { mapping: '{"x": ' });
    expect(badMapping.status).toBe(422);
    expect(badMapping.body.error.message).toContain('not valid JSONata');
  });

  it('gives a chained run that fails with the mapping error and the first run’s output', async () => {
    const source = await createAgent('Counter', '{"count": 2}');
    const target = await createAgent('Needs Text', '"ok"');
    await chain(source.id, target.id, { mapping: '$error("no mapping for " & $string(output.count))' });
    await start(source.id);
    const failed = await finishedRunOf(target.id);
    expect(failed).toMatchObject({
      status: 'failed',
      trigger: 'chain',
      error: { code: 'chain_mapping_failed', details: { parentOutput: { count: 2 } } },
    });
    expect(failed.error.message).toContain('no mapping for 2');
  });

  it('stops a chain deeper than the limit with a clear error', async () => {
    const agents = [];
    for (let index = 0; index <= defaultMaximumChainDepth + 1; index++)
      agents.push(await createAgent('Link', '1'));
    for (let index = 0; index < agents.length - 1; index++) {
      expect((await chain(agents[index]?.id ?? '', agents[index + 1]?.id ?? '')).status).toBe(201);
    }
    await start(agents[0]?.id ?? '');
    const last = await finishedRunOf(agents[agents.length - 1]?.id ?? '');
    expect(last).toMatchObject({ status: 'failed', chainDepth: defaultMaximumChainDepth + 1 });
    expect(last.error.code).toBe('chain_depth_exceeded');
  });

  it('keeps to its workspace: an agent of another workspace is 404', async () => {
    const mine = await createAgent('Mine', '1');
    const stranger = await orca.signUp('Chain Stranger');
    const elsewhere = (await orca.createWorkspace(stranger, 'Other Chains')).id;
    const theirs = await orca.request('POST', `/api/workspaces/${elsewhere}/agents`, {
      token: stranger.token,
      body: { spec: { name: 'Theirs', steps: [{ id: 'x', tool: 'transform', with: { expression: '1' } }] } },
    });
    const across = await chain(mine.id, theirs.body.id);
    expect(across.status).toBe(404);
    const fromThere = await orca.request('GET', `/api/workspaces/${elsewhere}/chains`, {
      token: stranger.token,
    });
    expect(fromThere.body.items).toHaveLength(0);
  });

  it('lets only one of two chains made at once through when together they would loop or repeat', async () => {
    const a = await createAgent('Race A', '1');
    const b = await createAgent('Race B', '2');
    const loop = await Promise.all([chain(a.id, b.id), chain(b.id, a.id)]);
    expect(loop.map((response) => response.status).sort()).toEqual([201, 422]);
    const c = await createAgent('Race C', '3');
    const twice = await Promise.all([chain(a.id, c.id), chain(a.id, c.id)]);
    expect(twice.map((response) => response.status).sort()).toEqual([201, 409]);
  });

  it('stops a runaway mapping within its time limit, failing the chained run', async () => {
    const source = await createAgent('Runaway Source', '1');
    const target = await createAgent('Runaway Target', '"never"');
    await chain(source.id, target.id, { mapping: '{"n": $count([1..9999999].($string($)))}' });
    await start(source.id);
    const failed = await finishedRunOf(target.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'chain_mapping_failed' } });
    // Stopped by an expression limit (time, or here first the list size), named in the message.
    expect(failed.error.message).toMatch(/was stopped: it .*ORCA_EXPRESSION_/);
  });

  it('counts agents called by chained runs towards the depth limit, so a call and a chain cannot loop forever', async () => {
    const caller = await createAgent('Ping', '1');
    const called = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: `Pong ${++counter}`,
          steps: [{ id: 'back', tool: 'agent.call', with: { agent: caller.name, input: {} } }],
        },
      },
    });
    expect((await chain(caller.id, called.body.id)).status).toBe(201);
    await start(caller.id);
    await expect
      .poll(
        async () =>
          (await runsOf(called.body.id)).some(
            (run) => run.status === 'failed' && run.error?.code === 'chain_depth_exceeded',
          ),
        { timeout: 30_000, interval: 200 },
      )
      .toBe(true);
    expect((await runsOf(caller.id)).length).toBeLessThanOrEqual(defaultMaximumChainDepth + 2);
  });
});
