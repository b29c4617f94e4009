// The scenario agents are for, end to end through the API with workers in the platform: an agent
// fetches a real page, extracts records, writes them to the shared context and to a CSV
// deliverable, and calls a webhook signed with the workspace's secret; a second agent then finds
// those records in the context. Progress is followed live on the workspace's event stream.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/runtime/tools/notify-webhook.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let ws: string;
let server: Server;
let base: string;
const deliveries: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

const teamPage = `<html><body><h1>Our team</h1><table>
  <tr class="person"><td class="name">Ada Lovelace</td><td class="role">Analytical engineer</td><td><a href="/people/ada">profile</a></td></tr>
  <tr class="person"><td class="name">Grace Hopper</td><td class="role">Compiler engineer</td><td><a href="/people/grace">profile</a></td></tr>
  <tr class="person"><td class="name">Joan Clarke</td><td class="role">Cryptanalyst</td><td><a href="/people/joan">profile</a></td></tr>
</table></body></html>`;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.url === '/team')
        return response.writeHead(200, { 'content-type': 'text/html' }).end(teamPage);
      if (request.url === '/hook') {
        deliveries.push({ headers: request.headers, body });
        return response.writeHead(204).end();
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  orca = await startTestPlatform({ configOverrides: { allowNetwork: '127.0.0.1' } });
  owner = await orca.signUp('Scenario Owner');
  ws = (await orca.createWorkspace(owner, 'Scenario')).id;
});
afterAll(async () => {
  await orca.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const collector = () => ({
  name: 'Team Collector',
  goal: 'Collect the people listed on a team page',
  input: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
  steps: [
    { id: 'fetch', tool: 'http.request', with: { url: '{{ input.url }}' } },
    {
      id: 'extract',
      tool: 'html.extract',
      with: {
        html: '{{ steps.fetch.body }}',
        baseUrl: '{{ input.url }}',
        required: true,
        records: {
          selector: '.person',
          fields: { name: '.name', role: '.role', profile: { selector: 'a', attribute: 'href' } },
        },
      },
    },
    {
      id: 'remember',
      tool: 'memory.write',
      forEach: { items: 'steps.extract.records', as: 'person', concurrency: 2 },
      with: { key: 'people/{{ person.name }}', value: '{{ person }}', tags: ['person'] },
    },
    { id: 'save', tool: 'files.save', with: { name: 'team.csv', content: '{{ steps.extract.records }}' } },
    {
      id: 'notify',
      tool: 'notify.webhook',
      with: {
        url: `${base}/hook`,
        event: 'team.collected',
        payload: { count: '{{ steps.extract.count }}', file: '{{ steps.save.path }}' },
      },
    },
  ],
  output: { count: '{{ steps.extract.count }}', file: '{{ steps.save.id }}' },
});

const reader = () => ({
  name: 'Engineer Finder',
  input: { type: 'object', properties: { role: { type: 'string' } }, required: ['role'] },
  steps: [{ id: 'find', tool: 'memory.search', with: { query: '{{ input.role }}', tags: ['person'] } }],
  output: '{{ [steps.find.items.value.name] }}',
});

/** Reads the workspace's event stream until `done` says enough. */
async function follow(stream: ReadableStreamDefaultReader<Uint8Array>, done: (text: string) => boolean) {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 20_000;
  while (!done(text) && Date.now() < deadline) {
    const { value, done: ended } = await stream.read();
    if (ended) break;
    text += decoder.decode(value);
  }
  return text;
}

function eventsOf(text: string, runId: string) {
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)))
    .filter((event) => event.runId === runId);
}

