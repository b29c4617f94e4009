// The journey the web app exists for, as a person who has never read the docs takes it, in real
// Chromium against a real Orca: sign up, create a workspace, ask the Orchestrator for an agent
// about a local page, answer its question, approve, watch the test run succeed live, open what it
// collected, ask for a weekday schedule, approve, see the schedule in the agent panel, undo it —
// with axe on every page and a screenshot of each.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPages, serveLocalPages } from '../support/local-pages.ts';
import {
  accessibilityViolations,
  createWorkspaceInBrowser,
  saveScreenshot,
  signUpInBrowser,
  startWebApp,
  type WebApp,
} from '../support/web-app.ts';

const teamPage = `<html><body><h1>Meet the team</h1><table>
  <tr><th>Name</th><th>Role</th></tr>
  <tr><td>Katherine Johnson</td><td>Mathematician</td></tr>
  <tr><td>Dorothy Vaughan</td><td>Programmer</td></tr>
  <tr><td>Mary Jackson</td><td>Engineer</td></tr>
</table></body></html>`;

let web: WebApp;
let pages: LocalPages;
let base: string;

beforeAll(async () => {
  pages = await serveLocalPages({ '/about/team': teamPage });
  base = pages.base;
  web = await startWebApp();
});
afterAll(async () => {
  await web?.close();
  await pages?.close();
});

async function say(page: Page, text: string) {
  const box = page.getByLabel('Message to the Orchestrator');
  await box.fill(text);
  await box.press('Enter');
}

async function expectAccessible(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe('a newcomer, in the browser alone', () => {
  it('goes from sign-up to a tested agent on a schedule, sees its output, and undoes the schedule', {
    timeout: 150_000,
  }, async () => {
    const { page, policyViolations } = await web.newPage();
    // A step that never comes fails with its own locator, well before the test's own limit.
    page.setDefaultTimeout(20_000);

    // Sign up and create the first workspace.
    await page.goto(web.url);
    await expectAccessible(page);
    await saveScreenshot(page, 'journey-sign-up');
    await signUpInBrowser(page, 'Journey Newcomer');
    await page.getByText('Create your first workspace').waitFor();
    await expectAccessible(page);
    await createWorkspaceInBrowser(page, 'Journey Works');
    const ws = new URL(page.url()).pathname.split('/')[2] ?? '';
    expect(ws).not.toBe('');

    // The empty workspace says what to type first.
    await page.getByText('Tell the Orchestrator what you want done').waitFor();
    await page.getByText('No agents yet').waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'journey-empty-workspace');

    // Ask; the Orchestrator asks how people are marked on the page; answer with a button.
    await say(page, `scrape the team members from ${base}/about/team`);
    await page.getByText('What marks each of the people on the page?').first().waitFor();
    await expectAccessible(page);
    await page.locator('.messages .plan-card').last().getByRole('button', { name: 'table rows' }).click();

    // The plan says what it will do; approve it.
    const plan = page.locator('.messages .plan-card').nth(1);
    await plan.getByRole('button', { name: 'Approve' }).waitFor();
    expect(await plan.textContent()).toContain(`${base}/about/team`);
    await expectAccessible(page);
    await saveScreenshot(page, 'journey-plan');
    await plan.getByRole('button', { name: 'Approve' }).click();

    // The test run shows live in the card and ends succeeded.
    const testRun = plan.getByTestId('test-run');
    await expect
      .poll(() => testRun.locator('[data-status]').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('succeeded');
    await page.getByText(/The test run of ".*" succeeded/).waitFor();

    // The new agent is in the overview and has a panel.
    const agentHref = (await plan.locator('a.agent-link').first().getAttribute('href')) ?? '';
    expect(agentHref).toMatch(new RegExp(`^/w/${ws}/agents/[\\w-]+$`));
    const agentId = agentHref.split('/').at(-1) ?? '';

    // Open the run: it succeeded, and what it collected is there to read and to download.
    await testRun.getByRole('link', { name: 'Open the run' }).click();
    await page.getByRole('heading', { name: /^Run of /, level: 1 }).waitFor();
    await expect
      .poll(() => page.getByTestId('run-status').locator('[data-status]').getAttribute('data-status'))
      .toBe('succeeded');
    const records = page.locator('.run-page').getByRole('table', { name: /What it got: 3 records/ });
    await records.waitFor();
    for (const name of ['Katherine Johnson', 'Dorothy Vaughan', 'Mary Jackson'])
      await records.getByRole('cell', { name }).waitFor();
    // The saved file: its name opens the preview (a table), its Download link the file itself.
    const download = page
      .locator('.run-page')
      .getByRole('link', { name: /^Download .*\.csv$/ })
      .first();
    await download.waitFor();
    const csv = await page.request.get(new URL((await download.getAttribute('href')) ?? '', web.url).href);
    expect(csv.status()).toBe(200);
    const csvText = await csv.text();
    for (const name of ['Katherine Johnson', 'Dorothy Vaughan', 'Mary Jackson'])
      expect(csvText).toContain(name);
    await page
      .locator('.run-page')
      .getByRole('link', { name: /\.csv$/ })
      .first()
      .click();
    for (const name of ['Katherine Johnson', 'Dorothy Vaughan', 'Mary Jackson'])
      await page.locator('#panel').getByRole('table').getByRole('cell', { name }).waitFor();
    await page.goBack();
    await records.waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'journey-run');

    // Back to the chat: schedule it in words and approve as proposed.
    await page.goBack();
    await page.locator('.messages .plan-card').nth(1).waitFor();
    await say(page, 'run it every weekday at 8am');
    const schedulePlan = page.locator('.messages .plan-card').nth(2);
    await schedulePlan.getByText('Next times').waitFor();
    await schedulePlan.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => schedulePlan.getAttribute('data-plan-status')).toBe('applied');

    // The agent panel, opened from the plan, shows the schedule in words with its next times.
    await plan.locator('a.agent-link').first().click();
    await page.getByRole('heading', { name: /People Scraper/, level: 1 }).waitFor();
    const scheduleSection = page.getByRole('region', { name: 'Schedule' });
    await scheduleSection
      .getByText(/weekday|Monday (to|through) Friday/i)
      .first()
      .waitFor();
    await scheduleSection
      .getByText(/08:00|8:00/)
      .first()
      .waitFor();
    expect(await scheduleSection.locator('.next-times li').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await saveScreenshot(page, 'journey-agent');

    // Undo the schedule in the chat beside the panel: the panel follows without a reload.
    await schedulePlan.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => schedulePlan.getAttribute('data-plan-status')).toBe('undone');
    await scheduleSection.getByText(/Not scheduled/).waitFor();
    const schedule = await page.request.get(`${web.url}/api/workspaces/${ws}/agents/${agentId}/schedule`);
    expect(schedule.status()).toBe(404);
    // The agent itself stays: only the schedule was undone.
    expect((await page.request.get(`${web.url}/api/workspaces/${ws}/agents/${agentId}`)).status()).toBe(200);
    expect(policyViolations).toEqual([]);
  });
});
