// Deliverables with versions, the export profile and branded exports over the API. The PDFs are
// checked as a person would see them: poppler's pdftotext for the words, pdfinfo for the pages,
// and pdftoppm's pixels for the letterhead and the accent colour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bannerPng, countColour, firstPageRaster, pdfPageCount, pdfText } from '../support/pdf-pages.ts';
import { waitForRunStatus } from '../support/run-waits.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let builder: TestUser;
let ws: string;

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Brand Owner');
  builder = await orca.signUp('Brand Builder');
  ws = (await orca.createWorkspace(owner, 'Brand Home')).id;
  await orca.addMember(owner, ws, builder, 'builder');
});
afterAll(() => orca.close());

async function upload(name: string, type: string, body: string, query = '') {
  const response = await orca.request(
    'POST',
    `/api/workspaces/${ws}/deliverables?name=${encodeURIComponent(name)}${query}`,
    {
      token: owner.token,
      rawBody: body,
      headers: { 'content-type': type },
    },
  );
  expect(response.status, response.text).toBe(201);
  return response.body;
}

/** Binary content: the shared request helper reads bodies as text. */
async function download(path: string) {
  const response = await orca.platform.app.request(path, {
    headers: { authorization: `Bearer ${owner.token}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

function waitForRun(runId: string) {
  return waitForRunStatus(orca, { workspace: ws, runId, token: owner.token });
}

describe('deliverable versions', () => {
  it('keeps every upload of one name as numbered versions, lists them, and filters the newest', async () => {
    const first = await upload('Plan.md', 'text/markdown', '# One');
    const second = await upload('plan.md', 'text/markdown', '# Two');
    expect(first).toMatchObject({ version: 1, latest: true, workroomId: null });
    expect(second).toMatchObject({ version: 2, latest: true });
    const versions = await orca.request('GET', `/api/workspaces/${ws}/deliverables/${first.id}/versions`, {
      token: owner.token,
    });
    expect(
      versions.body.items.map((item: { version: number; latest: boolean }) => [item.version, item.latest]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);
    const newest = await orca.request('GET', `/api/workspaces/${ws}/deliverables?name=PLAN.md&latest=true`, {
      token: owner.token,
    });
    expect(newest.body.items.map((item: { id: string }) => item.id)).toEqual([second.id]);
    const all = await orca.request('GET', `/api/workspaces/${ws}/deliverables?name=plan.md`, {
      token: owner.token,
    });
    expect(all.body.items).toHaveLength(2);
    const other = await upload('other.md', 'text/markdown', 'x', `&versionOf=${first.id}`);
    expect(other.version).toBe(3);
  });

  it('makes a new version when a run saves a name again, but not when a save is replayed', async () => {
    const agent = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Report Writer',
          steps: [
            {
              id: 'save',
              tool: 'files.save',
              with: { name: 'report.pdf', content: '# Weekly report\n\nSales grew by **12%**.' },
            },
          ],
        },
      },
    });
    expect(agent.status, agent.text).toBe(201);
    for (const expected of [1, 2]) {
      const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/runs`, {
        token: owner.token,
        body: { input: {} },
      });
      const run = await waitForRun(started.body.id);
      expect(run.status).toBe('succeeded');
      const files = await orca.request('GET', `/api/workspaces/${ws}/deliverables?run=${run.id}`, {
        token: owner.token,
      });
      expect(files.body.items).toHaveLength(1);
      expect(files.body.items[0]).toMatchObject({
        name: 'report.pdf',
        version: expected,
        contentType: 'application/pdf',
      });
      const { bytes } = await download(files.body.items[0].contentPath);
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(pdfText(bytes)).toContain('Sales grew by 12%');
    }
  });
});

