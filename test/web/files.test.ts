// Files in real Chromium: an agent saves a CSV table, JSON, a picture, a PDF and a web page with
// files.save; the Files page lists them (filtered by agent and run), each previews the way its
// type reads best (the CSV as a table, a quoted comma kept in its cell; JSON indented; the
// picture and the PDF shown inline; the web page as text, its script never run), downloads work,
// the agent panel and the run page link to the previews, and it all fits a phone.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser, TestWorkspace } from '../support/test-platform.ts';
import { tinyPdf, tinyPng } from '../support/tiny-files.ts';
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
let reporter: { id: string; runId: string };
let quiet: { id: string; runId: string };

const compactJson = '{"total":3,"items":[{"name":"Ada"}]}';
const webPage = '<html><body><h1>Saved page</h1><script>window.pageScriptRan = true;</script></body></html>';

async function agentThatSaves(name: string, steps: unknown[]) {
  const created = await web.orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
    token: owner.token,
    body: { spec: { name, steps } },
  });
  expect(created.status, created.text).toBe(201);
  const started = await web.orca.request(
    'POST',
    `/api/workspaces/${workspace.id}/agents/${created.body.id}/runs`,
    {
      token: owner.token,
      body: { input: {} },
    },
  );
  expect(started.status, started.text).toBe(202);
  for (let tries = 0; tries < 400; tries++) {
    const run = await web.orca.request('GET', `/api/workspaces/${workspace.id}/runs/${started.body.id}`, {
      token: owner.token,
    });
    if (run.body.status === 'succeeded')
      return { id: created.body.id as string, runId: started.body.id as string };
    if (['failed', 'cancelled'].includes(run.body.status)) throw new Error(`the run ended ${run.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

beforeAll(async () => {
  ({ web, owner, workspace } = await startWebWorkspace('Fiona Files', 'File Cabinet'));
  viewer = await web.orca.signUp('Victor Viewer');
  await web.orca.addMember(owner, workspace.id, viewer, 'viewer');
  const save = (id: string, withSettings: Record<string, unknown>) => ({
    id,
    tool: 'files.save',
    with: withSettings,
  });
  reporter = await agentThatSaves('Report Maker', [
    save('table', {
      name: 'people.csv',
      content: [
        { name: 'Lovelace, Ada', city: 'London' },
        { name: 'Babbage', city: 'London' },
      ],
    }),
    save('data', { name: 'totals.json', content: compactJson }),
    save('picture', {
      name: 'dot.png',
      content: Buffer.from(tinyPng()).toString('base64'),
      encoding: 'base64',
    }),
    save('document', {
      name: 'report.pdf',
      content: Buffer.from(tinyPdf('Hello PDF')).toString('base64'),
      encoding: 'base64',
    }),
    save('page', { name: 'page.html', content: webPage }),
  ]);
  quiet = await agentThatSaves('Quiet Agent', [save('note', { name: 'note.txt', content: 'only this' })]);
});
afterAll(() => web?.close());

function signedInPage(viewport?: Viewport, person = owner) {
  return web.signedInPage(person, `/w/${workspace.slug}`, viewport);
}

function fileRow(page: Page, name: string) {
  return page.getByTestId('file-row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

async function openPreview(page: Page, name: string) {
  await page.goto(`${web.url}/w/${workspace.slug}/files?agent=${reporter.id}`);
  await fileRow(page, name).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('the Files page', () => {
  it('lists every file newest first with its type, size, agent and run, filtered by agent and by run', async () => {
    const { page, policyViolations } = await signedInPage();
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Files' }).click();
    await page.getByRole('heading', { level: 1, name: 'Files' }).waitFor();
    await fileRow(page, 'note.txt').waitFor();
    const names = await page.locator('[data-testid="file-row"] .file-name').allTextContents();
    expect(names).toEqual(['note.txt', 'page.html', 'report.pdf', 'dot.png', 'totals.json', 'people.csv']);

    const csv = fileRow(page, 'people.csv');
    await expect.poll(() => csv.textContent()).toMatch(/CSV table · \d+ bytes ·/);
    await csv.getByRole('link', { name: 'Report Maker' }).waitFor();
    expect(await csv.getByRole('link', { name: /^the run of / }).getAttribute('href')).toBe(
      `/w/${workspace.slug}/runs/${reporter.runId}`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'files');

    await page.getByLabel('Agent').selectOption({ label: 'Quiet Agent' });
    await expect.poll(() => page.getByTestId('file-row').count()).toBe(1);
    await fileRow(page, 'note.txt').waitFor();
    expect(page.url()).toContain(`agent=${quiet.id}`);

    await page.getByLabel('Agent').selectOption({ label: 'All agents' });
    await page.getByLabel('Run').selectOption({ value: reporter.runId });
    await expect.poll(() => page.getByTestId('file-row').count()).toBe(5);
    expect(await fileRow(page, 'note.txt').count()).toBe(0);
    expect(policyViolations).toEqual([]);
  });

  it('loads older files a page at a time', async () => {
    const bulk = [];
    for (let index = 0; index < 26; index++)
      bulk.push({
        id: `n${index}`,
        tool: 'files.save',
        with: { name: `bulk-${index}.txt`, content: `file ${index}` },
      });
    const made = await agentThatSaves('Bulk Saver', bulk);
    const { page } = await signedInPage();
    await page.goto(`${web.url}/w/${workspace.slug}/files?agent=${made.id}`);
    await fileRow(page, 'bulk-25.txt').waitFor();
    expect(await page.getByTestId('file-row').count()).toBe(25);
    await page.getByRole('button', { name: 'Load more files' }).click();
    await fileRow(page, 'bulk-0.txt').waitFor();
    expect(await page.getByTestId('file-row').count()).toBe(26);
    expect(await page.getByRole('button', { name: 'Load more files' }).count()).toBe(0);
  });

  it('previews a CSV as a table, a quoted comma kept in its cell, and downloads it', async () => {
    const { page } = await signedInPage();
    await openPreview(page, 'people.csv');
    const table = page.getByRole('table', { name: 'people.csv' });
    await table.waitFor();
    // The step's records went through the database, which orders an object's keys.
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['city', 'name']);
    expect(await table.locator('tbody tr').first().getByRole('cell').allTextContents()).toEqual([
      'London',
      'Lovelace, Ada',
    ]);
    expect(await page.getByTestId('row-count').textContent()).toBe('2 rows.');
    await page.getByText('Made by').getByRole('link', { name: 'Report Maker' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'file-preview-csv');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download people.csv' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('people.csv');
    const saved = await readFile((await download.path()) ?? '', 'utf8');
    expect(saved).toBe('city,name\r\nLondon,"Lovelace, Ada"\r\nLondon,Babbage\r\n');
  });

  it('shows JSON indented', async () => {
    const { page } = await signedInPage();
    await openPreview(page, 'totals.json');
    const text = page.getByRole('region', { name: 'Content of totals.json' });
    await expect.poll(() => text.textContent()).toBe(JSON.stringify(JSON.parse(compactJson), null, 2));
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows a picture and a PDF in the page, served inline', async () => {
    const { page } = await signedInPage();
    await openPreview(page, 'dot.png');
    const picture = page.getByRole('img', { name: 'dot.png' });
    await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(2);
    expect(await picture.getAttribute('src')).toMatch(/\/content\?disposition=inline$/);
    expect(await accessibilityViolations(page)).toEqual([]);

    const inline = page.waitForResponse((response) => response.url().endsWith('/content?disposition=inline'));
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    await openPreview(page, 'report.pdf');
    const response = await inline;
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toMatch(/^inline;/);
    await page.locator('iframe[title="PDF report.pdf"]').waitFor();
    // Chromium's own PDF viewer opened the document inside the page: it was neither refused nor downloaded.
    await expect
      .poll(() => page.frames().some((frame) => frame.url().startsWith('chrome-extension://')), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(downloaded).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'file-preview-pdf');
  });

  it('shows a web page as its text and never runs its script', async () => {
    const { page } = await signedInPage();
    await openPreview(page, 'page.html');
    const text = page.getByRole('region', { name: 'Content of page.html' });
    await expect.poll(() => text.textContent()).toBe(webPage);
    await page.getByText('Shown as its source text').waitFor();
    expect(await page.evaluate(() => (window as { pageScriptRan?: boolean }).pageScriptRan)).toBeUndefined();
    expect(page.frames()).toHaveLength(1);
    expect(await page.getByRole('heading', { name: 'Saved page' }).count()).toBe(0);
  });

  it('shows the first 500 rows of a long table, semicolon tables, and only the start of a large file', async () => {
    const upload = async (name: string, type: string, body: string) => {
      const uploaded = await web.orca.request(
        'POST',
        `/api/workspaces/${workspace.id}/deliverables?name=${encodeURIComponent(name)}`,
        { token: owner.token, rawBody: body, headers: { 'content-type': type } },
      );
      expect(uploaded.status, uploaded.text).toBe(201);
      return uploaded.body.id as string;
    };
    const lines = Array.from({ length: 700 }, (_, index) => `${index + 1},"word ${index + 1}"`);
    const long = await upload('long.csv', 'text/csv', `n,word\n${lines.join('\n')}\n`);
    const european = await upload('prices.csv', 'text/csv', 'name;price\n"Tea; green";2,50\nCoffee;3,10\n');
    const large = await upload('large.txt', 'text/plain', `${'x'.repeat(600 * 1024)}END`);

    const { page } = await signedInPage();
    await page.goto(`${web.url}/w/${workspace.slug}/files/${long}`);
    await page.getByRole('table', { name: 'long.csv' }).waitFor();
    expect(await page.getByTestId('row-count').textContent()).toBe('Showing 500 of 700 rows.');
    expect(await page.locator('.preview-table tbody tr').count()).toBe(500);

    await page.goto(`${web.url}/w/${workspace.slug}/files/${european}`);
    const prices = page.getByRole('table', { name: 'prices.csv' });
    await prices.waitFor();
    expect(await prices.locator('tbody tr').first().getByRole('cell').allTextContents()).toEqual([
      'Tea; green',
      '2,50',
    ]);
    expect(await page.getByTestId('row-count').textContent()).toBe('2 rows, separated by semicolons.');

    await page.goto(`${web.url}/w/${workspace.slug}/files/${large}`);
    await page.getByText('This file is 600 KB: the preview shows its first 512 KB.').waitFor();
    const text = (await page.getByRole('region', { name: 'Content of large.txt' }).textContent()) ?? '';
    expect(text.length).toBe(512 * 1024);
    expect(text).not.toContain('END');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A builder deletes a file after confirming; it is gone from the list and from the API.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete large.txt?' });
    await dialog.getByRole('button', { name: 'Delete large.txt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Files' }).waitFor();
    await fileRow(page, 'prices.csv').waitFor();
    expect(await fileRow(page, 'large.txt').count()).toBe(0);
    const gone = await web.orca.request('GET', `/api/workspaces/${workspace.id}/deliverables/${large}`, {
      token: owner.token,
    });
    expect(gone.status).toBe(404);
  });

  it('lets a viewer see and download files but not delete them', async () => {
    const { page } = await signedInPage(undefined, viewer);
    await openPreview(page, 'people.csv');
    await page.getByRole('table', { name: 'people.csv' }).waitFor();
    await page.getByRole('link', { name: 'Download people.csv' }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
  });

  it('links the agent panel and the run page to the previews', async () => {
    const { page } = await signedInPage();
    await page.goto(`${web.url}/w/${workspace.slug}/agents/${reporter.id}`);
    const section = page.getByRole('region', { name: 'Files' });
    await section.getByRole('link', { name: 'people.csv', exact: true }).waitFor();
    expect(await section.getByTestId('file-row').count()).toBe(5);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${web.url}/w/${workspace.slug}/runs/${reporter.runId}`);
    await page.getByRole('link', { name: 'totals.json', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'totals.json' }).waitFor();
    await page.goto(`${web.url}/w/${workspace.slug}/runs/${reporter.runId}`);
    await page.getByRole('link', { name: 'Preview dot.png' }).click();
    await page.getByRole('img', { name: 'dot.png' }).waitFor();
  });

  it('fits a phone: the list and a table preview do not scroll sideways', async () => {
    const { page } = await signedInPage(phone);
    await page.getByRole('button', { name: 'Workspace', exact: true }).click();
    await page.getByRole('link', { name: 'Files', exact: true }).click();
    await page.getByLabel('Agent').selectOption({ label: 'Report Maker' });
    await fileRow(page, 'people.csv').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await fileRow(page, 'people.csv').getByRole('link', { name: 'people.csv', exact: true }).click();
    await page.getByRole('table', { name: 'people.csv' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await saveScreenshot(page, 'file-preview-phone');
  });
});
