// Runs through the API, the queue (pg-boss on PGlite and PostgreSQL) and the workers of the
// platform, against a real HTTP server on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForRunStatus } from '../support/run-waits.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;
let server: Server;
let base: string;
let failNext = 0;
const received: unknown[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path === '/page')
        return response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<h1>Prices</h1><p class="price">42</p>');
      if (path === '/collect') {
        if (failNext > 0) {
          failNext--;
          return response.writeHead(500).end('down');
        }
        received.push(JSON.parse(body || 'null'));
        return response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }
      if (path === '/slow') return void setTimeout(() => response.end('late'), 5000);
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  orca = await startTestPlatform({ configOverrides: { allowNetwork: '127.0.0.1' } });
  owner = await orca.signUp('Run Owner');
  workspaceId = (await orca.createWorkspace(owner, 'Runs Inc')).id;
});
afterAll(async () => {
  await orca.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function createAgent(spec: Record<string, unknown>) {
  const response = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: { spec },
  });
  if (response.status !== 201) throw new Error(response.text);
  return response.body as { id: string };
}

const priceWatcher = () => ({
  name: `Price Watcher ${Math.random().toString(36).slice(2, 7)}`,
  input: { type: 'object', properties: { url: { type: 'string', format: 'uri' } }, required: ['url'] },
  steps: [
    { id: 'fetch', tool: 'http.request', with: { url: '{{ input.url }}' } },
    {
      id: 'extract',
      tool: 'html.extract',
      with: { html: '{{ steps.fetch.body }}', fields: { price: '.price' } },
    },
    {
      id: 'report',
      tool: 'http.request',
      with: {
        url: `${base}/collect`,
        method: 'POST',
        json: { price: '{{ $number(steps.extract.fields.price) }}' },
      },
    },
  ],
  output: { price: '{{ $number(steps.extract.fields.price) }}' },
});

function waitForRun(runId: string, statuses?: string[]) {
  return waitForRunStatus(orca, { workspace: workspaceId, runId, token: owner.token, statuses });
}

