// Deliverables over the API: files runs saved and files users uploaded, listed, downloaded with
// their type and checksum, deleted; never reachable from another workspace.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let ws: string;
let otherWs: string;

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Files Owner');
  viewer = await orca.signUp('Files Viewer');
  stranger = await orca.signUp('Files Stranger');
  ws = (await orca.createWorkspace(owner, 'Files Home')).id;
  otherWs = (await orca.createWorkspace(stranger, 'Files Elsewhere')).id;
  await orca.addMember(owner, ws, viewer, 'viewer');
});
afterAll(() => orca.close());

async function waitForRun(runId: string) {
  for (let tries = 0; tries < 200; tries++) {
    const run = await orca.request('GET', `/api/workspaces/${ws}/runs/${runId}`, { token: owner.token });
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

describe('deliverables API', () => {
  it('lists a file a run saved, serves its content with type and checksum, and filters by run', async () => {
    const agent = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Summary Writer',
          steps: [
            {
              id: 'save',
              tool: 'files.save',
              with: { name: 'summary.md', content: '# Week {{ input.week }}\nAll good.' },
            },
          ],
        },
      },
    });
    const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/runs`, {
      token: owner.token,
      body: { input: { week: 47 } },
    });
    const run = await waitForRun(started.body.id);
    expect(run.status).toBe('succeeded');

    const list = await orca.request('GET', `/api/workspaces/${ws}/deliverables?run=${run.id}`, {
      token: viewer.token,
    });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const file = list.body.items[0];
    const content = '# Week 47\nAll good.';
    expect(file).toMatchObject({
      name: 'summary.md',
      contentType: 'text/markdown; charset=utf-8',
      sizeBytes: Buffer.byteLength(content),
      sha256: createHash('sha256').update(content).digest('hex'),
      runId: run.id,
      agentId: agent.body.id,
    });
    const download = await orca.request('GET', file.contentPath, { token: viewer.token });
    expect(download.status).toBe(200);
    expect(download.text).toBe(content);
    expect(download.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(download.headers.get('etag')).toBe(`"${file.sha256}"`);
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''summary.md");
    const cached = await orca.request('GET', file.contentPath, {
      token: viewer.token,
      headers: { 'if-none-match': `"${file.sha256}"` },
    });
    expect(cached.status).toBe(304);
  });

  it('takes an upload from a builder, refuses one from a viewer or without content, and deletes', async () => {
    const uploaded = await orca.request('POST', `/api/workspaces/${ws}/deliverables?name=notes.txt`, {
      token: owner.token,
      rawBody: 'remember the milk',
      headers: { 'content-type': 'text/plain' },
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      name: 'notes.txt',
      contentType: 'text/plain',
      sizeBytes: 17,
      runId: null,
      createdBy: owner.id,
    });
    expect(
      (
        await orca.request('POST', `/api/workspaces/${ws}/deliverables?name=x.txt`, {
          token: viewer.token,
          rawBody: 'no',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(403);
    const empty = await orca.request('POST', `/api/workspaces/${ws}/deliverables?name=empty.txt`, {
      token: owner.token,
      rawBody: '',
      headers: { 'content-type': 'text/plain' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/empty/);
    const badName = await orca.request(
      'POST',
      `/api/workspaces/${ws}/deliverables?name=${encodeURIComponent('../etc/passwd')}`,
      {
        token: owner.token,
        rawBody: 'x',
        headers: { 'content-type': 'text/plain' },
      },
    );
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toMatch(/slashes/);

    expect(
      (
        await orca.request('DELETE', `/api/workspaces/${ws}/deliverables/${uploaded.body.id}`, {
          token: viewer.token,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await orca.request('DELETE', `/api/workspaces/${ws}/deliverables/${uploaded.body.id}`, {
          token: owner.token,
        })
      ).status,
    ).toBe(204);
    expect((await orca.request('GET', uploaded.body.contentPath, { token: owner.token })).status).toBe(404);
  });

  it('never serves a file of another workspace', async () => {
    const theirs = await orca.request('POST', `/api/workspaces/${otherWs}/deliverables?name=plan.txt`, {
      token: stranger.token,
      rawBody: 'confidential',
      headers: { 'content-type': 'text/plain' },
    });
    expect(theirs.status).toBe(201);
    for (const path of [
      `/api/workspaces/${ws}/deliverables/${theirs.body.id}`,
      `/api/workspaces/${ws}/deliverables/${theirs.body.id}/content`,
      theirs.body.contentPath,
    ]) {
      const response = await orca.request('GET', path, { token: owner.token });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.text).not.toContain('confidential');
    }
    expect(
      (
        await orca.request('DELETE', `/api/workspaces/${ws}/deliverables/${theirs.body.id}`, {
          token: owner.token,
        })
      ).status,
    ).toBe(404);
  });
});

describe('webhook signing secret', () => {
  it('shows the secret to admins only and rotates it', async () => {
    const shown = await orca.request('GET', `/api/workspaces/${ws}/webhook-signing-secret`, {
      token: owner.token,
    });
    expect(shown.status).toBe(200);
    expect(shown.body.secret).toMatch(/^whsec_/);
    expect(
      (await orca.request('GET', `/api/workspaces/${ws}/webhook-signing-secret`, { token: viewer.token }))
        .status,
    ).toBe(403);
    const rotated = await orca.request('POST', `/api/workspaces/${ws}/webhook-signing-secret/rotate`, {
      token: owner.token,
    });
    expect(rotated.body.secret).not.toBe(shown.body.secret);
    const again = await orca.request('GET', `/api/workspaces/${ws}/webhook-signing-secret`, {
      token: owner.token,
    });
    expect(again.body.secret).toBe(rotated.body.secret);
  });
});
