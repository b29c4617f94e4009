// Credits in real Chromium against a real Orca: an owner opens the Credits page, adds 500 credits
// with a note and sees the balance rise and the ledger line carrying the note; a top-up of -5 is
// refused with the server's own message and changes nothing; the usage table groups a finished
// run by agent and by day, and its CSV link answers text/csv; the run's page shows its cost, and
// the agent's panel sets and clears a monthly budget. The page passes axe and fits a phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser, TestWorkspace } from '../support/test-platform.ts';
import {
  accessibilityViolations,
  horizontalOverflow,
  phone,
  saveScreenshot,
  startWebWorkspace,
  type Viewport,
  type WebApp,
} from '../support/web-app.ts';

let web: WebApp;
let owner: TestUser;
let workspace: TestWorkspace;
let agentId: string;
let runId: string;

async function api(method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await web.orca.request(method, `/api/workspaces/${workspace.id}${path}`, {
    token: owner.token,
    ...(body === undefined ? {} : { body }),
  });
  return response;
}

beforeAll(async () => {
  ({ web, owner, workspace } = await startWebWorkspace('Cora Credits', 'Credit Desk'));
  const created = await api('POST', '/agents', {
    spec: {
      name: 'Invoice Saver',
      steps: [{ id: 'save', tool: 'files.save', with: { name: 'invoice.md', content: '# Invoice' } }],
    },
  });
  expect(created.status, created.text).toBe(201);
  agentId = created.body.id;
  const run = await api('POST', `/agents/${agentId}/runs`, { input: {} });
  expect(run.status, run.text).toBeLessThan(300);
  runId = run.body.id;
  // expect.poll is for tests only: wait here for the run to end, then check how.
  let status = 'queued';
  for (let tries = 0; tries < 200 && !['succeeded', 'failed', 'cancelled'].includes(status); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = (await api('GET', `/runs/${runId}`)).body.status;
  }
  expect(status).toBe('succeeded');
});
afterAll(() => web?.close());

function signedInPage(viewport?: Viewport) {
  return web.signedInPage(owner, `/w/${workspace.slug}`, viewport);
}

async function balanceShown(page: Page): Promise<number> {
  const text = (await page.getByTestId('credit-balance').textContent()) ?? '';
  return Number(text.replace(/[^\d-]/g, ''));
}

describe('the Credits page', () => {
  it('tops up, refuses a bad amount with the server’s message, and shows usage with a CSV', async () => {
    const { page, policyViolations } = await signedInPage();
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Credits' }).click();
    await page.getByRole('heading', { level: 1, name: 'Credits' }).waitFor();
    await page.getByTestId('credit-balance').waitFor();
    const before = (await api('GET', '/credits')).body.balance as number;
    expect(await balanceShown(page)).toBe(before);
    await page.getByText('Allowance left this period').waitFor();

    await page.getByLabel('Amount (credits)').fill('500');
    await page.getByLabel('Note (optional)').fill('Conference budget');
    await page.getByRole('button', { name: 'Add credits' }).click();
    await page.getByRole('status').filter({ hasText: 'Added 500 credits' }).waitFor();
    await expect.poll(() => balanceShown(page)).toBe(before + 500);
    const ledger = page.getByRole('table', { name: 'Credit movements, newest first' });
    const line = ledger.getByRole('row', { name: /Conference budget/ });
    await line.waitFor();
    expect(await line.textContent()).toContain('Top-up');
    expect(await line.textContent()).toContain('+500');

    // A negative amount: the server says why, in place, and the balance stays.
    await page.getByLabel('Amount (credits)').fill('-5');
    await page.getByRole('button', { name: 'Add credits' }).click();
    const refused = await api('POST', '/credits/topups', { amount: -5 });
    expect(refused.status).toBe(422);
    await page.getByRole('alert').filter({ hasText: refused.body.error.message }).waitFor();
    expect(await balanceShown(page)).toBe(before + 500);
    expect((await api('GET', '/credits')).body.balance).toBe(before + 500);

    // Usage, by agent then by day; the CSV link downloads the same grouping.
    const byAgent = page.getByRole('table', { name: 'Usage by agent' });
    await byAgent.getByRole('row', { name: /Invoice Saver/ }).waitFor();
    await page.getByLabel('Group by').selectOption('day');
    await page.getByRole('table', { name: 'Usage by day' }).waitFor();
    const href = (await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')) ?? '';
    expect(href).toContain('groupBy=day');
    expect(href).toContain('format=csv');
    const csv = await page.evaluate(async (address) => {
      const response = await fetch(address);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: await response.text(),
      };
    }, href);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.text.split('\n').length).toBeGreaterThan(1);

    // A period of the person's own: last month holds nothing here, today's dates hold the run;
    // dates in the wrong order are explained and nothing is asked.
    await page.getByLabel('Group by').selectOption('agent');
    await page.getByLabel('Period').selectOption('lastMonth');
    await byAgent.getByText('Nothing spent in this period.').waitFor();
    await page.getByLabel('Period').selectOption('custom');
    await page.getByText('Pick both dates to see the usage between them.').waitFor();
    const today = await page.evaluate(() => {
      const now = new Date();
      const pad = (value: number) => String(value).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    });
    await page.getByLabel('From').fill('2099-01-01');
    await page.getByLabel('To', { exact: true }).fill(today);
    await page.getByText('The first date must not be after the second.').waitFor();
    await page.getByLabel('From').fill(today);
    await byAgent.getByRole('row', { name: /Invoice Saver/ }).waitFor();
    const dated = (await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')) ?? '';
    expect(new URL(dated, web.url).searchParams.get('from')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'credits');
    expect(policyViolations).toEqual([]);
  });

  it('shows a run’s cost and sets and clears an agent’s monthly budget', async () => {
    const { page } = await signedInPage();
    const run = (await api('GET', `/runs/${runId}`)).body;
    await page.goto(`${web.url}/w/${workspace.slug}/runs/${runId}`);
    // A finished run is metered: its page says what it cost.
    expect(run.cost).not.toBeNull();
    const charged = run.cost.charged as number;
    await page
      .getByTestId('run-cost')
      .filter({ hasText: `Cost: ${charged.toLocaleString('en')} credit` })
      .waitFor();

    await page.goto(`${web.url}/w/${workspace.slug}/agents/${agentId}`);
    await page.getByRole('heading', { level: 2, name: 'Monthly budget' }).waitFor();
    await page.getByTestId('agent-budget-spent').filter({ hasText: 'no budget' }).waitFor();
    await page.getByLabel('Monthly budget (credits)').fill('1000');
    await page.getByRole('button', { name: 'Set budget' }).click();
    await page.getByTestId('agent-budget-spent').filter({ hasText: 'of 1,000 credits this month' }).waitFor();
    expect((await api('GET', `/agents/${agentId}/budget`)).body.monthlyBudget).toBe(1000);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Clear budget' }).click();
    await page.getByTestId('agent-budget-spent').filter({ hasText: 'no budget' }).waitFor();
    expect((await api('GET', `/agents/${agentId}/budget`)).body.monthlyBudget).toBeNull();
  });

  it('fits a phone: the Credits page never scrolls sideways', async () => {
    const { page } = await signedInPage(phone);
    await page.goto(`${web.url}/w/${workspace.slug}/credits`);
    await page.getByRole('table', { name: 'Usage by agent' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
