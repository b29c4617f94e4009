// Deliverables over the API: files runs saved and files users uploaded, listed, downloaded with
// their type and checksum, deleted; never reachable from another workspace.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForRunStatus } from '../support/run-waits.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';
import { tinyPdf, tinyPng } from '../support/tiny-files.ts';

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

function waitForRun(runId: string) {
  return waitForRunStatus(orca, { workspace: ws, runId, token: owner.token });
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

describe('deliverables shown in the page', () => {
  async function upload(
    workspaceId: string,
    token: string,
    name: string,
    type: string,
    body: string | Uint8Array<ArrayBuffer>,
  ) {
    const uploaded = await orca.request(
      'POST',
      `/api/workspaces/${workspaceId}/deliverables?name=${encodeURIComponent(name)}`,
      { token, rawBody: body, headers: { 'content-type': type } },
    );
    expect(uploaded.status, uploaded.text).toBe(201);
    return uploaded.body as { id: string; contentPath: string };
  }

  it('serves PDF, pictures and plain text inline, sandboxed, framed only by Orca', async () => {
    const files = [
      await upload(ws, owner.token, 'report.pdf', 'application/pdf', tinyPdf('Report')),
      await upload(ws, owner.token, 'dot.png', 'image/png', tinyPng()),
      await upload(ws, owner.token, 'note.txt', 'text/plain; charset=utf-8', 'plain words'),
    ];
    for (const file of files) {
      const shown = await orca.request('GET', `${file.contentPath}?disposition=inline`, {
        token: viewer.token,
      });
      expect(shown.status).toBe(200);
      expect(shown.headers.get('content-disposition')).toMatch(/^inline; filename\*=UTF-8''/);
      const policy = shown.headers.get('content-security-policy') ?? '';
      expect(policy).toContain('sandbox');
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("frame-ancestors 'self'");
      expect(shown.headers.get('x-content-type-options')).toBe('nosniff');
      // Without asking, the same file is still a download that no page may frame.
      const downloaded = await orca.request('GET', file.contentPath, { token: viewer.token });
      expect(downloaded.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(downloaded.headers.get('content-security-policy')).not.toContain('frame-ancestors');
    }
  });

  it('keeps HTML, SVG, JSON and unknown types as attachments even when asked to show them', async () => {
    const unsafe = [
      await upload(ws, owner.token, 'page.html', 'text/html; charset=utf-8', '<script>alert(1)</script>'),
      await upload(ws, owner.token, 'logo.svg', 'image/svg+xml', '<svg onload="alert(1)"></svg>'),
      await upload(ws, owner.token, 'data.json', 'application/json', '{"a":1}'),
      await upload(ws, owner.token, 'blob.bin', 'application/x-custom', 'bytes'),
    ];
    for (const file of unsafe) {
      const asked = await orca.request('GET', `${file.contentPath}?disposition=inline`, {
        token: owner.token,
      });
      expect(asked.status).toBe(200);
      expect(asked.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(asked.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      expect(asked.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const wrong = await orca.request('GET', `${unsafe[0]?.contentPath}?disposition=open`, {
      token: owner.token,
    });
    expect(wrong.status).toBe(400);
  });

  it('never serves inline a type a browser reads as another (a comma starts a second type)', async () => {
    // Browsers read the last of comma-separated Content-Type values: "text/plain; a=b, text/html"
    // is rendered as a web page. Such a stored type is served as a download, whatever it starts with.
    const page = '<h1>Your session expired</h1><a href="https://evil.example">Sign in again</a>';
    const confusing = [
      await upload(ws, owner.token, 'note.txt', 'text/plain; a=b, text/html', page),
      await upload(ws, owner.token, 'dot.png', 'image/png; x=1, text/html', page),
      await upload(ws, owner.token, 'report.pdf', 'application/pdf,text/html', page),
      await upload(ws, owner.token, 'quoted.txt', 'text/plain; a="x", text/html', page),
    ];
    for (const file of confusing) {
      const asked = await orca.request('GET', `${file.contentPath}?disposition=inline`, {
        token: viewer.token,
      });
      expect(asked.status).toBe(200);
      expect(asked.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(asked.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    }
    // A well-formed type is served inline with exactly the type that was checked.
    const plain = await upload(ws, owner.token, 'plain.txt', 'TEXT/Plain;  charset="UTF-8"', 'words');
    const shown = await orca.request('GET', `${plain.contentPath}?disposition=inline`, {
      token: viewer.token,
    });
    expect(shown.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(shown.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('refuses to show a file of another workspace inline', async () => {
    const theirs = await upload(otherWs, stranger.token, 'secret.pdf', 'application/pdf', tinyPdf('Secret'));
    const asked = await orca.request(
      'GET',
      `/api/workspaces/${ws}/deliverables/${theirs.id}/content?disposition=inline`,
      { token: owner.token },
    );
    expect(asked.status).toBe(404);
    const direct = await orca.request('GET', `${theirs.contentPath}?disposition=inline`, {
      token: owner.token,
    });
    expect(direct.status).not.toBe(200);
    expect(direct.text).not.toContain('Secret');
  });
});
