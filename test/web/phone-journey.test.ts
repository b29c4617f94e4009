// The newcomer's whole journey on a phone (390×844), in real Chromium against a real Orca
// (built-in planner): sign up, create a workspace, ask the chat for a scraper, answer, approve,
// watch the test run, see the agent and the run's output, schedule it, see the schedule, undo.
// After every step nothing scrolls sideways; every distinct page has no accessibility violation
// and is kept as a `phone-<page>` screenshot.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPages, serveLocalPages } from '../support/local-pages.ts';
import {
  accessibilityViolations,
  createWorkspaceInBrowser,
  horizontalOverflow,
  phone,
  saveScreenshot,
  signUpInBrowser,
  startWebApp,
  type WebApp,
} from '../support/web-app.ts';

const teamPage = `<html><body><h1>Our team</h1><table>
  <tr class="person"><td class="name">Ada Lovelace</td><td class="role">Analytical engineer</td></tr>
  <tr class="person"><td class="name">Grace Hopper</td><td class="role">Compiler engineer</td></tr>
  <tr class="person"><td class="name">Joan Clarke</td><td class="role">Cryptanalyst</td></tr>
</table></body></html>`;

let web: WebApp;
let pages: LocalPages;
let base: string;

beforeAll(async () => {
  pages = await serveLocalPages({ '/team': teamPage });
  base = pages.base;
  web = await startWebApp();
});
afterAll(async () => {
  await web?.close();
  await pages?.close();
});

/** Nothing on the page scrolls sideways after `step`. */
async function fits(page: Page, step: string) {
  expect(await horizontalOverflow(page), `the page scrolls sideways after: ${step}`).toBe(0);
}

/** A distinct page: it fits, has no accessibility violations, and is kept as a screenshot. */
async function checkPage(page: Page, name: string) {
  await fits(page, name);
  expect(await accessibilityViolations(page), name).toEqual([]);
  await saveScreenshot(page, `phone-${name}`);
}

function toggle(page: Page, pane: 'Chat' | 'Workspace') {
  return page.getByRole('group', { name: 'Show' }).getByRole('button', { name: pane, exact: true });
}

async function show(page: Page, pane: 'Chat' | 'Workspace') {
  await toggle(page, pane).click();
  await expect.poll(() => toggle(page, pane).getAttribute('aria-pressed')).toBe('true');
}

async function say(page: Page, text: string) {
  const box = page.getByLabel('Message to the Orchestrator');
  await box.fill(text);
  await box.press('Enter');
}

const plans = (page: Page) => page.locator('.messages .plan-card');

describe('the newcomer’s journey on a phone', () => {
  it('goes from sign-up to a scheduled scraper and back, without sideways scrolling', async () => {
    const { page, policyViolations } = await web.newPage(phone);
    await page.goto(web.url);
    await page.getByRole('tab', { name: 'Sign up' }).waitFor();
    await checkPage(page, 'sign-in');

    await signUpInBrowser(page, 'Pat Phone');
    await page.getByText('Create your first workspace').waitFor();
    await checkPage(page, 'welcome');

    await createWorkspaceInBrowser(page, 'Pocket Studio');
    await show(page, 'Workspace');
    await page.getByText('No agents yet').waitFor();
    await checkPage(page, 'overview');

    // The one-column toggle brings the chat.
    await show(page, 'Chat');
    await page.getByText('Tell the Orchestrator what you want done').waitFor();
    expect(await page.getByRole('region', { name: 'Orchestrator chat' }).isVisible()).toBe(true);
    expect(await page.locator('#panel').isVisible()).toBe(false);
    await checkPage(page, 'chat');

    await say(page, `scrape the team members from ${base}/team`);
    await page.getByText('What marks each of the people on the page?').first().waitFor();
    await fits(page, 'asking for the scraper');
    await plans(page).last().getByRole('button', { name: 'table rows' }).click();
    const plan = plans(page).nth(1);
    await plan.getByRole('button', { name: 'Approve' }).waitFor();
    await fits(page, 'answering the question');
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'phone-plan');

    await plan.getByRole('button', { name: 'Approve' }).click();
    const testRun = plan.getByTestId('test-run');
    await expect
      .poll(() => testRun.locator('[data-status]').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('succeeded');
    await page.getByText(/The test run of ".*" succeeded/).waitFor();
    await fits(page, 'the test run');
    await saveScreenshot(page, 'phone-test-run');

    // The plan's agent opens in the agent view, and the panel comes into view in place of the chat.
    const agentLink = plan.locator('a.agent-link').first();
    const agentName = ((await agentLink.textContent()) ?? '').trim();
    await agentLink.click();
    await page.getByRole('heading', { name: agentName, level: 1 }).waitFor();
    await expect.poll(() => toggle(page, 'Workspace').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('region', { name: 'Orchestrator chat' }).isVisible()).toBe(false);
    // The link went away with the chat: the focus goes to the panel, not to the page's body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('panel');
    await page.getByRole('region', { name: 'Steps' }).waitFor();
    await page.getByRole('region', { name: 'Schedule' }).getByText('Not scheduled').waitFor();
    await checkPage(page, 'agent');

    // The run page, from the test run's link, with the people it collected.
    await show(page, 'Chat');
    await fits(page, 'going back to the chat');
    await testRun.getByRole('link', { name: 'Open the run' }).click();
    await page.getByRole('heading', { name: /^Run of / }).waitFor();
    expect(await page.getByTestId('run-status').locator('[data-status]').getAttribute('data-status')).toBe(
      'succeeded',
    );
    const values = page.getByRole('region', { name: 'Input and output' });
    // A long output is folded: unfold it.
    await values.locator('summary', { hasText: 'Output' }).click();
    await values.getByText('Ada Lovelace').first().waitFor();
    await values.getByText('Joan Clarke').first().waitFor();
    await checkPage(page, 'run');

    // Schedule it, and see the schedule in the agent panel.
    await show(page, 'Chat');
    await say(page, 'run it every weekday at 8am');
    const schedulePlan = plans(page).nth(2);
    await schedulePlan.getByText('Next times').waitFor();
    await fits(page, 'asking for a schedule');
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'phone-schedule-plan');
    await schedulePlan.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => schedulePlan.getAttribute('data-plan-status')).toBe('applied');
    const scheduled = schedulePlan.getByText('Now scheduled:');
    await scheduled.waitFor();
    const description = ((await scheduled.textContent()) ?? '').replace('Now scheduled:', '').trim();
    expect(description).not.toBe('');
    await fits(page, 'approving the schedule');

    await agentLink.click();
    const schedule = page.getByRole('region', { name: 'Schedule' });
    await page.getByRole('heading', { name: agentName, level: 1 }).waitFor();
    await schedule.getByText(description, { exact: true }).waitFor();
    expect(await schedule.getByText('Not scheduled').count()).toBe(0);
    await checkPage(page, 'agent-scheduled');

    // Undo the schedule: the agent panel follows.
    await show(page, 'Chat');
    await schedulePlan.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => schedulePlan.getAttribute('data-plan-status')).toBe('undone');
    await fits(page, 'undoing the schedule');
    await saveScreenshot(page, 'phone-undone');
    await show(page, 'Workspace');
    await schedule.getByText('Not scheduled').waitFor();
    await fits(page, 'the agent after the undo');
    expect(policyViolations).toEqual([]);
  });
});
