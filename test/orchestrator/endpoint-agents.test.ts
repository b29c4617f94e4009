// The API, feed and uptime agents the built-in planner builds, run by the real executor against
// a real HTTP server on 127.0.0.1: their specs must do what the plan's reply says they do.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundPolicy } from '../../src/network/outbound-policy.ts';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import { apiSpec, feedSpec, uptimeSpec } from '../../src/orchestrator/builtin/endpoint-templates.ts';
import { RunExecutor } from '../../src/runtime/run-executor.ts';
import { runServices } from '../../src/runtime/run-services.ts';
import { builtInTools } from '../../src/runtime/tools/index.ts';
import { findRun, insertRun } from '../../src/store/run-repository.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;
let server: Server;
let base: string;
const hookCalls: unknown[] = [];
let orders = [{ id: 1, total: 30 }];
let feedItems = ['first'];
let healthStatus = 200;

const rss = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Blog</title>
${feedItems.map((item) => `<item><title>Post ${item}</title><link>https://blog.example.com/${item}</link><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[<p>About ${item}</p>]]></description></item>`).join('\n')}
</channel></rss>`;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://x');
      if (url.pathname === '/api/v1/orders')
        return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(orders));
      if (url.pathname === '/feed')
        return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss());
      if (url.pathname === '/health') return response.writeHead(healthStatus).end('status');
      if (url.pathname === '/news')
        return response
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<html><head><title>Tech News</title></head><body><h1>Today in tech</h1><article><h2>Chips get faster</h2><p>Body.</p></article><article><h2>Browsers ship a new engine</h2></article></body></html>',
          );
      if (url.pathname === '/hook') {
        hookCalls.push(JSON.parse(body || 'null'));
        return response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      }
      response.writeHead(404).end('not here');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  orca = await startTestPlatform();
  owner = await orca.signUp('Endpoints');
  workspaceId = (await orca.createWorkspace(owner, 'Endpoint Lab')).id;
});
afterAll(async () => {
  await orca.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const executor = () =>
  new RunExecutor({
    store: orca.platform.store,
    tools: builtInTools(),
    network: outboundPolicy(['127.0.0.1']),
    services: (run) => runServices(orca.platform.services, run),
    cancelPollMilliseconds: 50,
  });

async function createAgent(spec: object) {
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: { spec },
  });
  if (response.status !== 201) throw new Error(`agent: ${response.text}`);
  return response.body as { id: string; version: number };
}

/** Runs the agent once and gives its output. */
async function runOnce(agent: { id: string; version: number }) {
  const run = await orca.platform.store.inWorkspace(workspaceId, (scope) =>
    insertRun(scope, {
      agentId: agent.id,
      agentVersion: agent.version,
      input: {},
      trigger: 'manual',
      createdBy: owner.id,
    }),
  );
  const status = await executor().execute(workspaceId, run.id);
  const finished = await orca.platform.store.inWorkspace(workspaceId, (scope) => findRun(scope, run.id));
  return { status, output: finished?.output as Record<string, unknown> };
}

describe('endpoint agents', () => {
  it('reads a JSON API whole and tells only when its answer changed', async () => {
    const agent = await createAgent(
      apiSpec({
        name: 'Orders API',
        url: `${base}/api/v1/orders`,
        goal: 'orders',
        notify: { webhook: `${base}/hook` },
        report: 'on change',
      }),
    );
    hookCalls.length = 0;
    expect(await runOnce(agent)).toMatchObject({
      status: 'succeeded',
      output: { data: orders, changed: false },
    });
    expect(await runOnce(agent)).toMatchObject({ output: { changed: false } });
    expect(hookCalls).toEqual([]);
    orders = [...orders, { id: 2, total: 12 }];
    expect(await runOnce(agent)).toMatchObject({ output: { data: orders, changed: true } });
    expect(hookCalls).toEqual([expect.objectContaining({ changed: true, data: orders })]);
  });

  it('reads the items of an RSS feed, their links included, and reports only new ones', async () => {
    const agent = await createAgent(
      feedSpec({
        name: 'Blog Feed',
        url: `${base}/feed`,
        goal: 'posts',
        notify: { webhook: `${base}/hook` },
      }),
    );
    hookCalls.length = 0;
    feedItems = ['first'];
    const first = await runOnce(agent);
    expect(first.status).toBe('succeeded');
    expect(first.output.items).toEqual([
      expect.objectContaining({
        title: 'Post first',
        link: 'https://blog.example.com/first',
        summary: expect.stringContaining('About first'),
      }),
    ]);
    expect(hookCalls).toHaveLength(1);
    expect(await runOnce(agent)).toMatchObject({ output: { fresh: [] } });
    expect(hookCalls).toHaveLength(1);
    feedItems = ['second', 'first'];
    const third = await runOnce(agent);
    expect((third.output.fresh as { title: string }[]).map((item) => item.title)).toEqual(['Post second']);
    expect(hookCalls).toHaveLength(2);
  });

  it('summarises a page without a model as its title and headlines, and posts them', async () => {
    const answer = await new BuiltInPlanner().plan({
      text: `summarise ${base}/news every morning at 7 and post it to ${base}/hook`,
      snapshot: fixtureSnapshot(),
      now: corpusNow,
    });
    const operations = answer.plan?.operations ?? [];
    expect(operations.map((operation) => operation.type)).toEqual([
      'createAgent',
      'runAgent',
      'scheduleAgent',
    ]);
    expect(answer.reply).toMatch(/No language model is configured.*title and headlines/);
    const created = operations[0];
    if (created?.type !== 'createAgent') throw new Error('no agent planned');
    hookCalls.length = 0;
    const run = await runOnce(await createAgent(created.spec));
    expect(run.status).toBe('succeeded');
    const headlines = '- Today in tech\n- Chips get faster\n- Browsers ship a new engine';
    expect(run.output).toBe(`Tech News\n\n${headlines}`);
    expect(hookCalls).toEqual([expect.objectContaining({ summary: `Tech News\n\n${headlines}` })]);
  });

  it('summarises a page with the model configured through llm.generate', async () => {
    const answer = await new BuiltInPlanner().plan({
      text: `give me a daily summary of ${base}/news`,
      snapshot: fixtureSnapshot(),
      now: corpusNow,
      languageModel: 'scripted',
    });
    const created = answer.plan?.operations[0];
    if (created?.type !== 'createAgent') throw new Error('no agent planned');
    const steps = (created.spec as { steps: { tool: string; with: { prompt?: string } }[] }).steps;
    expect(steps.map((step) => step.tool)).toEqual(['http.request', 'html.extract', 'llm.generate']);
    expect(steps[2]?.with.prompt).toContain('{{ $substring($string(steps.page.fields.text), 0, 20000) }}');
  });

  it('checks an address is up, and tells when it answers an error or not at all', async () => {
    const up = await createAgent(
      uptimeSpec({ name: 'Health', url: `${base}/health`, goal: 'up', notify: { webhook: `${base}/hook` } }),
    );
    hookCalls.length = 0;
    healthStatus = 200;
    expect(await runOnce(up)).toMatchObject({ status: 'succeeded', output: { up: true, status: 200 } });
    expect(hookCalls).toEqual([]);
    healthStatus = 503;
    expect(await runOnce(up)).toMatchObject({ status: 'succeeded', output: { up: false, status: 503 } });
    expect(hookCalls).toEqual([expect.objectContaining({ up: false, status: 503 })]);
    // Nothing listens on port 9 of 127.0.0.1: no answer at all is down too.
    const gone = await createAgent(
      uptimeSpec({
        name: 'Gone',
        url: 'http://127.0.0.1:9/',
        goal: 'up',
        notify: { webhook: `${base}/hook` },
      }),
    );
    expect(await runOnce(gone)).toMatchObject({ status: 'succeeded', output: { up: false } });
    expect(hookCalls).toHaveLength(2);
  });
});