describe('runs', () => {
  it('starts a run from the API, a worker executes it, and the run reads back with its steps', async () => {
    const agent = await createAgent(priceWatcher());
    const started = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agent.id}/runs`, {
      token: owner.token,
      body: { input: { url: `${base}/page` } },
    });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ id: expect.any(String), status: 'queued' });
    const run = await waitForRun(started.body.id);
    expect(run).toMatchObject({
      status: 'succeeded',
      output: { price: 42 },
      trigger: 'manual',
      agentVersion: 1,
    });
    expect(
      (run.steps as { id: string; status: string; durationMs: number }[]).map((step) => [
        step.id,
        step.status,
      ]),
    ).toEqual([
      ['fetch', 'succeeded'],
      ['extract', 'succeeded'],
      ['report', 'succeeded'],
    ]);
    expect(received.at(-1)).toEqual({ price: 42 });

    const list = await orca.request(
      'GET',
      `/api/workspaces/${workspaceId}/runs?agent=${agent.id}&status=succeeded`,
      {
        token: owner.token,
      },
    );
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([started.body.id]);
  });

  it('streams a run’s progress as server-sent events until it ends', async () => {
    const agent = await createAgent(priceWatcher());
    const started = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agent.id}/runs`, {
      token: owner.token,
      body: { input: { url: `${base}/page` } },
    });
    const stream = await orca.request(
      'GET',
      `/api/workspaces/${workspaceId}/runs/${started.body.id}/events`,
      {
        token: owner.token,
      },
    );
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = stream.text
      .split('\n\n')
      .filter((block) => block.includes('data:'))
      .map((block) => ({
        event: /event: (\S+)/.exec(block)?.[1],
        data: JSON.parse(/data: (.*)/.exec(block)?.[1] ?? '{}'),
      }));
    expect(events.at(-1)).toEqual({ event: 'end', data: { status: 'succeeded' } });
    const steps = events
      .filter((event) => event.event === 'step')
      .map((event) => `${event.data.stepId}:${event.data.status}`);
    expect(steps).toEqual([
      'fetch:running',
      'fetch:succeeded',
      'extract:running',
      'extract:succeeded',
      'report:running',
      'report:succeeded',
    ]);
    const resumed = await orca.request(
      'GET',
      `/api/workspaces/${workspaceId}/runs/${started.body.id}/events?after=${/id: (\d+)/.exec(stream.text)?.[1]}`,
      { token: owner.token },
    );
    expect(resumed.text.split('event: status').length).toBeLessThan(
      stream.text.split('event: status').length,
    );
  });

  it('streams the events of every run of the workspace live, from the moment of connecting', async () => {
    const agent = await createAgent(priceWatcher());
    const response = await orca.platform.app.request(`/api/workspaces/${workspaceId}/events`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const started = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agent.id}/runs`, {
      token: owner.token,
      body: { input: { url: `${base}/page` } },
    });
    const decoder = new TextDecoder();
    let text = '';
    const finishedLine = new RegExp(
      `"runId":"${started.body.id}","id":\\d+,"kind":"status"[^\n]*"status":"succeeded"`,
    );
    while (!finishedLine.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    expect(text).toMatch(finishedLine);
    const runIds = new Set([...text.matchAll(/"runId":"([^"]+)"/g)].map((match) => match[1]));
    // Only news: the runs of earlier tests are not replayed.
    expect([...runIds]).toEqual([started.body.id]);
  });

  it('refuses input that does not match the schema, and runs of a paused agent', async () => {
    const agent = await createAgent(priceWatcher());
    const path = `/api/workspaces/${workspaceId}/agents/${agent.id}/runs`;
    const missing = await orca.request('POST', path, { token: owner.token, body: { input: {} } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toMatch(/missing the required field url/);
    const wrongType = await orca.request('POST', path, { token: owner.token, body: { input: { url: 42 } } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error.details[0].path).toBe('input.url');
    await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agent.id}/pause`, {
      token: owner.token,
    });
    const paused = await orca.request('POST', path, {
      token: owner.token,
      body: { input: { url: `${base}/page` } },
    });
    expect(paused.status).toBe(409);
    expect(paused.body.error.message).toMatch(/paused/);
    const runs = await orca.request('GET', `/api/workspaces/${workspaceId}/runs?agent=${agent.id}`, {
      token: owner.token,
    });
    expect(runs.body.items).toEqual([]);
  });

  it('retries a failed run from the failing step, keeping the outputs before it', async () => {
    const agent = await createAgent(priceWatcher());
    failNext = 1;
    const started = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agent.id}/runs`, {
      token: owner.token,
      body: { input: { url: `${base}/page` } },
    });
    const failed = await waitForRun(started.body.id);
    expect(failed).toMatchObject({ status: 'failed', error: { stepId: 'report', code: 'http_status' } });
    const firstFetch = (failed.steps as { id: string; finishedAt: string }[]).find(
      (step) => step.id === 'fetch',
    );

    const unknownStep = await orca.request(
      'POST',
      `/api/workspaces/${workspaceId}/runs/${started.body.id}/retry`,
      {
        token: owner.token,
        body: { fromStep: 'nope' },
      },
    );
    expect(unknownStep.status).toBe(422);
    expect(unknownStep.body.error.message).toMatch(/Steps: fetch, extract, report/);

    const retried = await orca.request(
      'POST',
      `/api/workspaces/${workspaceId}/runs/${started.body.id}/retry`,
      {
        token: owner.token,
        body: { fromStep: 'report' },
      },
    );
    expect(retried.status).toBe(202);
    const succeeded = await waitForRun(started.body.id);
    expect(succeeded.status).toBe('succeeded');
    const fetchAfter = (succeeded.steps as { id: string; finishedAt: string }[]).find(
      (step) => step.id === 'fetch',
    );
    expect(fetchAfter?.finishedAt).toBe(firstFetch?.finishedAt);
    const again = await orca.request('POST', `/api/workspaces/${workspaceId}/runs/${started.body.id}/retry`, {
      token: owner.token,
    });
    expect(again.status).toBe(409);
  });

  it('cancels a running run', async () => {
    const agent = await createAgent({
      name: 'Sleeper',
      steps: [{ id: 'slow', tool: 'http.request', with: { url: `${base}/slow` } }],
    });
    const started = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agent.id}/runs`, {
      token: owner.token,
      body: {},
    });
    await waitForRun(started.body.id, ['running']);
    const cancel = await orca.request(
      'POST',
      `/api/workspaces/${workspaceId}/runs/${started.body.id}/cancel`,
      { token: owner.token },
    );
    expect(cancel.status).toBe(202);
    expect(cancel.body.cancelRequested).toBe(true);
    const run = await waitForRun(started.body.id);
    expect(run.status).toBe('cancelled');
    const twice = await orca.request(
      'POST',
      `/api/workspaces/${workspaceId}/runs/${started.body.id}/cancel`,
      { token: owner.token },
    );
    expect(twice.status).toBe(409);
  });

  it('keeps runs inside their workspace', async () => {
    const agent = await createAgent(priceWatcher());
    const started = await orca.request('POST', `/api/workspaces/${workspaceId}/agents/${agent.id}/runs`, {
      token: owner.token,
      body: { input: { url: `${base}/page` } },
    });
    const stranger = await orca.signUp();
    const elsewhere = await orca.createWorkspace(stranger, 'Elsewhere Runs');
    for (const [method, path] of [
      ['GET', `/api/workspaces/${elsewhere.id}/runs/${started.body.id}`],
      ['GET', `/api/workspaces/${elsewhere.id}/runs/${started.body.id}/events`],
      ['POST', `/api/workspaces/${elsewhere.id}/runs/${started.body.id}/cancel`],
      ['POST', `/api/workspaces/${elsewhere.id}/agents/${agent.id}/runs`],
      ['GET', `/api/workspaces/${workspaceId}/runs/${started.body.id}`],
    ] as const) {
      const response = await orca.request(method, path, {
        token: stranger.token,
        body: method === 'POST' ? {} : undefined,
      });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const list = await orca.request('GET', `/api/workspaces/${elsewhere.id}/runs`, { token: stranger.token });
    expect(list.body.items).toEqual([]);
    await waitForRun(started.body.id);
  });
});