describe('the agent scenario', () => {
  it('collects records into context, a deliverable and a signed webhook; a second agent finds them', async () => {
    const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: { spec: collector() },
    });
    expect(created.status).toBe(201);
    const live = await orca.platform.app.request(`/api/workspaces/${ws}/events`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    const stream = (live.body as ReadableStream<Uint8Array>).getReader();

    const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${created.body.id}/runs`, {
      token: owner.token,
      body: { input: { url: `${base}/team` } },
    });
    expect(started.status).toBe(202);
    const runId = started.body.id as string;
    const text = await follow(stream, (seen) =>
      new RegExp(`"runId":"${runId}"[^\\n]*"kind":"status"[^\\n]*"status":"(succeeded|failed)"`).test(seen),
    );
    await stream.cancel();

    // Live: every step was seen starting and finishing, in the spec's order, then the run's end.
    const events = eventsOf(text, runId);
    const finishedSteps = events
      .filter((event) => event.kind === 'step' && event.status === 'succeeded')
      .map((event) => event.stepId);
    expect(finishedSteps).toEqual(['fetch', 'extract', 'remember', 'save', 'notify']);
    expect(events.at(-1)).toMatchObject({ kind: 'status', status: 'succeeded' });

    const run = await orca.request('GET', `/api/workspaces/${ws}/runs/${runId}`, { token: owner.token });
    expect(run.body.status).toBe('succeeded');
    expect(run.body.output.count).toBe(3);
    const remember = run.body.steps.find((step: { id: string }) => step.id === 'remember');
    expect(
      remember.items.map((item: { index: number; status: string }) => [item.index, item.status]),
    ).toEqual([
      [0, 'succeeded'],
      [1, 'succeeded'],
      [2, 'succeeded'],
    ]);

    // The shared context holds one entry per person, written by this run.
    const context = await orca.request('GET', `/api/workspaces/${ws}/context?prefix=people/`, {
      token: owner.token,
    });
    expect(context.body.items.map((entry: { key: string }) => entry.key).sort()).toEqual([
      'people/Ada Lovelace',
      'people/Grace Hopper',
      'people/Joan Clarke',
    ]);
    expect(context.body.items[0].sourceRunId).toBe(runId);
    expect(
      context.body.items.find((entry: { key: string }) => entry.key === 'people/Ada Lovelace').value,
    ).toEqual({
      name: 'Ada Lovelace',
      role: 'Analytical engineer',
      profile: `${base}/people/ada`,
    });

    // The deliverable is a CSV of the records.
    const files = await orca.request('GET', `/api/workspaces/${ws}/deliverables?run=${runId}`, {
      token: owner.token,
    });
    expect(files.body.items).toHaveLength(1);
    const csv = await orca.request('GET', files.body.items[0].contentPath, { token: owner.token });
    expect(csv.text.split('\r\n')[0]).toBe('name,role,profile');
    expect(csv.text).toContain(`Grace Hopper,Compiler engineer,${base}/people/grace`);

    // The webhook arrived once, signed with the workspace's secret, carrying the idempotency key.
    expect(deliveries).toHaveLength(1);
    const delivery = deliveries[0];
    const secret = await orca.request('GET', `/api/workspaces/${ws}/webhook-signing-secret`, {
      token: owner.token,
    });
    expect(
      verifyWebhookSignature({
        header: String(delivery?.headers['orca-signature']),
        body: delivery?.body ?? '',
        secret: secret.body.secret,
      }),
    ).toBe(true);
    expect(
      verifyWebhookSignature({
        header: String(delivery?.headers['orca-signature']),
        body: delivery?.body ?? '',
        secret: 'whsec_wrong',
      }),
    ).toBe(false);
    expect(delivery?.headers['idempotency-key']).toBe(`${runId}:notify`);
    expect(JSON.parse(delivery?.body ?? '{}')).toEqual({ count: 3, file: files.body.items[0].contentPath });

    // A second agent finds the engineers in the shared context.
    const finder = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: { spec: reader() },
    });
    const search = await orca.request('POST', `/api/workspaces/${ws}/agents/${finder.body.id}/runs`, {
      token: owner.token,
      body: { input: { role: 'engineers' } },
    });
    let found: { status: string; output: string[] } = { status: 'queued', output: [] };
    for (let tries = 0; tries < 200 && !['succeeded', 'failed'].includes(found.status); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      found = (
        await orca.request('GET', `/api/workspaces/${ws}/runs/${search.body.id}`, { token: owner.token })
      ).body;
    }
    expect(found.status).toBe('succeeded');
    expect([...found.output].sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });
});
