// The first web page, driven in real Chromium: sign up, create two workspaces, switch between
// them, invite a second person who joins through the link, and sees only that workspace.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/platform.ts';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

const chromiumPath = process.env.ORCA_CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let orca: TestPlatform;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { port: '0' } });
  server = await listen(orca.platform);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await orca?.close();
});

/** Console reports of Content-Security-Policy violations on `page` (issue 11: there must be none). */
function policyViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

async function signUp(page: Page, name: string, email: string) {
  await page.getByRole('tab', { name: 'Sign up' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a browser passphrase 7');
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function createWorkspace(page: Page, name: string) {
  await page.getByLabel('New workspace name').fill(name);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe(name);
}

describe('web app', () => {
  it('signs up, creates and switches workspaces, and brings in a second account by invitation', async () => {
    const ownerContext = await browser.newContext();
    const page = await ownerContext.newPage();
    const violations = policyViolations(page);
    await page.goto(server.url);
    await signUp(page, 'Wendy Web', 'wendy@example.com');
    await page.getByText('Create your first workspace').waitFor();

    await createWorkspace(page, 'Alpha Studio');
    await createWorkspace(page, 'Beta Labs');
    await page.getByRole('button', { name: 'Alpha Studio' }).click();
    await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe('Alpha Studio');
    expect(new URL(page.url()).pathname).toBe('/w/alpha-studio');
    await page.reload();
    await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe('Alpha Studio');

    await page.getByLabel('E-mail to invite').fill('guest@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Invite' }).click();
    const notice = await page.getByTestId('invitation-link').textContent();
    const token = /\/invitations\/(orca_i_[\w-]+)/.exec(notice ?? '')?.[1];
    expect(token).toBeDefined();

    const guestContext = await browser.newContext();
    const guest = await guestContext.newPage();
    const guestViolations = policyViolations(guest);
    await guest.goto(`${server.url}/invitations/${token}`);
    await guest.getByText('You are invited to "Alpha Studio" as viewer').waitFor();
    await signUp(guest, 'Gus Guest', 'guest@example.com');
    await guest.getByRole('button', { name: 'Accept and join' }).click();
    await expect.poll(() => guest.getByTestId('current-workspace').textContent()).toBe('Alpha Studio');
    const guestWorkspaces = await guest.locator('.workspace-list button').allTextContents();
    expect(guestWorkspaces).toEqual(['Alpha Studio']);
    await guest.screenshot({ path: `${process.env.ORCA_SCREENSHOT_DIR ?? '/tmp'}/orca-guest.png` });

    await page.reload();
    await page.getByRole('cell', { name: 'guest@example.com' }).waitFor();
    await page.screenshot({ path: `${process.env.ORCA_SCREENSHOT_DIR ?? '/tmp'}/orca-owner.png` });
    expect([...violations, ...guestViolations]).toEqual([]);
    await ownerContext.close();
    await guestContext.close();
  });

  it('explains a weak password, and a sign-up for a registered address that signed nobody in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = policyViolations(page);
    await page.goto(server.url);
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
    await context.close();
  });

  it('shows a clear error for a wrong password and keeps the form', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel('E-mail').fill('nobody@example.com');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/e-mail address or the password is wrong/);
    expect(await page.getByLabel('E-mail').inputValue()).toBe('nobody@example.com');
    await context.close();
  });
});
