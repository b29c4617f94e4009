// Advice raised in the chat, in real Chromium: an agent fails three times (a local server that
// answers 503); when its owner opens the workspace the Orchestrator says "Since you were last
// here", with a card giving the figures. Accept makes a plan card to approve. On the next visit
// the same advice is not raised again: it waits, folded, under "Earlier suggestions".
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser, TestWorkspace } from '../support/test-platform.ts';
import {
  accessibilityViolations,
  saveScreenshot,
  startWebWorkspace,
  type WebApp,
} from '../support/web-app.ts';

let web: WebApp;
let server: Server;
let owner: TestUser;
let workspace: TestWorkspace;

/** Waits for a run to end, and expects it failed. */
async function finished(runId: string) {
  for (let tries = 0; tries < 300; tries++) {
    const run = await web.orca.request('GET', `/api/workspaces/${workspace.id}/runs/${runId}`, {
      token: owner.token,
    });
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) {
      expect(run.body.status).toBe('failed');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

async function failThreeTimes(name: string, url: string) {
  const created = await web.orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
    token: owner.token,
    body: { spec: { name, steps: [{ id: 'fetch', tool: 'http.request', with: { url } }] } },
  });
  expect(created.status, created.text).toBe(201);
  for (let run = 0; run < 3; run++) {
    const started = await web.orca.request(
      'POST',
      `/api/workspaces/${workspace.id}/agents/${created.body.id}/runs`,
      { token: owner.token, body: {} },
    );
    expect(started.status, started.text).toBe(202);
    await finished(started.body.id);
  }
}

beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(503).end('busy'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ web, owner, workspace } = await startWebWorkspace('Returning Rita', 'Back Again'));
  await failThreeTimes('Flaky Feed', `${base}/feed`);
  await failThreeTimes('Shaky Sync', `${base}/sync`);
});
afterAll(async () => {
  await web?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

const news = (page: Page) => page.getByRole('region', { name: 'Since you were last here' });

function card(page: Page, agentName: string) {
  return news(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: agentName, exact: true }) });
}

describe('advice raised when the chat opens', () => {
  it('says what is new since the last visit with the figures, once; accept makes a plan card', async () => {
    const { page } = await web.newPage();
    await web.signIn(page, owner, `/w/${workspace.slug}`);

    await news(page)
      .getByText('Since you were last here: I looked at your agents’ runs and found 2 things')
      .waitFor();
    const flaky = card(page, 'Flaky Feed');
    await flaky.getByText(/3 of its last 3 runs failed, last at step "fetch": .*503/).waitFor();
    await card(page, 'Shaky Sync')
      .getByText(/3 of its last 3 runs failed/)
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'since-you-were-last-here');

    await flaky.getByRole('button', { name: 'Accept' }).click();
    const plan = page.locator('.plan-card').first();
    await plan.getByRole('button', { name: 'Approve' }).waitFor();
    await plan.getByText(/Let "fetch" of "Flaky Feed" retry/).waitFor();
    expect(await card(page, 'Flaky Feed').count()).toBe(0);
    await plan.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => plan.getAttribute('data-plan-status')).toBe('applied');

    // The next visit raises nothing as new: the advice already shown waits, folded.
    await page.reload();
    await page.getByTestId('current-workspace').waitFor();
    const earlier = page.locator('details.earlier-suggestions');
    await earlier.getByText('Earlier suggestions (1)').waitFor();
    expect(await news(page).count()).toBe(0);
    await earlier.getByText('Earlier suggestions (1)').click();
    await earlier.getByRole('link', { name: 'Shaky Sync', exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
