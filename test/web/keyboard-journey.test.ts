// The newcomer's journey by keyboard alone, in real Chromium against a real Orca (built-in
// planner): after signing up, only Tab, Shift+Tab, Enter and typing write a message to the
// Orchestrator, answer its question, approve its plan, and open the test run's page. At every step
// the focused element is the control meant, and its focus can be seen; no action drops focus on
// the page's body.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPages, serveLocalPages } from '../support/local-pages.ts';
import {
  accessibilityViolations,
  createWorkspaceInBrowser,
  signUpInBrowser,
  startWebApp,
  type WebApp,
} from '../support/web-app.ts';

const teamPage = `<html><body><h1>Our team</h1><table>
  <tr class="person"><td class="name">Ada Lovelace</td><td class="role">Analytical engineer</td></tr>
  <tr class="person"><td class="name">Grace Hopper</td><td class="role">Compiler engineer</td></tr>
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

interface Focused {
  /** The focused element's accessible name, roughly as a screen reader would say it. */
  name: string;
  tag: string;
  /** Whether the focus ring (an outline or a box shadow) shows. */
  visible: boolean;
}

/** What has focus now: its name, its tag, and whether its focus can be seen. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: '', tag: 'body', visible: false };
    const labelledBy = element.getAttribute('aria-labelledby');
    const labels = (element as HTMLInputElement).labels;
    const name =
      element.getAttribute('aria-label') ??
      (labelledBy
        ? labelledBy
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : null) ??
      (labels && labels.length > 0 ? (labels[0]?.textContent ?? '') : null) ??
      element.textContent ??
      '';
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    return {
      name: name.replace(/\s+/g, ' ').trim(),
      tag: element.tagName.toLowerCase(),
      visible: outlined || style.boxShadow !== 'none',
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name is `name`, as a keyboard user
 * would; fails, naming everything that got focus on the way, when it is not reached in `limit`.
 */
async function tabTo(page: Page, name: string | RegExp, { backwards = false, limit = 40 } = {}) {
  const seen: string[] = [];
  const matches = (candidate: string) =>
    typeof name === 'string' ? candidate === name : name.test(candidate);
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (matches(now.name)) return expectVisibleFocus(page, name);
    seen.push(`${now.tag} “${now.name.slice(0, 40)}”`);
  }
  throw new Error(
    `“${name}” never got focus in ${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'}; focus went to: ${seen.join(', ')}`,
  );
}

/** The focused element is `name`, and a sighted keyboard user can see that it is. */
async function expectVisibleFocus(page: Page, name: string | RegExp) {
  await expect.poll(async () => (await focused(page)).name).toMatch(name);
  expect((await focused(page)).visible, `the focus on “${name}” cannot be seen`).toBe(true);
}

const runStatusBadge = (page: Page) => page.getByTestId('run-status').locator('[data-status]');

describe('the keyboard journey', () => {
  it('asks for an agent, answers, approves and opens the test run with the keyboard alone', async () => {
    const { page, policyViolations } = await web.newPage();
    await page.goto(web.url);
    await signUpInBrowser(page, 'Kim Keyboard');
    await page.getByText('Create your first workspace').waitFor();
    await createWorkspaceInBrowser(page, 'Keyboard Studio');
    await page.getByText('Tell the Orchestrator what you want done').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Write to the Orchestrator.
    await tabTo(page, 'Message to the Orchestrator');
    await page.keyboard.type(`scrape the team members from ${base}/team`);
    await page.keyboard.press('Enter');
    const question = page.getByText('What marks each of the people on the page?').first();
    await question.waitFor();
    // Sending leaves the focus in the message box, ready for the next message.
    await expectVisibleFocus(page, 'Message to the Orchestrator');

    // Answer the question with one of its offered answers (they come before the message box).
    await tabTo(page, 'table rows', { backwards: true });
    await page.keyboard.press('Enter');
    const plan = page.locator('.messages .plan-card').nth(1);
    await plan.getByRole('button', { name: 'Approve' }).waitFor();
    // The answered plan keeps the focus, so that the next Tab goes on to the plan it led to.
    const answered = page.locator('.messages .plan-card').first();
    await expectVisibleFocus(page, 'Plan');
    expect(await answered.evaluate((card) => card === document.activeElement)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Approve the plan.
    await tabTo(page, 'Approve');
    await page.keyboard.press('Enter');
    await expect.poll(() => plan.getAttribute('data-plan-status')).toBe('applied');
    // The approved plan takes the focus from its Approve button, gone now.
    await expectVisibleFocus(page, 'Plan');
    await expect.poll(() => plan.evaluate((card) => card === document.activeElement)).toBe(true);
    const testRun = plan.getByTestId('test-run');
    await expect
      .poll(() => testRun.locator('[data-status]').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('succeeded');
    expect(
      await plan.evaluate((card) => card === document.activeElement),
      'the test run took the focus',
    ).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Open the run's page from its link.
    await tabTo(page, 'Open the run');
    const runHref = (await testRun.getByRole('link', { name: 'Open the run' }).getAttribute('href')) ?? '';
    await page.keyboard.press('Enter');
    // By its path: the chat puts its conversation back in the address (`?c=…`) right after.
    await page.waitForURL((url) => url.pathname === runHref);
    await page.getByRole('heading', { name: /^Run of / }).waitFor();
    expect(await runStatusBadge(page).getAttribute('data-status')).toBe('succeeded');
    await page.getByText('Ada Lovelace').first().waitFor();
    // Opening the run takes the focus to the panel it opened in, where the next Tab reads on.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('panel');
    expect((await focused(page)).visible, 'the focus on the opened run cannot be seen').toBe(true);
    await tabTo(page, /./);
    expect(
      await page.evaluate(() => document.querySelector('#panel')?.contains(document.activeElement)),
    ).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(policyViolations).toEqual([]);
  });
});
