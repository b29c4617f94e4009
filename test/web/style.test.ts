// An agent's writing style on its panel, in real Chromium against a real Orca (no LLM configured):
// two samples pasted, the profile's figures shown, the avoid list edited and still there after a
// reload, a sample deleted, the LLM button disabled with the reason, and no accessibility
// violations.
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
let agentId: string;

beforeAll(async () => {
  ({ web, owner, workspace } = await startWebWorkspace('Sam Style', 'Style Studio'));
  const agent = await web.orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
    token: owner.token,
    body: {
      spec: { name: 'Weekly Writer', steps: [{ id: 'write', tool: 'llm.generate', with: { prompt: 'Hi' } }] },
    },
  });
  expect(agent.status, agent.text).toBe(201);
  agentId = agent.body.id;
});
afterAll(() => web?.close());

async function addSample(page: Page, text: string) {
  const form = page.getByRole('form', { name: 'Add a writing sample' });
  await form.getByLabel('Your writing').fill(text);
  const before = await page.getByTestId('style-sample').count();
  await form.getByRole('button', { name: 'Add sample' }).click();
  await expect.poll(() => page.getByTestId('style-sample').count()).toBe(before + 1);
}

describe('writing style on the agent panel', () => {
  it('adds two samples, shows the figures, keeps an edited avoid list after a reload', async () => {
    const { page } = await web.newPage();
    await web.signIn(page, owner, `/w/${workspace.slug}/agents/${agentId}`);
    const section = page.getByRole('region', { name: 'Writing style' });
    await section.waitFor();
    await expect.poll(() => section.getByText('Add a sample of your writing').count()).toBe(1);
    const derive = section.getByRole('button', { name: 'Derive with the LLM' });
    expect(await derive.isDisabled()).toBe(true);
    expect(await section.getByText(/Deriving needs an LLM/).count()).toBe(1);

    await addSample(
      page,
      "Hi team,\n\nQuick update on the launch. We're shipping the onboarding flow on Tuesday! The pricing page is done.\n\nCheers, Dana",
    );
    await addSample(
      page,
      "Hey folks,\n\nThe onboarding flow is live. We're tracking signups daily. Can we ship the pricing page next?\n\nCheers, Dana",
    );
    await expect.poll(() => section.getByText('2 samples', { exact: false }).count()).toBeGreaterThan(0);
    expect(await section.getByTestId('style-sentences').textContent()).toMatch(
      /^\d+ words on average \(most between \d+ and \d+\)$/,
    );
    expect(await section.getByTestId('style-formality').textContent()).toMatch(/contractions per 100 words/);
    expect(await section.getByTestId('style-reading').textContent()).toMatch(/Flesch reading ease \d+/);
    const useChips = section.getByRole('list', { name: 'Words to use' });
    expect(await useChips.getByText('onboarding flow').count()).toBe(1);

    const editor = section.getByRole('form', { name: 'Edit the style' });
    await editor.getByLabel('Words to avoid, separated by commas').fill('synergy, leverage');
    await editor.getByRole('button', { name: 'Save the style' }).click();
    await expect
      .poll(() =>
        section.getByRole('list', { name: 'Words to avoid' }).getByRole('listitem').allTextContents(),
      )
      .toEqual(['synergy', 'leverage']);
    expect(await section.getByText('Set by you, kept when samples change:').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'style-panel');

    await page.reload();
    await section.waitFor();
    await expect
      .poll(() =>
        section.getByRole('list', { name: 'Words to avoid' }).getByRole('listitem').allTextContents(),
      )
      .toEqual(['synergy', 'leverage']);
    expect(await editor.getByLabel('Words to avoid, separated by commas').inputValue()).toBe(
      'synergy, leverage',
    );
    expect(await page.getByTestId('style-sample').count()).toBe(2);

    await page
      .getByTestId('style-sample')
      .first()
      .getByRole('button', { name: /Delete sample/ })
      .click();
    await expect.poll(() => page.getByTestId('style-sample').count()).toBe(1);
    await expect.poll(() => section.getByText('1 sample,', { exact: false }).count()).toBe(1);
    const stored = await web.orca.request('GET', `/api/workspaces/${workspace.id}/agents/${agentId}/style`, {
      token: owner.token,
    });
    expect(stored.body).toMatchObject({ samples: 1, avoidWords: ['synergy', 'leverage'] });
  });

  it('takes a text file from the Files page and a correction from a run’s page', async () => {
    const teller = await web.orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Teller',
          steps: [
            { id: 'say', tool: 'transform', with: { expression: '"We are very excited to utilize it."' } },
          ],
          output: '{{ steps.say.value }}',
        },
      },
    });
    expect(teller.status, teller.text).toBe(201);
    const file = await web.orca.request(
      'POST',
      `/api/workspaces/${workspace.id}/deliverables?name=letter.md`,
      {
        token: owner.token,
        rawBody: '# Letter\n\nThanks for the kind note. The roadmap is steady.',
        headers: { 'content-type': 'text/markdown' },
      },
    );
    expect(file.status).toBe(201);
    const run = await web.orca.request(
      'POST',
      `/api/workspaces/${workspace.id}/agents/${teller.body.id}/runs`,
      {
        token: owner.token,
        body: { input: {} },
      },
    );

    const { page } = await web.newPage();
    await web.signIn(page, owner, `/w/${workspace.slug}/files`);
    const row = page.getByTestId('file-row').filter({ hasText: 'letter.md' });
    await row.getByText('Use as style sample for…').click();
    await row.getByLabel('Teach the style of').selectOption({ label: 'Teller' });
    await row.getByRole('button', { name: 'Use as sample' }).click();
    await row.getByText('Added to the agent’s samples.').waitFor();

    await page.goto(`${web.url}/w/${workspace.slug}/runs/${run.body.id}`);
    await page.getByText('Correct this output').click();
    const form = page.getByRole('form', { name: 'Correct this output' });
    await form.getByLabel('The output as you would have written it').fill('We are thrilled to use it.');
    await form.getByRole('button', { name: 'Teach the style' }).click();
    await form.getByText('Learned.').waitFor();

    const style = await web.orca.request(
      'GET',
      `/api/workspaces/${workspace.id}/agents/${teller.body.id}/style`,
      {
        token: owner.token,
      },
    );
    expect(style.body.samples).toBe(2);
    expect(style.body.avoidWords).toEqual(expect.arrayContaining(['very', 'excited', 'utilize']));
  });
});
