// The run executor against real parts: a real HTTP server on 127.0.0.1 that counts what it
// receives, the real store (PGlite and PostgreSQL), and the built-in tools.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { outboundPolicy } from '../../src/network/outbound-policy.ts';
import { RunExecutor } from '../../src/runtime/run-executor.ts';
import { runServices } from '../../src/runtime/run-services.ts';
import type { Tool } from '../../src/runtime/tool.ts';
import { builtInTools } from '../../src/runtime/tools/index.ts';
import {
  findRun,
  insertRun,
  listRunEvents,
  listRunSteps,
  requestCancel,
} from '../../src/store/run-repository.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;
let server: Server;
let base: string;
const hookCalls: { key: string | undefined; body: unknown }[] = [];
const flaky = new Map<string, number>();

const leadsPage = `<ul>
  <li class="lead"><span class="name">Ada</span><span class="score">9</span></li>
  <li class="lead"><span class="name">Grace</span><span class="score">4</span></li>
  <li class="lead"><span class="name">Linus</span><span class="score">7</span></li>
</ul>`;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.pathname === '/leads')
        return response.writeHead(200, { 'content-type': 'text/html' }).end(leadsPage);
      if (url.pathname === '/hook') {
        hookCalls.push({
          key: request.headers['idempotency-key'] as string | undefined,
          body: JSON.parse(body || 'null'),
        });
        return response.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":true}');
      }
      if (url.pathname === '/flaky') {
        const name = url.searchParams.get('name') ?? '';
        const seen = (flaky.get(name) ?? 0) + 1;
        flaky.set(name, seen);
        return seen < 3 ? response.writeHead(503).end('busy') : response.end('finally');
      }
      if (url.pathname === '/slow') return void setTimeout(() => response.end('late'), 3000);
      response.writeHead(404).end('not here');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  orca = await startTestPlatform();
  owner = await orca.signUp('Runner');
  workspaceId = (await orca.createWorkspace(owner, 'Run Lab')).id;
});
afterAll(async () => {
  await orca.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
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

async function createAgent(spec: Record<string, unknown>) {
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: { spec },
  });
  if (response.status !== 201) throw new Error(`agent: ${response.text}`);
  return response.body as { id: string; version: number };
}

async function queueRun(agent: { id: string; version: number }, input: Record<string, unknown> = {}) {
  return orca.platform.store.inWorkspace(workspaceId, (scope) =>
    insertRun(scope, {
      agentId: agent.id,
      agentVersion: agent.version,
      input,
      trigger: 'manual',
      createdBy: owner.id,
    }),
  );
}

const read = (runId: string) =>
  orca.platform.store.inWorkspace(workspaceId, async (scope) => ({
    run: await findRun(scope, runId),
    steps: await listRunSteps(scope, runId),
    events: await listRunEvents(scope, runId),
  }));

