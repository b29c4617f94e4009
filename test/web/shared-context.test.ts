// The shared context page and an agent's memory on its panel, in real Chromium against a real
// Orca: entries written through the API and by a run of an agent (memory.write), browsed a page at
// a time, searched by their words (the right entry found, the others not), filtered by tag, opened
// (text as text, JSON indented, markup never run), added, edited, an edit made from a stale copy
// refused in words with what was typed kept, deleted after confirming; a viewer only reads; no
// accessibility violations and no sideways scrolling at phone width.
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
let builder: TestUser;
let viewer: TestUser;
let workspace: TestWorkspace;
let acmeId: string;
let noteTakerRunId: string;

function api(method: string, path: string, body?: unknown, user = owner) {
  return web.orca.request(method, `/api/workspaces/${workspace.id}${path}`, { token: user.token, body });
}

async function write(key: string, value: unknown, extra: Record<string, unknown> = {}) {
  const written = await api('POST', '/context', { key, value, ...extra });
  expect(written.status, written.text).toBe(201);
  return written.body as { id: string };
}

beforeAll(async () => {
  ({ web, owner, workspace } = await startWebWorkspace('Cora Context', 'Context Studio'));
  builder = await web.orca.signUp('Bea Builder');
  viewer = await web.orca.signUp('Vera Viewer');
  await web.orca.addMember(owner, workspace.id, builder, 'builder');
  await web.orca.addMember(owner, workspace.id, viewer, 'viewer');

  // Older entries first, so the ones the journey uses are on the first page.
  for (let index = 1; index <= 26; index++)
    await write(`filler/${String(index).padStart(2, '0')}`, `Routine filler note number ${index}`);
  acmeId = (await write('clients/acme', { contact: 'Jane Doe', plan: 'Pro' }, { tags: ['client'] })).id;
  await write('clients/globex', 'Globex buys industrial pricing software', { tags: ['client', 'pricing'] });
  await write('notes/markup', '<img src=x onerror="window.__pwned=1"> The lighthouse keeper’s notes', {
    tags: ['notes'],
  });

  const agent = await api('POST', '/agents', {
    spec: {
      name: 'Note Taker',
      steps: [
        {
          id: 'remember',
          tool: 'memory.write',
          with: { key: 'runs/summary', value: 'Weekly summary: lighthouse visits rose', tags: ['report'] },
        },
      ],
    },
  });
  expect(agent.status, agent.text).toBe(201);
  const run = await api('POST', `/agents/${agent.body.id}/runs`, { input: {} });
  expect(run.status, run.text).toBe(202);
  noteTakerRunId = run.body.id;
  await waitForRun(noteTakerRunId);
});
afterAll(() => web?.close());

/** Waits for a run to finish (expect.poll is for tests, not their set-up) and checks it succeeded. */
async function waitForRun(runId: string) {
  const deadline = Date.now() + 20_000;
  let status = 'queued';
  while (!['succeeded', 'failed', 'cancelled'].includes(status) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = (await api('GET', `/runs/${runId}`)).body.status;
  }
  expect(status).toBe('succeeded');
}

function signIn(page: Page, user: TestUser, path = `/w/${workspace.slug}`) {
  return web.signIn(page, user, path);
}

/** At phone width the chat shows first; the workspace panel is one tap away. */
async function showPanel(page: Page) {
  await page
    .getByRole('group', { name: 'Show' })
    .getByRole('button', { name: 'Workspace', exact: true })
    .click();
}

const cards = (page: Page) => page.getByTestId('entry-card');
const cardKeys = async (page: Page) => (await cards(page).locator('.entry-open').allTextContents()).sort();
const searchBox = (page: Page, what = 'shared context') =>
  page.getByRole('searchbox', { name: `Search the ${what}` });

