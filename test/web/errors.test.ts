// App-wide errors and empty states, in real Chromium: a server that does not answer is named as
// such with a Try again; a session that ends shows the sign-in form over the same address and
// signing in returns there; an unknown workspace address says so; switching workspaces shows
// nothing of the other. Axe on the sign-in, welcome and unknown-workspace pages.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../support/test-platform.ts';
import {
  accessibilityViolations,
  phone,
  saveScreenshot,
  startWebApp,
  type WebApp,
} from '../support/web-app.ts';

let web: WebApp;

beforeAll(async () => {
  web = await startWebApp();
});
afterAll(() => web?.close());

/** Signs the browser profile in as `user` with a session of its own (made through the API). */
async function signInThroughCookie(context: BrowserContext, user: TestUser) {
  const session = await web.orca.request('POST', '/api/auth/login', {
    body: { email: user.email, password: user.password },
  });
  expect(session.status).toBe(200);
  await context.addCookies([{ name: 'orca_session', value: session.body.token, url: web.url }]);
  return session.body.token as string;
}

async function signInWithForm(page: Page, user: TestUser) {
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
}

const signInForm = (page: Page) => page.getByRole('form', { name: 'Sign in' });
const currentWorkspace = (page: Page) => page.getByTestId('current-workspace').textContent();

async function createAgent(user: TestUser, workspaceId: string, name: string) {
  const created = await web.orca.request('POST', `/api/workspaces/${workspaceId}/agents`, {
    token: user.token,
    body: { spec: { name, steps: [{ id: 'note', tool: 'memory.write', with: { key: 'k', value: 'v' } }] } },
  });
  expect(created.status).toBe(201);
}

