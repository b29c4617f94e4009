// Property-based: generated bodies (wrong types, unknown fields, odd strings, malformed JSON)
// thrown at every route of the foundation. No answer is a 5xx, and a rejected request changes
// nothing in the database.

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let member: TestUser;
let workspace: { id: string; slug: string };
let agentId: string;

// login_attempts is written on purpose by a rejected sign-in (that is the rate limit).
const watchedTables = [
  'users',
  'sessions',
  'user_memories',
  'workspaces',
  'memberships',
  'invitations',
  'api_tokens',
  'audit_events',
  'schedules',
  'chains',
  'hooks',
];

async function databaseFingerprint(): Promise<string> {
  const parts = await Promise.all(
    watchedTables.map(async (table) => {
      const [row] = await selectRows<{ digest: string }>(
        orca.platform,
        sql.raw(
          `select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as digest from ${table} t`,
        ),
      );
      return `${table}:${row?.digest}`;
    }),
  );
  // One line per table, so that a failure names the table that changed.
  return parts.join('\n');
}

const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a'.repeat(5000),
    '<script>',
    "'; drop table users; --",
    '../../etc/passwd',
    'owner',
  ),
);
const oddValue = fc.oneof(
  oddString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

function bodyFor(keys: string[]) {
  const plausible = fc.record(Object.fromEntries(keys.map((key) => [key, oddValue])), { requiredKeys: [] });
  const withExtra = fc
    .tuple(plausible, fc.dictionary(fc.string({ maxLength: 12 }), oddValue, { maxKeys: 3 }))
    .map(([known, extra]) => ({
      ...extra,
      ...known,
    }));
  return fc.oneof(
    plausible.map((body) => ({ body })),
    withExtra.map((body) => ({ body })),
    fc.anything().map((body) => ({ body })),
    fc.string().map((rawBody) => ({ rawBody })),
  );
}

interface RouteUnderTest {
  method: string;
  path: () => string;
  keys: string[];
  token?: () => string;
}

const routes: RouteUnderTest[] = [
  { method: 'POST', path: () => '/api/auth/signup', keys: ['email', 'password', 'name'] },
  { method: 'POST', path: () => '/api/auth/login', keys: ['email', 'password'] },
  { method: 'PATCH', path: () => '/api/me/memory', keys: ['timezone', 'locale', 'preferences', 'facts'] },
  { method: 'POST', path: () => '/api/workspaces', keys: ['name', 'slug'] },
  { method: 'PATCH', path: () => `/api/workspaces/${workspace.id}`, keys: ['name', 'slug'] },
  { method: 'POST', path: () => `/api/workspaces/${workspace.id}/members`, keys: ['email', 'role'] },
  { method: 'POST', path: () => `/api/workspaces/${workspace.id}/invitations`, keys: ['email', 'role'] },
  { method: 'PATCH', path: () => `/api/workspaces/${workspace.id}/members/${member.id}`, keys: ['role'] },
  {
    method: 'POST',
    path: () => `/api/workspaces/${workspace.id}/tokens`,
    keys: ['name', 'role', 'expiresInDays'],
  },
  { method: 'POST', path: () => '/api/invitations/orca_i_unknown/accept', keys: [] },
  {
    method: 'POST',
    path: () => `/api/workspaces/${workspace.id}/context`,
    keys: ['key', 'value', 'text', 'tags'],
  },
  { method: 'POST', path: () => `/api/workspaces/${workspace.id}/agents`, keys: ['spec'] },
  {
    method: 'POST',
    path: () => `/api/workspaces/${workspace.id}/orchestrator/messages`,
    keys: ['text', 'conversationId'],
  },
  {
    method: 'POST',
    path: () => `/api/workspaces/${workspace.id}/connections`,
    keys: ['service', 'label', 'kind', 'settings', 'secret', 'isDefault'],
  },
  {
    method: 'PUT',
    path: () => `/api/workspaces/${workspace.id}/agents/${agentId}/schedule`,
    keys: ['cron', 'text', 'timezone', 'input', 'enabled', 'missed'],
  },
  {
    method: 'POST',
    path: () => `/api/workspaces/${workspace.id}/chains`,
    keys: ['fromAgentId', 'toAgentId', 'on', 'mapping'],
  },
  {
    method: 'POST',
    path: () => `/api/workspaces/${workspace.id}/agents/${agentId}/hooks`,
    keys: ['name', 'mapping', 'respond', 'waitTimeoutMs', 'ratePerMinute', 'signed'],
  },
];

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Fuzz Owner');
  member = await orca.signUp('Fuzz Member');
  workspace = await orca.createWorkspace(owner, 'Fuzzed');
  await orca.addMember(owner, workspace.id, member, 'builder');
  const agent = await orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
    token: owner.token,
    body: {
      spec: { name: 'Fuzzed Agent', steps: [{ id: 'one', tool: 'transform', with: { expression: '1' } }] },
    },
  });
  agentId = agent.body.id;
});
afterAll(() => orca.close());

