// Workrooms in real Chromium: an agency creates "Acme" and "Globex" on the Workrooms page, puts
// an agent in Acme from its panel, runs it, and finds the run and its file on Acme's page and on
// the files page filtered by Acme; the overview filters agents by workroom; an empty Globex is
// deleted at once, while deleting Acme first shows what it holds and asks what becomes of its
// files. Every page passes axe and fits a phone.
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
let workspace: TestWorkspace;
let agentId: string;

beforeAll(async () => {
  ({ web, owner, workspace } = await startWebWorkspace('Agnes Agency', 'Agency Desk'));
  const created = await web.orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: 'Client Report',
        steps: [{ id: 'save', tool: 'files.save', with: { name: 'client-report.md', content: '# Weekly' } }],
      },
    },
  });
  expect(created.status, created.text).toBe(201);
  agentId = created.body.id;
});
afterAll(() => web?.close());

function signedInPage(viewport?: Viewport) {
  return web.signedInPage(owner, `/w/${workspace.slug}`, viewport);
}

async function api(path: string) {
  const response = await web.orca.request('GET', `/api/workspaces/${workspace.id}${path}`, {
    token: owner.token,
  });
  return response.body;
}

async function createInPage(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Workrooms' }).click();
  await page.getByRole('heading', { level: 1, name: 'Workrooms' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create workroom' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('the Workrooms page', () => {
  it('creates two workrooms, moves an agent, runs it, and deletes only with a choice', async () => {
    const { page, policyViolations } = await signedInPage();
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Workrooms' })
      .click();
    await page.getByText('No workrooms yet.').waitFor();

    // A budget that is not a whole number is explained in place and cannot be sent.
    await page.getByLabel('Name', { exact: true }).fill('Acme');
    await page.getByLabel('Monthly budget (credits)').fill('12.5');
    await page.getByText('Type a whole number of credits').waitFor();
    expect(await page.getByRole('button', { name: 'Create workroom' }).isDisabled()).toBe(true);
    await page.getByLabel('Monthly budget (credits)').fill('5000');
    await page.getByRole('button', { name: 'Create workroom' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acme' }).waitFor();
    await page.getByText('5,000 credits a month').waitFor();
    await createInPage(page, 'Globex');

    // A name another workroom has (any case) is refused with the server's message.
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Workrooms' })
      .click();
    await page.getByLabel('Name', { exact: true }).fill('acme');
    await page.getByRole('button', { name: 'Create workroom' }).click();
    await page.getByRole('alert').filter({ hasText: 'exists in this workspace already' }).waitFor();
    const rows = page.getByRole('table', { name: 'Workrooms' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'workrooms');

    // The agent's panel puts it in Acme.
    await page.goto(`${web.url}/w/${workspace.slug}/agents/${agentId}`);
    await page.getByRole('heading', { level: 1, name: 'Client Report' }).waitFor();
    await page.getByLabel('Workroom', { exact: true }).selectOption({ label: 'Acme' });
    await page.getByRole('link', { name: 'Open the workroom Acme' }).waitFor();
    const acme = (await api('/workrooms/Acme')) as { id: string };
    expect((await api(`/agents/${agentId}`)).workroomId).toBe(acme.id);

    await page.getByRole('button', { name: 'Run now' }).click();
    await page.getByRole('button', { name: 'Start the run' }).click();
    await page.waitForURL(/\/runs\//);
    const runId = page.url().split('/runs/')[1] ?? '';
    await expect
      .poll(async () => (await api(`/runs/${runId}`)).status, { timeout: 20_000 })
      .toBe('succeeded');

    // Acme's page shows the agent, the run and the file.
    await page.goto(`${web.url}/w/${workspace.slug}/workrooms/${acme.id}`);
    await page.getByRole('heading', { level: 1, name: 'Acme' }).waitFor();
    await page
      .getByRole('list', { name: 'Agents in Acme' })
      .getByRole('link', { name: 'Client Report' })
      .waitFor();
    await page
      .getByRole('list', { name: 'Recent runs in Acme' })
      .getByRole('link', { name: /^Client Report, / })
      .waitFor();
    await page
      .getByRole('list', { name: 'Files in Acme' })
      .getByRole('link', { name: 'client-report.md' })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'workroom');
    await page.getByRole('link', { name: 'All runs of Acme' }).click();
    await page.locator(`[data-testid="run-row"] a[href$="/runs/${runId}"]`).waitFor();
    expect(page.url()).toContain(`workroom=${acme.id}`);
    expect(await page.getByTestId('run-row').count()).toBe(1);
    await page.getByLabel('Workroom').selectOption({ label: 'No workroom' });
    await page.getByText('No runs match these filters.').waitFor();
    await page.goto(`${web.url}/w/${workspace.slug}/workrooms/${acme.id}`);
    await page.getByRole('link', { name: 'All files of Acme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Files' }).waitFor();
    expect(page.url()).toContain(`workroom=${acme.id}`);
    await page.getByTestId('file-row').filter({ hasText: 'client-report.md' }).waitFor();
    expect(await page.getByLabel('Workroom').inputValue()).toBe(acme.id);
    await page.getByLabel('Workroom').selectOption({ label: 'Globex' });
    await page.getByText('No files match these filters.').waitFor();

    // The overview shows the agents of one workroom, or of none.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('link', { name: 'Client Report' }).first().waitFor();
    await page.getByLabel('Show the agents of').selectOption({ label: 'Globex' });
    await page.getByText('No agents in this workroom.').waitFor();
    await page.getByLabel('Show the agents of').selectOption({ label: 'Acme' });
    await page.locator('.agent-card').getByRole('link', { name: 'Client Report' }).waitFor();

    // Globex holds nothing: deleted at once.
    const globex = (await api('/workrooms/Globex')) as { id: string };
    await page.goto(`${web.url}/w/${workspace.slug}/workrooms/${globex.id}`);
    await page.getByRole('button', { name: 'Delete workroom…' }).click();
    const emptyDialog = page.getByRole('dialog', { name: 'Delete the workroom “Globex”?' });
    await emptyDialog.getByText('It holds no agents, runs or files.').waitFor();
    await emptyDialog.getByRole('button', { name: 'Delete the workroom', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Workrooms' }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    expect((await api(`/workrooms/${globex.id}`)).error.code).toBe('not_found');

    // Acme holds an agent, a run and a file: the dialog says so and asks about the files.
    await page.getByRole('link', { name: 'Acme', exact: true }).click();
    await page.getByRole('button', { name: 'Delete workroom…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the workroom “Acme”?' });
    await dialog.getByText('It holds 1 agent, 1 run and 1 file.').waitFor();
    expect(await dialog.getByRole('radio', { name: /^Keep them in the workspace/ }).isChecked()).toBe(true);
    // No other workroom to move them to now that Globex is gone.
    expect(await dialog.getByRole('radio', { name: /^Move them and its runs/ }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: /^Delete them, content and all/ }).check();
    await dialog.getByRole('button', { name: 'Delete the workroom and 1 file' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'workroom-delete');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await api(`/workrooms/${acme.id}`)).counts).toMatchObject({
      agents: 1,
      runs: 1,
      deliverables: 1,
    });

    // Keeping the files: the workroom goes, the agent and the file stay, in no workroom.
    await page.getByRole('button', { name: 'Delete workroom…' }).click();
    expect(await dialog.getByRole('radio', { name: /^Keep them in the workspace/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Delete the workroom', exact: true }).click();
    await page.getByText('No workrooms yet.').waitFor();
    expect(
      (await api('/deliverables?workroom=none')).items.map((file: { name: string }) => file.name),
    ).toEqual(['client-report.md']);
    expect((await api(`/agents/${agentId}`)).workroomId).toBeNull();
    expect(policyViolations).toEqual([]);
  });

  it('fits a phone: the list and a workroom’s page never scroll sideways', async () => {
    const room = await web.orca.request('POST', `/api/workspaces/${workspace.id}/workrooms`, {
      token: owner.token,
      body: { name: 'A client with a rather long name for a narrow screen', monthlyBudget: 1234567 },
    });
    const { page } = await signedInPage(phone);
    await page.goto(`${web.url}/w/${workspace.slug}/workrooms`);
    await page.getByRole('link', { name: room.body.name }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('link', { name: room.body.name }).click();
    await page.getByRole('heading', { level: 1, name: room.body.name }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