describe('errors and empty states', () => {
  it('says the server cannot be reached (never "Failed to fetch"), and Try again works once it answers', async () => {
    const { page, policyViolations } = await web.newPage();
    await page.route('**/api/**', (route) => route.abort());
    await page.goto(web.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Orca server cannot be reached/);
    expect(await page.content()).not.toMatch(/Failed to fetch/);
    await saveScreenshot(page, 'server-unreachable');

    await page.unroute('**/api/**');
    await page.getByRole('button', { name: 'Try again' }).click();
    await signInForm(page).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The sign-in form says so in words too.
    await page.route('**/api/**', (route) => route.abort());
    await page.getByLabel('E-mail').fill('someone@example.com');
    await page.getByLabel('Password').fill('whatever it is');
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Orca server cannot be reached/);
    expect(await page.content()).not.toMatch(/Failed to fetch/);
    await page.unroute('**/api/**');
    expect(policyViolations).toEqual([]);
  });

  it('returns to sign-in when the session is revoked, and back to the same page after signing in', async () => {
    const user = await web.orca.signUp('Sam Session');
    const workspace = await web.orca.createWorkspace(user, 'Session Works');
    const { page, context } = await web.newPage();
    const token = await signInThroughCookie(context, user);
    await page.goto(`${web.url}/w/${workspace.slug}/runs`);
    await expect.poll(() => currentWorkspace(page)).toBe('Session Works');

    // Signed out elsewhere (another tab, or revoked): the open page hears it and asks to sign in.
    const revoked = await web.orca.request('POST', '/api/auth/logout', { token });
    expect(revoked.status).toBe(204);
    await signInForm(page).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${workspace.slug}/runs`);
    expect(await page.content()).not.toContain('Session Works');

    await signInWithForm(page, user);
    await expect.poll(() => currentWorkspace(page)).toBe('Session Works');
    expect(new URL(page.url()).pathname).toBe(`/w/${workspace.slug}/runs`);
  });

  it('returns to sign-in when the session ended before the live stream opened', async () => {
    const user = await web.orca.signUp('Rita Race');
    const workspace = await web.orca.createWorkspace(user, 'Race Works');
    const { page, context } = await web.newPage();
    const token = await signInThroughCookie(context, user);
    // The workspace's event stream is held back until the session is gone, so the stream is
    // refused (401) rather than told: the page must still notice.
    let releaseStream: () => void = () => {};
    const streamHeld = new Promise<void>((resolve) => {
      releaseStream = resolve;
    });
    await page.route(`**/api/workspaces/${workspace.slug}/events`, async (route) => {
      await streamHeld;
      await route.continue();
    });
    await page.goto(`${web.url}/w/${workspace.slug}/runs`);
    await expect.poll(() => currentWorkspace(page)).toBe('Race Works');

    const revoked = await web.orca.request('POST', '/api/auth/logout', { token });
    expect(revoked.status).toBe(204);
    releaseStream();
    await signInForm(page).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${workspace.slug}/runs`);
    expect(await page.content()).not.toContain('Race Works');
  });

  it('returns to sign-in when a request in the app finds the session gone, then back to that page', async () => {
    const user = await web.orca.signUp('Cora Cookie');
    const workspace = await web.orca.createWorkspace(user, 'Cookie Works');
    const { page, context } = await web.newPage();
    await signInThroughCookie(context, user);
    await page.goto(`${web.url}/w/${workspace.slug}/runs`);
    await expect.poll(() => currentWorkspace(page)).toBe('Cookie Works');

    // The cookie goes (expired); the next page's request answers 401.
    await context.clearCookies();
    await page.getByRole('link', { name: 'Members' }).click();
    await signInForm(page).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/w/${workspace.slug}/members`);

    await signInWithForm(page, user);
    await expect.poll(() => currentWorkspace(page)).toBe('Cookie Works');
    expect(new URL(page.url()).pathname).toBe(`/w/${workspace.slug}/members`);
    await page
      .getByRole('heading', { name: /Members/ })
      .first()
      .waitFor();
  });

  it('says an unknown workspace address is unknown instead of showing another workspace', async () => {
    const user = await web.orca.signUp('Una Unknown');
    await web.orca.createWorkspace(user, 'Only Mine');
    for (const viewport of [undefined, phone]) {
      const { page, context, policyViolations } = await web.newPage(viewport);
      await signInThroughCookie(context, user);
      await page.goto(`${web.url}/w/no-such-place/runs`);
      await page.getByRole('heading', { name: 'No workspace at this address' }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain('no-such-place');
      expect(await page.getByTestId('current-workspace').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Only Mine' }).getAttribute('href')).toBe('/w/only-mine');
      expect(await accessibilityViolations(page)).toEqual([]);
      if (!viewport) await saveScreenshot(page, 'unknown-workspace');
      expect(policyViolations).toEqual([]);
    }
  });

  it('welcomes a new person without a workspace, accessibly', async () => {
    const user = await web.orca.signUp('Wim Welcome');
    const { page, context } = await web.newPage();
    await signInThroughCookie(context, user);
    await page.goto(web.url);
    await page.getByRole('heading', { name: 'Welcome, Wim Welcome' }).waitFor();
    await page.getByLabel('New workspace name').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'welcome');
  });

  it('switching workspaces shows nothing of the other', async () => {
    const user = await web.orca.signUp('Sol Switcher');
    const north = await web.orca.createWorkspace(user, 'North Office');
    const south = await web.orca.createWorkspace(user, 'South Office');
    await createAgent(user, north.id, 'Polar Bear Counter');
    await createAgent(user, south.id, 'Penguin Census');
    const { page, context } = await web.newPage();
    await signInThroughCookie(context, user);

    await page.goto(`${web.url}/w/${north.slug}`);
    await expect.poll(() => currentWorkspace(page)).toBe('North Office');
    await page.getByText('Polar Bear Counter').first().waitFor();
    expect(await page.content()).not.toContain('Penguin Census');

    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await page.getByRole('menuitem', { name: 'South Office' }).click();
    await expect.poll(() => currentWorkspace(page)).toBe('South Office');
    expect(new URL(page.url()).pathname).toBe(`/w/${south.slug}`);
    await page.getByText('Penguin Census').first().waitFor();
    expect(await page.content()).not.toContain('Polar Bear Counter');

    await page.getByRole('button', { name: /^Workspace:/ }).click();
    await page.getByRole('menuitem', { name: 'North Office' }).click();
    await expect.poll(() => currentWorkspace(page)).toBe('North Office');
    await page.getByText('Polar Bear Counter').first().waitFor();
    expect(await page.content()).not.toContain('Penguin Census');
  });
});