describe('the shared context page', () => {
  it('browses a page at a time, finds entries by their words (and only those), filters by tag, and shows values safely', async () => {
    const { page, policyViolations } = await web.newPage();
    await signIn(page, owner);
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Context' }).click();
    await page.getByRole('heading', { name: 'Shared context', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${workspace.slug}/context`);
    await expect.poll(() => cards(page).count()).toBe(25);
    // Newest first: the run's entry leads.
    expect(await cards(page).first().locator('.entry-open').textContent()).toBe('runs/summary');
    await cards(page).first().getByText('by a run of Note Taker').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'context-list');
    await page.getByRole('button', { name: 'Load more entries' }).click();
    await expect.poll(() => cards(page).count()).toBe(30);
    expect(await page.getByRole('button', { name: 'Load more entries' }).count()).toBe(0);

    await searchBox(page).fill('lighthouse');
    await expect.poll(() => cardKeys(page)).toEqual(['notes/markup', 'runs/summary']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('lighthouse');
    // The matched word is marked.
    const markup = cards(page).filter({ hasText: 'notes/markup' });
    expect(await markup.locator('mark').first().textContent()).toBe('lighthouse');
    await saveScreenshot(page, 'context-search');
    // Stored markup is shown as text, never run.
    await page.getByRole('button', { name: 'notes/markup' }).click();
    await page
      .getByTestId('entry-value')
      .getByText('<img src=x onerror="window.__pwned=1">', { exact: false })
      .waitFor();
    expect(await page.locator('.entry-view img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    // The open entry has the focus, and back in the list the button that opened it has it again.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('notes/markup');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await page.getByRole('button', { name: '← All entries' }).click();
    await expect.poll(() => cardKeys(page)).toEqual(['notes/markup', 'runs/summary']);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('class')))
      .toContain('entry-open');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('notes/markup');

    // A person's search text with operators never breaks the search.
    await searchBox(page).fill('industrial & "pricing');
    await searchBox(page).press('Enter');
    await expect.poll(() => cardKeys(page)).toEqual(['clients/globex']);
    await searchBox(page).fill('spaceship');
    await page.getByText('Nothing matches “spaceship”.').waitFor();
    await page.getByRole('button', { name: 'Show all entries' }).click();
    // Both pages read before are shown again.
    await expect.poll(() => cards(page).count()).toBe(30);

    await page.getByLabel('Tag', { exact: true }).selectOption('pricing');
    await expect.poll(() => cardKeys(page)).toEqual(['clients/globex']);
    await page.getByLabel('Tag', { exact: true }).selectOption('client');
    await expect.poll(() => cardKeys(page)).toEqual(['clients/acme', 'clients/globex']);

    // JSON is shown indented; the entry a run wrote links to that run.
    await page.getByRole('button', { name: 'clients/acme' }).click();
    await page.getByRole('heading', { name: 'clients/acme', level: 2 }).waitFor();
    const shown = (await page.getByTestId('entry-value').textContent()) ?? '';
    expect(shown).toContain('\n  "contact": "Jane Doe"');
    expect(JSON.parse(shown)).toEqual({ contact: 'Jane Doe', plan: 'Pro' });
    expect(await page.locator('.entry-view .facts').textContent()).toContain('by Cora Context');
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'context-entry');
    await page.goBack();
    await page.getByLabel('Tag', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'runs/summary' }).click();
    const runLink = page.getByRole('link', { name: 'a run of Note Taker' });
    expect(await runLink.getAttribute('href')).toBe(`/w/${workspace.slug}/runs/${noteTakerRunId}`);
    expect(policyViolations).toEqual([]);
  });

  it('edits an entry, refuses an edit made from a stale copy in words keeping what was typed, and deletes after confirming', async () => {
    const { page } = await web.newPage();
    await signIn(page, owner, `/w/${workspace.slug}/context?entry=${acmeId}`);
    await page.getByRole('heading', { name: 'clients/acme' }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('form', { name: 'Edit clients/acme' });
    const value = editor.getByLabel('Value', { exact: true });
    await value.fill('{ "contact": "Jane Doe", "plan": "Enterprise" }');
    await editor.getByLabel('Tags', { exact: true }).fill('client, vip');
    expect(await accessibilityViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(async () => JSON.parse((await page.getByTestId('entry-value').textContent()) ?? 'null'))
      .toEqual({ contact: 'Jane Doe', plan: 'Enterprise' });
    const saved = await api('GET', `/context/${acmeId}`);
    expect(saved.body).toMatchObject({ version: 2, tags: ['client', 'vip'], updatedByName: 'Cora Context' });

    // Bad JSON is refused in place before anything is sent.
    await page.getByRole('button', { name: 'Edit' }).click();
    // The search text is the value's words, so it is left for the value to fill.
    expect(await editor.getByLabel('Search text (optional)').inputValue()).toBe('');
    await value.fill('{ "contact": ');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText(/The value is not valid JSON/).waitFor();

    // Someone else changes the entry while it is open here.
    const theirs = await api(
      'PUT',
      `/context/${acmeId}`,
      { key: 'clients/acme', value: { contact: 'John Roe' }, tags: ['client'], expectedVersion: 2 },
      builder,
    );
    expect(theirs.status, theirs.text).toBe(200);
    const typed = '{ "contact": "Jane Doe", "phone": "555-0100" }';
    await value.fill(typed);
    await editor.getByRole('button', { name: 'Save changes' }).click();
    const refusal = editor.getByRole('alert');
    await refusal.getByText(/changed by Bea Builder since you opened it — reload to see it/).waitFor();
    expect(await value.inputValue()).toBe(typed);
    expect((await api('GET', `/context/${acmeId}`)).body.value).toEqual({ contact: 'John Roe' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'context-stale-edit');
    await editor.getByRole('button', { name: 'Show their version' }).click();
    await editor.getByTestId('their-version').getByText('John Roe').waitFor();
    expect(await value.inputValue()).toBe(typed);
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(async () => JSON.parse((await page.getByTestId('entry-value').textContent()) ?? 'null'))
      .toEqual({ contact: 'Jane Doe', phone: '555-0100' });
    expect((await api('GET', `/context/${acmeId}`)).body.version).toBe(4);

    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “clients/acme”?' });
    await dialog.getByText(/Agents that read this key will no longer find it/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Delete entry' }).click();
    await page.getByText('Deleted “clients/acme”.').waitFor();
    // The notice comes with the answer; the list follows when it is read again.
    await expect
      .poll(() => page.getByRole('button', { name: 'clients/acme' }).count(), { timeout: 10_000 })
      .toBe(0);
    expect((await api('GET', `/context/${acmeId}`)).status).toBe(404);
    const audit = await api('GET', '/audit?action=context.deleted');
    expect(audit.body.items[0]).toMatchObject({ targetId: acmeId, actorUserId: owner.id });
  });

  it('adds a new entry, and refuses one whose key is in use instead of replacing it', async () => {
    const { page } = await web.newPage();
    await signIn(page, owner, `/w/${workspace.slug}/context`);
    await page.getByRole('button', { name: 'New entry' }).click();
    const editor = page.getByRole('form', { name: 'New entry' });
    await editor.getByLabel('Key', { exact: true }).fill('clients/globex');
    await editor.getByLabel('Value', { exact: true }).fill('A second Globex');
    await editor.getByRole('button', { name: 'Add entry' }).click();
    await editor.getByText(/Another entry already has the key “clients\/globex”/).waitFor();
    await editor.getByLabel('Key', { exact: true }).fill('clients/initech');
    await editor.getByLabel('Value', { exact: true }).fill('Initech: TPS reports\nEvery Friday');
    await editor.getByLabel('Tags', { exact: true }).fill('client, reports');
    await editor.getByRole('button', { name: 'Add entry' }).click();
    await page.getByRole('heading', { name: 'clients/initech' }).waitFor();
    expect(await page.getByTestId('entry-value').textContent()).toBe('Initech: TPS reports\nEvery Friday');
    const globex = await api('GET', '/context?key=clients/globex');
    expect(globex.body.items[0].value).toBe('Globex buys industrial pricing software');
    const created = await api('GET', '/context?key=clients/initech');
    expect(created.body.items[0]).toMatchObject({ tags: ['client', 'reports'], version: 1 });
  });

  it('lets a viewer read and search but not change anything', async () => {
    const { page } = await web.newPage();
    await signIn(page, viewer, `/w/${workspace.slug}/context`);
    await searchBox(page).fill('globex');
    await expect.poll(() => cardKeys(page)).toEqual(['clients/globex']);
    expect(await page.getByRole('button', { name: 'New entry' }).count()).toBe(0);
    await page.getByRole('button', { name: 'clients/globex' }).click();
    await page.getByTestId('entry-value').getByText('Globex buys industrial pricing software').waitFor();
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete…' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('fits a phone: list, search, an entry and its editor without sideways scrolling', async () => {
    await write('notes/very-long-key-with-no-breaks-'.padEnd(120, 'x'), {
      deeply: { nested: 'x'.repeat(300) },
    });
    const { page } = await web.newPage(phone);
    await signIn(page, owner, `/w/${workspace.slug}/context`);
    await showPanel(page);
    await cards(page).first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'phone-context');
    await searchBox(page).fill('nested');
    await expect.poll(() => cards(page).count()).toBe(1);
    await cards(page).first().locator('.entry-open').click();
    await page.getByTestId('entry-value').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'phone-context-edit');
  });
});

describe('an agent’s memory on its panel', () => {
  it('shows, searches, edits and deletes the agent’s own entries, apart from the shared context', async () => {
    const agent = await api('POST', '/agents', {
      spec: { name: 'Price Keeper', steps: [{ id: 'noop', tool: 'transform', with: { expression: '1' } }] },
    });
    const memory = `/agents/${agent.body.id}/memory`;
    for (const [key, value] of [
      ['last-price', { acme: 49 }],
      ['seen-sites', 'acme.example and globex.example'],
    ] as const)
      expect((await api('POST', memory, { key, value })).status).toBe(201);

    const { page } = await web.newPage(phone);
    await signIn(page, owner, `/w/${workspace.slug}/agents/${agent.body.id}`);
    await showPanel(page);
    const section = page.getByRole('region', { name: 'Memory' });
    await expect
      .poll(async () => (await section.locator('.entry-open').allTextContents()).sort())
      .toEqual(['last-price', 'seen-sites']);
    await section.getByRole('searchbox', { name: 'Search the memory' }).fill('globex');
    await expect.poll(() => section.locator('.entry-open').allTextContents()).toEqual(['seen-sites']);
    await section.getByRole('button', { name: 'seen-sites' }).click();
    await section.getByRole('heading', { name: 'seen-sites', level: 3 }).waitFor();
    await section.getByRole('button', { name: 'Edit' }).click();
    await section.getByLabel('Value', { exact: true }).fill('acme.example only');
    await section.getByRole('button', { name: 'Save changes' }).click();
    await section.getByTestId('entry-value').getByText('acme.example only').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'phone-agent-memory');

    await section.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “seen-sites”?' });
    await dialog.getByText(/The agent will no longer remember it/).waitFor();
    await dialog.getByRole('button', { name: 'Delete entry' }).click();
    await section.getByText('Deleted “seen-sites”.').waitFor();
    const left = await api('GET', memory);
    expect(left.body.items.map((entry: { key: string }) => entry.key)).toEqual(['last-price']);
    // The shared context never held these.
    expect((await api('GET', '/context?key=last-price')).body.items).toEqual([]);
  });
});