describe('run executor', () => {
  it('fetches a page, extracts records, reshapes them, posts them to a webhook and checkpoints every step', async () => {
    const agent = await createAgent({
      name: 'Lead Pipeline',
      input: { type: 'object', properties: { url: { type: 'string' } } },
      steps: [
        { id: 'fetch', tool: 'http.request', with: { url: '{{ input.url }}' } },
        {
          id: 'extract',
          tool: 'html.extract',
          with: {
            html: '{{ steps.fetch.body }}',
            records: { selector: '.lead', fields: { name: '.name', score: '.score' } },
          },
        },
        {
          id: 'best',
          tool: 'transform',
          with: { expression: 'steps.extract.records[$number(score) > 5].name' },
        },
        {
          id: 'notify',
          tool: 'http.request',
          with: { url: `${base}/hook`, method: 'POST', json: { leads: '{{ steps.best.value }}' } },
        },
      ],
      output: { best: '{{ steps.best.value }}', summary: 'found {{ $count(steps.best.value) }} leads' },
    });
    const run = await queueRun(agent, { url: `${base}/leads` });
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const { run: finished, steps, events } = await read(run.id);
    expect(finished).toMatchObject({
      status: 'succeeded',
      output: { best: ['Ada', 'Linus'], summary: 'found 2 leads' },
    });
    expect(steps.map((step) => [step.stepId, step.status, step.attempts])).toEqual([
      ['fetch', 'succeeded', 1],
      ['extract', 'succeeded', 1],
      ['best', 'succeeded', 1],
      ['notify', 'succeeded', 1],
    ]);
    expect(hookCalls.at(-1)).toEqual({ key: `${run.id}:notify:1`, body: { leads: ['Ada', 'Linus'] } });
    expect(events.filter((event) => event.kind === 'status').map((event) => event.data.status)).toEqual([
      'queued',
      'running',
      'succeeded',
    ]);
  });

  it('skips a step whose condition is false and loops over items with bounded concurrency', async () => {
    const agent = await createAgent({
      name: 'Looper',
      steps: [
        {
          id: 'never',
          tool: 'http.request',
          if: 'input.send = true',
          with: { url: `${base}/hook`, method: 'POST' },
        },
        {
          id: 'each',
          tool: 'http.request',
          forEach: { items: 'input.names', as: 'name', concurrency: 2 },
          with: {
            url: `${base}/hook`,
            method: 'POST',
            json: { name: '{{ name }}', position: '{{ index }}' },
          },
        },
      ],
      output: '{{ steps.each.status }}',
    });
    const before = hookCalls.length;
    const run = await queueRun(agent, { send: false, names: ['a', 'b', 'c'] });
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const { run: finished, steps } = await read(run.id);
    // Each loop item has a checkpoint of its own beside the step's.
    expect(steps.map((step) => [step.stepId, step.status]).sort()).toEqual([
      ['each#0', 'succeeded'],
      ['each#1', 'succeeded'],
      ['each#2', 'succeeded'],
      ['each', 'succeeded'],
      ['never', 'skipped'],
    ]);
    expect(finished?.output).toEqual([200, 200, 200]);
    const calls = hookCalls.slice(before);
    expect(
      calls.map((call) => call.body).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([
      { name: 'a', position: 0 },
      { name: 'b', position: 1 },
      { name: 'c', position: 2 },
    ]);
    expect(new Set(calls.map((call) => call.key)).size).toBe(3);
  });

  it('retries a failing step with backoff, and records each attempt', async () => {
    const agent = await createAgent({
      name: 'Retrier',
      steps: [
        {
          id: 'call',
          tool: 'http.request',
          with: { url: `${base}/flaky?name=retrier` },
          retry: { attempts: 3, backoffMs: 10 },
        },
      ],
    });
    const run = await queueRun(agent);
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const { steps, events } = await read(run.id);
    expect(steps[0]).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      output: expect.objectContaining({ body: 'finally' }),
    });
    const attempts = events.filter((event) => event.kind === 'step' && event.data.status === 'failed');
    expect(attempts.map((event) => [event.data.attempt, event.data.willRetry])).toEqual([
      [1, true],
      [2, true],
    ]);
    // The first attempt starts in the run's claim (after its status), the others on their own.
    const starts = events.filter(
      (event) => event.kind === 'status' || (event.kind === 'step' && event.data.status === 'running'),
    );
    expect(starts.map((event) => event.data.status ?? event.data.attempt)).toEqual([
      'queued',
      'running',
      'running',
      'running',
      'running',
      'succeeded',
    ]);
    expect(starts.filter((event) => event.kind === 'step').map((event) => event.data.attempt)).toEqual([
      1, 2, 3,
    ]);
  });

  it('continues past a failing step marked onError continue, and fails the run at one that is not', async () => {
    const agent = await createAgent({
      name: 'Tolerant',
      steps: [
        { id: 'optional', tool: 'http.request', with: { url: `${base}/missing` }, onError: 'continue' },
        {
          id: 'required',
          tool: 'http.request',
          with: { url: `${base}/missing` },
          retry: { attempts: 3, backoffMs: 10 },
        },
        { id: 'after', tool: 'transform', with: { expression: '1' } },
      ],
    });
    const run = await queueRun(agent);
    expect(await executor().execute(workspaceId, run.id)).toBe('failed');
    const { run: finished, steps } = await read(run.id);
    expect(steps.map((step) => [step.stepId, step.status, step.attempts])).toEqual([
      ['optional', 'failed', 1],
      // A 404 will not change on retry: one attempt, whatever the policy allows.
      ['required', 'failed', 1],
    ]);
    expect(finished?.error).toMatchObject({
      code: 'http_status',
      stepId: 'required',
      message: expect.stringMatching(/404/),
    });
  });

  it('ends a step at its timeout and says so', async () => {
    const agent = await createAgent({
      name: 'Impatient',
      steps: [{ id: 'slow', tool: 'http.request', with: { url: `${base}/slow` }, timeoutMs: 200 }],
    });
    const run = await queueRun(agent);
    expect(await executor().execute(workspaceId, run.id)).toBe('failed');
    const { run: finished } = await read(run.id);
    expect(finished?.error).toMatchObject({ code: 'timeout', stepId: 'slow' });
  });

  it('cancels a running step promptly, and a queued run at once', async () => {
    const agent = await createAgent({
      name: 'Cancellable',
      steps: [
        { id: 'slow', tool: 'http.request', with: { url: `${base}/slow` } },
        { id: 'never', tool: 'http.request', with: { url: `${base}/hook`, method: 'POST' } },
      ],
    });
    const run = await queueRun(agent);
    const started = Date.now();
    const outcome = executor().execute(workspaceId, run.id);
    setTimeout(
      () => void orca.platform.store.inWorkspace(workspaceId, (scope) => requestCancel(scope, run.id)),
      150,
    );
    expect(await outcome).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(2500);
    const { run: finished, steps } = await read(run.id);
    expect(finished?.status).toBe('cancelled');
    expect(steps.map((step) => step.stepId)).toEqual(['slow']);

    const queued = await queueRun(agent);
    const cancelled = await orca.platform.store.inWorkspace(workspaceId, (scope) =>
      requestCancel(scope, queued.id),
    );
    expect(cancelled?.status).toBe('cancelled');
    expect(await executor().execute(workspaceId, queued.id)).toBe('not-runnable');
  });

  it('resumes after a worker dies mid-run, without repeating a finished side effect, and ignores the dead worker', async () => {
    const agent = await createAgent({
      name: 'Survivor',
      steps: [
        {
          id: 'post',
          tool: 'http.request',
          with: { url: `${base}/hook`, method: 'POST', json: { survivor: true } },
        },
        { id: 'think', tool: 'transform', with: { expression: '"thought"' } },
      ],
    });
    let release: () => void = () => undefined;
    const hanging: Tool = {
      name: 'transform',
      description: 'hangs until released, like a worker that froze',
      input: z.object({ expression: z.string() }),
      output: z.unknown(),
      sideEffect: false,
      run: () => new Promise((resolve) => (release = () => resolve({ value: 'zombie' }))),
    };
    const frozenTools = new Map(builtInTools());
    frozenTools.set('transform', hanging);
    const run = await queueRun(agent);
    const before = hookCalls.length;
    const first = executor(frozenTools).execute(workspaceId, run.id);
    await expect
      .poll(async () => (await read(run.id)).steps.find((step) => step.stepId === 'think')?.status)
      .toBe('running');

    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const calls = hookCalls.slice(before).filter((call) => (call.body as { survivor?: boolean })?.survivor);
    expect(calls).toHaveLength(1);
    const { run: finished } = await read(run.id);
    expect(finished).toMatchObject({ status: 'succeeded', output: { value: 'thought' } });

    release();
    expect(await first).toBe('lease-lost');
    expect((await read(run.id)).run?.output).toEqual({ value: 'thought' });
  });

  it('fails clearly when a template gives a tool bad input, or the tool is not in this Orca', async () => {
    const badInput = await createAgent({
      name: 'Bad Input',
      steps: [
        {
          id: 'fetch',
          tool: 'http.request',
          with: { url: '{{ input.missing }}' },
          retry: { attempts: 3, backoffMs: 10 },
        },
      ],
    });
    const run = await queueRun(badInput);
    expect(await executor().execute(workspaceId, run.id)).toBe('failed');
    const { run: failed, steps } = await read(run.id);
    expect(failed?.error).toMatchObject({
      code: 'invalid_input',
      stepId: 'fetch',
      message: expect.stringMatching(/with\.url/),
    });
    // Input that does not fit will not fit on a retry either: one attempt.
    expect(steps[0]?.attempts).toBe(1);

    const future = await createAgent({
      name: 'Future',
      steps: [{ id: 'remember', tool: 'memory.write', with: {} }],
    });
    const futureRun = await queueRun(future);
    const withoutMemory = new Map([...builtInTools()].filter(([name]) => name !== 'memory.write'));
    expect(await executor(withoutMemory).execute(workspaceId, futureRun.id)).toBe('failed');
    expect((await read(futureRun.id)).run?.error?.message).toMatch(/memory\.write is not available/);
  });
});
