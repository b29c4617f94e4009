// Runs in the browser, against a real Orca and a local site on 127.0.0.1: a run followed live step
// by step until it succeeds (no reload); a failed run's error code and fix, then a retry from the
// failed step once the site works; cancelling a running run; a dropped connection that resumes
// without losing or repeating a step; the run list's filters and pages; a chain as a pipeline.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, createServer as createTcpServer, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser, TestWorkspace } from '../support/test-platform.ts';
import {
  accessibilityViolations,
  horizontalOverflow,
  phone,
  saveScreenshot,
  startWebWorkspace,
  type WebApp,
} from '../support/web-app.ts';

let web: WebApp;
let site: Server;
let base: string;
let owner: TestUser;
let workspace: TestWorkspace;
let flakyWorks = false;
/** The first test's run, opened again at phone width. */
let readerRunId = '';
const openGates = new Set<string>();
const heldAtGate = new Map<string, ServerResponse[]>();

/** Lets every request held at the gate `name` (and every later one) through. */
function openGate(name: string) {
  openGates.add(name);
  for (const response of heldAtGate.get(name) ?? []) response.end('{"through":true}');
  heldAtGate.delete(name);
}

beforeAll(async () => {
  site = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    request.resume();
    if (path === '/page') {
      return response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<h1>Team</h1><p class="name">Ada</p>');
    }
    if (path.startsWith('/gate/')) {
      const name = path.slice('/gate/'.length);
      response.writeHead(200, { 'content-type': 'application/json' });
      if (openGates.has(name)) return response.end('{"through":true}');
      heldAtGate.set(name, [...(heldAtGate.get(name) ?? []), response]);
      return;
    }
    if (path === '/flaky') {
      if (!flakyWorks) return response.writeHead(503, { 'content-type': 'text/plain' }).end('down for now');
      return response.writeHead(200, { 'content-type': 'application/json' }).end('{"saved":true}');
    }
    if (path === '/slow-collect') {
      return void setTimeout(() => response.writeHead(200).end('ok'), 250);
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  ({ web, owner, workspace } = await startWebWorkspace('Rita Runner', 'Run Watchers'));
});
afterAll(async () => {
  await web?.close();
  site?.closeAllConnections();
  await new Promise<void>((resolve) => site?.close(() => resolve()));
});

async function createAgent(spec: Record<string, unknown>) {
  const response = await web.orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
    token: owner.token,
    body: { spec },
  });
  if (response.status !== 201) throw new Error(response.text);
  return response.body as { id: string; name: string };
}

async function startRun(agentId: string) {
  const response = await web.orca.request('POST', `/api/workspaces/${workspace.id}/agents/${agentId}/runs`, {
    token: owner.token,
    body: { input: {} },
  });
  if (response.status !== 202) throw new Error(response.text);
  return response.body.id as string;
}

async function runStatus(runId: string): Promise<string> {
  const response = await web.orca.request('GET', `/api/workspaces/${workspace.id}/runs/${runId}`, {
    token: owner.token,
  });
  return response.body.status;
}

async function signedInPage(viewport?: { width: number; height: number }, origin = web.url) {
  const opened = await web.newPage(viewport);
  const { page } = opened;
  await page.goto(origin);
  await page.getByRole('tab', { name: 'Sign in' }).click();
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe('Run Watchers');
  return opened;
}

/**
 * A TCP relay in front of Orca whose connections the test can cut, as a network drop would, and
 * which refuses new ones until restored.
 */
