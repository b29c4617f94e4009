// The Suggestions page in real Chromium: the advisor's advice (here: agents long enough to split)
// listed with what it is about, its figures and its plan; Accept makes the plan and opens it in
// the chat as a plan card to approve; Dismiss makes one go for good; with none left the page says
// so. At phone width, Accept brings the chat into view with the plan.
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
let viewer: TestUser;
let workspace: TestWorkspace;

/** An agent of 14 steps, each reading only the one before: the advisor suggests splitting it. */
function longPipeline(name: string) {
  const steps = [{ id: 's1', tool: 'transform', with: { expression: 'input.word' } }];
  for (let index = 2; index <= 14; index++)
    steps.push({
      id: `s${index}`,
      tool: 'transform',
      with: { expression: `steps.s${index - 1}.value & "-${index}"` },
    });
  return { name, steps, output: { text: '{{ steps.s14.value }}' } };
}

beforeAll(async () => {
  ({ web, owner, workspace } = await startWebWorkspace('Paige Suggestions', 'Advice Page'));
  viewer = await web.orca.signUp('Vera Viewer');
  await web.orca.addMember(owner, workspace.id, viewer, 'viewer');
  for (const name of ['Long Pipeline', 'Longer Pipeline', 'Longest Pipeline']) {
    const created = await web.orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
      token: owner.token,
      body: { spec: longPipeline(name) },
    });
    expect(created.status, created.text).toBe(201);
  }
});
afterAll(() => web?.close());

function signedInPage(viewport?: Viewport, person = owner) {
  return web.signedInPage(person, `/w/${workspace.slug}`, viewport);
}

/** A suggestion on the page (the chat beside it lists the same advice: only the page's count). */
function pageCard(page: Page, agentName: string) {
  return page
    .getByRole('main')
    .getByRole('list', { name: 'Suggestions' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: agentName, exact: true }) });
}

describe('the Suggestions page', () => {
  it('lists advice with its figures and plan; accept opens the plan in the chat, dismiss removes one', async () => {
    const { page, policyViolations } = await signedInPage();
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Suggestions' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Suggestions' }).waitFor();

    const long = pageCard(page, 'Long Pipeline');
    await long.getByText(/has 14 steps/).waitFor();
    expect(await long.getByRole('heading').textContent()).toBe('Does too much at once: Long Pipeline');
    await long.getByText(/^The plan \(\d+ changes?\): /).waitFor();
    await pageCard(page, 'Longer Pipeline').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'suggestions-page');

    // Dismiss: it goes from the page, says so, and stays gone after a reload.
    await pageCard(page, 'Longer Pipeline').getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => pageCard(page, 'Longer Pipeline').count()).toBe(0);
    await page
      .getByRole('status')
      .getByText(/Dismissed: it will not be suggested again/)
      .waitFor();

    // Accept: the plan opens in the chat as a card to approve, and the suggestion leaves the page.
    await long.getByRole('button', { name: 'Accept' }).click();
    const chat = page.getByRole('region', { name: 'Orchestrator chat' });
    const plan = chat.locator('.plan-card').first();
    await plan.getByRole('button', { name: 'Approve' }).waitFor();
    await expect.poll(() => pageCard(page, 'Long Pipeline').count()).toBe(0);
    await page
      .getByRole('status')
      .getByText(/is open in the chat/)
      .waitFor();
    await plan.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => plan.getAttribute('data-plan-status')).toBe('applied');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Suggestions' }).waitFor();
    await pageCard(page, 'Longest Pipeline').waitFor();
    expect(await pageCard(page, 'Longer Pipeline').count()).toBe(0);
    expect(policyViolations).toEqual([]);
  });

  it('shows a viewer the advice without the buttons that change things', async () => {
    const { page } = await signedInPage(undefined, viewer);
    await page.goto(`${web.url}/w/${workspace.slug}/suggestions`);
    const card = pageCard(page, 'Longest Pipeline');
    await card.getByText(/has 14 steps/).waitFor();
    await page.getByText('Only builders, admins and owners can accept or dismiss suggestions.').waitFor();
    expect(
      await page
        .getByRole('main')
        .getByRole('button', { name: /Accept|Dismiss/ })
        .count(),
    ).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('fits a phone: accept brings the chat into view with the plan; with nothing left, says so', async () => {
    const { page } = await signedInPage(phone);
    await page.getByRole('button', { name: 'Workspace', exact: true }).click();
    await page.getByRole('link', { name: 'Suggestions', exact: true }).click();
    const card = pageCard(page, 'Longest Pipeline');
    await card.waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'suggestions-page-phone');

    await card.getByRole('button', { name: 'Accept' }).click();
    const plan = page.getByRole('region', { name: 'Orchestrator chat' }).locator('.plan-card').first();
    await plan.getByRole('button', { name: 'Approve' }).waitFor();
    expect(await plan.isVisible()).toBe(true);
    expect(await page.getByRole('main').isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toBe(0);

    await page.getByRole('button', { name: 'Workspace', exact: true }).click();
    await page.getByText('No suggestions right now').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
