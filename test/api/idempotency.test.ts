// Safe retries with Idempotency-Key (docs/api-conventions.md): a replay answers what the first
// request answered and does the work once; the key with another body is a 422; a key whose first
// request is still being answered is a 409; keys are per workspace and principal.
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspace: { id: string; slug: string };
let agentId: string;

const noteTaker = (name: string) => ({
  name,
  goal: 'Keep a note',
  steps: [{ id: 'remember', tool: 'memory.write', with: { key: 'note', value: 'kept' } }],
});

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Retry Owner');
  workspace = await orca.createWorkspace(owner, 'Retries');
  const created = await orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
    token: owner.token,
    body: { spec: noteTaker('Retried Agent') },
  });
  agentId = created.body.id;
});
afterAll(() => orca.close());

async function countRuns(where: SQL): Promise<number> {
  const [row] = await selectRows<{ runs: number }>(
    orca.platform,
    sql`select count(*)::int as runs from runs where ${where}`,
  );
  return row?.runs ?? 0;
}

const runsPath = () => `/api/workspaces/${workspace.id}/agents/${agentId}/runs`;

describe('Idempotency-Key', () => {
  it('replays the first answer to a run start and starts one run only', async () => {
    const headers = { 'idempotency-key': 'start-run-1' };
    const first = await orca.request('POST', runsPath(), {
      token: owner.token,
      body: { input: {} },
      headers,
    });
    expect(first.status).toBe(202);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await orca.request('POST', runsPath(), {
      token: owner.token,
      body: { input: {} },
      headers,
    });
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    // The same request through the workspace's slug is the same request.
    const bySlug = await orca.request('POST', `/api/workspaces/${workspace.slug}/agents/${agentId}/runs`, {
      token: owner.token,
      body: { input: {} },
      headers,
    });
    expect(bySlug.body.id).toBe(first.body.id);
    const runs = await orca.request('GET', `/api/workspaces/${workspace.id}/runs?agent=${agentId}`, {
      token: owner.token,
    });
    expect(runs.body.items.map((run: { id: string }) => run.id)).toEqual([first.body.id]);
  });

  it('starts one run for the same key sent eight times at once; the others replay it or wait', async () => {
    // At once, on as many connections as the pool gives (PostgreSQL) or in turns (PGlite): only
    // the key's claim decides who does the work.
    const headers = { 'idempotency-key': 'start-run-at-once' };
    const runsBefore = await countRuns(sql`agent_id = ${agentId}`);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        orca.request('POST', runsPath(), { token: owner.token, body: { input: {} }, headers }),
      ),
    );
    const started = answers.filter((answer) => answer.status === 202);
    const fresh = started.filter((answer) => answer.headers.get('idempotent-replayed') === null);
    expect(fresh).toHaveLength(1);
    const runId = fresh[0]?.body.id;
    for (const answer of answers) {
      if (answer.status === 202) expect(answer.body.id).toBe(runId);
      else {
        expect(answer.status, answer.text).toBe(409);
        expect(answer.body.error.code).toBe('idempotency_key_in_progress');
      }
    }
    expect(await countRuns(sql`agent_id = ${agentId}`)).toBe(runsBefore + 1);
  });

  it('starts one run for the same key on a hook called eight times at once', async () => {
    const hook = await orca.request('POST', `/api/workspaces/${workspace.id}/agents/${agentId}/hooks`, {
      token: owner.token,
      body: {},
    });
    expect(hook.status, hook.text).toBe(201);
    const path = new URL(hook.body.url as string).pathname;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        orca.request('POST', path, { body: { order: 7 }, headers: { 'idempotency-key': 'hook-at-once' } }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(202));
    const runIds = new Set(answers.map((answer) => answer.body.runId));
    expect(runIds.size).toBe(1);
    const [runId] = [...runIds];
    expect(typeof runId).toBe('string');
    expect(await countRuns(sql`trigger = 'webhook' and agent_id = ${agentId}`)).toBe(1);
  });

  it('refuses the key with a different body with 422 idempotency_key_reused', async () => {
    const headers = { 'idempotency-key': 'start-run-2' };
    await orca.request('POST', runsPath(), { token: owner.token, body: { input: {} }, headers });
    const other = await orca.request('POST', runsPath(), {
      token: owner.token,
      body: { input: { different: true } },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
  });

  it('answers 409 while the first request with the key is still being answered', async () => {
    // The first request's claim, as it stands while its work is under way.
    const first = await orca.request('POST', runsPath(), {
      token: owner.token,
      body: { input: {} },
      headers: { 'idempotency-key': 'busy-key' },
    });
    expect(first.status).toBe(202);
    await selectRows(
      orca.platform,
      sql`update idempotency_keys set state = 'started', response_status = null where key = 'busy-key'`,
    );
    const response = await orca.request('POST', runsPath(), {
      token: owner.token,
      body: { input: {} },
      headers: { 'idempotency-key': 'busy-key' },
    });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('idempotency_key_in_progress');
  });

  it('creates one workspace for a retried creation, outside any workspace', async () => {
    const headers = { 'idempotency-key': 'new-workspace' };
    const first = await orca.request('POST', '/api/workspaces', {
      token: owner.token,
      body: { name: 'Once' },
      headers,
    });
    expect(first.status).toBe(201);
    const again = await orca.request('POST', '/api/workspaces', {
      token: owner.token,
      body: { name: 'Once' },
      headers,
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    // Another person's same key is theirs.
    const other = await orca.signUp('Other Retrier');
    const theirs = await orca.request('POST', '/api/workspaces', {
      token: other.token,
      body: { name: 'Once' },
      headers,
    });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('replays a refusal (4xx) too, and refuses a malformed key', async () => {
    const headers = { 'idempotency-key': 'bad-spec' };
    const first = await orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
      token: owner.token,
      body: { spec: { name: '' } },
      headers,
    });
    expect(first.status).toBe(422);
    const again = await orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
      token: owner.token,
      body: { spec: { name: '' } },
      headers,
    });
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const malformed = await orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
      token: owner.token,
      body: { spec: noteTaker('Whatever') },
      headers: { 'idempotency-key': 'x'.repeat(300) },
    });
    expect(malformed.status).toBe(400);
  });

  it('tries a refusal for credits afresh: after a top-up the same key starts the run', async () => {
    const credits = `/api/workspaces/${workspace.id}/credits`;
    const { balance } = (await orca.request('GET', credits, { token: owner.token })).body;
    const emptied = await orca.request('POST', `${credits}/adjustments`, {
      token: owner.token,
      body: { amount: -balance, note: 'spent' },
    });
    expect(emptied.status, emptied.text).toBe(201);
    const headers = { 'idempotency-key': 'start-after-topup' };
    const refused = await orca.request('POST', runsPath(), {
      token: owner.token,
      body: { input: {} },
      headers,
    });
    expect(refused.status).toBe(402);
    const topped = await orca.request('POST', `${credits}/topups`, {
      token: owner.token,
      body: { amount: 1000 },
    });
    expect(topped.status, topped.text).toBe(201);
    const started = await orca.request('POST', runsPath(), {
      token: owner.token,
      body: { input: {} },
      headers,
    });
    expect(started.status, started.text).toBe(202);
    expect(started.headers.get('idempotent-replayed')).toBeNull();
  });

  it('forgets expired keys', async () => {
    await selectRows(
      orca.platform,
      sql`update idempotency_keys set expires_at = now() - interval '1 second'`,
    );
    const headers = { 'idempotency-key': 'start-run-1' };
    const fresh = await orca.request('POST', runsPath(), {
      token: owner.token,
      body: { input: {} },
      headers,
    });
    expect(fresh.status).toBe(202);
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
  });
});