describe('generated input', () => {
  it.each(
    routes.map(
      (route) => [`${route.method} ${route.path.toString().replace(/^\(\) => /, '')}`, route] as const,
    ),
  )('%s: never a 5xx, and nothing changes on rejection', async (_name, route) => {
    await fc.assert(
      fc.asyncProperty(bodyFor(route.keys), async (request) => {
        const before = await databaseFingerprint();
        const response = await orca.request(route.method, route.path(), { token: owner.token, ...request });
        expect(response.status, response.text).toBeLessThan(500);
        expect(response.body?.error?.message ?? 'ok', response.text).toBeTruthy();
        if (response.status >= 400) expect(await databaseFingerprint()).toBe(before);
      }),
      { numRuns: 40 },
    );
  });

  it('path and query parameters: never a 5xx, nothing changes, 404 or 400 with a message', async () => {
    await fc.assert(
      fc.asyncProperty(oddString, oddString, async (identifier, query) => {
        // The generated PATCH bodies above may have renamed the slug (even to "owner"); a
        // confirmation that matches it would rightly delete the workspace, so skip that case.
        const current = await orca.request('GET', `/api/workspaces/${workspace.id}`, { token: owner.token });
        fc.pre(query !== current.body.slug);
        const before = await databaseFingerprint();
        const encoded = encodeURIComponent(identifier) || 'x';
        const attempts = [
          ['GET', `/api/workspaces/${encoded}`],
          ['DELETE', `/api/workspaces/${workspace.id}?confirm=${encodeURIComponent(query)}`],
          ['DELETE', `/api/workspaces/${workspace.id}/members/${encoded}`],
          ['DELETE', `/api/workspaces/${workspace.id}/invitations/${encoded}`],
          ['DELETE', `/api/workspaces/${workspace.id}/tokens/${encoded}`],
          [
            'GET',
            `/api/workspaces/${workspace.id}/audit?limit=${encodeURIComponent(query)}&cursor=${encoded}`,
          ],
          ['POST', `/api/invitations/${encoded}/accept`],
          ['GET', `/api/workspaces/${workspace.id}/context?q=${encodeURIComponent(query)}&tags=${encoded}`],
          [
            'GET',
            `/api/workspaces/${workspace.id}/context?prefix=${encodeURIComponent(query)}&cursor=${encoded}`,
          ],
          ['GET', `/api/workspaces/${workspace.id}/context/${encoded}`],
          ['POST', `/api/workspaces/${workspace.id}/plans/${encoded}/approve`],
          ['POST', `/api/workspaces/${workspace.id}/connections/${encoded}/test`],
          ['DELETE', `/api/workspaces/${workspace.id}/connections/${encoded}`],
          ['POST', `/api/workspaces/${workspace.id}/plans/${encoded}/undo`],
          ['GET', `/api/workspaces/${workspace.id}/orchestrator/conversations/${encoded}`],
          ['DELETE', `/api/workspaces/${workspace.id}/context/${encoded}`],
          ['GET', `/api/workspaces/${workspace.id}/agents/${encoded}/memory`],
          ['GET', `/api/workspaces/${workspace.id}/deliverables/${encoded}/content`],
          ['DELETE', `/api/workspaces/${workspace.id}/deliverables/${encoded}`],
          ['POST', `/api/workspaces/${workspace.id}/deliverables?name=${encodeURIComponent(query)}`],
          ['GET', `/api/invitations/${encoded}`],
          ['GET', `/api/workspaces/${workspace.id}/agents/${encoded}/schedule`],
          ['DELETE', `/api/workspaces/${workspace.id}/agents/${encoded}/schedule`],
          ['GET', `/api/workspaces/${workspace.id}/chains/${encoded}`],
          ['DELETE', `/api/workspaces/${workspace.id}/chains/${encoded}`],
          ['GET', `/api/workspaces/${workspace.id}/chains?agent=${encoded}`],
          ['GET', `/api/workspaces/${workspace.id}/runs/${encoded}/pipeline`],
          ['GET', `/api/workspaces/${workspace.id}/agents/${encoded}/hooks`],
          ['POST', `/api/hooks/${encoded}`],
        ] as const;
        for (const [method, path] of attempts) {
          const response = await orca.request(method, path, { token: owner.token });
          expect(response.status, `${method} ${path}: ${response.text}`).toBeLessThan(500);
          if (response.status >= 400) expect(response.body.error.message.length).toBeGreaterThan(10);
        }
        expect(await databaseFingerprint()).toBe(before);
      }),
      { numRuns: 30 },
    );
  });
});
