// The browser tools against pages that misbehave, in real Chromium: a page that never finishes
// loading, a dialog, a pop-up window, a download over its size limit. Each ends its step with a
// clear error (or carries on where nothing is wrong), gives the browser context back, and keeps
// the checkpoints of the steps before it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserPlatform } from '../support/browser-platform.ts';
import type { TestPlatform, TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let ws: string;
let site: Server;
let base: string;

const pages: Record<string, string> = {
  '/start': '<h1>Start</h1><p class="note">first page</p>',
  '/dialog': '<script>alert("Cookies?"); confirm("Really?")</script><p class="note">behind a dialog</p>',
  '/popup': '<script>window.open("/start", "_blank")</script><p class="note">opened a window</p>',
};

beforeAll(async () => {
  site = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/hang') return; // never answers
    if (path === '/big.bin') {
      return response
        .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '4096' })
        .end(Buffer.alloc(4096, 7));
    }
    const page = pages[path];
    if (!page) return response.writeHead(404).end('not here');
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end(`<!doctype html><html><body>${page}</body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  orca = await startBrowserPlatform();
  owner = await orca.signUp('Browser Owner');
  ws = (await orca.createWorkspace(owner, 'Browser Work')).id;
}, 60_000);
afterAll(async () => {
  await orca.close();
  site.closeAllConnections();
  await new Promise<void>((resolve) => site.close(() => resolve()));
});

async function runAgent(name: string, steps: unknown[]) {
  const agent = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: { spec: { name, steps } },
  });
  if (agent.status !== 201) throw new Error(agent.text);
  const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/runs`, {
    token: owner.token,
    body: {},
  });
  let run: { status: string } & Record<string, unknown> = { status: 'queued' };
  await expect
    .poll(
      async () => {
        run = (
          await orca.request('GET', `/api/workspaces/${ws}/runs/${started.body.id}`, { token: owner.token })
        ).body;
        return ['succeeded', 'failed', 'cancelled'].includes(run.status);
      },
      { timeout: 45_000, interval: 100 },
    )
    .toBe(true);
  // biome-ignore lint/suspicious/noExplicitAny: the run is read loosely and asserted on.
  return run as any;
}

const firstPage = () => ({ id: 'first', tool: 'browser.goto', with: { url: `${base}/start` } });

describe('browser tools and misbehaving pages', () => {
  it('ends a page that never finishes loading at its timeout, keeping the step before it', async () => {
    const run = await runAgent('Hanging Page', [
      firstPage(),
      { id: 'stuck', tool: 'browser.goto', with: { url: `${base}/hang`, timeoutMs: 1500 } },
    ]);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ stepId: 'stuck' });
    expect(run.error.message).toMatch(/1500 ms|timed out|timeout/i);
    const first = run.steps.find((step: { id: string }) => step.id === 'first');
    expect(first).toMatchObject({ status: 'succeeded' });
    await expect.poll(() => orca.platform.services.browsers.openSessions).toBe(0);
  }, 60_000);

  it('dismisses dialogs and closes pop-up windows, and reads the page it was on', async () => {
    const run = await runAgent('Noisy Pages', [
      {
        id: 'dialog',
        tool: 'browser.extract',
        with: { url: `${base}/dialog`, fields: { note: { selector: '.note' } } },
      },
      {
        id: 'popup',
        tool: 'browser.extract',
        with: { url: `${base}/popup`, fields: { note: { selector: '.note' } } },
      },
    ]);
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    const outputs = Object.fromEntries(
      run.steps.map((step: { id: string; output: unknown }) => [step.id, step.output]),
    );
    expect(outputs.dialog).toMatchObject({ fields: { note: 'behind a dialog' } });
    expect(outputs.popup).toMatchObject({ fields: { note: 'opened a window' } });
    await expect.poll(() => orca.platform.services.browsers.openSessions).toBe(0);
  }, 60_000);

  it('refuses a download over its size limit, saying how to raise it, and keeps nothing of it', async () => {
    const run = await runAgent('Big Download', [
      firstPage(),
      { id: 'download', tool: 'browser.download', with: { url: `${base}/big.bin`, maxBytes: 1024 } },
    ]);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ code: 'too_large', stepId: 'download' });
    expect(run.error.message).toContain('maxBytes');
    const deliverables = await orca.request('GET', `/api/workspaces/${ws}/deliverables`, {
      token: owner.token,
    });
    expect(deliverables.body.items).toHaveLength(0);
    expect(run.steps.find((step: { id: string }) => step.id === 'first')).toMatchObject({
      status: 'succeeded',
    });
    await expect.poll(() => orca.platform.services.browsers.openSessions).toBe(0);
  }, 60_000);
});
