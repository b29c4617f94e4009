// Issue 16's agency scenario seen in real Chromium: a production workspace with two budgeted
// client workrooms, a report writer in each that has run (Client B's twice), and a branded export
// profile. The owner walks the main pages as a person would: Credits shows the balance and each
// workroom's usage, Workrooms shows both with their budgets (and a workroom's page what it spent
// against its budget once a run is refused for it), Files lists the report's versions
// with export links that answer a PDF, and Settings shows the export profile.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bannerPng } from '../support/pdf-pages.ts';
import type { TestUser, TestWorkspace } from '../support/test-platform.ts';
import {
  accessibilityViolations,
  saveScreenshot,
  startWebWorkspace,
  type WebApp,
} from '../support/web-app.ts';

const credits = {
  plans: [{ name: 'agency', monthlyAllowance: 200 }],
  defaultPlan: 'agency',
  prices: { toolStep: { default: 3, byTool: { transform: 0 } } },
};

let web: WebApp;
let owner: TestUser;
let workspace: TestWorkspace;
const rooms: Record<string, { id: string; budget: number }> = {};

async function api(method: string, rest: string, body?: unknown) {
  const response = await web.orca.request(method, `/api/workspaces/${workspace.id}${rest}`, {
    token: owner.token,
    ...(body === undefined ? {} : { body }),
  });
  if (response.status >= 300) throw new Error(`${method} ${rest}: ${response.status} ${response.text}`);
  return response.body;
}

async function runToEnd(agentId: string, client: string) {
  const started = await api('POST', `/agents/${agentId}/runs`, { input: { client } });
  // expect.poll is for tests only: wait here for the run to end (and be settled), then check how.
  let run = { status: 'queued', cost: null as { charged: number | null } | null };
  for (let tries = 0; tries < 300; tries++) {
    run = await api('GET', `/runs/${started.id}`);
    if (['succeeded', 'failed', 'cancelled'].includes(run.status) && run.cost?.charged != null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(run.status).toBe('succeeded');
}

beforeAll(async () => {
  ({ web, owner, workspace } = await startWebWorkspace('Agnes Agency', 'Agency Production', {
    configOverrides: { credits: JSON.stringify(credits) },
  }));
  for (const [name, budget] of [
    ['Client A', 60],
    ['Client B', 90],
  ] as const) {
    rooms[name] = { id: (await api('POST', '/workrooms', { name, monthlyBudget: budget })).id, budget };
  }
  await api('PUT', '/export-profile', {
    accentColor: '#1f4fd1',
    contactBlock: 'Northwind Agency\nhello@northwind.test',
    footerText: 'Northwind Agency, confidential',
  });
  const letterhead = await web.orca.request(
    'PUT',
    `/api/workspaces/${workspace.id}/export-profile/letterhead`,
    {
      token: owner.token,
      rawBody: bannerPng(600, 80, [230, 120, 20]),
      headers: { 'content-type': 'image/png' },
    },
  );
  expect(letterhead.status, letterhead.text).toBe(200);
  for (const [name, room] of Object.entries(rooms)) {
    const agent = await api('POST', '/agents', {
      spec: {
        name: `Report Writer ${name.slice(-1)}`,
        input: { type: 'object', properties: { client: { type: 'string' } } },
        steps: [
          {
            id: 'markdown',
            tool: 'files.save',
            with: { name: 'report.md', content: '# Weekly report for {{ input.client }}\n\nSales grew.' },
          },
        ],
      },
    });
    await api('PUT', `/agents/${agent.id}/workroom`, { workroomId: room.id });
    await runToEnd(agent.id, name);
    if (name === 'Client B') await runToEnd(agent.id, name);
  }
});
afterAll(() => web?.close());

async function navigate(page: Page, link: string) {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: link }).waitFor();
}

