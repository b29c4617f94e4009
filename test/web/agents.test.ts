// The workspace overview and the agent panel in real Chromium against a real Orca: an agent made
// through the API shows with its steps in words; changes made elsewhere (a new version, a pause)
// appear without a reload; run now with the form made from the input schema; versions compared
// and restored; pause and resume; export; delete after confirming; a viewer sees no change
// buttons; no accessibility violations and no sideways scrolling at phone width.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser, TestWorkspace } from '../support/test-platform.ts';
import {
  accessibilityViolations,
  horizontalOverflow,
  phone,
  saveScreenshot,
  startWebWorkspace,
  type WebApp,
} from '../support/web-app.ts';

let web: WebApp;
let owner: TestUser;
let viewer: TestUser;
let workspace: TestWorkspace;

const greeter = {
  name: 'Greeter',
  goal: 'Greets a person by name',
  input: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', description: 'Who to greet' },
      times: { type: 'integer', minimum: 1, maximum: 5 },
      loud: { type: 'boolean' },
      tone: { enum: ['warm', 'formal'] },
      tags: { type: 'array', items: { type: 'string' } },
    },
  },
  steps: [
    { id: 'greet', tool: 'transform', with: { expression: '"Hello, " & name', data: '{{ input }}' } },
    { id: 'shout', tool: 'transform', with: { expression: '$uppercase(value)', data: '{{ steps.greet }}' } },
  ],
};

beforeAll(async () => {
  ({ web, owner, workspace } = await startWebWorkspace('Agnes Agents', 'Agent Garden'));
  viewer = await web.orca.signUp('Victor Viewer');
  await web.orca.addMember(owner, workspace.id, viewer, 'viewer');
});
afterAll(() => web?.close());

function signIn(page: Page, user: TestUser, path = `/w/${workspace.slug}`) {
  return web.signIn(page, user, path);
}

function api(method: string, path: string, body?: unknown, user = owner) {
  return web.orca.request(method, `/api/workspaces/${workspace.id}${path}`, { token: user.token, body });
}

async function createGreeter(spec: Record<string, unknown> = greeter) {
  const created = await api('POST', '/agents', { spec });
  expect(created.status, created.text).toBe(201);
  return created.body as { id: string; name: string };
}

