// Inbound hook calls are taken once (issue 11, item 9). A signed call replayed within its
// five-minute window is refused and starts no run, however its header is rewritten; a sender
// that retries names the call with an Idempotency-Key and gets the first call's run back; and
// calls with a bad signature never use up the rate the sender's real calls need. Signatures are
// computed here as a sender would, not with Orca's own code.
import { createHmac, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiResponse,
  selectRows,
  startTestPlatform,
  type TestPlatform,
  type TestUser,
} from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let ws: string;

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Replay Owner');
  ws = (await orca.createWorkspace(owner, 'Replays')).id;
});
afterAll(async () => {
  await orca.close();
});

async function createHook(body: Record<string, unknown>) {
  const agent = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: `Replayed ${Math.random().toString(36).slice(2, 8)}`,
        input: { type: 'object', properties: { order: { type: 'string' } }, required: ['order'] },
        steps: [{ id: 'echo', tool: 'transform', with: { expression: 'input' } }],
        output: { received: '{{ steps.echo.value }}' },
      },
    },
  });
  expect(agent.status, agent.text).toBe(201);
  const hook = await orca.request('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/hooks`, {
    token: owner.token,
    body,
  });
  expect(hook.status, hook.text).toBe(201);
  return {
    agentId: agent.body.id as string,
    id: hook.body.id as string,
    url: hook.body.url as string,
    secret: hook.body.signingSecret as string,
  };
}

function signature(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const hex = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${hex}`;
}

function callHook(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  query = '',
): Promise<ApiResponse> {
  return orca.request('POST', new URL(url).pathname + query, {
    rawBody: body,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

async function runIdsOf(agentId: string): Promise<string[]> {
  const runs = await orca.request('GET', `/api/workspaces/${ws}/runs?agent=${agentId}`, {
    token: owner.token,
  });
  expect(runs.status, runs.text).toBe(200);
  return runs.body.items.map((run: { id: string }) => run.id);
}

describe('replayed signed hook calls', () => {
  it('refuses an identical signed call the second time, and starts one run', async () => {
    const hook = await createHook({ signed: true });
    const body = JSON.stringify({ order: 'A-1' });
    const signed = { 'orca-signature': signature(hook.secret, body) };
    const first = await callHook(hook.url, body, signed);
    expect(first.status, first.text).toBe(202);
    const replay = await callHook(hook.url, body, signed);
    expect(replay.status, replay.text).toBe(409);
    expect(replay.body.error.message).toMatch(/already taken/);
    expect(await runIdsOf(hook.agentId)).toEqual([first.body.runId]);
  });

  it('refuses a replay whose header was rewritten around the same signature', async () => {
    const hook = await createHook({ signed: true });
    const body = JSON.stringify({ order: 'A-2' });
    const header = signature(hook.secret, body);
    const [t, v1] = header.split(',');
    expect((await callHook(hook.url, body, { 'orca-signature': header })).status).toBe(202);
    for (const rewritten of [
      `${v1},${t}`,
      `${t}, ${v1}`,
      `${t},${v1},v1=${'0'.repeat(64)}`,
      `t=1,${t},${v1}`,
      `${t},${v1},v0=anything`,
    ]) {
      const replay = await callHook(hook.url, body, { 'orca-signature': rewritten });
      expect({ rewritten, status: replay.status }).toEqual({ rewritten, status: 409 });
    }
    expect(await runIdsOf(hook.agentId)).toHaveLength(1);
  });

  it('lets only one of several concurrent identical calls through', async () => {
    const hook = await createHook({ signed: true });
    const body = JSON.stringify({ order: 'A-3' });
    const signed = { 'orca-signature': signature(hook.secret, body) };
    const answers = await Promise.all([1, 2, 3, 4].map(() => callHook(hook.url, body, signed)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 409, 409, 409]);
    expect(await runIdsOf(hook.agentId)).toHaveLength(1);
  });

  it('remembers signatures in the database for the hook, and forgets them once they expire', async () => {
    const hook = await createHook({ signed: true });
    const body = JSON.stringify({ order: 'A-4' });
    const signed = { 'orca-signature': signature(hook.secret, body) };
    expect((await callHook(hook.url, body, signed)).status).toBe(202);
    const rows = await selectRows<{ kind: string; expires_in: number }>(
      orca.platform,
      sql`select kind, extract(epoch from expires_at - now())::int as expires_in from hook_call_keys where hook_id = ${hook.id}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe('signature');
    expect(rows[0]?.expires_in).toBeGreaterThan(300);
    expect(rows[0]?.expires_in).toBeLessThanOrEqual(360);
    // Expired entries are pruned when the hook is next called.
    await selectRows(
      orca.platform,
      sql`update hook_call_keys set expires_at = now() - interval '1 second' where hook_id = ${hook.id}`,
    );
    const next = JSON.stringify({ order: 'A-5' });
    expect((await callHook(hook.url, next, { 'orca-signature': signature(hook.secret, next) })).status).toBe(
      202,
    );
    const left = await selectRows<{ count: number }>(
      orca.platform,
      sql`select count(*)::int as count from hook_call_keys where hook_id = ${hook.id}`,
    );
    expect(left[0]?.count).toBe(1);
  });
});

