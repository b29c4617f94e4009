// Moving a workspace in real Chromium against a real Orca: the workspace file downloaded from
// the settings, brought into a new workspace after seeing what it will create, and the agents
// there; a file with a broken reference shows its problem and creates nothing.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../support/test-platform.ts';
import { accessibilityViolations, saveScreenshot, startWebApp, type WebApp } from '../support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
});
afterAll(() => web?.close());

/** A workspace with two agents, a schedule and a chain, made through the API. */
async function sourceWorkspace(user: TestUser) {
  const workspace = await web.orca.createWorkspace(user, 'Bundle Source');
  const ws = `/api/workspaces/${workspace.id}`;
  const agent = async (name: string) => {
    const created = await web.orca.request('POST', `${ws}/agents`, {
      token: user.token,
      body: { spec: { name, steps: [{ id: 'work', tool: 'transform', with: { expression: '1' } }] } },
    });
    if (created.status !== 201) throw new Error(created.text);
    return created.body.id as string;
  };
  const lister = await agent('Price Lister');
  const mailer = await agent('Price Mailer');
  const schedule = await web.orca.request('PUT', `${ws}/agents/${lister}/schedule`, {
    token: user.token,
    body: { cron: '30 7 * * *', timezone: 'America/New_York' },
  });
  expect(schedule.status, schedule.text).toBe(200);
  const chain = await web.orca.request('POST', `${ws}/chains`, {
    token: user.token,
    body: { fromAgentId: lister, toAgentId: mailer },
  });
  expect(chain.status, chain.text).toBe(201);
  return workspace;
}

describe('workspace bundles in the settings', () => {
  it('downloads a workspace and imports it into a new one after a preview', async () => {
    const user = await web.orca.signUp('Bea Bundle');
    const source = await sourceWorkspace(user);
    const { page } = await web.newPage();
    await web.signIn(page, user, `/w/${source.slug}/settings?tab=bundle`);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the workspace file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^bundle-source-\d{4}-\d{2}-\d{2}\.orca\.json$/);
    const file = path.join(tmpdir(), `orca-${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const bundle = JSON.parse(await readFile(file, 'utf8'));
    expect(bundle.agents.map((agent: { name: string }) => agent.name)).toEqual([
      'Price Lister',
      'Price Mailer',
    ]);

    // "Create from a workspace file" makes the workspace and opens its import.
    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await page.getByRole('menuitem', { name: 'New workspace…' }).click();
    await page.getByLabel('New workspace name').fill('Bundle Copy');
    await page.getByRole('button', { name: 'Create from a workspace file' }).click();
    await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe('Bundle Copy');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Export & import' }).getAttribute('aria-selected'))
      .toBe('true');
    await page.getByLabel('Workspace file (.orca.json)').setInputFiles(file);
    const preview = page.getByTestId('bundle-preview');
    await preview
      .getByText('This will create 2 agents (2 versions), 0 workrooms, 1 schedule, 1 chain')
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'workspace-bundle-preview');
    // Nothing exists before the confirmation.
    const before = await web.orca.request('GET', '/api/workspaces/bundle-copy/agents', { token: user.token });
    expect(before.body.items).toEqual([]);

    await preview.getByRole('button', { name: 'Import' }).click();
    const imported = page.getByTestId('bundle-imported');
    await imported.getByText('Imported: 2 agents').waitFor();
    await imported.getByRole('link', { name: 'See the agents' }).click();
    await page.getByText('Price Lister').first().waitFor();
    await page.getByText('Price Mailer').first().waitFor();
    const chains = await web.orca.request('GET', '/api/workspaces/bundle-copy/chains', { token: user.token });
    expect(chains.body.items).toHaveLength(1);
    await rm(file, { force: true });
  });

  it('shows every problem of a broken file and creates nothing', async () => {
    const user = await web.orca.signUp('Bo Broken');
    const target = await web.orca.createWorkspace(user, 'Broken Target');
    const file = path.join(tmpdir(), `orca-${Date.now()}-broken.orca.json`);
    await writeFile(
      file,
      JSON.stringify({
        format: 'orca-workspace',
        formatVersion: 1,
        exportedAt: new Date().toISOString(),
        source: { name: 'Elsewhere', slug: 'elsewhere' },
        chains: [{ from: 'Ghost', to: 'Phantom' }],
      }),
    );
    const { page } = await web.newPage();
    await web.signIn(page, user, `/w/${target.slug}/settings?tab=bundle`);
    await page.getByLabel('Workspace file (.orca.json)').setInputFiles(file);
    const problems = page.getByTestId('bundle-problems');
    await problems.getByText('names the agent "Ghost", which is not in the bundle').waitFor();
    await problems.getByText('names the agent "Phantom", which is not in the bundle').waitFor();
    expect(await page.getByTestId('bundle-preview').count()).toBe(0);
    await rm(file, { force: true });
  });
});
