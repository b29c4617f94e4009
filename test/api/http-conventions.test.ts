// The HTTP conventions every route shares (docs/api-conventions.md): WWW-Authenticate on a 401,
// 405 with Allow for a known path asked with another method, 415 for a body that is not JSON,
// unknown query parameters refused by name, Location on creation, ETag and If-Match on agents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let workspace: { id: string; slug: string };

const noteTaker = (name = 'Note Taker') => ({
  name,
  goal: 'Keep a note',
  steps: [{ id: 'remember', tool: 'memory.write', with: { key: 'note', value: 'kept' } }],
});

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Conventions Owner');
  workspace = await orca.createWorkspace(owner, 'Conventions');
});
afterAll(() => orca.close());

const agentsPath = () => `/api/workspaces/${workspace.id}/agents`;

async function createAgent(name: string) {
  const created = await orca.request('POST', agentsPath(), {
    token: owner.token,
    body: { spec: noteTaker(name) },
  });
  expect(created.status).toBe(201);
  return created;
}

describe('authentication challenge', () => {
  it('names the Bearer scheme on a 401', async () => {
    const response = await orca.request('GET', '/api/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});

describe('methods', () => {
  it('answers 405 with Allow for a known path and an unsupported method', async () => {
    const response = await orca.request('PUT', agentsPath(), { token: owner.token, body: {} });
    expect(response.status).toBe(405);
    expect(response.body.error.code).toBe('method_not_allowed');
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('still answers 404 for a path that does not exist', async () => {
    const response = await orca.request('GET', '/api/no-such-thing', { token: owner.token });
    expect(response.status).toBe(404);
  });
});

describe('media types', () => {
  it('answers 415 to a body that is not JSON where JSON is required', async () => {
    const response = await orca.request('POST', agentsPath(), {
      token: owner.token,
      rawBody: 'spec=none',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('unsupported_media_type');
    expect(response.body.error.message).toMatch(/application\/json/);
  });
});

describe('query parameters', () => {
  it('refuses an unknown query parameter, naming it and the allowed ones', async () => {
    const response = await orca.request('GET', `${agentsPath()}?limt=5`, { token: owner.token });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.message).toMatch(/limt/);
    expect(response.body.error.message).toMatch(/limit, cursor/);
  });

  it('refuses any query parameter on a route that takes none', async () => {
    const created = await createAgent('Query Free');
    const response = await orca.request('GET', `${agentsPath()}/${created.body.id}?verbose=1`, {
      token: owner.token,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/verbose.*takes none/);
  });

  it('accepts the declared ones', async () => {
    const response = await orca.request('GET', `${agentsPath()}?limit=5&status=active`, {
      token: owner.token,
    });
    expect(response.status).toBe(200);
  });

  it('never refuses a liveness probe for a monitor’s cache-busting parameter, nor the letterhead’s version', async () => {
    expect((await orca.request('GET', '/api/health?nocache=12345')).status).toBe(200);
    // The settings page asks for the letterhead with ?v=<updatedAt>: none set yet is a 404, not a 400.
    const letterhead = await orca.request(
      'GET',
      `/api/workspaces/${workspace.id}/export-profile/letterhead?v=2026-12-07T00:00:00.000Z`,
      { token: owner.token },
    );
    expect(letterhead.status).toBe(404);
  });
});

describe('Location', () => {
  it('points a 201 at the created agent and a 202 at the started run', async () => {
    const created = await createAgent('Located');
    expect(created.headers.get('location')).toBe(`/api/workspaces/${workspace.id}/agents/${created.body.id}`);
    const read = await orca.request('GET', created.headers.get('location') ?? '', { token: owner.token });
    expect(read.body.id).toBe(created.body.id);
    const run = await orca.request('POST', `${agentsPath()}/${created.body.id}/runs`, {
      token: owner.token,
      body: { input: {} },
    });
    expect(run.status).toBe(202);
    expect(run.headers.get('location')).toBe(`/api/workspaces/${workspace.id}/runs/${run.body.id}`);
  });
});

describe('ETag and If-Match on agents', () => {
  it('answers a read with an ETag, takes a change that names it, and refuses a stale one with 412', async () => {
    const created = await createAgent('Tagged');
    const path = `${agentsPath()}/${created.body.id}`;
    const read = await orca.request('GET', path, { token: owner.token });
    const tag = read.headers.get('etag');
    expect(tag).toMatch(/^"[^"]+"$/);
    expect(created.headers.get('etag')).toBe(tag);
    const changed = await orca.request('PATCH', path, {
      token: owner.token,
      body: { spec: { ...noteTaker('Tagged'), goal: 'Keep another note' } },
      headers: { 'if-match': tag ?? '' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
    expect(changed.headers.get('etag')).not.toBe(tag);
    const stale = await orca.request('PATCH', path, {
      token: owner.token,
      body: { spec: { ...noteTaker('Tagged'), goal: 'A stale change' } },
      headers: { 'if-match': tag ?? '' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    expect(stale.body.error.details.currentETag).toBe(changed.headers.get('etag'));
    const staleDelete = await orca.request('DELETE', path, {
      token: owner.token,
      headers: { 'if-match': tag ?? '' },
    });
    expect(staleDelete.status).toBe(412);
    const paused = await orca.request('POST', `${path}/pause`, {
      token: owner.token,
      headers: { 'if-match': changed.headers.get('etag') ?? '' },
    });
    expect(paused.status).toBe(200);
    // A pause changes the agent, so its tag changes too.
    expect(paused.headers.get('etag')).not.toBe(changed.headers.get('etag'));
  });
});

describe('paging of agent versions', () => {
  it('takes limit and cursor, and gives nextCursor until the last page', async () => {
    const created = await createAgent('Paged Versions');
    const path = `${agentsPath()}/${created.body.id}`;
    for (const goal of ['second', 'third']) {
      const changed = await orca.request('PATCH', path, {
        token: owner.token,
        body: { spec: { ...noteTaker('Paged Versions'), goal } },
      });
      expect(changed.status).toBe(200);
    }
    const first = await orca.request('GET', `${path}/versions?limit=2`, { token: owner.token });
    expect(first.body.items.map((item: { version: number }) => item.version)).toEqual([3, 2]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await orca.request(
      'GET',
      `${path}/versions?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: owner.token },
    );
    expect(second.body.items.map((item: { version: number }) => item.version)).toEqual([1]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe('paging of every list', () => {
  async function walk(path: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await orca.request('GET', `${path}${separator}limit=2${suffix}`, { token: owner.token });
      expect(page.status, page.text).toBe(200);
      ids.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    return ids;
  }

  it('walks tokens and invitations past one page, each item once, in the order of one page', async () => {
    const base = `/api/workspaces/${workspace.id}`;
    for (const index of [1, 2, 3]) {
      const token = await orca.request('POST', `${base}/tokens`, {
        token: owner.token,
        body: { name: `paged ${index}`, role: 'viewer' },
      });
      expect(token.status, token.text).toBe(201);
      expect(token.headers.get('location')).toBe(`${base}/tokens/${token.body.id}`);
      const invitation = await orca.request('POST', `${base}/invitations`, {
        token: owner.token,
        body: { email: `paged-${index}@example.com`, role: 'viewer' },
      });
      expect(invitation.status, invitation.text).toBe(201);
      expect(invitation.headers.get('location')).toBe(`${base}/invitations/${invitation.body.id}`);
    }
    for (const list of ['tokens', 'invitations']) {
      const whole = await orca.request('GET', `${base}/${list}?limit=200`, { token: owner.token });
      const walked = await walk(`${base}/${list}`);
      expect(walked).toEqual(whole.body.items.map((item: { id: string }) => item.id));
      expect(new Set(walked).size).toBe(walked.length);
    }
  });

  it('walks agents, runs, workrooms, files and the audit log made in one instant, each once', async () => {
    // Its own workspace: the other tests' rows would only blur what each list holds.
    const tied = await orca.createWorkspace(owner, 'Tied Instants');
    const base = `/api/workspaces/${tied.id}`;
    for (const index of [1, 2, 3, 4, 5]) {
      const agent = await orca.request('POST', `${base}/agents`, {
        token: owner.token,
        body: { spec: noteTaker(`Tied ${index}`) },
      });
      expect(agent.status, agent.text).toBe(201);
      const run = await orca.request('POST', `${base}/agents/${agent.body.id}/runs`, {
        token: owner.token,
        body: { input: {} },
      });
      expect(run.status, run.text).toBe(202);
      const workroom = await orca.request('POST', `${base}/workrooms`, {
        token: owner.token,
        body: { name: `Client ${index}` },
      });
      expect(workroom.status, workroom.text).toBe(201);
      const file = await orca.request('POST', `${base}/deliverables?name=notes-${index}.txt`, {
        token: owner.token,
        rawBody: `note ${index}`,
        headers: { 'content-type': 'text/plain' },
      });
      expect(file.status, file.text).toBe(201);
    }
    // Rows made in one instant (one transaction, one busy millisecond) share their time: the
    // pages break the tie by id, and neither skip nor repeat a row.
    for (const table of ['agents', 'runs', 'workrooms', 'deliverables', 'audit_events']) {
      await orca.platform.database.executeRaw(
        `update ${table} set created_at = '2026-12-07T10:00:00.123456Z' where workspace_id = '${tied.id}'`,
      );
    }
    for (const list of ['agents', 'runs', 'workrooms', 'deliverables', 'audit']) {
      const whole = await orca.request('GET', `${base}/${list}?limit=200`, { token: owner.token });
      expect(whole.body.items.length, list).toBeGreaterThanOrEqual(5);
      const walked = await walk(`${base}/${list}`);
      expect(walked, list).toEqual(whole.body.items.map((item: { id: string }) => item.id));
      expect(new Set(walked).size, list).toBe(walked.length);
    }
  });

  it('walks connections, one-off runs, file versions, style samples, conversations and plans', async () => {
    const paged = await orca.createWorkspace(owner, 'Paged Lists');
    const base = `/api/workspaces/${paged.id}`;
    const agent = await orca.request('POST', `${base}/agents`, {
      token: owner.token,
      body: { spec: noteTaker('Paged Lists Agent') },
    });
    expect(agent.status, agent.text).toBe(201);
    const agentPath = `${base}/agents/${agent.body.id}`;
    let fileId = '';
    for (const index of [1, 2, 3]) {
      const made = await Promise.all([
        orca.request('POST', `${base}/connections`, {
          token: owner.token,
          body: {
            service: index === 2 ? 'billing-api' : 'crm-api',
            label: `Account ${index}`,
            kind: 'api_key',
            settings: { allowedHosts: ['api.example.com'] },
            secret: { apiKey: `key-${index}` },
          },
        }),
        orca.request('POST', `${agentPath}/one-off-runs`, {
          token: owner.token,
          body: { runAt: `2099-12-0${index}T14:00:00Z` },
        }),
        orca.request('POST', `${base}/deliverables?name=report.txt`, {
          token: owner.token,
          rawBody: `draft ${index}`,
          headers: { 'content-type': 'text/plain' },
        }),
        orca.request('POST', `${agentPath}/style/samples`, {
          token: owner.token,
          body: {
            text: `Sample number ${index}. It reads plainly.`,
            source: 'upload',
            name: `Sample ${index}`,
          },
        }),
        orca.request('POST', `${base}/orchestrator/messages`, {
          token: owner.token,
          body: { text: `pause Paged Lists Agent` },
        }),
      ]);
      for (const response of made) expect(response.status, response.text).toBeLessThan(300);
      fileId = made[2].body.id;
    }
    for (const path of [
      `${base}/connections`,
      `${agentPath}/one-off-runs`,
      `${base}/deliverables/${fileId}/versions`,
      `${agentPath}/style/samples`,
      `${base}/orchestrator/conversations`,
      `${base}/plans`,
    ]) {
      const whole = await orca.request('GET', `${path}?limit=200`, { token: owner.token });
      expect(whole.body.items.length, path).toBe(3);
      expect(whole.body.nextCursor, path).toBeNull();
      const walked = await walk(path);
      expect(walked, path).toEqual(whole.body.items.map((item: { id: string }) => item.id));
    }
  });

  it('refuses a cursor that is not one of the list’s own', async () => {
    const response = await orca.request(
      'GET',
      `/api/workspaces/${workspace.id}/tokens?cursor=bm90LWEtY3Vyc29y`,
      {
        token: owner.token,
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/cursor is not valid/);
  });
});
