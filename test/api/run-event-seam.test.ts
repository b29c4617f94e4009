// Issue 17: live events without polling. Streams and waits for a run's end wake on the run-event
// seam (pg_notify at commit; LISTEN on PostgreSQL, PGlite's listen embedded), not on a timer: the
// safety re-check here is a minute away, so only a notice can wake them within the bounded waits.
// Streams start with `retry:`, send heartbeat comments, and a finished run's stream ends with an
// `end` event that carries an id, from which a reconnecting EventSource resumes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createPlatform, type Platform } from '../../src/platform.ts';
import { openDatabase } from '../../src/store/database.ts';
import { appendRunEvent, finishRun, insertRun } from '../../src/store/run-repository.ts';
import type { Store } from '../../src/store/store.ts';
import { type EventStreamReader, openEventStream } from '../support/event-stream-reader.ts';
import { waitForRunStatus } from '../support/run-waits.ts';
import { testDatabaseKind } from '../support/test-databases.ts';
import {
  startTestPlatform,
  type TestPlatform,
  type TestUser,
  testSecretKey,
} from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspaceId: string;
let agentId: string;

// A notice, not the timer, must wake every stream and wait below.
const safetyRecheckMs = '60000';
const promptly = 10_000;

beforeAll(async () => {
  orca = await startTestPlatform({
    configOverrides: { streamRecheckMs: safetyRecheckMs, streamHeartbeatMs: '1000', streamRetryMs: '2500' },
  });
  owner = await orca.signUp('Seam Owner');
  workspaceId = (await orca.createWorkspace(owner, 'Seam')).id;
  const agent = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: {
      spec: { name: 'Quiet', steps: [{ id: 'think', tool: 'transform', with: { expression: '"x"' } }] },
    },
  });
  if (agent.status !== 201) throw new Error(agent.text);
  agentId = agent.body.id;
});

afterAll(() => orca.close());

/** A run that no worker executes (it is never queued): the test writes its events. */
async function quietRun(store: Store = orca.platform.store) {
  const run = await store.inWorkspace(workspaceId, (scope) =>
    insertRun(scope, { agentId, agentVersion: 1, input: {}, trigger: 'manual' }),
  );
  return run.id;
}

function addLog(runId: string, message: string, store: Store = orca.platform.store) {
  return store.inWorkspace(workspaceId, (scope) =>
    appendRunEvent(scope, runId, 'log', { stepId: 'probe', level: 'info', message }),
  );
}

function finish(runId: string, store: Store = orca.platform.store) {
  return store.inWorkspace(workspaceId, (scope) =>
    finishRun(scope, runId, { status: 'succeeded', output: 1 }),
  );
}

