// `orca runs watch` when the event stream drops mid-run: a loopback proxy between the command and
// a real Orca cuts the stream (a reset in the middle of an event, or a clean end without `end`),
// and the command must reconnect with Last-Event-ID, show every event of the run exactly once and
// exit with the run's outcome. The run's middle step waits on a gate the test opens only once the
// command has reconnected, so the cuts fall while the run is still going.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/platform.ts';
import { type CuttingProxy, type StreamCut, startCuttingProxy } from '../support/cutting-proxy.ts';
import { openEventStream } from '../support/event-stream-reader.ts';
import { runOrca } from '../support/orca-command.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let api: RunningServer;
let target: Server;
let targetUrl: string;
let user: TestUser;
let workspace: { id: string; slug: string };
const proxies: CuttingProxy[] = [];
/** Held requests of the gated step, answered when the test opens the gate. */
const held: (() => void)[] = [];

beforeAll(async () => {
  target = createServer((request, response) => {
    const answer = () => response.writeHead(request.url === '/broken' ? 500 : 200).end('done');
    if (request.url === '/gate') held.push(answer);
    else answer();
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  orca = await startTestPlatform({
    configOverrides: { port: '0', allowNetwork: '127.0.0.1', streamHeartbeatMs: '1000' },
  });
  api = await listen(orca.platform);
  user = await orca.signUp();
  workspace = await orca.createWorkspace(user, 'Reconnecting');
});
afterAll(async () => {
  for (const answer of held.splice(0)) answer();
  for (const proxy of proxies) await proxy.close();
  await api.close();
  await orca.close();
  target.closeAllConnections();
  await new Promise<void>((resolve) => target.close(() => resolve()));
});

interface Printed {
  event: string;
  id: string | null;
  data: Record<string, unknown>;
}

let agents = 0;

/** A run of three steps whose second waits at the gate; the third calls `lastPath`. */
async function startGatedRun(lastPath: string): Promise<string> {
  const agent = await orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
    token: user.token,
    body: {
      spec: {
        name: `Gated ${++agents}`,
        steps: [
          { id: 'before', tool: 'http.request', with: { url: `${targetUrl}/ok` } },
          { id: 'gated', tool: 'http.request', with: { url: `${targetUrl}/gate` } },
          { id: 'after', tool: 'http.request', with: { url: `${targetUrl}${lastPath}` } },
        ],
      },
    },
  });
  expect(agent.status, agent.text).toBe(201);
  const run = await orca.request('POST', `/api/workspaces/${workspace.id}/agents/${agent.body.id}/runs`, {
    token: user.token,
    body: { input: {} },
  });
  expect(run.status, run.text).toBe(202);
  return run.body.id;
}

/** Watches the run through a proxy making `cuts`; opens the gate once every cut stream was replaced. */
async function watchThroughCuts(runId: string, cuts: StreamCut[], extra: string[] = []) {
  const proxy = await startCuttingProxy(api.url, cuts);
  proxies.push(proxy);
  const watching = runOrca(
    [
      'runs',
      'watch',
      runId,
      '--json',
      '--url',
      proxy.url,
      '--token',
      user.token,
      '-w',
      workspace.slug,
      ...extra,
    ],
    { timeoutMs: 60_000 },
  );
  // Bounded by the command's own limit: when it ends without reconnecting, the gate opens anyway.
  const settled = watching.then(() => undefined);
  await Promise.race([proxy.streamsOpened(cuts.length + 1), settled]);
  for (const answer of held.splice(0)) answer();
  const result = await watching;
  expect(result.timedOut, `orca runs watch hung; stderr: ${result.stderr}`).toBe(false);
  const printed = result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Printed);
  return { result, printed, streams: proxy.streams };
}

