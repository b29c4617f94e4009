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
let staging: TestWorkspace;
let production: TestWorkspace;
let agentId: string;

beforeAll(async () => {
  ({ web, owner, workspace: staging } = await startWebWorkspace('Pat Promoter', 'Staging'));
  production = await web.orca.createWorkspace(owner, 'Production');
  const created = await web.orca.request('POST', `/api/workspaces/${staging.id}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: 'Daily Digest',
        goal: 'Keep a note of the day',
        steps: [{ id: 'note', tool: 'memory.write', with: { key: 'day', value: '{{ input }}' } }],
      },
    },
  });
  expect(created.status, created.text).toBe(201);
  agentId = created.body.id;
});
afterAll(() => web?.close());

describe('promoting an agent', () => {
  it('plans it in Production from the agent panel, approves it there, and shows where it came from', async () => {
    const { page, policyViolations } = await web.newPage();
    await web.signIn(page, owner, `/w/${staging.slug}/agents/${agentId}`);
    await page.getByRole('heading', { name: 'Daily Digest', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Promote to another workspace…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Promote Daily Digest' });
    expect(await dialog.getByLabel('Promote to').locator('option').allTextContents()).toEqual(['Production']);
    await dialog.getByLabel('Its schedule').check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Make the plan' }).click();
    const plan = dialog.getByTestId('promotion-plan');
    await plan
      .getByText(/Promote "Daily Digest" version 1 from Staging to Production: a new agent/)
      .waitFor();
    await saveScreenshot(page, 'promote-dialog');
    // Nothing is in Production until the plan there is approved.
    const before = await web.orca.request('GET', `/api/workspaces/${production.id}/agents`, {
      token: owner.token,
    });
    expect(before.body.items).toEqual([]);

    await plan.getByRole('link', { name: 'Review the plan in Production' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/w/${production.slug}`);
    const card = page.locator('.messages .plan-card').last();
    await card.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => card.getAttribute('data-plan-status')).toBe('applied');

    const after = await web.orca.request('GET', `/api/workspaces/${production.id}/agents`, {
      token: owner.token,
    });
    expect(after.body.items.map((agent: { name: string }) => agent.name)).toEqual(['Daily Digest']);
    await page.goto(`${web.url}/w/${production.slug}/agents/${after.body.items[0].id}`);
    await page.getByRole('heading', { name: 'Daily Digest', level: 1 }).waitFor();
    expect(await page.getByTestId('agent-origin').textContent()).toBe(
      'Promoted from Staging / Daily Digest v1',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'promoted-agent');
    expect(policyViolations).toEqual([]);
  });
});