/** Rejects if `promise` has not settled within `milliseconds` (a bound, not a measurement). */
async function within<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${milliseconds} ms`)), milliseconds);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

const runPath = (runId: string) => `/api/workspaces/${workspaceId}/runs/${runId}/events`;
const logged = (message: string) => (reader: EventStreamReader) =>
  reader.events.some((event) => event.data.message === message);

describe('streams wake on run-event notices', () => {
  it('starts with retry:, sends heartbeat comments while idle, and wakes for a new event', async () => {
    const runId = await quietRun();
    const stream = await openEventStream(orca, runPath(runId), owner.token);
    try {
      await stream.until((reader) => reader.comments.includes('heartbeat'), promptly, 'heartbeat comment');
      expect(stream.retry).toBe(2500);
      await addLog(runId, 'woken');
      await stream.until(logged('woken'), promptly, 'the logged event');
    } finally {
      await stream.close();
    }
  });

  it('ends a finished run’s stream with an end event that carries an id, and resumes from it', async () => {
    const runId = await quietRun();
    const stream = await openEventStream(orca, runPath(runId), owner.token);
    await stream.until((reader) => reader.events.length >= 1, promptly, 'the queued event');
    await finish(runId);
    await stream.toEnd(promptly);
    const end = stream.events.at(-1);
    expect(end).toMatchObject({ event: 'end', data: { status: 'succeeded' } });
    const lastStatus = stream.events.filter((event) => event.event === 'status').at(-1);
    expect(end?.id).toBe(lastStatus?.id);

    // An EventSource that reconnects after the end sends that id: it is told the end again, alone.
    const resumed = await openEventStream(orca, runPath(runId), owner.token, end?.id);
    await resumed.toEnd(promptly);
    expect(resumed.events).toEqual([{ event: 'end', id: end?.id, data: { status: 'succeeded' } }]);
  });

  it('wakes the workspace stream for an event of any of its runs', async () => {
    const stream = await openEventStream(orca, `/api/workspaces/${workspaceId}/events`, owner.token);
    try {
      const runId = await quietRun();
      await addLog(runId, 'workspace news');
      await stream.until(logged('workspace news'), promptly, 'the workspace event');
      expect(stream.retry).toBe(2500);
    } finally {
      await stream.close();
    }
  });

  it('stops watching when a stream closes', async () => {
    const before = orca.platform.runEvents.watchCount;
    const runId = await quietRun();
    const stream = await openEventStream(orca, runPath(runId), owner.token);
    await stream.until((reader) => reader.events.length >= 1, promptly, 'the queued event');
    expect(orca.platform.runEvents.watchCount).toBe(before + 1);
    await finish(runId);
    await stream.toEnd(promptly);
    await expect.poll(() => orca.platform.runEvents.watchCount, { timeout: promptly }).toBe(before);
  });

  it('wakes a test’s wait for a run’s end', async () => {
    const runId = await quietRun();
    const waiting = waitForRunStatus(orca, {
      workspace: workspaceId,
      runId,
      token: owner.token,
      timeoutMs: promptly,
    });
    await addLog(runId, 'not the end yet');
    await finish(runId);
    expect(await waiting).toMatchObject({ id: runId, status: 'succeeded' });
  });
});

describe.skipIf(testDatabaseKind() !== 'postgres')('across processes on PostgreSQL', () => {
  let other: Platform;

  beforeAll(async () => {
    // A second Orca on the same database, as an `orca worker` beside this `orca serve` would be:
    // its own pool, its own listener, nothing shared in memory.
    const url = orca.platform.database.url;
    if (!url) throw new Error('the PostgreSQL test database has no URL');
    other = await createPlatform(
      loadConfig({ dataDirectory: '/nonexistent-test-data', secretKey: testSecretKey, databaseUrl: url }, {}),
      {
        database: await openDatabase({ kind: 'postgres', url, poolSize: 2 }),
        workers: false,
        logger: { info: () => undefined, error: () => undefined },
      },
    );
  });

  afterAll(() => other?.close());

  it('a stream served by one instance wakes and ends for a run finished by the other', async () => {
    const runId = await quietRun();
    const stream = await openEventStream(orca, runPath(runId), owner.token);
    try {
      await stream.until((reader) => reader.events.length >= 1, promptly, 'the queued event');
      await addLog(runId, 'from the other process', other.store);
      await stream.until(logged('from the other process'), promptly, 'the other instance’s event');
      await finish(runId, other.store);
      await stream.toEnd(promptly);
      expect(stream.events.at(-1)).toMatchObject({ event: 'end', data: { status: 'succeeded' } });
    } finally {
      await stream.close();
    }
  });

  it('the other instance’s waits wake for a run this one finishes', async () => {
    const runId = await quietRun();
    const changes = other.runEvents.watch({ workspaceId, runId, kinds: ['status'] });
    try {
      const woken = changes.next(Number(safetyRecheckMs));
      await finish(runId);
      // The timer alone would take a minute: only the notice crossing the processes is in time.
      await within(woken, promptly, 'the other instance’s wake-up');
    } finally {
      changes.stop();
    }
  });
});