/** The run's events as Orca keeps them, read directly (the run has finished, so the stream ends). */
async function storedEvents(runId: string) {
  const stream = await openEventStream(
    orca,
    `/api/workspaces/${workspace.id}/runs/${runId}/events`,
    user.token,
  );
  await stream.toEnd(10_000);
  return stream.events.filter((event) => event.event !== 'end');
}

describe('orca runs watch when the stream drops', () => {
  it('resumes after a reset mid-event and a clean early end, shows each event once, and exits 1 for a failed run', async () => {
    const runId = await startGatedRun('/broken');
    const { result, printed, streams } = await watchThroughCuts(runId, [
      { afterEvents: 2, how: 'reset' },
      { afterEvents: 1, how: 'end' },
    ]);

    expect(result.code, result.stderr).toBe(1);
    const stored = await storedEvents(runId);
    const shown = printed.filter((line) => line.event !== 'end');
    // Every event, in order, none twice, none skipped.
    expect(shown.map((line) => line.id)).toEqual(stored.map((event) => event.id));
    expect(shown.map((line) => line.data)).toEqual(stored.map((event) => event.data));
    expect(printed.at(-1)).toEqual({ event: 'end', data: { status: 'failed' } });

    // Each reconnection asked to resume after the last complete event it had shown.
    expect(streams).toHaveLength(3);
    expect(streams[0]?.lastEventId).toBeUndefined();
    expect(streams[1]?.lastEventId).toBe(stored[1]?.id);
    expect(streams[2]?.lastEventId).toBe(stored[2]?.id);
    expect(result.stderr).toMatch(new RegExp(`event stream dropped .*after event ${stored[1]?.id}`));
    expect(result.stderr).toMatch(/the stream ended before the run did/);
  });

  it('goes on through a 503 while reconnecting, and exits 0 for a run that succeeds', async () => {
    const runId = await startGatedRun('/ok');
    const { result, printed, streams } = await watchThroughCuts(runId, [
      { afterEvents: 1, how: 'reset' },
      { how: 'unavailable' },
    ]);

    expect(result.code, result.stderr).toBe(0);
    const stored = await storedEvents(runId);
    expect(printed.filter((line) => line.event !== 'end').map((line) => line.id)).toEqual(
      stored.map((event) => event.id),
    );
    expect(printed.at(-1)).toEqual({ event: 'end', data: { status: 'succeeded' } });
    expect(streams.map((stream) => stream.lastEventId)).toEqual([undefined, stored[0]?.id, stored[0]?.id]);
    expect(result.stderr).toMatch(/event stream dropped \(Orca answered 503\)/);
  });

  it('replaces a connection that falls silent without closing', async () => {
    const runId = await startGatedRun('/ok');
    // Orca sends a heartbeat every second here (streamHeartbeatMs), so only the stalled
    // connection is ever silent for the three seconds allowed.
    const { result, printed, streams } = await watchThroughCuts(
      runId,
      [{ afterEvents: 2, how: 'stall' }],
      ['--idle-timeout', '3'],
    );

    expect(result.code, result.stderr).toBe(0);
    const stored = await storedEvents(runId);
    expect(printed.filter((line) => line.event !== 'end').map((line) => line.id)).toEqual(
      stored.map((event) => event.id),
    );
    expect(streams[1]?.lastEventId).toBe(stored[1]?.id);
    expect(result.stderr).toMatch(/event stream dropped \(nothing arrived for 3 s\)/);
  });

  it('takes a first answer of 503 as it is: Orca is not there to follow', async () => {
    const runId = await startGatedRun('/ok');
    const proxy = await startCuttingProxy(api.url, [{ how: 'unavailable' }]);
    proxies.push(proxy);
    const result = await runOrca(
      ['runs', 'watch', runId, '--url', proxy.url, '--token', user.token, '-w', workspace.slug],
      { timeoutMs: 60_000 },
    );
    for (const answer of held.splice(0)) answer();
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('Orca answered 503');
    expect(proxy.streams).toHaveLength(1);
  });
});
