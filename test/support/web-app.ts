// What the web app's browser suites share: a real Orca (PGlite, allowed to reach 127.0.0.1 so
// agents can fetch the suites' local pages) listening on a port, Debian's Chromium, and helpers
// that act as a person would: sign up, create a workspace, check a page with axe, save a
// screenshot of it as a test artifact; and the usual start of a suite: an owner with a workspace.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { listen, type RunningServer } from '../../src/platform.ts';
import { launchTestChromium } from './test-chromium.ts';
import {
  startTestPlatform,
  type TestPlatform,
  type TestPlatformOptions,
  type TestUser,
  type TestWorkspace,
} from './test-platform.ts';

/** Where screenshots of the main pages go (kept by CI as artifacts). */
export const screenshotDirectory =
  process.env.ORCA_SCREENSHOT_DIR ?? path.resolve('test-artifacts/screenshots');

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

export interface Viewport {
  width: number;
  height: number;
}

export interface WebApp {
  orca: TestPlatform;
  server: RunningServer;
  browser: Browser;
  url: string;
  /** A fresh browser profile (no cookies) with one page, watching for CSP violations. */
  newPage(viewport?: Viewport): Promise<WebPage>;
  /**
   * Opens `path` (an app address such as `/w/slug/files`), signs `user` in through the form it
   * shows, and waits for the workspace switcher: the app then stands at `path`, signed in.
   */
  signIn(page: Page, user: TestUser, path: string): Promise<void>;
  /** A fresh browser profile whose page `user` has signed in on at `path` (see `signIn`). */
  signedInPage(user: TestUser, path: string, viewport?: Viewport): Promise<WebPage>;
  close(): Promise<void>;
}

/** A running web app with a person signed up who owns one workspace. */
export interface WebWorkspace {
  web: WebApp;
  owner: TestUser;
  workspace: TestWorkspace;
}

export interface WebPage {
  page: Page;
  context: BrowserContext;
  /** Console reports of Content-Security-Policy violations so far (there must be none). */
  policyViolations: string[];
}

export async function startWebApp(options: TestPlatformOptions = {}): Promise<WebApp> {
  const orca = await startTestPlatform({
    ...options,
    configOverrides: {
      port: '0',
      allowNetwork: '127.0.0.1',
      ...(process.env.ORCA_CHROMIUM_PATH ? { chromiumPath: process.env.ORCA_CHROMIUM_PATH } : {}),
      ...options.configOverrides,
    },
  });
  const server = await listen(orca.platform);
  const browser = await launchTestChromium();
  const contexts: BrowserContext[] = [];
  async function newPage(viewport: Viewport = desktop): Promise<WebPage> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    const policyViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    return { page, context, policyViolations };
  }
  async function signIn(page: Page, user: TestUser, path: string) {
    await page.goto(`${server.url}${path}`);
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('current-workspace').waitFor();
  }
  return {
    orca,
    server,
    browser,
    url: server.url,
    newPage,
    signIn,
    async signedInPage(user, path, viewport) {
      const opened = await newPage(viewport);
      await signIn(opened.page, user, path);
      return opened;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser?.close();
      await server?.close();
      await orca?.close();
    },
  };
}

/** Starts the web app with `ownerName` signed up (through the API) and owning `workspaceName`. */
export async function startWebWorkspace(
  ownerName: string,
  workspaceName: string,
  options: TestPlatformOptions = {},
): Promise<WebWorkspace> {
  const web = await startWebApp(options);
  try {
    const owner = await web.orca.signUp(ownerName);
    const workspace = await web.orca.createWorkspace(owner, workspaceName);
    return { web, owner, workspace };
  } catch (error) {
    // The suite never receives `web` to close in its afterAll: close it here.
    await web.close();
    throw error;
  }
}

let emailCounter = 0;

/** Signs a new person up through the sign-up form; returns their e-mail address. */
export async function signUpInBrowser(page: Page, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}.${++emailCounter}@example.com`;
  await page.getByRole('tab', { name: 'Sign up' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('a browser passphrase 7');
  await page.getByRole('button', { name: 'Create account' }).click();
  return email;
}

/** Creates a workspace from the welcome page (no workspace yet) or from the switcher's dialog. */
export async function createWorkspaceInBrowser(page: Page, name: string) {
  const nameField = page.getByLabel('New workspace name');
  if (!(await nameField.isVisible())) {
    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await page.getByRole('menuitem', { name: 'New workspace…' }).click();
  }
  await page.getByLabel('New workspace name').fill(name);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe(name);
}

/** Serious and critical axe-core violations on the page as it is now, described for a failure message. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join('; ')}`,
    );
}

/**
 * How far the page scrolls sideways (nothing may, at any width). The workspace panel scrolls by
 * itself, so what runs off its side is measured there too: the page's own width never shows it.
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const pageOverflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    const panel = document.querySelector('#panel');
    return Math.max(pageOverflow, panel ? panel.scrollWidth - panel.clientWidth : 0);
  });
}

/** Saves a full-page screenshot as a test artifact. */
export async function saveScreenshot(page: Page, name: string) {
  await mkdir(screenshotDirectory, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDirectory, `${name}.png`), fullPage: true });
}