describe('export profile and branded exports', () => {
  it('validates the profile, refuses a fake image, and lets only admins change it', async () => {
    const bad = await orca.request('PUT', `/api/workspaces/${ws}/export-profile`, {
      token: owner.token,
      body: { bodyFont: 'Comic Sans', accentColor: 'red' },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Helvetica, Times, Courier');
    expect(bad.text).toContain('#rrggbb');
    const denied = await orca.request('PUT', `/api/workspaces/${ws}/export-profile`, {
      token: builder.token,
      body: { accentColor: '#000000' },
    });
    expect(denied.status).toBe(403);
    const fake = await orca.request('PUT', `/api/workspaces/${ws}/export-profile/letterhead`, {
      token: owner.token,
      rawBody: '<svg></svg>',
      headers: { 'content-type': 'image/png' },
    });
    expect(fake.status).toBe(422);
  });

  it('exports Markdown as a branded PDF with the letterhead, accent colour, contact block and page numbers', async () => {
    const saved = await orca.request('PUT', `/api/workspaces/${ws}/export-profile`, {
      token: owner.token,
      body: {
        accentColor: '#D01010',
        bodyFont: 'Times',
        contactBlock: 'Acme Consulting\nhello@acme.test',
        footerText: 'Confidential',
      },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ accentColor: '#d01010', bodyFont: 'Times', headingFont: 'Helvetica' });
    const letterhead = await orca.request('PUT', `/api/workspaces/${ws}/export-profile/letterhead`, {
      token: owner.token,
      rawBody: bannerPng(600, 80, [20, 160, 40]),
      headers: { 'content-type': 'image/png' },
    });
    expect(letterhead.status, letterhead.text).toBe(200);
    expect(letterhead.body.letterhead).toMatchObject({ contentType: 'image/png', width: 600, height: 80 });

    const long = [
      '# Annual review',
      '',
      'Intro with a [link](https://example.com) and Unicode: 東京 → café.',
      '',
      ...Array.from(
        { length: 120 },
        (_, index) => `Paragraph ${index} talks about the year in some detail so that lines wrap.`,
      ),
    ].join('\n\n');
    const file = await upload('review.md', 'text/markdown', long);
    const exported = await download(`/api/workspaces/${ws}/deliverables/${file.id}/export?format=pdf`);
    expect(exported.status).toBe(200);
    expect(exported.type).toBe('application/pdf');
    const pdf = exported.bytes;
    const text = pdfText(pdf);
    for (const words of [
      'Annual review',
      'Acme Consulting',
      'Confidential',
      'Page 1 of',
      'https://example.com',
      'Paragraph 119',
      '?? -> café',
    ]) {
      expect(text).toContain(words);
    }
    expect(pdfPageCount(pdf)).toBeGreaterThan(3);
    const page = firstPageRaster(pdf);
    const topFifth = Math.round(page.height / 5);
    expect(countColour(page, [20, 160, 40], 0, topFifth)).toBeGreaterThan(200);
    expect(countColour(page, [208, 16, 16], 0, page.height)).toBeGreaterThan(50);

    const html = await orca.request(
      'GET',
      `/api/workspaces/${ws}/deliverables/${file.id}/export?format=html`,
      { token: owner.token },
    );
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('data:image/png;base64,');
    expect(html.text).toContain('--accent: #d01010');
    expect(html.text).toContain('東京 → café');
  });

  it('sanitises HTML, keeps an export as a deliverable, and refuses a picture', async () => {
    const page = await upload(
      'page.html',
      'text/html',
      '<h1>Hello</h1><script>alert(1)</script><img src="https://tracker.example/x.png" alt="chart"><p onclick="x()">Body <a href="javascript:alert(1)">bad</a></p>',
    );
    const html = await orca.request(
      'GET',
      `/api/workspaces/${ws}/deliverables/${page.id}/export?format=html`,
      { token: owner.token },
    );
    expect(html.text).toContain('<h1>Hello</h1>');
    expect(html.text).not.toContain('<script');
    expect(html.text).not.toContain('tracker.example');
    expect(html.text).not.toContain('javascript:');
    expect(html.text).not.toContain('onclick');
    const kept = await orca.request('POST', `/api/workspaces/${ws}/deliverables/${page.id}/export`, {
      token: owner.token,
      body: { format: 'pdf' },
    });
    expect(kept.status, kept.text).toBe(201);
    expect(kept.body).toMatchObject({ name: 'page.pdf', contentType: 'application/pdf', version: 1 });
    const picture = await orca.request('POST', `/api/workspaces/${ws}/deliverables?name=dot.png`, {
      token: owner.token,
      rawBody: bannerPng(2, 2, [0, 0, 0]),
      headers: { 'content-type': 'image/png' },
    });
    const refused = await orca.request(
      'GET',
      `/api/workspaces/${ws}/deliverables/${picture.body.id}/export?format=pdf`,
      { token: owner.token },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('Markdown, HTML, plain text, CSV and JSON');
  });
});
