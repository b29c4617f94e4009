// The first web page, driven in real Chromium: sign up, create two workspaces, switch between
// them, invite a second person who joins through the link, and sees only that workspace.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  createWorkspaceInBrowser,
  saveScreenshot,
  startWebApp,
  type WebApp,
} from '../support/web-app.ts';

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp();
});
afterAll(() => web?.close());

async function signUp(page: Page, name: string, email: string) {
  await page.getByRole('tab', { name: 'Sign up' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a browser passphrase 7');
  await page.getByRole('button', { name: 'Create account' }).click();
}

describe('web app', () => {
  it('signs up, creates and switches workspaces, and brings in a second account by invitation', async () => {
    const { page, policyViolations: violations } = await web.newPage();
    await page.goto(web.url);
    await signUp(page, 'Wendy Web', 'wendy@example.com');
    await page.getByText('Create your first workspace').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await createWorkspaceInBrowser(page, 'Alpha Studio');
    await createWorkspaceInBrowser(page, 'Beta Labs');
    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await page.getByRole('menuitem', { name: 'Alpha Studio' }).click();
    await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe('Alpha Studio');
    expect(new URL(page.url()).pathname).toBe('/w/alpha-studio');
    await page.reload();
    await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe('Alpha Studio');

    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByLabel('E-mail to invite').fill('guest@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Invite' }).click();
    const notice = await page.getByTestId('invitation-link').textContent();
    const token = /\/invitations\/(orca_i_[\w-]+)/.exec(notice ?? '')?.[1];
    expect(token).toBeDefined();

    const { page: guest, policyViolations: guestViolations } = await web.newPage();
    await guest.goto(`${web.url}/invitations/${token}`);
    await guest.getByText('You are invited to "Alpha Studio" as viewer').waitFor();
    await signUp(guest, 'Gus Guest', 'guest@example.com');
    await guest.getByRole('button', { name: 'Accept and join' }).click();
    await expect.poll(() => guest.getByTestId('current-workspace').textContent()).toBe('Alpha Studio');
    await guest.getByRole('button', { name: /^Workspace:/ }).click();
    const guestWorkspaces = await guest.getByRole('menuitem').allTextContents();
    expect(guestWorkspaces).toEqual(['Alpha Studio', 'New workspace…']);
    await guest.keyboard.press('Escape');
    await saveScreenshot(guest, 'guest-joined');

    await page.reload();
    await page.getByRole('cell', { name: 'guest@example.com' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'members');
    expect([...violations, ...guestViolations]).toEqual([]);
  });

  it('explains a weak password, and a sign-up for a registered address that signed nobody in', async () => {
    const { page, policyViolations: violations } = await web.newPage();
    await page.goto(web.url);
    await page.getByRole('tab', { name: 'Sign up' }).click();
    await page.getByLabel('Name').fill('Wendy Again');
    await page.getByLabel('E-mail').fill('wendy@example.com');
    await page.getByLabel('Password').fill('Summer2026');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/too weak.*Add more words/);
    await page.getByLabel('Password').fill('another browser passphrase 8');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/could not sign you in. If this address has an Orca account already, sign in/);
    expect(violations).toEqual([]);
  });

  it('shows a clear error for a wrong password and keeps the form', async () => {
    const { page } = await web.newPage();
    await page.goto(web.url);
    await page.getByLabel('E-mail').fill('nobody@example.com');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/e-mail address or the password is wrong/);
    expect(await page.getByLabel('E-mail').inputValue()).toBe('nobody@example.com');
  });
});