async function startRelay(target: string) {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let refusing = false;
  // Everything the browser sent through the relay, to read the requests' heads as they really went.
  let sent = '';
  const relay = createTcpServer((client) => {
    if (refusing) return void client.destroy();
    const upstream = connect(Number(port), hostname);
    const cut = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    sockets.add(client);
    sockets.add(upstream);
    for (const socket of [client, upstream]) {
      socket.on('error', cut);
      socket.on('close', cut);
    }
    client.on('data', (chunk: Buffer) => {
      sent += chunk.toString('latin1');
    });
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    drop() {
      refusing = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      refusing = false;
    },
    /** The head of each GET the browser sent for `path` (with its query), in order. */
    requestsFor(path: string) {
      return [...sent.matchAll(/GET (\S+) HTTP\/1\.1\r\n([\s\S]*?)\r\n\r\n/g)]
        .filter((match) => new URL(match[1] as string, 'http://relay').pathname === path)
        .map((match) => ({
          url: new URL(match[1] as string, 'http://relay'),
          lastEventId: /^last-event-id: *(.*)$/im.exec(match[2] as string)?.[1],
        }));
    },
    close() {
      this.drop();
      return new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}

const runStatusBadge = (page: Page) => page.getByTestId('run-status').locator('[data-status]');
const stepRow = (page: Page, stepId: string) =>
  page.locator(`[data-testid="step-row"][data-step-id="${stepId}"]`);

describe('runs in the browser', () => {
  it('follows a run live, step by step, until it succeeds, without a reload', async () => {
    const agent = await createAgent({
      name: 'Page Reader',
      steps: [
        { id: 'fetch', tool: 'http.request', with: { url: `${base}/page` } },
        { id: 'hold', tool: 'http.request', with: { url: `${base}/gate/reader` } },
        {
          id: 'shape',
          tool: 'transform',
          with: { expression: '{"page": steps.fetch.status, "held": steps.hold.body.through}' },
        },
      ],
      output: '{{ steps.shape.value }}',
    });
    const runId = await startRun(agent.id);
    readerRunId = runId;
    const { page, policyViolations } = await signedInPage();
    await page.goto(`${web.url}/w/${workspace.slug}/runs/${runId}`);
    await page.getByRole('heading', { name: 'Run of Page Reader' }).waitFor();
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    await stepRow(page, 'hold').and(page.locator('[data-status="running"]')).waitFor();
    expect(await runStatusBadge(page).getAttribute('data-status')).toBe('running');
    expect(await stepRow(page, 'fetch').getAttribute('data-status')).toBe('succeeded');
    expect(await stepRow(page, 'shape').getAttribute('data-status')).toBe('pending');
    expect(await page.getByRole('status').textContent()).toContain('Live');

    openGate('reader');
    await runStatusBadge(page).and(page.locator('[data-status="succeeded"]')).waitFor();
    await stepRow(page, 'shape').and(page.locator('[data-status="succeeded"]')).waitFor();
    await page.getByText('"held": true').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    const agentLink = page.getByRole('link', { name: 'Page Reader' });
    expect(await agentLink.getAttribute('href')).toBe(`/w/${workspace.slug}/agents/${agent.id}`);
    expect(await page.getByText('By hand').count()).toBeGreaterThan(0);

    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(policyViolations).toEqual([]);
    await saveScreenshot(page, 'run-page');
  });

  it('shows a failure’s code and fix, then retries from the failed step once the site works', async () => {
    flakyWorks = false;
    const agent = await createAgent({
      name: 'Flaky Reporter',
      steps: [
        // A loop of three rounds: the page says how far a loop step got.
        {
          id: 'prepare',
          tool: 'transform',
          with: { expression: 'loop.index' },
          repeat: { until: 'loop.output.value = 2' },
        },
        { id: 'send', tool: 'http.request', with: { url: `${base}/flaky`, method: 'POST', json: { ok: 1 } } },
        { id: 'finish', tool: 'transform', with: { expression: 'steps.send.body.saved' } },
      ],
      output: '{{ steps.finish.value }}',
    });
    const runId = await startRun(agent.id);
    const { page } = await signedInPage();
    await page.goto(`${web.url}/w/${workspace.slug}/runs/${runId}`);
    await runStatusBadge(page).and(page.locator('[data-status="failed"]')).waitFor();
    const runFailure = page.getByTestId('failure').first();
    expect(await runFailure.getByTestId('error-code').textContent()).toBe('http_status');
    expect(await runFailure.getByTestId('error-hint').textContent()).toContain('Check the address');
    expect(await stepRow(page, 'send').getAttribute('data-status')).toBe('failed');
    expect(await stepRow(page, 'finish').getAttribute('data-status')).toBe('pending');
    expect(await stepRow(page, 'prepare').textContent()).toContain('3 rounds of its loop done');
    expect(await accessibilityViolations(page)).toEqual([]);

    flakyWorks = true;
    await page.getByLabel('Retry from step').selectOption('send');
    await page.getByRole('button', { name: 'Retry from this step' }).click();
    await runStatusBadge(page).and(page.locator('[data-status="succeeded"]')).waitFor();
    await stepRow(page, 'finish').and(page.locator('[data-status="succeeded"]')).waitFor();
    expect(await stepRow(page, 'send').getAttribute('data-status')).toBe('succeeded');
    expect(await page.getByTestId('failure').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(`/w/${workspace.slug}/runs/${runId}`);
  });

  it('cancels a running run', async () => {
    const agent = await createAgent({
      name: 'Stuck Fetcher',
      steps: [{ id: 'hold', tool: 'http.request', with: { url: `${base}/gate/never`, timeoutMs: 60_000 } }],
    });
    const runId = await startRun(agent.id);
    const { page } = await signedInPage();
    await page.goto(`${web.url}/w/${workspace.slug}/runs/${runId}`);
    await stepRow(page, 'hold').and(page.locator('[data-status="running"]')).waitFor();
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await runStatusBadge(page).and(page.locator('[data-status="cancelled"]')).waitFor();
    await page.getByText('This run was cancelled.').waitFor();
    expect(await runStatus(runId)).toBe('cancelled');
    await page.getByRole('button', { name: 'Retry from the start' }).waitFor();

    // Retried elsewhere (through the API), the open page follows the run again by itself.
    openGate('never');
    const retried = await web.orca.request('POST', `/api/workspaces/${workspace.id}/runs/${runId}/retry`, {
      token: owner.token,
    });
    expect(retried.status).toBe(202);
    await runStatusBadge(page).and(page.locator('[data-status="succeeded"]')).waitFor();
    expect(await stepRow(page, 'hold').getAttribute('data-status')).toBe('succeeded');
  });

  it('resumes after a dropped connection without losing or repeating a step', async () => {
    const stepIds = Array.from({ length: 8 }, (_, index) => `post${index + 1}`);
    const agent = await createAgent({
      name: 'Slow Poster',
      // The last step waits at a gate, so the run cannot end before the connection is cut.
      steps: stepIds.map((id) => ({
        id,
        tool: 'notify.webhook',
        with: { url: id === 'post8' ? `${base}/gate/poster` : `${base}/slow-collect`, payload: { id } },
      })),
    });
    const relay = await startRelay(web.url);
    const runId = await startRun(agent.id);
    const { page } = await signedInPage(undefined, relay.url);
    await page.goto(`${relay.url}/w/${workspace.slug}/runs/${runId}`);
    await stepRow(page, 'post1').and(page.locator('[data-status="succeeded"]')).waitFor();
    // The stored run can show post1 done before the stream has sent anything (on a busy machine
    // its first answer comes later): wait for post1's log line, which only the stream brings, so
    // the page holds a position to resume from when the connection drops.
    await stepRow(page, 'post1').locator('.step-logs summary').getByText('Logs (1)').waitFor();

    relay.drop();
    await page.getByText('Connection lost, reconnecting…').waitFor();
    // Steps go on finishing on the server while the browser is offline.
    await expect
      .poll(
        async () =>
          (
            await web.orca.request('GET', `/api/workspaces/${workspace.id}/runs/${runId}`, {
              token: owner.token,
            })
          ).body.steps.length,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(3);
    relay.restore();
    openGate('poster');

    await runStatusBadge(page).and(page.locator('[data-status="succeeded"]')).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('step-row').count()).toBe(8);
    for (const id of stepIds) {
      expect(await stepRow(page, id).getAttribute('data-status')).toBe('succeeded');
      // One "Webhook delivered" log line each: an event repeated would show twice, one lost not at
      // all. Read as the row shows it (its summary, or none), so a failure says which it was.
      await expect
        .poll(
          async () => {
            const summary = stepRow(page, id).locator('.step-logs summary');
            return `${id}: ${(await summary.count()) === 0 ? 'no logs' : await summary.textContent()}`;
          },
          { timeout: 5_000 },
        )
        .toBe(`${id}: Logs (1)`);
    }
    // The stream was asked for again, from where it stopped (Last-Event-ID, or `after` when the
    // browser gave up and the page reopened it). Read from what went through the relay: the
    // browser's own report of a request's headers sometimes lacks the ones Blink adds.
    const streamRequests = relay.requestsFor(`/api/workspaces/${workspace.slug}/runs/${runId}/events`);
    expect(streamRequests.length).toBeGreaterThan(1);
    const resumedAfter = streamRequests
      .slice(1)
      .map((request) => request.lastEventId ?? request.url.searchParams.get('after'));
    expect(resumedAfter.every((position) => Number(position) > 0)).toBe(true);
    await relay.close();
  });

  it('filters the run list by agent, status and trigger, in the address, and pages to older runs', async () => {
    const counter = await createAgent({
      name: 'Quick Counter',
      steps: [{ id: 'count', tool: 'transform', with: { expression: '1 + 1' } }],
      output: '{{ steps.count.value }}',
    });
    const runIds: string[] = [];
    // Listed whatever their status: the list shows queued and running runs too.
    for (let index = 0; index < 27; index++) runIds.push(await startRun(counter.id));
    // The status filter below expects no failed run of this agent: if one failed, say why here.
    await expect
      .poll(
        async () =>
          (await Promise.all(runIds.map(runStatus))).every(
            (status) => status === 'succeeded' || status === 'failed',
          ),
        { timeout: 90_000 },
      )
      .toBe(true);
    const failures = [];
    for (const runId of runIds) {
      const response = await web.orca.request('GET', `/api/workspaces/${workspace.id}/runs/${runId}`, {
        token: owner.token,
      });
      if (response.body.status === 'failed') failures.push(response.body.error);
    }
    expect(failures).toEqual([]);

    const { page, policyViolations } = await signedInPage();
    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    await page.getByLabel('Agent').selectOption({ label: 'Quick Counter' });
    await expect.poll(() => new URL(page.url()).searchParams.get('agent')).toBe(counter.id);
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(25);
    expect(await page.getByTestId('run-row').getByRole('link', { name: 'Quick Counter' }).count()).toBe(25);
    await page.getByRole('button', { name: 'Older runs' }).click();
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(27);
    expect(await page.getByRole('button', { name: 'Older runs' }).count()).toBe(0);

    await page.getByLabel('Status').selectOption('failed');
    await page.getByText('No runs match these filters.').waitFor();
    await page.getByRole('button', { name: 'Show all runs' }).click();
    await page.getByLabel('Agent').selectOption({ label: 'Page Reader' });
    await page.getByLabel('Started').selectOption({ label: 'by hand' });
    await page.getByLabel('Status').selectOption('succeeded');
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(1);
    expect(await page.getByTestId('run-row').first().textContent()).toContain('Page Reader');
    const address = new URL(page.url());
    expect(address.searchParams.get('status')).toBe('succeeded');
    expect(address.searchParams.get('trigger')).toBe('manual');
    await page.reload();
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(1);

    await page.goto(`${web.url}/w/${workspace.slug}/runs`);
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(25);
    // A run started elsewhere shows without a reload.
    const fresh = await startRun(counter.id);
    await expect.poll(() => runStatus(fresh), { timeout: 60_000 }).toBe('succeeded');
    await expect
      .poll(async () => page.getByTestId('run-row').first().getByRole('link').getAttribute('href'))
      .toBe(`/w/${workspace.slug}/runs/${fresh}`);

    expect(await accessibilityViolations(page)).toEqual([]);
    expect(policyViolations).toEqual([]);
    await saveScreenshot(page, 'runs');
  });

  it('shows a chain of runs as a pipeline', async () => {
    const first = await createAgent({
      name: 'Chain Start',
      steps: [{ id: 'make', tool: 'transform', with: { expression: '{"n": 1}' } }],
      output: '{{ steps.make.value }}',
    });
    const second = await createAgent({
      name: 'Chain End',
      steps: [{ id: 'use', tool: 'transform', with: { expression: '2' } }],
      output: '{{ steps.use.value }}',
    });
    const chained = await web.orca.request('POST', `/api/workspaces/${workspace.id}/chains`, {
      token: owner.token,
      body: { fromAgentId: first.id, toAgentId: second.id },
    });
    expect(chained.status).toBe(201);
    const firstRun = await startRun(first.id);
    let secondRun = '';
    await expect
      .poll(
        async () => {
          const listed = await web.orca.request(
            'GET',
            `/api/workspaces/${workspace.id}/runs?agent=${second.id}`,
            { token: owner.token },
          );
          secondRun = listed.body.items[0]?.id ?? '';
          return listed.body.items[0]?.status;
        },
        { timeout: 30_000 },
      )
      .toBe('succeeded');

    const { page } = await signedInPage();
    await page.goto(`${web.url}/w/${workspace.slug}/runs/${secondRun}`);
    const pipeline = page.getByTestId('pipeline');
    await pipeline.waitFor();
    const links = pipeline.getByRole('link');
    expect(await links.count()).toBe(2);
    expect(await links.nth(0).getAttribute('href')).toBe(`/w/${workspace.slug}/runs/${firstRun}`);
    expect(await links.nth(0).textContent()).toContain('Chain Start');
    expect(await links.nth(1).getAttribute('aria-current')).toBe('page');
    expect(await links.nth(1).textContent()).toContain('From a chain');
    await links.nth(0).click();
    await page.getByRole('heading', { name: 'Run of Chain Start' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows a browser step’s screenshot as a picture and a saved file as a download link', async () => {
    const agent = await createAgent({
      name: 'Page Photographer',
      steps: [
        { id: 'open', tool: 'browser.goto', with: { url: `${base}/page` } },
        { id: 'picture', tool: 'browser.screenshot', with: { name: 'team.png' } },
        { id: 'keep', tool: 'files.save', with: { name: 'team.txt', content: 'Ada' } },
      ],
    });
    const runId = await startRun(agent.id);
    const { page } = await signedInPage();
    await page.goto(`${web.url}/w/${workspace.slug}/runs/${runId}`);
    await runStatusBadge(page).and(page.locator('[data-status="succeeded"]')).waitFor({ timeout: 60_000 });
    const picture = stepRow(page, 'picture').getByRole('img', { name: 'Screenshot team.png' });
    await picture.waitFor();
    await expect
      .poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBeGreaterThan(0);
    const download = stepRow(page, 'keep').getByRole('link', { name: 'Download team.txt' });
    await download.waitFor();
    const href = (await download.getAttribute('href')) ?? '';
    const content = await web.orca.request('GET', href, { token: owner.token });
    expect(content.text).toBe('Ada');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('fits a phone: the run list and the run page do not scroll sideways', async () => {
    const { page } = await signedInPage(phone);
    await page.getByRole('button', { name: 'Workspace', exact: true }).click();
    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    await page.getByRole('heading', { name: 'Runs', level: 1 }).waitFor();
    await page.getByTestId('run-row').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.goto(`${web.url}/w/${workspace.slug}/runs/${readerRunId}`);
    await page.getByRole('button', { name: 'Workspace', exact: true }).click();
    await stepRow(page, 'shape').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
