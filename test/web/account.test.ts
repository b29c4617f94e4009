// The account page in real Chromium at phone width (390px): the time zone the browser detects is
// offered and saved, facts are added, edited and removed, the password is changed (the old one is
// refused at the next sign-in, the new one works), another browser's session is listed and signed
// out, and "sign out everywhere" ends up on the sign-in page. Every state is checked with axe and
// for sideways scrolling. Someone without a workspace reaches it from the welcome page.
import type { BrowserContext, Page } from 'playwright-core';
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

const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const signUpPassword = 'a browser passphrase 7';

let web: WebApp;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  web = await startWebApp();
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await web?.close();
});

/** A fresh browser at phone width, optionally in a given time zone or posing as another browser. */
async function openBrowser(options: { timezoneId?: string; userAgent?: string } = {}): Promise<Page> {
  const context = await web.browser.newContext({ viewport: phone, ...options });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(web.url);
  return page;
}

/** The page fits a phone and has no serious accessibility violations. */
async function checkPage(page: Page, name: string) {
  await saveScreenshot(page, `account-${name}`);
  // The failure names the elements that stick out, so a fix knows where to look.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName}.${element.className} "${element.textContent?.slice(0, 30)}" in ${element.parentElement?.className} ${Math.round(element.getBoundingClientRect().right)}`,
      ),
  );
  expect(await horizontalOverflow(page), `${name} scrolls sideways: ${wide.join(', ')}`).toBe(0);
  expect(await accessibilityViolations(page), name).toEqual([]);
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function expectSignInPage(page: Page) {
  await page.getByRole('form', { name: 'Sign in' }).waitFor();
}

/** Through the user menu, as a person finds it. */
async function openAccountPage(page: Page) {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Your account' }).click();
  await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
}

/** A new person with a workspace, on their account page. */
async function newPersonOnAccountPage(page: Page, name: string) {
  const email = await signUpInBrowser(page, name);
  await page.getByText('Create your first workspace').waitFor();
  await createWorkspaceInBrowser(page, `${name}'s Studio`);
  await openAccountPage(page);
  return email;
}

function memoryOf(page: Page) {
  return page.evaluate(async () => (await fetch('/api/me/memory')).json());
}

const sessionList = (page: Page) => page.getByRole('list', { name: 'Your sessions' }).getByRole('listitem');