describe('Idempotency-Key', () => {
  it('answers a signed retry with the first call’s run, for a re-signed or an identical retry', async () => {
    const hook = await createHook({ signed: true });
    const body = JSON.stringify({ order: 'B-1' });
    const key = randomUUID();
    const firstSignature = signature(hook.secret, body, Math.floor(Date.now() / 1000) - 5);
    const first = await callHook(hook.url, body, {
      'orca-signature': firstSignature,
      'idempotency-key': key,
    });
    expect(first.status, first.text).toBe(202);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const resigned = await callHook(hook.url, body, {
      'orca-signature': signature(hook.secret, body),
      'idempotency-key': key,
    });
    expect(resigned.status, resigned.text).toBe(202);
    expect(resigned.body.runId).toBe(first.body.runId);
    expect(resigned.headers.get('idempotent-replayed')).toBe('true');

    const identical = await callHook(hook.url, body, {
      'orca-signature': firstSignature,
      'idempotency-key': key,
    });
    expect(identical.status, identical.text).toBe(202);
    expect(identical.body.runId).toBe(first.body.runId);

    const waited = await callHook(
      hook.url,
      body,
      { 'orca-signature': signature(hook.secret, body), 'idempotency-key': key },
      '?wait=true',
    );
    expect(waited.status, waited.text).toBe(200);
    expect(waited.body).toMatchObject({
      runId: first.body.runId,
      status: 'succeeded',
      output: { received: { order: 'B-1' } },
    });
    expect(await runIdsOf(hook.agentId)).toEqual([first.body.runId]);
  });

  it('still needs a valid signature, and refuses a key reused with another body', async () => {
    const hook = await createHook({ signed: true });
    const body = JSON.stringify({ order: 'B-2' });
    const key = randomUUID();
    const first = await callHook(hook.url, body, {
      'orca-signature': signature(hook.secret, body),
      'idempotency-key': key,
    });
    expect(first.status).toBe(202);
    const unsigned = await callHook(hook.url, body, { 'idempotency-key': key });
    expect(unsigned.status).toBe(401);
    expect(unsigned.text).not.toContain(first.body.runId);
    const other = JSON.stringify({ order: 'B-3' });
    const reused = await callHook(hook.url, other, {
      'orca-signature': signature(hook.secret, other),
      'idempotency-key': key,
    });
    expect(reused.status, reused.text).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect(reused.body.error.message).toMatch(/different body/);
    const malformed = await callHook(hook.url, other, {
      'orca-signature': signature(hook.secret, other),
      'idempotency-key': 'has spaces in it',
    });
    expect(malformed.status).toBe(400);
    expect(await runIdsOf(hook.agentId)).toEqual([first.body.runId]);
  });

  it('works on an unsigned hook, concurrent retries included', async () => {
    const hook = await createHook({});
    const body = JSON.stringify({ order: 'C-1' });
    const key = randomUUID();
    const answers = await Promise.all(
      [1, 2, 3].map(() => callHook(hook.url, body, { 'idempotency-key': key })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
    const runIds = new Set(answers.map((answer) => answer.body.runId));
    expect(runIds.size).toBe(1);
    expect(await runIdsOf(hook.agentId)).toEqual([...runIds]);
    // Without a key, the same unsigned call is a new call.
    expect((await callHook(hook.url, body)).status).toBe(202);
    expect(await runIdsOf(hook.agentId)).toHaveLength(2);
  });
});

describe('calls with a bad signature', () => {
  it('do not use up the hook’s rate: after 100 of them a good call is taken', async () => {
    const hook = await createHook({ signed: true, ratePerMinute: 5 });
    const body = JSON.stringify({ order: 'D-1' });
    const statuses = new Map<number, number>();
    for (let call = 0; call < 100; call++) {
      const bad = await callHook(hook.url, body, {
        'orca-signature': signature('whsec_not-the-secret', body),
      });
      statuses.set(bad.status, (statuses.get(bad.status) ?? 0) + 1);
    }
    // The first minute's worth are refused as unsigned (401), the rest told to back off (429).
    expect(Object.fromEntries(statuses)).toEqual({ 401: 5, 429: 95 });
    const good = await callHook(hook.url, body, { 'orca-signature': signature(hook.secret, body) });
    expect(good.status, good.text).toBe(202);
    const [row] = await selectRows<{ window_count: number }>(
      orca.platform,
      sql`select window_count from hooks where id = ${hook.id}`,
    );
    expect(row?.window_count).toBe(1);
    expect(await runIdsOf(hook.agentId)).toEqual([good.body.runId]);
  });
});
