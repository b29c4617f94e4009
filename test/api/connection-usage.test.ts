// What the connection API tells about each account besides its settings: which agents use it (the
// agents whose current version names it, resolved as a run would resolve it today) and whether it
// still waits for its secret. A person removing or replacing an account reads these first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertConnection } from '../../src/store/vault-repository.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let builder: TestUser;
let viewer: TestUser;
let ws: string;
let otherWs: string;

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Usage Owner');
  builder = await orca.signUp('Usage Builder');
  viewer = await orca.signUp('Usage Viewer');
  ws = (await orca.createWorkspace(owner, 'Usage')).id;
  otherWs = (await orca.createWorkspace(owner, 'Usage Elsewhere')).id;
  await orca.addMember(owner, ws, builder, 'builder');
  await orca.addMember(owner, ws, viewer, 'viewer');
});
afterAll(() => orca?.close());

async function call(method: string, path: string, token: string, body?: unknown) {
  return orca.request(method, path, { token, body });
}

async function connect(workspace: string, body: Record<string, unknown>) {
  const created = await call('POST', `/api/workspaces/${workspace}/connections`, owner.token, body);
  expect(created.status, created.text).toBe(201);
  return created.body as { id: string; usedBy: unknown[]; waitingForSecret: boolean };
}

async function createAgent(workspace: string, name: string, steps: unknown[]) {
  const created = await call('POST', `/api/workspaces/${workspace}/agents`, owner.token, {
    spec: { name, steps },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

const request = (id: string, connection: string) => ({
  id,
  tool: 'http.request',
  with: { url: 'https://api.acme.test/me', auth: { connection } },
});

async function usage(token = builder.token) {
  const listed = await call('GET', `/api/workspaces/${ws}/connections`, token);
  expect(listed.status, listed.text).toBe(200);
  return new Map<string, { agentName: string }[]>(
    listed.body.items.map((item: { id: string; usedBy: { agentName: string }[] }) => [item.id, item.usedBy]),
  );
}

const names = (users: { agentName: string }[] | undefined) =>
  (users ?? []).map((user) => user.agentName).sort();

describe('connection usage', () => {
  let acme: string;
  let backup: string;
  let portal: string;
  let caller: string;

  it('names the agents whose current spec uses each account, by service, service/label or id', async () => {
    acme = (
      await connect(ws, {
        service: 'acme',
        kind: 'api_key',
        settings: { allowedHosts: ['api.acme.test'] },
        secret: { apiKey: 'first key' },
      })
    ).id;
    backup = (
      await connect(ws, {
        service: 'acme',
        label: 'backup',
        kind: 'api_key',
        settings: { allowedHosts: ['api.acme.test'] },
        secret: { apiKey: 'second key' },
      })
    ).id;
    const created = await connect(ws, {
      service: 'portal',
      kind: 'login',
      settings: { allowedHosts: ['portal.test'], username: 'ada' },
      secret: { password: 'a password' },
    });
    portal = created.id;
    expect(created).toMatchObject({ usedBy: [], waitingForSecret: false });

    caller = await createAgent(ws, 'Default Caller', [request('call', 'acme'), request('again', 'ACME')]);
    await createAgent(ws, 'Backup Caller', [request('call', 'acme/backup')]);
    await createAgent(ws, 'Portal Reader', [
      {
        id: 'sign_in',
        tool: 'browser.login',
        with: { connection: portal, url: 'https://portal.test/login' },
      },
    ]);
    await createAgent(ws, 'No Account', [
      { id: 'call', tool: 'http.request', with: { url: 'https://x.test' } },
    ]);
    // An agent of another workspace naming the same service is none of this workspace's business.
    await createAgent(otherWs, 'Elsewhere Caller', [request('call', 'acme')]);

    const users = await usage();
    expect(names(users.get(acme))).toEqual(['Default Caller']);
    expect(names(users.get(backup))).toEqual(['Backup Caller']);
    expect(names(users.get(portal))).toEqual(['Portal Reader']);

    const read = await call('GET', `/api/workspaces/${ws}/connections/${acme}`, builder.token);
    expect(read.body.usedBy).toEqual([{ agentId: caller, agentName: 'Default Caller' }]);
    expect((await call('GET', `/api/workspaces/${ws}/connections`, viewer.token)).status).toBe(403);
  });

  it('follows the default and the agents’ new versions', async () => {
    const changed = await call('PATCH', `/api/workspaces/${ws}/connections/${backup}`, owner.token, {
      isDefault: true,
    });
    expect(changed.status, changed.text).toBe(200);
    // "acme" now resolves to the backup account, as the next run would.
    expect(names(changed.body.usedBy)).toEqual(['Backup Caller', 'Default Caller']);
    expect(names((await usage()).get(acme))).toEqual([]);

    const updated = await call('PATCH', `/api/workspaces/${ws}/agents/${caller}`, owner.token, {
      spec: { name: 'Default Caller', steps: [request('call', acme)] },
    });
    expect(updated.status, updated.text).toBe(200);
    const users = await usage();
    expect(names(users.get(acme))).toEqual(['Default Caller']);
    expect(names(users.get(backup))).toEqual(['Backup Caller']);

    expect((await call('DELETE', `/api/workspaces/${ws}/agents/${caller}`, owner.token)).status).toBe(204);
    expect(names((await usage()).get(acme))).toEqual([]);
  });

  it('says when an account waits for its secret, until it is given', async () => {
    const { store, vault } = orca.platform;
    // As a plan connects an account: no secret field set.
    const waiting = await store.inWorkspace(ws, async (scope) =>
      insertConnection(scope, {
        service: 'shop',
        label: '',
        kind: 'api_key',
        isDefault: true,
        settings: {
          allowedHosts: ['shop.test'],
          headerName: 'Authorization',
          prefix: 'Bearer ',
          secretFields: [],
        },
        sealedSecret: await vault.sealSecret(scope, {}),
        createdBy: owner.id,
      }),
    );
    const read = await call('GET', `/api/workspaces/${ws}/connections/${waiting.id}`, owner.token);
    expect(read.body).toMatchObject({ waitingForSecret: true, secretFields: [] });
    const given = await call('PATCH', `/api/workspaces/${ws}/connections/${waiting.id}`, owner.token, {
      secret: { apiKey: 'the shop key' },
    });
    expect(given.status, given.text).toBe(200);
    expect(given.body).toMatchObject({ waitingForSecret: false, secretFields: ['apiKey'] });
    expect(given.text).not.toContain('the shop key');
  });
});
