// Suggestions in the chat, in real Chromium: the advisor's own advice (here: agents long enough to
// split) shows as cards with the reason; Accept turns one into a plan card to approve, Dismiss
// makes one go away for good (it stays away after a reload).
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
let owner: TestUser;
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
  ({ web, owner, workspace } = await startWebWorkspace('Sunny Suggestions', 'Advice Garden'));
  for (const name of ['Long Pipeline', 'Longer Pipeline']) {
    const created = await web.orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
      token: owner.token,
      body: { spec: longPipeline(name) },
    });
    expect(created.status, created.text).toBe(201);
  }
});
afterAll(() => web?.close());

function card(page: Page, agentName: string) {
  return page
    .getByRole('list', { name: 'Suggestions' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: agentName, exact: true }) });
}

describe('suggestions in the chat', () => {
  it('shows the advice with its reason; accept makes a plan to approve, dismiss removes one for good', async () => {
    const { page } = await web.newPage();
    await web.signIn(page, owner, `/w/${workspace.slug}`);

    const first = card(page, 'Long Pipeline');
    await first.getByText(/has 14 steps/).waitFor();
    await card(page, 'Longer Pipeline').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'suggestions');

    // Dismiss one: it goes, and stays gone after a reload.
    await card(page, 'Longer Pipeline').getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => card(page, 'Longer Pipeline').count()).toBe(0);

    // Accept the other: a plan card takes its place, to review and approve.
    await first.getByRole('button', { name: 'Accept' }).click();
    const plan = page.locator('.plan-card').first();
    await plan.getByRole('button', { name: 'Approve' }).waitFor();
    expect(await card(page, 'Long Pipeline').count()).toBe(0);
    await plan.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => plan.getAttribute('data-plan-status')).toBe('applied');
    const agents = await web.orca.request('GET', `/api/workspaces/${workspace.id}/agents`, {
      token: owner.token,
    });
    // The split made two new agents, chained, beside the two long ones.
    expect(agents.body.items.length).toBe(4);

    await page.reload();
    await page.getByTestId('current-workspace').waitFor();
    await page.getByText('Tell the Orchestrator what you want done').waitFor();
    expect(await card(page, 'Longer Pipeline').count()).toBe(0);
    expect(await card(page, 'Long Pipeline').count()).toBe(0);
  });
});
