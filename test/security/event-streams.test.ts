// Issue 11, items 5 and 6. Event streams end as soon as their caller loses access (at once for a
// change made through this process, within ORCA_STREAM_ACCESS_CHECK_MS for one made behind its
// back), and they never skip an event whose transaction committed after a later one.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendRunEvent,
  finishRun,
  insertRun,
  listWorkspaceRunEvents,
} from '../../src/store/run-repository.ts';
import type { WorkspaceScope } from '../../src/store/store.ts';
import { testDatabaseKind } from '../support/test-databases.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

interface StreamEvent {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

/** Reads a server-sent-event response as it arrives; every wait is bounded. */
class EventStreamReader {
  readonly events: StreamEvent[] = [];
  ended = false;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';

  constructor(response: Response) {
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    this.#reader = (response.body as ReadableStream<Uint8Array>).getReader();
  }

  /** Reads until `condition` holds over the events so far, or the stream ends. */
  async until(condition: (events: StreamEvent[]) => boolean, timeoutMs: number, what: string) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no ${what} within ${timeoutMs} ms; events: ${JSON.stringify(this.events)}`)),
        timeoutMs,
      );
    });
    try {
      while (!condition(this.events) && !this.ended) {
        const { value, done } = await Promise.race([this.#reader.read(), timeout]);
        if (done) this.ended = true;
        else this.#take(this.#decoder.decode(value, { stream: true }));
      }
    } finally {
      clearTimeout(timer);
    }
  }

  toEnd(timeoutMs: number) {
    return this.until(() => false, timeoutMs, 'end of the stream');
  }

  async close() {
    if (!this.ended) await this.#reader.cancel();
  }

  #take(text: string) {
    this.#buffer += text;
    let boundary = this.#buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = this.#buffer.slice(0, boundary);
      this.#buffer = this.#buffer.slice(boundary + 2);
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (data !== undefined) {
        this.events.push({
          event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
          id: /^id: (.*)$/m.exec(block)?.[1],
          data: JSON.parse(data) as Record<string, unknown>,
        });
      }
      boundary = this.#buffer.indexOf('\n\n');
    }
  }
}

const marked = (marker: string) => (events: StreamEvent[]) =>
  events.some((event) => event.data.message === marker);

async function openStream(orca: TestPlatform, path: string, token: string, lastEventId?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const response = await orca.platform.app.request(path, { headers });
  if (response.status !== 200) throw new Error(`stream refused: ${response.status} ${await response.text()}`);
  return new EventStreamReader(response);
}

/** A run that no worker executes (it is never queued): events are added to it by hand. */
async function quietRun(orca: TestPlatform, owner: TestUser, workspaceId: string) {
  const agent = await orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: `Quiet ${Math.random().toString(36).slice(2, 8)}`,
        steps: [{ id: 'think', tool: 'transform', with: { expression: '"thought"' } }],
      },
    },
  });
  if (agent.status !== 201) throw new Error(agent.text);
  const run = await orca.platform.store.inWorkspace(workspaceId, (scope) =>
    insertRun(scope, { agentId: agent.body.id, agentVersion: 1, input: {}, trigger: 'manual' }),
  );
  return run.id;
}

function addLog(orca: TestPlatform, workspaceId: string, runId: string, message: string) {
  return orca.platform.store.inWorkspace(workspaceId, (scope) =>
    appendRunEvent(scope, runId, 'log', { stepId: 'probe', level: 'info', message }),
  );
}

async function createToken(orca: TestPlatform, owner: TestUser, workspaceId: string) {
  const created = await orca.request('POST', `/api/workspaces/${workspaceId}/tokens`, {
    token: owner.token,
    body: { name: `stream ${Math.random().toString(36).slice(2, 8)}`, role: 'viewer' },
  });
  if (created.status !== 201) throw new Error(created.text);
  return created.body as { id: string; token: string };
}

/**
 * Opens a stream, proves it delivers, makes the change, adds an event at once, and expects the
 * stream to end with `access-revoked` (for `reason`). A change announced by this process stops
 * delivery at once, so the event added after it must not arrive (`announced`); one made behind
 * the process's back may still let events through until the next look.
 */
async function expectChangeEndsStream(
  orca: TestPlatform,
  scenario: {
    workspaceId: string;
    runId: string;
    path: string;
    token: string;
    change: () => Promise<void>;
    reason: string;
    timeoutMs: number;
    announced: boolean;
  },
) {
  // Markers of their own: a run's stream replays the run's earlier events.
  const before = `before ${scenario.reason} ${Math.random()}`;
  const after = `after ${scenario.reason} ${Math.random()}`;
  const stream = await openStream(orca, scenario.path, scenario.token);
  try {
    await addLog(orca, scenario.workspaceId, scenario.runId, before);
    await stream.until(marked(before), 10_000, 'event before the change');
    await scenario.change();
    await addLog(orca, scenario.workspaceId, scenario.runId, after);
    await stream.toEnd(scenario.timeoutMs);
    expect(stream.events.at(-1)).toMatchObject({
      event: 'access-revoked',
      data: { reason: scenario.reason },
    });
    if (scenario.announced) expect(marked(after)(stream.events)).toBe(false);
  } finally {
    await stream.close();
  }
}

describe('streams end when access ends through this process (at once)', () => {
  let orca: TestPlatform;
  let owner: TestUser;
  let workspaceId: string;
  let runId: string;
  // The periodic look is a minute away: only the announced change can end a stream in time.
  const promptly = 10_000;

  beforeAll(async () => {
    orca = await startTestPlatform({ configOverrides: { streamAccessCheckMs: '60000' } });
    owner = await orca.signUp('Stream Owner');
    workspaceId = (await orca.createWorkspace(owner, 'Streams')).id;
    runId = await quietRun(orca, owner, workspaceId);
  });
  afterAll(() => orca.close());

  it('a revoked API token’s workspace stream ends', async () => {
    const token = await createToken(orca, owner, workspaceId);
    await expectChangeEndsStream(orca, {
      workspaceId,
      runId,
      path: `/api/workspaces/${workspaceId}/events`,
      token: token.token,
      reason: 'token-revoked',
      timeoutMs: promptly,
      announced: true,
      change: async () => {
        const revoked = await orca.request('DELETE', `/api/workspaces/${workspaceId}/tokens/${token.id}`, {
          token: owner.token,
        });
        expect(revoked.status).toBe(204);
      },
    });
  });

  it('a signed-out session’s run stream ends', async () => {
    const member = await orca.signUp('Leaving Soon');
    await orca.addMember(owner, workspaceId, member, 'viewer');
    await expectChangeEndsStream(orca, {
      workspaceId,
      runId,
      path: `/api/workspaces/${workspaceId}/runs/${runId}/events`,
      token: member.token,
      reason: 'session-ended',
      timeoutMs: promptly,
      announced: true,
      change: async () => {
        expect((await orca.request('POST', '/api/auth/logout', { token: member.token })).status).toBe(204);
      },
    });
  });

  it('a removed member’s stream ends, and so does the stream of their token', async () => {
    const member = await orca.signUp('Removed Member');
    // An admin, so that they can make a token of their own.
    await orca.addMember(owner, workspaceId, member, 'admin');
    const memberToken = await createToken(orca, member, workspaceId);
    const tokenStream = await openStream(orca, `/api/workspaces/${workspaceId}/events`, memberToken.token);
    try {
      await expectChangeEndsStream(orca, {
        workspaceId,
        runId,
        path: `/api/workspaces/${workspaceId}/events`,
        token: member.token,
        reason: 'access-removed',
        timeoutMs: promptly,
        announced: true,
        change: async () => {
          const removed = await orca.request(
            'DELETE',
            `/api/workspaces/${workspaceId}/members/${member.id}`,
            {
              token: owner.token,
            },
          );
          expect(removed.status).toBe(204);
        },
      });
      await tokenStream.toEnd(promptly);
      expect(tokenStream.events.at(-1)?.event).toBe('access-revoked');
    } finally {
      await tokenStream.close();
    }
  });

  it('streams of a deleted workspace end', async () => {
    const doomed = await orca.createWorkspace(owner, 'Doomed');
    const doomedRun = await quietRun(orca, owner, doomed.id);
    const stream = await openStream(orca, `/api/workspaces/${doomed.id}/events`, owner.token);
    try {
      await addLog(orca, doomed.id, doomedRun, 'before the change');
      await stream.until(marked('before the change'), 10_000, 'event before the change');
      const deleted = await orca.request('DELETE', `/api/workspaces/${doomed.id}?confirm=${doomed.slug}`, {
        token: owner.token,
      });
      expect(deleted.status).toBe(204);
      await stream.toEnd(promptly);
      expect(stream.events.at(-1)).toMatchObject({
        event: 'access-revoked',
        data: { reason: 'access-removed' },
      });
    } finally {
      await stream.close();
    }
  });

  it('a stream whose caller keeps access stays open through others’ changes', async () => {
    const bystander = await orca.signUp('Bystander');
    await orca.addMember(owner, workspaceId, bystander, 'viewer');
    const stream = await openStream(orca, `/api/workspaces/${workspaceId}/events`, owner.token);
    try {
      await orca.request('DELETE', `/api/workspaces/${workspaceId}/members/${bystander.id}`, {
        token: owner.token,
      });
      await addLog(orca, workspaceId, runId, 'still streaming');
      await stream.until(marked('still streaming'), 10_000, 'event after another member left');
      expect(stream.ended).toBe(false);
    } finally {
      await stream.close();
    }
  });
});

describe('streams end when access ends behind the process’s back (at the next look)', () => {
  let orca: TestPlatform;
  let owner: TestUser;
  let workspaceId: string;
  let runId: string;

  beforeAll(async () => {
    orca = await startTestPlatform({ configOverrides: { streamAccessCheckMs: '100' } });
    owner = await orca.signUp('Periodic Owner');
    workspaceId = (await orca.createWorkspace(owner, 'Periodic')).id;
    runId = await quietRun(orca, owner, workspaceId);
  });
  afterAll(() => orca.close());

  it('a token revoked directly in the database', async () => {
    const token = await createToken(orca, owner, workspaceId);
    await expectChangeEndsStream(orca, {
      workspaceId,
      runId,
      path: `/api/workspaces/${workspaceId}/events`,
      token: token.token,
      reason: 'token-revoked',
      timeoutMs: 10_000,
      announced: false,
      change: async () => {
        await orca.platform.database.drizzle.execute(
          sql`update api_tokens set revoked_at = now() where id = ${token.id}`,
        );
      },
    });
  });

  it('a membership deleted directly in the database', async () => {
    const member = await orca.signUp('Quietly Removed');
    await orca.addMember(owner, workspaceId, member, 'viewer');
    await expectChangeEndsStream(orca, {
      workspaceId,
      runId,
      path: `/api/workspaces/${workspaceId}/runs/${runId}/events`,
      token: member.token,
      reason: 'access-removed',
      timeoutMs: 10_000,
      announced: false,
      change: async () => {
        await orca.platform.database.drizzle.execute(
          sql`delete from memberships where workspace_id = ${workspaceId} and user_id = ${member.id}`,
        );
      },
    });
  });
});

/**
 * Runs `between` once, inside the next transaction of `workspaceId` that reads twice, after its
 * first read and before its second: a writer that commits at the worst moment for the reader.
 * Reaches into Drizzle's session (the one seam every query passes through), for this test only.
 */
function commitBetweenReads(
  store: TestPlatform['platform']['store'],
  workspaceId: string,
  between: () => Promise<void>,
) {
  const original = store.inWorkspace.bind(store);
  let fired = false;
  store.inWorkspace = ((id: string, work: (scope: WorkspaceScope) => Promise<unknown>) =>
    original(id, (scope) => {
      if (fired || id !== workspaceId) return work(scope);
      let reads = 0;
      const session = (scope.db as unknown as { session: object }).session;
      const pausingSession = new Proxy(session, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (property !== 'prepareQuery' || typeof value !== 'function') return value;
          return (...parameters: unknown[]) => {
            const prepared = value.apply(target, parameters) as {
              execute: (...rest: unknown[]) => Promise<unknown>;
            };
            const execute = prepared.execute.bind(prepared);
            prepared.execute = async (...rest: unknown[]) => {
              if (++reads === 2 && !fired) {
                fired = true;
                await between();
              }
              return execute(...rest);
            };
            return prepared;
          };
        },
      });
      const db = new Proxy(scope.db, {
        get: (target, property) => (property === 'session' ? pausingSession : Reflect.get(target, property)),
      });
      return work({ ...scope, db });
    })) as typeof store.inWorkspace;
  return () => {
    store.inWorkspace = original;
  };
}

describe('streams never skip an event that commits late', () => {
  let orca: TestPlatform;
  let owner: TestUser;
  let workspaceId: string;
  let runId: string;

  beforeAll(async () => {
    orca = await startTestPlatform();
    owner = await orca.signUp('Order Owner');
    workspaceId = (await orca.createWorkspace(owner, 'Order')).id;
    runId = await quietRun(orca, owner, workspaceId);
  });
  afterAll(() => orca.close());

  // PGlite has one connection: a transaction held open blocks every other, so commits cannot
  // overtake each other there. The many-writers case below runs on both.
  it.skipIf(testDatabaseKind() === 'pglite')(
    'an event whose transaction began first but commits last reaches the stream, and resumes after it',
    async () => {
      const stream = await openStream(orca, `/api/workspaces/${workspaceId}/events`, owner.token);
      try {
        let release: () => void = () => undefined;
        const released = new Promise<void>((resolve) => {
          release = resolve;
        });
        let inserted: () => void = () => undefined;
        const insertedFirst = new Promise<void>((resolve) => {
          inserted = resolve;
        });
        // The slow writer takes its id first and holds its transaction open.
        const slow = orca.platform.store.inWorkspace(workspaceId, async (scope) => {
          await appendRunEvent(scope, runId, 'log', { stepId: 'probe', level: 'info', message: 'slow' });
          inserted();
          await released;
        });
        await insertedFirst;
        await addLog(orca, workspaceId, runId, 'fast');
        // The stream has read past the fast event while the slow one is still uncommitted.
        await stream.until(marked('fast'), 10_000, 'the fast event');
        release();
        await slow;
        await stream.until(marked('slow'), 10_000, 'the slow event, committed after the fast one');
        expect(stream.events.map((event) => event.data.message)).toEqual(['fast', 'slow']);

        // Resuming after the first event sent gives the second, once.
        const resumed = await openStream(
          orca,
          `/api/workspaces/${workspaceId}/events`,
          owner.token,
          stream.events[0]?.id,
        );
        try {
          await addLog(orca, workspaceId, runId, 'last');
          await resumed.until(marked('last'), 10_000, 'the last event');
          expect(resumed.events.map((event) => event.data.message)).toEqual(['slow', 'last']);
        } finally {
          await resumed.close();
        }
      } finally {
        await stream.close();
      }
    },
  );

  it('many concurrent writers: the reader delivers every committed event exactly once', async () => {
    const { store } = orca.platform;
    const start = await store.inWorkspace(workspaceId, (scope) => listWorkspaceRunEvents(scope, 0, 100_000));
    let cursor = start.at(-1)?.streamPosition ?? 0;
    const delivered: number[] = [];
    let writing = true;
    const reader = (async () => {
      // Reads after its cursor as fast as it can while the writers commit, then once more.
      for (let finalRead = false; !finalRead; ) {
        finalRead = !writing;
        const events = await store.inWorkspace(workspaceId, (scope) => listWorkspaceRunEvents(scope, cursor));
        for (const event of events) {
          delivered.push(event.id);
          cursor = event.streamPosition;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const writers = Array.from({ length: 12 }, (_, writer) =>
      (async () => {
        for (let transaction = 0; transaction < 8; transaction++) {
          await store.inWorkspace(workspaceId, async (scope) => {
            await appendRunEvent(scope, runId, 'log', {
              stepId: 'probe',
              level: 'info',
              message: 'concurrent',
            });
            // Writers hold their transactions for different times, so commits overtake ids.
            await new Promise((resolve) => setTimeout(resolve, (writer * 7 + transaction * 3) % 11));
            await appendRunEvent(scope, runId, 'log', {
              stepId: 'probe',
              level: 'info',
              message: 'concurrent',
            });
          });
        }
      })(),
    );
    await Promise.all(writers);
    writing = false;
    await reader;
    const committed = (
      await store.inWorkspace(workspaceId, (scope) => listWorkspaceRunEvents(scope, 0, 100_000))
    )
      .filter((event) => !start.some((earlier) => earlier.id === event.id))
      .map((event) => event.id);
    expect(committed).toHaveLength(12 * 8 * 2);
    expect([...delivered].sort((a, b) => a - b)).toEqual([...committed].sort((a, b) => a - b));
  });

  // A run's stream read its events, then the run, each statement with its own snapshot: a run that
  // finished in between was seen finished, and the stream ended without the events it finished
  // with (its last step's and its `succeeded`). PGlite runs one transaction at a time.
  it.skipIf(testDatabaseKind() === 'pglite')(
    'a run’s stream sends the events its run finished with before it ends',
    async () => {
      const finishing = await quietRun(orca, owner, workspaceId);
      const restore = commitBetweenReads(orca.platform.store, workspaceId, () =>
        orca.platform.store.inWorkspace(workspaceId, async (scope) => {
          await finishRun(scope, finishing, { status: 'succeeded', output: 'done' }, [
            { kind: 'log', data: { stepId: 'think', level: 'info', message: 'last step' } },
          ]);
        }),
      );
      try {
        const stream = await openStream(
          orca,
          `/api/workspaces/${workspaceId}/runs/${finishing}/events`,
          owner.token,
        );
        try {
          await stream.toEnd(10_000);
          // After the run's own `queued`: the last step's log, `succeeded`, then the end.
          expect(
            stream.events.slice(1).map((event) => [event.event, event.data.message ?? event.data.status]),
          ).toEqual([
            ['log', 'last step'],
            ['status', 'succeeded'],
            ['end', 'succeeded'],
          ]);
        } finally {
          await stream.close();
        }
      } finally {
        restore();
      }
    },
  );
});
