// Steps with `repeat`, run by the executor against real parts: a JSON API on 127.0.0.1 that
// pages by cursor and by number, a report that is ready after a few checks, the real store
// (PGlite and PostgreSQL) and the scripted LLM server for token counts. Each iteration is
// checkpointed: a run whose worker is lost resumes at the next iteration, a retry repeats only
// the iteration that failed, and running out of iterations is never a silent success.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../src/llm/language-model.ts';
import { parseLlmSetting } from '../../src/llm/llm-setting.ts';
import { outboundPolicy } from '../../src/network/outbound-policy.ts';
import { RunExecutor } from '../../src/runtime/run-executor.ts';
import { runServices } from '../../src/runtime/run-services.ts';
import { builtInTools } from '../../src/runtime/tools/index.ts';
import {
  findRun,
  insertRun,
  listRunEvents,
  listRunSteps,
  requestCancel,
} from '../../src/store/run-repository.ts';
import { type ScriptedLlmServer, startScriptedLlmServer } from '../support/scripted-llm-server.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;
let llm: ScriptedLlmServer;
let server: Server;
let base: string;
/** Every request the API received, as `path?query`, in order. */
const received: string[] = [];
/** When each report id was checked. */
const reportChecks = new Map<string, number[]>();
/** Answers held back (a worker that froze mid-request), by `tag:cursor`, released by the test. */
const held = new Map<string, () => void>();

const catalog = Array.from({ length: 10 }, (_, index) => ({ name: `item ${index + 1}` }));