describe('the account page', () => {
  it('offers the detected time zone and saves it, with locale, channel and facts', async () => {
    const page = await openBrowser({ timezoneId: 'Asia/Tokyo' });
    await newPersonOnAccountPage(page, 'Tomo Tokyo');
    await checkPage(page, 'empty');

    const timeZone = page.getByLabel('Your time zone');
    expect(await timeZone.inputValue()).toBe('');
    await page.getByText('Your browser says Asia/Tokyo').waitFor();
    await page.getByRole('button', { name: 'use it' }).click();
    expect(await timeZone.inputValue()).toBe('Asia/Tokyo');
    await expect.poll(() => page.getByText('Your browser says Asia/Tokyo').count()).toBe(0);

    // The search narrows the list; the chosen zone stays chosen.
    await page.getByLabel('Search time zones').fill('los angeles');
    await page.getByText('1 time zone match.').waitFor();
    expect(await timeZone.locator('option').allTextContents()).toEqual([
      'Not set (Orca asks when it needs one)',
      expect.stringMatching(/^America\/Los Angeles \(UTC-0[78]:00\)$/),
      'Asia/Tokyo (UTC+09:00)',
    ]);
    expect(await timeZone.inputValue()).toBe('Asia/Tokyo');

    await page.getByLabel('Language and region').fill('ja-JP');
    await page.getByLabel('How Orca tells you about changes').selectOption('webhook');
    await page.getByLabel('Webhook address').fill('not an address');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Type the webhook address, starting with https://.').waitFor();
    await page.getByLabel('How Orca tells you about changes').selectOption('account-email');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await memoryOf(page)).toMatchObject({
      timezone: 'Asia/Tokyo',
      locale: 'ja-JP',
      preferences: { notificationChannel: 'email' },
    });

    // Facts: the empty state says what to do; add two, edit one, remove one after confirming.
    await page.getByText('Nothing yet. Add what Orca should keep in mind').waitFor();
    const facts = page.getByRole('list', { name: 'Facts Orca remembers' }).getByRole('listitem');
    await page.getByLabel('New fact').fill('I run a small bakery in Lyon');
    await page.getByRole('button', { name: 'Add fact' }).click();
    await expect.poll(() => facts.count()).toBe(1);
    await page.getByLabel('New fact').fill('Reports go to Sam');
    await page.getByLabel('New fact').press('Enter');
    await expect.poll(() => facts.count()).toBe(2);
    await page.getByRole('button', { name: 'Edit “Reports go to Sam”' }).click();
    await page.getByRole('textbox', { name: 'Fact', exact: true }).fill('Reports go to Sam on Fridays');
    await page.getByRole('form', { name: 'Edit fact' }).getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => facts.allTextContents())
      .toEqual([
        expect.stringContaining('I run a small bakery in Lyon'),
        expect.stringContaining('Reports go to Sam on Fridays'),
      ]);
    await page.getByRole('button', { name: 'Remove “I run a small bakery in Lyon”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this fact?' });
    await dialog.waitFor();
    await checkPage(page, 'remove-fact');
    await dialog.getByRole('button', { name: 'Remove fact' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => facts.count()).toBe(1);
    expect((await memoryOf(page)).facts).toEqual(['Reports go to Sam on Fridays']);

    // What was saved is what a new visit shows.
    await page.reload();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Your time zone').inputValue()).toBe('Asia/Tokyo');
    expect(await page.getByLabel('Language and region').inputValue()).toBe('ja-JP');
    expect(await page.getByLabel('How Orca tells you about changes').inputValue()).toBe('account-email');
    await checkPage(page, 'filled');

    // The way back leads to the workspace.
    await page.getByRole('link', { name: "Back to Tomo Tokyo's Studio" }).click();
    await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe("Tomo Tokyo's Studio");
  });

  it('changes the password: refusals in words, other sessions signed out, old refused, new works', async () => {
    const page = await openBrowser();
    const email = await newPersonOnAccountPage(page, 'Pia Password');
    const otherDevice = await openBrowser({ userAgent: firefox });
    await signIn(otherDevice, email, signUpPassword);
    await otherDevice.getByTestId('current-workspace').waitFor();

    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill('not my password at all');
    await form.getByLabel('New password', { exact: true }).fill('password123');
    await form.getByText(/Strength: (Very weak|Weak|Fair)\./).waitFor();
    await form.getByLabel('New password again').fill('password124');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('The two new passwords differ.').waitFor();
    await checkPage(page, 'password-refused');

    const newPassword = 'copper kettle meadow 58';
    await form.getByLabel('New password', { exact: true }).fill(newPassword);
    await form.getByText('Strength: Strong — good enough.').waitFor();
    await form.getByLabel('New password again').fill(newPassword);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Your current password is wrong.').waitFor();
    expect(await form.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Current password').fill(signUpPassword);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: 'Your password is changed. We signed out your 1 other session' })
      .waitFor();
    expect(await form.getByLabel('New password', { exact: true }).inputValue()).toBe('');
    await page.getByText(/Password changed; 1 session signed out/).waitFor();
    await checkPage(page, 'password-changed');

    // The other browser was signed out; this one stays signed in.
    await otherDevice.reload();
    await expectSignInPage(otherDevice);
    await signIn(otherDevice, email, signUpPassword);
    await otherDevice.getByText('The e-mail address or the password is wrong.').waitFor();
    await signIn(otherDevice, email, newPassword);
    await otherDevice.getByTestId('current-workspace').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
  });

  it('is reachable from the welcome page before there is any workspace (no shell, no user menu)', async () => {
    const page = await openBrowser();
    await signUpInBrowser(page, 'Wendy Welcome');
    await page.getByText('Create your first workspace').waitFor();
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    await checkPage(page, 'without-workspace');
    await page.getByRole('link', { name: '← Back to Orca' }).click();
    await page.getByText('Create your first workspace').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('lists another browser’s session, signs it out, then everywhere else, then everywhere', async () => {
    const page = await openBrowser();
    const email = await newPersonOnAccountPage(page, 'Sami Sessions');
    const otherDevice = await openBrowser({ userAgent: firefox });
    await signIn(otherDevice, email, signUpPassword);
    await otherDevice.getByTestId('current-workspace').waitFor();

    await page.reload();
    await expect.poll(() => sessionList(page).count()).toBe(2);
    const thisDevice = sessionList(page).filter({ hasText: 'This device' });
    expect(await thisDevice.textContent()).toMatch(/Headless Chrome on Linux|Chrome on Linux/);
    expect(await thisDevice.getByRole('button').count()).toBe(0);
    const firefoxSession = sessionList(page).filter({ hasText: 'Firefox on Linux' });
    expect(await firefoxSession.textContent()).toMatch(/Signed in .* · last seen/);
    await checkPage(page, 'sessions');
    // No token or hash reaches the page.
    const html = await page.content();
    const cookies = await page.context().cookies();
    for (const cookie of cookies) expect(html).not.toContain(cookie.value);

    await firefoxSession.getByRole('button', { name: /^Sign out Firefox on Linux/ }).click();
    await page.getByRole('status').filter({ hasText: 'Signed out Firefox on Linux.' }).waitFor();
    await expect.poll(() => sessionList(page).count()).toBe(1);
    await otherDevice.reload();
    await expectSignInPage(otherDevice);

    // Everywhere else: the other browser again, this one kept.
    await signIn(otherDevice, email, signUpPassword);
    await otherDevice.getByTestId('current-workspace').waitFor();
    await page.reload();
    await expect.poll(() => sessionList(page).count()).toBe(2);
    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page.getByRole('status').filter({ hasText: 'We signed out your 1 other session' }).waitFor();
    await page.getByText('You are signed in on this device only.').waitFor();
    await otherDevice.reload();
    await expectSignInPage(otherDevice);

    // Everywhere: confirmed first, then both browsers show the sign-in page.
    await signIn(otherDevice, email, signUpPassword);
    await otherDevice.getByTestId('current-workspace').waitFor();
    await page.getByRole('button', { name: 'Sign out everywhere', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out everywhere?' });
    await dialog.waitFor();
    await checkPage(page, 'sign-out-everywhere');
    await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expectSignInPage(page);
    await otherDevice.reload();
    await expectSignInPage(otherDevice);
    await page.reload();
    await expectSignInPage(page);
  });
});
