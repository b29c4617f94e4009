// The account page shows what Orca learned about how the person works, in real Chromium: a price
// monitor built through the API (as the editor saves it) appears as its kind, pattern and tools,
// the browser's language as a learned preference; one item is forgotten with its button, and the
// switch turns learning off so the next agent teaches nothing. Checked with axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorSpec } from '../../src/orchestrator/builtin/spec-templates.ts';
import {
  accessibilityViolations,
  createWorkspaceInBrowser,
  desktop,
  saveScreenshot,
  signUpInBrowser,
  startWebApp,
  type WebApp,
} from '../support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
});
afterAll(async () => {
  await web?.close();
});

/** Saves an agent as the signed-in person, through the agents API with their session. */
async function saveAgent(page: Page, ws: string, spec: Record<string, unknown>) {
  const status = await page.evaluate(
    async ({ ws, spec }) => {
      const response = await fetch(`/api/workspaces/${ws}/agents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ spec }),
      });
      return response.status;
    },
    { ws, spec },
  );
  expect(status).toBe(201);
}

const learnedCount = (page: Page) =>
  page.evaluate(async () => (await (await fetch('/api/me/memory')).json()).learned.items.length as number);

describe('what Orca has learned, on the account page', () => {
  it('lists the learned items with their source, forgets one, and stops learning when switched off', async () => {
    const context = await web.browser.newContext({ viewport: desktop, locale: 'fr-CH' });
    const page = await context.newPage();
    try {
      await page.goto(web.url);
      const email = await signUpInBrowser(page, 'Lea Learner');
      await page.getByText('Create your first workspace').waitFor();
      await createWorkspaceInBrowser(page, 'Learning Lab');
      const ws = new URL(page.url()).pathname.split('/')[2] as string;
      const spec = monitorSpec({
        name: 'Lab prices',
        url: 'http://127.0.0.1:9/lab-prices',
        notify: { email },
        goal: 'Watch the prices of the lab supplies',
      });
      await saveAgent(page, ws, spec);

      await page.goto(`${web.url}/account`);
      const section = page.getByRole('list', { name: 'Kinds of agent you build' });
      await section.getByText('price monitor').waitFor();
      await expect.poll(() => section.getByText('once, last from an agent you saved').count()).toBe(1);
      await page.getByText('price monitor + e-mail on change').waitFor();
      const preferences = page.getByRole('list', { name: 'Learned preferences' });
      await preferences.getByText(/Notification channel:\s*e-mail/).waitFor();
      await preferences.getByText(/French \(Switzerland\)|fr-CH/).waitFor();
      expect(await page.getByText('lab-prices').count()).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await saveScreenshot(page, 'learned-memory');

      const before = await learnedCount(page);
      const tools = page.getByRole('list', { name: 'Tools' });
      await tools.getByRole('button', { name: 'Forget “html.extract”' }).click();
      await expect.poll(() => tools.getByText('html.extract').count()).toBe(0);
      expect(await learnedCount(page)).toBe(before - 1);
      await page.getByRole('list', { name: 'Kinds of agent you build' }).getByText('price monitor').waitFor();

      const learning = page.getByRole('switch', { name: 'Learn from what I build' });
      expect(await learning.isChecked()).toBe(true);
      await learning.click();
      await expect.poll(() => learning.isChecked()).toBe(false);
      await saveAgent(page, ws, { ...spec, name: 'Lab prices again' });
      expect(await learnedCount(page)).toBe(before - 1);
      await page.reload();
      expect(await page.getByRole('switch', { name: 'Learn from what I build' }).isChecked()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