function json(response: ServerResponse, body: unknown, status = 200) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Three items a page; `next` is the address of the next page, null on the last. */
function cursorPage(url: URL, response: ServerResponse) {
  const after = Number(url.searchParams.get('after') ?? 0);
  const tag = url.searchParams.get('tag') ?? '';
  const seen = received.filter((entry) => entry === `${url.pathname}${url.search}`).length;
  if (url.searchParams.get('flaky') === String(after) && seen === 1)
    return json(response, { error: 'busy' }, 503);
  const answer = () => {
    const next = new URL(url);
    next.searchParams.set('after', String(after + 3));
    json(response, {
      items: catalog.slice(after, after + 3),
      next: after + 3 < catalog.length ? next.toString() : null,
    });
  };
  if (url.searchParams.get('hang') === String(after) && seen === 1) {
    held.set(`${tag}:${after}`, answer);
    return;
  }
  answer();
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base);
    received.push(`${url.pathname}${url.search}`);
    if (url.pathname === '/cursor') return cursorPage(url, response);
    if (url.pathname === '/numbered') {
      const page = Number(url.searchParams.get('page'));
      return json(response, { page, items: catalog.slice(0, 7).slice((page - 1) * 3, page * 3) });
    }
    if (url.pathname === '/report') {
      const id = url.searchParams.get('id') ?? '';
      const checks = [...(reportChecks.get(id) ?? []), Date.now()];
      reportChecks.set(id, checks);
      return json(
        response,
        checks.length < 3 ? { status: 'pending' } : { status: 'ready', download: `${base}/files/${id}.csv` },
      );
    }
    if (url.pathname === '/endless') {
      // Always more to come, a little slowly: a loop that only a cancel or its bound ends.
      return void setTimeout(() => json(response, { next: 'more' }), 30);
    }
    json(response, { error: 'not here' }, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  llm = await startScriptedLlmServer();
  orca = await startTestPlatform();
  owner = await orca.signUp('Pager');
  workspaceId = (await orca.createWorkspace(owner, 'Loop Lab')).id;
});
afterAll(async () => {
  await orca.close();
  await llm.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** `cancelPollMilliseconds`: how often a running step looks for a cancel (50 ms unless told). */
function executor(cancelPollMilliseconds = 50) {
  const model = createLanguageModel(parseLlmSetting(`openai-compatible:${llm.baseUrl}#scripted`));
  return new RunExecutor({
    store: orca.platform.store,
    tools: builtInTools(),
    network: outboundPolicy(['127.0.0.1']),
    services: (run) => ({ ...runServices(orca.platform.services, run), llm: model }),
    cancelPollMilliseconds,
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
    insertRun(scope, { agentId: agent.id, agentVersion: agent.version, input, trigger: 'manual' }),
  );
}

const read = (runId: string) =>
  orca.platform.store.inWorkspace(workspaceId, async (scope) => ({
    run: await findRun(scope, runId),
    steps: await listRunSteps(scope, runId),
    events: await listRunEvents(scope, runId),
  }));

/** The cursor-paginated fetch as a user writes it: follow `next` until there is none. */
const cursorSpec = (name: string, repeat: Record<string, unknown> = {}) => ({
  name,
  input: { type: 'object', properties: { url: { type: 'string' } } },
  steps: [
    {
      id: 'fetch',
      tool: 'http.request',
      with: { url: '{{ loop.previous ? loop.previous.body.next : input.url }}' },
      repeat: { until: 'loop.output.body.next = null', ...repeat },
      retry: { attempts: 2, backoffMs: 10 },
    },
  ],
  output: { names: '{{ steps.fetch.body.items.name }}', pages: '{{ $count(steps.fetch) }}' },
});

const requestsFor = (tag: string) =>
  received.filter((entry) => entry.includes(`tag=${tag}&`) || entry.endsWith(`tag=${tag}`));

describe('repeat', () => {
  it('follows next cursors to the last page, checkpointing each page, and a retry fetches only the page that failed', async () => {
    const agent = await createAgent(cursorSpec('Cursor Pager'));
    const run = await queueRun(agent, { url: `${base}/cursor?tag=cursor&flaky=6` });
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const { run: finished, steps } = await read(run.id);
    expect(finished?.output).toEqual({ names: catalog.map((item) => item.name), pages: 4 });
    expect(steps.map((step) => [step.stepId, step.status]).sort()).toEqual([
      ['fetch#0', 'succeeded'],
      ['fetch#1', 'succeeded'],
      ['fetch#2', 'succeeded'],
      ['fetch#3', 'succeeded'],
      ['fetch', 'succeeded'],
    ]);
    expect(steps.find((step) => step.stepId === 'fetch')?.attempts).toBe(2);
    // The third page answered 503 once: the retry asked for it again, not for the pages before.
    expect(
      requestsFor('cursor').map((entry) => new URL(entry, base).searchParams.get('after') ?? '0'),
    ).toEqual(['0', '3', '6', '6', '9']);
  });

  it('asks for page=N until a page comes back empty', async () => {
    const agent = await createAgent({
      name: 'Numbered Pager',
      steps: [
        {
          id: 'pages',
          tool: 'http.request',
          with: { url: `${base}/numbered`, query: { page: '{{ page.index + 1 }}' } },
          repeat: { until: '$count(page.output.body.items) = 0', as: 'page', maxIterations: 20 },
        },
      ],
      output: '{{ steps.pages.body.items.name }}',
    });
    // `as: page`: the condition reads the loop by that name.
    const invalid = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Wrong Name',
          steps: [
            {
              id: 'pages',
              tool: 'http.request',
              with: { url: `${base}/numbered` },
              repeat: { until: '$count(loop.output.body.items) = 0', as: 'page' },
            },
          ],
        },
      },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toMatch(/does not use page/);

    const run = await queueRun(agent);
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const { run: finished } = await read(run.id);
    expect(finished?.output).toEqual(catalog.slice(0, 7).map((item) => item.name));
    expect(received.filter((entry) => entry.startsWith('/numbered')).slice(-4)).toEqual([
      '/numbered?page=1',
      '/numbered?page=2',
      '/numbered?page=3',
      '/numbered?page=4',
    ]);
  });

  it('polls a report every intervalMs until it is ready', async () => {
    const agent = await createAgent({
      name: 'Report Poller',
      steps: [
        {
          id: 'check',
          tool: 'http.request',
          with: { url: `${base}/report`, query: { id: 'q3' } },
          repeat: { until: 'loop.output.body.status = "ready"', intervalMs: 150, maxIterations: 10 },
        },
      ],
      output: '{{ steps.check[-1].body.download }}',
    });
    const run = await queueRun(agent);
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    expect((await read(run.id)).run?.output).toBe(`${base}/files/q3.csv`);
    const checks = reportChecks.get('q3') ?? [];
    expect(checks).toHaveLength(3);
    for (const [index, at] of checks.entries()) {
      if (index > 0) expect(at - (checks[index - 1] ?? 0)).toBeGreaterThanOrEqual(140);
    }
  });

  it('fails loudly when maxIterations run out before until holds, and with onLimit warn goes on with a warning', async () => {
    const strict = await createAgent(cursorSpec('Short Pager', { maxIterations: 2 }));
    const run = await queueRun(strict, { url: `${base}/cursor?tag=strict` });
    expect(await executor().execute(workspaceId, run.id)).toBe('failed');
    const { run: failed, steps } = await read(run.id);
    expect(failed?.error).toMatchObject({
      code: 'repeat_limit',
      stepId: 'fetch',
      message: expect.stringMatching(
        /ran 2 times \(its repeat.maxIterations\) and its until condition "loop.output.body.next = null" never held; it gave false at the last one\. Raise repeat.maxIterations/,
      ),
    });
    // Not retried: more attempts would only run out again.
    expect(steps.find((step) => step.stepId === 'fetch')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(requestsFor('strict')).toHaveLength(2);

    const lenient = await createAgent(cursorSpec('Lenient Pager', { maxIterations: 2, onLimit: 'warn' }));
    const warned = await queueRun(lenient, { url: `${base}/cursor?tag=lenient` });
    expect(await executor().execute(workspaceId, warned.id)).toBe('succeeded');
    const { run: finished, events } = await read(warned.id);
    expect(finished?.output).toEqual({ names: catalog.slice(0, 6).map((item) => item.name), pages: 2 });
    const warnings = events.filter((event) => event.kind === 'log' && event.data.level === 'warn');
    expect(warnings).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          stepId: 'fetch',
          message: expect.stringMatching(
            /ran 2 times .* never held.*goes on with what it has \(onLimit warn\)/,
          ),
        }),
      }),
    ]);
  });

  it('resumes at the next iteration after its worker is lost, keeping the pages fetched before', async () => {
    const agent = await createAgent(cursorSpec('Survivor Pager'));
    const run = await queueRun(agent, { url: `${base}/cursor?tag=survivor&hang=9` });
    // The first worker freezes on the fourth page; a second one claims the run meanwhile.
    const first = executor().execute(workspaceId, run.id);
    await expect.poll(() => held.has('survivor:9')).toBe(true);
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const { run: finished, steps } = await read(run.id);
    expect(finished?.output).toEqual({ names: catalog.map((item) => item.name), pages: 4 });
    // Pages 1-3 were fetched once, by the first worker; the fourth twice (the frozen request, the resumed one).
    expect(
      requestsFor('survivor').map((entry) => new URL(entry, base).searchParams.get('after') ?? '0'),
    ).toEqual(['0', '3', '6', '9', '9']);
    expect(steps.filter((step) => step.stepId.startsWith('fetch#')).map((step) => step.attempts)).toEqual([
      1, 1, 1, 1,
    ]);
    held.get('survivor:9')?.();
    expect(await first).toBe('lease-lost');
  });

  it('stops between iterations and during a pause when the run is cancelled, keeping the iterations done', async () => {
    const endless = await createAgent({
      name: 'Endless',
      steps: [
        {
          id: 'poll',
          tool: 'http.request',
          with: { url: `${base}/endless?tag=busy` },
          repeat: { until: 'loop.output.body.next = null', maxIterations: 1000 },
        },
      ],
    });
    const run = await queueRun(endless);
    // The step never polls for the cancel here: the loop sees it as it checkpoints an iteration.
    const started = Date.now();
    const outcome = executor(600_000).execute(workspaceId, run.id);
    const iterationsDone = async () =>
      (await read(run.id)).steps.filter((step) => step.stepId.startsWith('poll#')).length;
    await expect.poll(iterationsDone, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await orca.platform.store.inWorkspace(workspaceId, (scope) => requestCancel(scope, run.id));
    expect(await outcome).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(10_000);
    const askedAtCancel = requestsFor('busy').length;
    const { run: cancelled, steps } = await read(run.id);
    expect(cancelled?.status).toBe('cancelled');
    const done = steps.filter((step) => step.stepId.startsWith('poll#'));
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect(done.every((step) => step.status === 'succeeded')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requestsFor('busy')).toHaveLength(askedAtCancel);

    const slow = await createAgent({
      name: 'Slow Poller',
      steps: [
        {
          id: 'check',
          tool: 'http.request',
          with: { url: `${base}/endless?tag=patient` },
          repeat: { until: 'loop.output.body.next = null', intervalMs: 600_000 },
        },
      ],
    });
    const waiting = await queueRun(slow);
    const pausedAt = Date.now();
    const pausing = executor().execute(workspaceId, waiting.id);
    await expect.poll(() => requestsFor('patient').length).toBe(1);
    await orca.platform.store.inWorkspace(workspaceId, (scope) => requestCancel(scope, waiting.id));
    expect(await pausing).toBe('cancelled');
    expect(Date.now() - pausedAt).toBeLessThan(5000);
  });

  it('counts the tokens of each iteration on the iteration, the step and the run', async () => {
    llm.reset();
    llm.reply({ text: 'A draft.', usage: { promptTokens: 40, completionTokens: 3 } });
    llm.reply({ text: 'A better draft. DONE', usage: { promptTokens: 60, completionTokens: 5 } });
    const agent = await createAgent({
      name: 'Redrafter',
      steps: [
        {
          id: 'draft',
          tool: 'llm.generate',
          with: {
            prompt:
              'Improve this thank-you note, and end with DONE when it is good: {{ loop.previous ? loop.previous.text : "Thanks." }}',
          },
          repeat: { until: '$contains(loop.output.text, "DONE")', maxIterations: 5 },
        },
      ],
      output: '{{ steps.draft[-1].text }}',
    });
    const run = await queueRun(agent);
    expect(await executor().execute(workspaceId, run.id)).toBe('succeeded');
    const { run: finished, steps } = await read(run.id);
    expect(finished?.output).toBe('A better draft. DONE');
    expect(finished?.usage).toEqual({ inputTokens: 100, outputTokens: 8 });
    expect(steps.find((step) => step.stepId === 'draft')?.usage).toEqual({
      inputTokens: 100,
      outputTokens: 8,
    });
    expect(steps.find((step) => step.stepId === 'draft#1')?.usage).toEqual({
      inputTokens: 60,
      outputTokens: 5,
    });
    // The second prompt carried the first draft.
    expect(JSON.stringify(llm.requests[1]?.body.messages)).toContain('A draft.');
  });
});
