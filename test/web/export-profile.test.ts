// Branded exports in real Chromium: an admin sets the export profile (accent colour, contact
// block, a PNG letterhead) and finds it kept after a reload, a bad colour is refused in the
// server's words, a viewer reads it without fields to change; a Markdown file uploaded twice
// under one name shows as "v2" with both versions listed, and its "Export as PDF" link gives a PDF.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser, TestWorkspace } from '../support/test-platform.ts';
import { tinyPng } from '../support/tiny-files.ts';
import { accessibilityViolations, startWebWorkspace, type WebApp } from '../support/web-app.ts';

let web: WebApp;
let owner: TestUser;
let viewer: TestUser;
let workspace: TestWorkspace;

beforeAll(async () => {
  ({ web, owner, workspace } = await startWebWorkspace('Petra Profile', 'Branded Studio'));
  viewer = await web.orca.signUp('Vera Viewer');
  await web.orca.addMember(owner, workspace.id, viewer, 'viewer');
});
afterAll(() => web?.close());

async function uploadMarkdown(name: string, body: string) {
  const uploaded = await web.orca.request(
    'POST',
    `/api/workspaces/${workspace.id}/deliverables?name=${encodeURIComponent(name)}`,
    { token: owner.token, rawBody: body, headers: { 'content-type': 'text/markdown' } },
  );
  expect(uploaded.status, uploaded.text).toBe(201);
  return uploaded.body as { id: string; version: number };
}

function fileRow(page: Page, name: string) {
  return page.getByTestId('file-row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

describe('the export profile settings', () => {
  it('keeps an accent colour, a contact block and a letterhead across a reload, and refuses a bad colour', async () => {
    const { page, policyViolations } = await web.signedInPage(
      owner,
      `/w/${workspace.slug}/settings?tab=export-profile`,
    );
    await page.getByRole('heading', { level: 2, name: 'Export profile' }).waitFor();

    await page.getByLabel('Accent colour', { exact: true }).fill('#12');
    await page.getByRole('button', { name: 'Save export profile' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('#rrggbb');

    await page.getByLabel('Accent colour', { exact: true }).fill('#AA3300');
    expect(await page.getByLabel('Accent colour picker').inputValue()).toBe('#aa3300');
    await page.getByLabel('Contact block').fill('Branded Studio\n1 Harbour Street\nhello@example.test');
    await page.getByLabel('Heading font').selectOption('Times');
    await page.getByRole('button', { name: 'Save export profile' }).click();
    await page.getByText('Export profile saved').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    await page.getByLabel('Upload letterhead').setInputFiles({
      name: 'letterhead.png',
      mimeType: 'image/png',
      buffer: Buffer.from(tinyPng()),
    });
    const preview = page.getByRole('img', { name: 'The letterhead' });
    await preview.waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Export profile' }).waitFor();
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(2);
    expect(await page.getByTestId('letterhead-facts').textContent()).toContain('PNG, 2×2');
    expect((await page.getByLabel('Accent colour', { exact: true }).inputValue()).toLowerCase()).toBe(
      '#aa3300',
    );
    expect(await page.getByLabel('Contact block').inputValue()).toBe(
      'Branded Studio\n1 Harbour Street\nhello@example.test',
    );
    expect(await page.getByLabel('Heading font').inputValue()).toBe('Times');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Remove letterhead' }).click();
    await page.getByText('No letterhead').waitFor();
    expect(await preview.count()).toBe(0);
    await page.getByLabel('Upload letterhead').setInputFiles({
      name: 'letterhead.png',
      mimeType: 'image/png',
      buffer: Buffer.from(tinyPng()),
    });
    await preview.waitFor();
    expect(policyViolations).toEqual([]);
  });

  it('shows the profile to a viewer without letting them change it', async () => {
    const { page } = await web.signedInPage(viewer, `/w/${workspace.slug}/settings?tab=export-profile`);
    await page.getByRole('heading', { level: 2, name: 'Export profile' }).waitFor();
    await page.getByText('Only admins and owners can change the export profile.').waitFor();
    expect(await page.getByLabel('Contact block').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save export profile' }).count()).toBe(0);
    expect(await page.getByLabel('Upload letterhead').count()).toBe(0);
  });
});

describe('versions and exports on the Files page', () => {
  it('lists the newest version with its number, the older ones under Versions, and exports a PDF', async () => {
    const first = await uploadMarkdown('brief.md', '# Brief\n\nThe first draft.\n');
    const second = await uploadMarkdown('brief.md', '# Brief\n\nThe second draft, longer.\n');
    expect([first.version, second.version]).toEqual([1, 2]);
    await web.orca.request('POST', `/api/workspaces/${workspace.id}/deliverables?name=photo.png`, {
      token: owner.token,
      rawBody: Buffer.from(tinyPng()),
      headers: { 'content-type': 'image/png' },
    });

    const { page } = await web.signedInPage(owner, `/w/${workspace.slug}/files`);
    await page.getByRole('heading', { level: 1, name: 'Files' }).waitFor();
    const row = fileRow(page, 'brief.md');
    await row.waitFor();
    // Only the newest version is listed, as its own row.
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('file-version-number').textContent()).toBe('v2');

    await row.getByText('Versions', { exact: true }).click();
    const versions = row.getByTestId('file-version');
    await versions.first().waitFor();
    expect(await versions.allTextContents()).toEqual([
      expect.stringContaining('v2'),
      expect.stringContaining('v1'),
    ]);
    const olderHref = await row
      .getByRole('link', { name: 'Download brief.md version 1' })
      .getAttribute('href');
    const older = await page.evaluate(async (href) => (await fetch(href ?? '')).text(), olderHref);
    expect(older).toBe('# Brief\n\nThe first draft.\n');

    // A picture cannot be exported; the Markdown file can, as PDF and HTML.
    await fileRow(page, 'photo.png').waitFor();
    expect(await fileRow(page, 'photo.png').getByTestId('export-pdf').count()).toBe(0);
    const pdfHref = await row.getByRole('link', { name: 'Export brief.md as PDF' }).getAttribute('href');
    const pdf = await page.evaluate(async (href) => {
      const response = await fetch(href ?? '');
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        start: String.fromCharCode(...bytes.slice(0, 5)),
      };
    }, pdfHref);
    expect(pdf).toEqual({ status: 200, type: expect.stringContaining('application/pdf'), start: '%PDF-' });
    const htmlHref = await row.getByRole('link', { name: 'Export brief.md as HTML' }).getAttribute('href');
    const html = await page.evaluate(async (href) => (await fetch(href ?? '')).text(), htmlHref);
    expect(html).toContain('The second draft, longer.');
    expect(html.toLowerCase()).toContain('#aa3300');
  });
});
