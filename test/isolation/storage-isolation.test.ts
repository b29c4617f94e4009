// Row-level security, below the application: a query that forgets its workspace filter, or runs
// with another workspace set, sees nothing and can write nothing into another workspace.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountEvents,
  apiTokens,
  auditEvents,
  hookCalls,
  invitations,
  memberships,
  sessions,
  users,
  workspaces,
} from '../../src/store/schema.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let alice: TestUser;
let bob: TestUser;
let workspaceA: { id: string };
let workspaceB: { id: string };
const tenantTables = { workspaces, memberships, invitations, apiTokens, auditEvents, hookCalls };

beforeAll(async () => {
  orca = await startTestPlatform();
  alice = await orca.signUp('Alice');
  bob = await orca.signUp('Bob');
  workspaceA = await orca.createWorkspace(alice, 'Alpha');
  workspaceB = await orca.createWorkspace(bob, 'Beta');
  for (const [user, workspace] of [
    [alice, workspaceA],
    [bob, workspaceB],
  ] as const) {
    await orca.request('POST', `/api/workspaces/${workspace.id}/invitations`, {
      token: user.token,
      body: { email: `guest-${user.name}@example.com` },
    });
    await orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: user.token,
      body: { name: 'bot' },
    });
    // A hook called once, so that its workspace has a recorded call.
    const agent = await orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
      token: user.token,
      body: {
        spec: { name: 'Hooked', steps: [{ id: 'echo', tool: 'transform', with: { expression: '1' } }] },
      },
    });
    const hook = await orca.request('POST', `/api/workspaces/${workspace.id}/agents/${agent.body.id}/hooks`, {
      token: user.token,
      body: {},
    });
    await orca.request('POST', new URL(hook.body.url).pathname, { rawBody: '{}' });
  }
});
afterAll(() => orca.close());

describe('row-level security', () => {
  it('shows each tenant table only the rows of the workspace in scope, even with no WHERE clause', async () => {
    const { store } = orca.platform;
    for (const [name, table] of Object.entries(tenantTables)) {
      const inA = await store.inWorkspace(workspaceA.id, (scope) => scope.db.select().from(table));
      expect(inA.length, name).toBeGreaterThan(0);
      for (const row of inA as Array<{ workspaceId?: string; id?: string }>) {
        expect(row.workspaceId ?? row.id, name).toBe(workspaceA.id);
      }
    }
  });

  it('shows nothing when the scope names a workspace that does not exist, or none at all', async () => {
    const { store } = orca.platform;
    for (const table of Object.values(tenantTables)) {
      expect(await store.inWorkspace(randomUUID(), (scope) => scope.db.select().from(table))).toEqual([]);
    }
    const unscoped = await orca.platform.database.drizzle.transaction(async (transaction) => {
      await transaction.execute(sql`set local role orca_app`);
      return Promise.all(Object.values(tenantTables).map((table) => transaction.select().from(table)));
    });
    expect(unscoped.flat()).toEqual([]);
  });

  it('refuses to write a row into another workspace from inside a workspace scope', async () => {
    const { store } = orca.platform;
    await expect(
      store.inWorkspace(workspaceA.id, (scope) =>
        scope.db.insert(memberships).values({ workspaceId: workspaceB.id, userId: alice.id, role: 'owner' }),
      ),
    ).rejects.toThrow();
    const updated = await store.inWorkspace(workspaceA.id, (scope) =>
      scope.db.update(workspaces).set({ name: 'Taken' }).where(sql`id = ${workspaceB.id}`).returning(),
    );
    expect(updated).toEqual([]);
    const deleted = await store.inWorkspace(workspaceA.id, (scope) => scope.db.delete(apiTokens).returning());
    expect(deleted.every((row) => row.workspaceId === workspaceA.id)).toBe(true);
    const bobsTokens = await store.inWorkspace(workspaceB.id, (scope) => scope.db.select().from(apiTokens));
    expect(bobsTokens).toHaveLength(1);
  });

  it('lets an account read and end only its own sessions, never a token hash, and read only its own security log', async () => {
    const { store } = orca.platform;
    // Bob signs out once, so that his security log has an event Alice must not see.
    const bobsSecond = await orca.request('POST', '/api/auth/login', {
      body: { email: bob.email, password: bob.password },
    });
    await orca.request('POST', '/api/auth/logout', { token: bobsSecond.body.token });
    const columns = { id: sessions.id, userId: sessions.userId };
    const seen = await store.asUser(alice.id, (scope) => scope.db.select(columns).from(sessions));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((row) => row.userId === alice.id)).toBe(true);
    // The hash a session is found by is not the application role's to read, even its own.
    const refused = await store
      .asUser(alice.id, (scope) => scope.db.select({ hash: sessions.tokenHash }).from(sessions))
      .then(
        () => undefined,
        (error: Error) => error,
      );
    expect(String((refused?.cause as Error | undefined)?.message ?? refused?.message)).toMatch(
      /permission denied/,
    );
    const events = await store.asUser(alice.id, (scope) => scope.db.select().from(accountEvents));
    expect(events.every((row) => row.userId === alice.id)).toBe(true);
    // A delete with no WHERE ends Alice's sessions only; Bob stays signed in.
    const ended = await store.asUser(alice.id, (scope) =>
      scope.db.delete(sessions).returning({ userId: sessions.userId }),
    );
    expect(ended.every((row) => row.userId === alice.id)).toBe(true);
    expect((await orca.request('GET', '/api/me', { token: bob.token })).status).toBe(200);
    expect((await orca.request('GET', '/api/me', { token: alice.token })).status).toBe(401);
  });

  it('shows an account its own memberships and its co-members only', async () => {
    const { store } = orca.platform;
    const visible = await store.asUser(alice.id, (scope) => scope.db.select().from(memberships));
    expect(visible.map((row) => row.workspaceId)).toEqual([workspaceA.id]);
    const people = await store.asUser(alice.id, (scope) => scope.db.select({ id: users.id }).from(users));
    expect(people.map((row) => row.id)).toEqual([alice.id]);
    const inA = await store.inWorkspace(workspaceA.id, (scope) =>
      scope.db.select({ id: users.id }).from(users),
    );
    expect(inA.map((row) => row.id)).toEqual([alice.id]);
  });
});
