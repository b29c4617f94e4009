// The workspace settings and members pages in real Chromium against a real Orca: an API token
// created (shown once, copied, gone after a reload) and revoked; a workspace renamed, moved to a
// new address and deleted after typing its name; the audit log filtered to the rename and paged;
// the webhook signing secret rotated; an invitation link copied and replaced; a member removed
// and a member leaving, each after a confirmation; all of it accessible and fitting a phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  createWorkspaceInBrowser,
  horizontalOverflow,
  phone,
  saveScreenshot,
  signUpInBrowser,
  startWebApp,
  type WebApp,
} from '../support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
});
afterAll(() => web?.close());

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await expect.poll(() => page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

async function clipboard(page: Page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('workspace settings', () => {
  it('creates an API token shown once, copies it, hides it after a reload, and revokes it', async () => {
    const { page, context, policyViolations } = await web.newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
    await page.goto(web.url);
    await signUpInBrowser(page, 'Tess Token');
    await page.getByText('Create your first workspace').waitFor();
    await createWorkspaceInBrowser(page, 'Token Studio');
    await page.getByRole('link', { name: 'Settings' }).click();
    await openTab(page, 'API tokens');
    await page.getByText('No API tokens yet').waitFor();

    await page.getByLabel('Token name').fill('Deploy script');
    await page.getByLabel('Role').selectOption('admin');
    await page.getByLabel('Expires').selectOption('30');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByTestId('created-token');
    await shown.getByText('shown only this once').waitFor();
    const secret = (await shown.locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^orca_t_/);
    await shown.getByRole('button', { name: 'Copy token' }).click();
    await shown.getByRole('status').getByText('Copied').waitFor();
    expect(await clipboard(page)).toBe(secret);
    const row = page.getByRole('row', { name: /Deploy script/ });
    await row.getByRole('cell', { name: 'admin' }).waitFor();
    expect(await row.textContent()).toMatch(/in 4 weeks|in 30 days|next month/);
    expect(await row.textContent()).toContain('Never');
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'settings-token-created');

    // The token works, and after a reload its secret is nowhere on the page.
    const asToken = await web.orca.request('GET', '/api/workspaces/token-studio', { token: secret });
    expect(asToken.status).toBe(200);
    await page.reload();
    await page.getByRole('row', { name: /Deploy script/ }).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(new URL(page.url()).search).toBe('?tab=tokens');

    await page.getByRole('button', { name: 'Revoke Deploy script' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the token “Deploy script”?' });
    await dialog.getByText('stops working at once').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('row', { name: /Deploy script/ }).waitFor();
    await page.getByRole('button', { name: 'Revoke Deploy script' }).click();
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByText('No API tokens yet').waitFor();
    const revoked = await web.orca.request('GET', '/api/workspaces/token-studio', { token: secret });
    expect(revoked.status).toBe(401);
    expect(policyViolations).toEqual([]);
  });

  it('renames, moves to a new address, finds the rename in the audit log, and deletes after the typed name', async () => {
    const owner = await web.orca.signUp('Rita Renamer');
    const workspace = await web.orca.createWorkspace(owner, 'Rename Me');
    const { page, policyViolations } = await web.newPage();
    await web.signIn(page, owner, '/w/rename-me/settings');
    await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe('Rename Me');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Workspace name').fill('Renamed Studio');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Name saved.').waitFor();
    await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe('Renamed Studio');

    await page.getByLabel('Address').fill('Renamed Studio');
    await page.getByRole('button', { name: 'Change address' }).click();
    await page
      .getByRole('alert')
      .getByText(/slug must be/)
      .waitFor();
    await page.getByLabel('Address').fill('renamed-studio');
    await page.getByRole('button', { name: 'Change address' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/w/renamed-studio/settings');
    await page.getByText('Address changed: the workspace is now at /w/renamed-studio.').waitFor();
    await expect.poll(() => page.getByLabel('Address').inputValue()).toBe('renamed-studio');

    // The audit log: the rename and the move, by name; filters; more than a page.
    for (let index = 0; index < 26; index++) {
      await web.orca.request('PATCH', `/api/workspaces/${workspace.id}`, {
        token: owner.token,
        body: { name: index % 2 ? 'Renamed Studio' : 'Renamed Studio (busy)' },
      });
    }
    await openTab(page, 'Audit log');
    const events = page.getByRole('table', { name: 'Audit events' }).locator('tbody tr');
    await expect.poll(() => events.count()).toBe(25);
    // Created, renamed, moved, and 26 renames through the API.
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => events.count()).toBe(29);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    await page.getByLabel('Action').selectOption('workspace.updated');
    await expect.poll(() => events.count()).toBe(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => events.count()).toBe(28);
    await page.getByText('renamed the workspace from “Rename Me” to “Renamed Studio”').waitFor();
    await page.getByText('changed its address from /w/rename-me to /w/renamed-studio').waitFor();
    expect(await events.last().getByRole('cell').nth(1).textContent()).toBe('Rita Renamer');
    await page.getByLabel('Who').selectOption({ label: `Rita Renamer (${owner.email})` });
    await page.getByLabel('Action').selectOption('workspace.created');
    await expect.poll(() => events.count()).toBe(1);
    await page.getByText('created the workspace “Rename Me”').waitFor();
    await page.getByLabel('From').fill('2099-01-01');
    await page.getByText('Nothing matches these filters').waitFor();
    await page.getByLabel('Until').fill('2098-01-01');
    await page.getByRole('alert').getByText('The “From” date is after the “Until” date').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // Back to the whole log, with the pages already loaded.
    await expect.poll(() => events.count()).toBe(29);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'settings-audit-log');

    // The old address is no workspace any more.
    await page.goto(`${web.url}/w/rename-me`);
    await page.getByRole('heading', { name: 'No workspace at this address' }).waitFor();

    await page.goto(`${web.url}/w/renamed-studio/settings`);
    await page.getByRole('button', { name: 'Delete workspace…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Delete Renamed Studio/ });
    await dialog.getByLabel(/^Type “Renamed Studio/).fill('Renamed');
    await dialog.getByRole('button', { name: 'Delete this workspace' }).click();
    await dialog.getByRole('alert').getByText("That is not the workspace's name").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(
      (await web.orca.request('GET', `/api/workspaces/${workspace.id}`, { token: owner.token })).status,
    ).toBe(200);
    await dialog.getByLabel(/^Type “Renamed Studio/).fill('Renamed Studio');
    await dialog.getByRole('button', { name: 'Delete this workspace' }).click();
    await page.getByText('Create your first workspace').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(
      (await web.orca.request('GET', `/api/workspaces/${workspace.id}`, { token: owner.token })).status,
    ).toBe(404);
    expect(policyViolations).toEqual([]);
  });

  it('tells two workspaces of the same name apart by their address', async () => {
    const { page } = await web.newPage();
    await page.goto(web.url);
    await signUpInBrowser(page, 'Tom Twin');
    await page.getByText('Create your first workspace').waitFor();
    await createWorkspaceInBrowser(page, 'Twin');
    await createWorkspaceInBrowser(page, 'Twin');
    await page.getByRole('button', { name: /^Workspace:/ }).click();
    const choices = await page.getByRole('menuitem').allTextContents();
    expect(choices.filter((choice) => choice.startsWith('Twin'))).toEqual(['Twin (twin)', 'Twin (twin-2)']);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('button', { name: /^Workspace:/ }).textContent()).toContain('/w/twin-2');
  });

  it('rotates the webhook signing secret after a confirmation and shows it once', async () => {
    const owner = await web.orca.signUp('Wes Webhook');
    await web.orca.createWorkspace(owner, 'Hook Works');
    const { page, context } = await web.newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
    await web.signIn(page, owner, '/w/hook-works/settings?tab=webhooks');
    const status = page.getByTestId('webhook-secret-status');
    await status.getByText('No secret yet').waitFor();
    await page.getByRole('button', { name: 'Create secret…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Create secret' }).click();
    const shown = page.getByTestId('rotated-secret');
    const secret = (await shown.locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await status.getByText('A secret is set, since').waitFor();

    await page.getByRole('button', { name: 'Rotate secret…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace the webhook signing secret?' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Rotate secret' }).click();
    await expect.poll(() => shown.locator('code').textContent()).not.toBe(secret);
    const rotated = (await shown.locator('code').textContent()) ?? '';
    await shown.getByRole('button', { name: 'Copy secret' }).click();
    expect(await clipboard(page)).toBe(rotated);
    const fromApi = await web.orca.request('GET', '/api/workspaces/hook-works/webhook-signing-secret', {
      token: owner.token,
    });
    expect(fromApi.body.secret).toBe(rotated);
    await page.reload();
    await status.getByText('A secret is set, since').waitFor();
    expect(await page.content()).not.toContain('whsec_');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe('members page', () => {
  it('copies an invitation link, says when a re-invitation replaced it, and confirms remove and leave', async () => {
    const owner = await web.orca.signUp('Mona Members');
    const workspace = await web.orca.createWorkspace(owner, 'Member Works');
    const bob = await web.orca.signUp('Bob Removed');
    const vic = await web.orca.signUp('Vic Leaver');
    await web.orca.addMember(owner, workspace.id, bob, 'builder');
    await web.orca.addMember(owner, workspace.id, vic, 'viewer');

    const { page, context, policyViolations } = await web.newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
    await web.signIn(page, owner, '/w/member-works/members');
    await page.getByLabel('E-mail to invite').fill('newcomer@example.com');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    const notice = page.getByTestId('invitation-link');
    const firstLink = (await notice.locator('code').textContent()) ?? '';
    expect(firstLink).toContain('/invitations/orca_i_');
    expect(await notice.textContent()).not.toContain('replaces the earlier invitation');
    await notice.getByRole('button', { name: 'Copy link' }).click();
    await notice.getByRole('status').getByText('Copied').waitFor();
    expect(await clipboard(page)).toBe(firstLink);

    await page.getByLabel('E-mail to invite').fill('newcomer@example.com');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await notice.getByText('This replaces the earlier invitation to newcomer@example.com').waitFor();
    expect(await notice.locator('code').textContent()).not.toBe(firstLink);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Remove Bob Removed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Bob Removed?' });
    await dialog.getByText('loses access at once').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('cell', { name: bob.email }).waitFor();
    await page.getByRole('button', { name: 'Remove Bob Removed' }).click();
    await dialog.getByRole('button', { name: 'Remove member' }).click();
    await expect.poll(() => page.getByRole('cell', { name: bob.email }).count()).toBe(0);
    expect(
      (await web.orca.request('GET', `/api/workspaces/${workspace.id}`, { token: bob.token })).status,
    ).toBe(404);

    // A viewer sees the settings without the admin tabs (the export profile only to read), and
    // leaves after a confirmation.
    const { page: viewer } = await web.newPage();
    await web.signIn(viewer, vic, '/w/member-works/settings');
    await viewer.getByText('Only admins and owners can rename the workspace').waitFor();
    expect(await viewer.getByRole('tab').allTextContents()).toEqual(['General', 'Export profile']);
    await viewer.getByRole('link', { name: 'Members' }).click();
    await viewer.getByRole('button', { name: 'Leave', exact: true }).click();
    const leave = viewer.getByRole('dialog', { name: 'Leave Member Works?' });
    await leave.getByRole('button', { name: 'Leave workspace' }).click();
    await viewer.getByRole('heading', { name: 'No workspace at this address' }).waitFor();
    expect(policyViolations).toEqual([]);
  });
});

describe('at phone width', () => {
  it('shows each settings tab without sideways scrolling or accessibility violations', async () => {
    const owner = await web.orca.signUp('Pia Phone');
    const workspace = await web.orca.createWorkspace(owner, 'Phone Settings With A Rather Long Name');
    await web.orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: owner.token,
      body: {
        name: 'A token with a long descriptive name for the nightly export',
        role: 'viewer',
        expiresInDays: 7,
      },
    });
    const { page } = await web.newPage(phone);
    await web.signIn(page, owner, `/w/${workspace.slug}/settings`);
    // Opened at the settings' address, a phone shows the settings, not the chat.
    expect(
      await page
        .getByRole('group', { name: 'Show' })
        .getByRole('button', { name: 'Workspace', exact: true })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    for (const tab of ['General', 'API tokens', 'Audit log', 'Webhook signing']) {
      await openTab(page, tab);
      await page.getByRole('tabpanel').getByRole('heading', { level: 2 }).waitFor();
      if (tab === 'API tokens') await page.getByRole('row', { name: /nightly export/ }).waitFor();
      if (tab === 'Audit log') await page.getByText('created the API token').waitFor();
      expect(await horizontalOverflow(page), tab).toBe(0);
      expect(await accessibilityViolations(page), tab).toEqual([]);
      await saveScreenshot(page, `phone-settings-${tab.toLowerCase().replaceAll(' ', '-')}`);
    }
    await page.goto(`${web.url}/w/${workspace.slug}/members`);
    await page
      .getByRole('group', { name: 'Show' })
      .getByRole('button', { name: 'Workspace', exact: true })
      .click();
    await page.getByLabel('E-mail to invite').fill('someone.with.a.long.address@example.com');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByTestId('invitation-link').getByRole('button', { name: 'Copy link' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    // The panel scrolls by itself, so the page's width does not show a table running off the
    // screen: the members table (a long e-mail address in it) must end inside it.
    const table = await page.getByRole('table', { name: 'Members' }).boundingBox();
    expect((table?.x ?? 0) + (table?.width ?? 0)).toBeLessThanOrEqual(phone.width);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