describe('an agency walks its production workspace', () => {
  it('sees the balance and both workrooms’ usage on Credits, and both budgets on Workrooms', async () => {
    const { page, policyViolations } = await web.signedInPage(owner, `/w/${workspace.slug}`);
    await navigate(page, 'Credits');
    const view = await api('GET', '/credits');
    // Client A ran once, Client B twice: three runs of one 3-credit step.
    expect(view.balance).toBe(200 - 9);
    await expect
      .poll(async () =>
        Number(((await page.getByTestId('credit-balance').textContent()) ?? '').replace(/\D/g, '')),
      )
      .toBe(view.balance);
    await page.getByLabel('Group by').selectOption('workroom');
    const usage = page.getByRole('table', { name: 'Usage by workroom' });
    for (const [name, credits] of [
      ['Client A', '3'],
      ['Client B', '6'],
    ] as const) {
      const row = usage.getByRole('row', { name: new RegExp(name) });
      await row.waitFor();
      expect(await row.getByRole('cell').first().textContent()).toBe(credits);
    }
    const csvHref = (await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')) ?? '';
    expect(csvHref).toContain('groupBy=workroom');
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), csvHref);
    expect(csv).toContain(`Client A,${rooms['Client A']?.id},3,1`);
    expect(csv).toContain(`Client B,${rooms['Client B']?.id},6,2`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'agency-credits');

    await navigate(page, 'Workrooms');
    for (const [name, room] of Object.entries(rooms)) {
      const row = page.getByRole('row', { name: new RegExp(name) });
      await row.waitFor();
      expect(await row.textContent()).toContain(`${room.budget} credits a month`);
    }
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'agency-workrooms');

    // Client A's budget lowered below what it spent: its next run is refused (402), and its page
    // says what was spent against the budget, so the refusal can be understood there.
    await api('PUT', `/workrooms/${rooms['Client A']?.id}/budget`, { monthlyBudget: 2 });
    const agents = await api('GET', `/agents?workroom=${rooms['Client A']?.id}`);
    const refused = await web.orca.request(
      'POST',
      `/api/workspaces/${workspace.id}/agents/${agents.items[0].id}/runs`,
      { token: owner.token, body: { input: { client: 'Client A' } } },
    );
    expect(refused.status).toBe(402);
    await page.getByRole('link', { name: 'Client A' }).click();
    await page.getByRole('heading', { level: 1, name: 'Client A' }).waitFor();
    await page.getByText('2 credits a month').waitFor();
    await page
      .getByTestId('workroom-budget-spent')
      .filter({ hasText: '3 credits (0 credits of the budget left)' })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(policyViolations).toEqual([]);
  });

  it('lists Client B’s report with both versions and export links on Files, and the profile in Settings', async () => {
    const { page, policyViolations } = await web.signedInPage(owner, `/w/${workspace.slug}`);
    await page.goto(`${web.url}/w/${workspace.slug}/files?workroom=${encodeURIComponent('Client B')}`);
    await page.getByRole('heading', { level: 1, name: 'Files' }).waitFor();
    const row = page
      .getByTestId('file-row')
      .filter({ has: page.getByRole('link', { name: 'report.md', exact: true }) });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('file-version-number').textContent()).toBe('v2');
    await row.getByText('Versions', { exact: true }).click();
    const versions = row.getByTestId('file-version');
    await versions.first().waitFor();
    expect(await versions.allTextContents()).toEqual([
      expect.stringContaining('v2'),
      expect.stringContaining('v1'),
    ]);
    const pdfHref = await row.getByRole('link', { name: 'Export report.md as PDF' }).getAttribute('href');
    const pdf = await page.evaluate(async (href) => {
      const response = await fetch(href ?? '');
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, start: String.fromCharCode(...bytes.slice(0, 5)) };
    }, pdfHref);
    expect(pdf).toEqual({ status: 200, start: '%PDF-' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'agency-files');

    await page.goto(`${web.url}/w/${workspace.slug}/settings?tab=export-profile`);
    await page.getByRole('heading', { level: 2, name: 'Export profile' }).waitFor();
    const letterhead = page.getByRole('img', { name: 'The letterhead' });
    await letterhead.waitFor();
    await expect
      .poll(() => letterhead.evaluate((image) => (image as HTMLImageElement).naturalWidth))
      .toBe(600);
    expect(await page.getByTestId('letterhead-facts').textContent()).toContain('PNG, 600×80');
    expect((await page.getByLabel('Accent colour', { exact: true }).inputValue()).toLowerCase()).toBe(
      '#1f4fd1',
    );
    expect(await page.getByLabel('Contact block').inputValue()).toBe(
      'Northwind Agency\nhello@northwind.test',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'agency-settings');
    expect(policyViolations).toEqual([]);
  });
});