describe('overview and agent panel', () => {
  it('welcomes a new user to an empty workspace, pointing to the Orchestrator', async () => {
    const { page, policyViolations } = await web.newPage();
    await signIn(page, owner);
    await page.getByText('No agents yet').waitFor();
    expect(
      await page.getByText(/Tell the Orchestrator in the chat on the left what you want done/).count(),
    ).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(policyViolations).toEqual([]);
  });

  it('shows an agent made through the API on the overview and in its panel, steps readable and JSON one click away', async () => {
    const agent = await createGreeter();
    const asked = await web.orca.request('POST', `/api/workspaces/${workspace.id}/orchestrator/messages`, {
      token: owner.token,
      body: { text: 'pause the greeter' },
    });
    expect(asked.body.plan?.status, asked.text).toBe('proposed');

    const { page, policyViolations } = await web.newPage();
    await signIn(page, owner);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Greeter' }) });
    await card.getByText('Never run').waitFor();
    await card.getByText('Not scheduled').waitFor();
    // The plan waiting for approval links to its conversation in the chat.
    const pending = page.getByRole('region', { name: 'Waiting for your approval' });
    await pending.waitFor();
    expect(await pending.getByRole('link', { name: 'Review in the chat' }).getAttribute('href')).toBe(
      `/w/${workspace.slug}?c=${asked.body.conversationId}`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'overview');

    await page.getByRole('link', { name: 'Greeter' }).click();
    await page.getByRole('heading', { name: 'Greeter', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${workspace.slug}/agents/${agent.id}`);
    await page.getByText('Greets a person by name').waitFor();
    const steps = page.getByRole('region', { name: 'Steps' });
    await steps.getByText('data: from input').waitFor();
    await steps.getByText('data: from step greet').waitFor();
    await steps.getByText(/used by step “shout”/).waitFor();
    await page.getByRole('button', { name: 'Show JSON' }).click();
    expect(await page.getByTestId('spec-json').textContent()).toContain('"$uppercase(value)"');
    await page.getByRole('button', { name: 'Hide JSON' }).click();
    await page.getByText('Not scheduled').waitFor();
    await page.getByText('No chains').waitFor();
    await page.getByText('No hooks').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'agent-panel');
    expect(policyViolations).toEqual([]);
  });

  it('shows a change made through the API without a reload, compares versions and restores one', async () => {
    const agent = await createGreeter({ ...greeter, name: 'Versioned Greeter' });
    const { page } = await web.newPage();
    await signIn(page, owner, `/w/${workspace.slug}/agents/${agent.id}`);
    await page.getByRole('heading', { name: 'Versioned Greeter', level: 1 }).waitFor();

    const changed = await api('PATCH', `/agents/${agent.id}`, {
      spec: {
        ...greeter,
        name: 'Versioned Greeter',
        goal: 'Greets warmly',
        steps: [
          ...greeter.steps,
          {
            id: 'count',
            tool: 'transform',
            with: { expression: '$length(value)', data: '{{ steps.shout }}' },
          },
        ],
      },
    });
    expect(changed.status, changed.text).toBe(200);
    await page.getByText('data: from step shout').waitFor();
    await page.getByText('Greets warmly').first().waitFor();
    expect(await api('POST', `/agents/${agent.id}/pause`).then((response) => response.status)).toBe(200);
    await page.getByRole('button', { name: 'Resume' }).waitFor();

    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByText('Version 2 (current)', { exact: false }).waitFor();
    const diff = page.getByTestId('version-diff');
    await diff.getByText('Step “count” added: Reshapes data').waitFor();
    await diff.getByText('Goal: “Greets a person by name” → “Greets warmly”').waitFor();
    await page.getByRole('button', { name: 'Show the line by line changes' }).click();
    expect(await page.locator('.line-added').allTextContents()).toContain('+   "goal": "Greets warmly",\n');

    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await page.getByText('Restored version 1 as version 3.').waitFor();
    const restored = await api('GET', `/agents/${agent.id}`);
    expect(restored.body).toMatchObject({ version: 3, spec: { goal: 'Greets a person by name' } });
    await page.getByRole('heading', { name: 'Steps' }).waitFor();
    await expect.poll(() => page.getByText('data: from step shout').count()).toBe(0);
  });

  it('pauses and resumes, runs now with the form made from the input schema, and exports', async () => {
    const agent = await createGreeter({ ...greeter, name: 'Runner Greeter' });
    const { page } = await web.newPage();
    await signIn(page, owner, `/w/${workspace.slug}/agents/${agent.id}`);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect((await api('GET', `/agents/${agent.id}`)).body.status).toBe('paused');
    expect(await page.getByRole('button', { name: 'Run now' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    expect((await api('GET', `/agents/${agent.id}`)).body.status).toBe('active');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('runner-greeter.orca-agent.json');
    const bundle = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
    expect(JSON.stringify(bundle)).toContain('Runner Greeter');

    await page.getByRole('button', { name: 'Run now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run Runner Greeter now' });
    await dialog.getByLabel('Times').fill('9');
    await dialog.getByRole('button', { name: 'Start the run' }).click();
    await dialog.getByText('Name is required.').waitFor();
    await dialog.getByText('Times must be at most 5.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByLabel(/^Name/).fill('Ada');
    await dialog.getByLabel('Times').fill('2');
    await dialog.getByLabel('Loud').check();
    await dialog.getByLabel('Tone').selectOption('warm');
    await dialog.getByLabel('Tags').fill('first\nsecond');
    await dialog.getByRole('button', { name: 'Start the run' }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]+$/);
    const runId = new URL(page.url()).pathname.split('/').at(-1);
    const run = await api('GET', `/runs/${runId}`);
    expect(run.body).toMatchObject({
      agentId: agent.id,
      trigger: 'manual',
      input: { name: 'Ada', times: 2, loud: true, tone: 'warm', tags: ['first', 'second'] },
    });
    await expect
      .poll(async () => (await api('GET', `/runs/${runId}`)).body.status, { timeout: 20_000 })
      .toBe('succeeded');
    await page.goto(`${web.url}/w/${workspace.slug}/agents/${agent.id}`);
    await page.getByTestId('success-rate').getByText('100% (1 of 1 finished run)').waitFor();
  });

  it('deletes an agent after a confirmation that names what goes with it', async () => {
    const agent = await createGreeter({ ...greeter, name: 'Doomed Greeter' });
    const schedule = await api('PUT', `/agents/${agent.id}/schedule`, {
      text: 'every day at 9am',
      timezone: 'UTC',
      input: { name: 'Ada' },
    });
    expect(schedule.status, schedule.text).toBeLessThan(300);
    const { page } = await web.newPage();
    await signIn(page, owner, `/w/${workspace.slug}/agents/${agent.id}`);
    await page.getByRole('region', { name: 'Schedule' }).getByText('UTC', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Doomed Greeter?' });
    await dialog.getByText(/its schedule \(/).waitFor();
    await dialog.getByText('no chains (it has none)').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await api('GET', `/agents/${agent.id}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete Doomed Greeter' }).click();
    await page.waitForURL((url) => url.pathname === `/w/${workspace.slug}`);
    expect((await api('GET', `/agents/${agent.id}`)).status).toBe(404);
    await expect.poll(() => page.getByRole('link', { name: 'Doomed Greeter' }).count()).toBe(0);
  });

  it('shows a viewer everything but no buttons that change things', async () => {
    const agent = await createGreeter({ ...greeter, name: 'Viewed Greeter' });
    await api('PATCH', `/agents/${agent.id}`, {
      spec: { ...greeter, name: 'Viewed Greeter', goal: 'Seen only' },
    });
    const { page } = await web.newPage();
    await signIn(page, viewer, `/w/${workspace.slug}/agents/${agent.id}`);
    await page.getByRole('heading', { name: 'Viewed Greeter', level: 1 }).waitFor();
    await page.getByTestId('version-diff').waitFor();
    for (const name of ['Pause', 'Resume', 'Run now', 'Delete', 'Restore version 1'])
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    await page.getByRole('button', { name: 'Export' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const agent = await createGreeter({ ...greeter, name: 'Pocket Greeter' });
    const { page } = await web.newPage(phone);
    await signIn(page, owner);
    await page.getByRole('button', { name: 'Workspace', exact: true }).click();
    await page.getByRole('link', { name: 'Pocket Greeter' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('link', { name: 'Pocket Greeter' }).click();
    await page.getByRole('heading', { name: 'Pocket Greeter', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Show JSON' }).click();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(agent.id).toBeTruthy();
  });
});
