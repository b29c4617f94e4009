// Connected accounts in the browser, against a real Orca, a local API on 127.0.0.1 and the local
// OAuth 2 authorization server: an API key and a login connected through the forms (their secrets
// never again in the page, nor in anything the page received), an agent that runs with the key,
// an OAuth 2 account connected through the provider's pop-up, removal that names the agents using
// the account, read-only builders and viewers, and a phone's width.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOAuthServer, type TestOAuthServer } from '../support/test-oauth-server.ts';
import type { TestUser, TestWorkspace } from '../support/test-platform.ts';
import {
  accessibilityViolations,
  horizontalOverflow,
  phone,
  saveScreenshot,
  startWebWorkspace,
  type WebApp,
} from '../support/web-app.ts';

const apiKey = `KEY-CANARY-${randomBytes(12).toString('hex')}`;
const password = `PASSWORD-CANARY-${randomBytes(12).toString('hex')}`;
const totpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DP';

let web: WebApp;
let service: Server;
let serviceHost: string;
let provider: TestOAuthServer;
let owner: TestUser;
let builder: TestUser;
let viewer: TestUser;
let workspace: TestWorkspace;
/** The bodies of every response any page of the suite received. */
const received: Promise<string>[] = [];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  service = createServer((request, response) => {
    request.resume();
    const authorized = request.headers.authorization === `Bearer ${apiKey}`;
    response
      .writeHead(authorized ? 200 : 401, { 'content-type': 'application/json' })
      .end(JSON.stringify({ authorized }));
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceHost = `127.0.0.1:${(service.address() as AddressInfo).port}`;
  provider = await startTestOAuthServer();
  // The OAuth callback address is Orca's public address: known before it starts.
  const port = await freePort();
  ({ web, owner, workspace } = await startWebWorkspace('Ada Admin', 'Account Keepers', {
    configOverrides: { port: String(port), publicUrl: `http://127.0.0.1:${port}` },
  }));
  builder = await web.orca.signUp('Bob Builder');
  viewer = await web.orca.signUp('Vera Viewer');
  await web.orca.addMember(owner, workspace.id, builder, 'builder');
  await web.orca.addMember(owner, workspace.id, viewer, 'viewer');
});
afterAll(async () => {
  await web?.close();
  await provider?.close();
  service?.closeAllConnections();
  await new Promise<void>((resolve) => service?.close(() => resolve()));
});

function record(page: Page) {
  page.on('response', (response: Response) => {
    // An event stream never ends, so its body is never whole; it carries run events, never an account.
    if (response.headers()['content-type']?.includes('text/event-stream')) return;
    received.push(response.text().catch(() => ''));
  });
}

async function signedInPage(user: TestUser, viewport?: { width: number; height: number }) {
  const opened = await web.newPage(viewport);
  const { page } = opened;
  record(page);
  opened.context.on('page', record);
  await page.goto(web.url);
  await page.getByRole('tab', { name: 'Sign in' }).click();
  await field(page, 'E-mail').fill(user.email);
  await field(page, 'Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('current-workspace').textContent()).toBe('Account Keepers');
  return opened;
}

/** A form field by its label, with or without the "(optional)" after it. */
function field(page: Pick<Page, 'getByLabel'>, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}( \\(optional\\))?$`));
}

async function openAccounts(page: Page) {
  await page.getByRole('link', { name: 'Accounts', exact: true }).click();
  await page.getByRole('heading', { name: 'Connected accounts', level: 1 }).waitFor();
}

/** The page's text and every field's value: where a secret would show. */
async function pageText(page: Page): Promise<string> {
  const values = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea')]
      .map((field) => (field as HTMLInputElement).value)
      .join('\n'),
  );
  return `${await page.content()}\n${values}`;
}

async function everythingReceived(): Promise<string> {
  return (await Promise.all(received)).join('\n');
}

async function finishedRun(runId: string) {
  for (let tries = 0; tries < 400; tries++) {
    const run = await web.orca.request('GET', `/api/workspaces/${workspace.id}/runs/${runId}`, {
      token: owner.token,
    });
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run did not finish');
}

describe('connected accounts', () => {
  let keyAccountId = '';

  it('says what accounts are for when there are none, then connects an API key through the form', async () => {
    const { page, policyViolations } = await signedInPage(owner);
    await openAccounts(page);
    await page.getByText('No connected accounts yet').waitFor();
    expect(
      await page.getByText(/An agent that calls an API or signs in to a portal needs an account/).count(),
    ).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Add an account' }).click();
    await page.getByRole('heading', { name: 'Add an account', level: 1 }).waitFor();
    expect(await page.getByRole('radio', { name: /API key/ }).isChecked()).toBe(true);
    await field(page, 'Service').fill('acme-api');
    await field(page, 'Allowed hosts').fill(serviceHost);
    await field(page, 'Test address').fill(`http://${serviceHost}/me`);
    const keyField = field(page, 'API key');
    expect(await keyField.getAttribute('type')).toBe('password');
    expect(await keyField.getAttribute('autocomplete')).toBe('off');
    await keyField.fill(apiKey);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'accounts-add-api-key');
    await page.getByRole('button', { name: 'Save the account' }).click();

    await page.getByRole('heading', { name: 'acme-api', level: 1 }).waitFor();
    keyAccountId = page.url().split('/').at(-1) ?? '';
    await page.getByText('Its secret is stored encrypted and is not shown again').waitFor();
    expect(await page.getByTestId('secret-fields').textContent()).toContain('API key: set');
    expect(await page.getByTestId('account-state').textContent()).toContain('Not tested yet');

    await page.getByRole('button', { name: 'Test the account' }).click();
    await expect
      .poll(() => page.getByTestId('test-outcome').textContent())
      .toMatch(/^Working: 127\.0\.0\.1:\d+ accepted the key \(200\)/);
    expect(await page.getByTestId('account-state').textContent()).toContain('Working');
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'accounts-api-key');

    // Replacing the key: the field is empty, never prefilled with the saved one.
    expect(await field(page, 'New API key').inputValue()).toBe('');
    await page.reload();
    await page.getByRole('heading', { name: 'acme-api', level: 1 }).waitFor();
    expect(await pageText(page)).not.toContain(apiKey);
    const bodies = await everythingReceived();
    // The recording works: the account came back from the server, without its key.
    expect(bodies).toContain('"service":"acme-api"');
    expect(bodies).not.toContain(apiKey);
    expect(policyViolations).toEqual([]);
  });

  it('runs an agent that uses the key against the local API, and shows who uses the account', async () => {
    const agent = await web.orca.request('POST', `/api/workspaces/${workspace.id}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Key Caller',
          steps: [
            {
              id: 'call',
              tool: 'http.request',
              with: { url: `http://${serviceHost}/me`, auth: { connection: 'acme-api' } },
            },
          ],
        },
      },
    });
    expect(agent.status, agent.text).toBe(201);
    const started = await web.orca.request(
      'POST',
      `/api/workspaces/${workspace.id}/agents/${agent.body.id}/runs`,
      {
        token: owner.token,
        body: { input: {} },
      },
    );
    expect(started.status, started.text).toBe(202);
    const run = await finishedRun(started.body.id);
    expect(run.status).toBe('succeeded');
    expect(run.output.body).toEqual({ authorized: true });

    const { page } = await signedInPage(owner);
    await page.goto(`${web.url}/w/${workspace.slug}/runs/${started.body.id}`);
    await page.locator('[data-status="succeeded"]').first().waitFor();
    await openAccounts(page);
    const card = page.getByTestId('account-card').filter({ hasText: 'acme-api account' });
    await expect.poll(() => card.textContent()).toContain('Used by');
    expect(await card.textContent()).toContain('Key Caller');
    expect(await card.textContent()).not.toContain('Last usednever');
    expect(await card.textContent()).toContain('Working');
    expect(await pageText(page)).not.toContain(apiKey);
  });

  it('connects a login with its one-time-code secret through the form', async () => {
    const { page } = await signedInPage(owner);
    await page.goto(`${web.url}/w/${workspace.slug}/accounts/new`);
    await page.getByRole('radio', { name: /Login/ }).check();
    await field(page, 'Service').fill('acme-portal');
    await field(page, 'Label').fill('billing');
    await field(page, 'Allowed hosts').fill('portal.acme.test');
    await field(page, 'User name or e-mail').fill('ada@acme.test');
    await field(page, 'Password').fill(password);
    await field(page, 'One-time-code (TOTP) secret').fill(totpSecret.replace(/(.{4})/g, '$1 ').toLowerCase());
    expect(await field(page, 'One-time-code (TOTP) secret').getAttribute('type')).toBe('password');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save the account' }).click();

    await page.getByRole('heading', { name: 'acme-portal (billing)', level: 1 }).waitFor();
    const secrets = await page.getByTestId('secret-fields').textContent();
    expect(secrets).toContain('Password: set');
    expect(secrets).toContain('One-time-code secret: set');
    expect(await page.getByText('User name').locator('xpath=following-sibling::dd').textContent()).toBe(
      'ada@acme.test',
    );
    // Its settings change without the password; where the password goes does not.
    const settings = page.getByRole('form', { name: 'Settings' });
    await page.getByRole('button', { name: 'Change the settings' }).click();
    expect(await field(settings, 'Allowed hosts').inputValue()).toBe('portal.acme.test');
    expect(await field(settings, 'New password').inputValue()).toBe('');
    await field(settings, 'User name or e-mail').fill('grace@acme.test');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('The settings are saved.').waitFor();
    expect(await page.getByText('User name').locator('xpath=following-sibling::dd').textContent()).toBe(
      'grace@acme.test',
    );
    await page.getByRole('button', { name: 'Change the settings' }).click();
    await field(settings, 'Allowed hosts').fill('elsewhere.test');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: "changes where this account's secret is sent" })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();

    const text = await pageText(page);
    expect(text).not.toContain(password);
    expect(text).not.toContain(totpSecret);
    const bodies = await everythingReceived();
    expect(bodies).not.toContain(password);
    expect(bodies).not.toContain(totpSecret);
  });

  it('connects an OAuth 2 account at the provider in a pop-up and shows it connected', async () => {
    const { page, context } = await signedInPage(owner);
    await page.goto(`${web.url}/w/${workspace.slug}/accounts/new`);
    await page.getByRole('radio', { name: /OAuth 2/ }).check();
    await field(page, 'Service').fill('acme-cloud');
    await field(page, 'Allowed hosts').fill(provider.host);
    await field(page, 'Authorization address').fill(`${provider.url}/authorize`);
    await field(page, 'Token address').fill(`${provider.url}/token`);
    await field(page, 'Client id').fill(provider.clientId);
    await field(page, 'Scopes').fill('profile read:user');
    await field(page, 'Revocation address').fill(`${provider.url}/revoke`);
    await field(page, 'Test address').fill(`${provider.url}/api/me`);
    await field(page, 'Client secret').fill(provider.clientSecret);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save, then connect' }).click();

    await page.getByRole('heading', { name: 'acme-cloud', level: 1 }).waitFor();
    expect(await page.getByTestId('account-state').textContent()).toContain('Waiting to be connected');
    const popupOpened = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const popup = await popupOpened;
    await popup.getByRole('heading', { name: 'Account connected' }).waitFor();
    await expect
      .poll(() => page.getByTestId('connect-status').textContent(), { timeout: 15_000 })
      .toContain('Connected.');
    await expect.poll(() => page.getByTestId('account-state').textContent()).toContain('Working');
    expect(await page.getByTestId('secret-fields').textContent()).toContain(
      'Access token (from signing in): set',
    );
    expect(await page.getByRole('button', { name: 'Reconnect' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'accounts-oauth-connected');

    const text = await pageText(page);
    const bodies = await everythingReceived();
    expect(provider.issuedTokens.length).toBeGreaterThan(0);
    for (const secret of [...provider.issuedTokens, provider.clientSecret]) {
      expect(text).not.toContain(secret);
      expect(bodies).not.toContain(secret);
    }
  });

  it('links the chat’s connect plan, once applied, to the account’s page where its key goes', async () => {
    const { page } = await signedInPage(owner);
    const message = page.getByLabel('Message to the Orchestrator');
    await message.fill('connect my GitHub account');
    await message.press('Enter');
    const plan = page.locator('.messages .plan-card').last();
    await plan.getByRole('button', { name: 'Approve' }).click();
    const link = plan.getByRole('link', { name: 'Add the API key on the account’s page' });
    await link.click();
    await page.getByRole('heading', { name: 'github', level: 1 }).waitFor();
    expect(await page.getByTestId('account-state').textContent()).toContain('Waiting for its API key');
    expect(await accessibilityViolations(page)).toEqual([]);
    // The form that adds the missing key comes first on the page.
    const githubKey = `GITHUB-CANARY-${randomBytes(8).toString('hex')}`;
    await page.getByRole('heading', { name: 'Add the API key' }).waitFor();
    await field(page, 'API key').fill(githubKey);
    await page.getByRole('button', { name: 'Save the secret' }).click();
    await page.getByText('Saved. It is not shown again').waitFor();
    await expect.poll(() => page.getByTestId('secret-fields').textContent()).toContain('API key: set');
    expect(await page.getByTestId('account-state').textContent()).toContain('Not tested yet');
    expect(await field(page, 'New API key').inputValue()).toBe('');
    expect(await pageText(page)).not.toContain(githubKey);
    expect(await everythingReceived()).not.toContain(githubKey);
  });

  it('removes an account after naming the agents that use it', async () => {
    const { page } = await signedInPage(owner);
    await page.goto(`${web.url}/w/${workspace.slug}/accounts/${keyAccountId}`);
    await page.getByRole('heading', { name: 'acme-api', level: 1 }).waitFor();
    expect(await page.getByTestId('used-by').textContent()).toContain('Key Caller');
    await page.getByRole('button', { name: 'Remove this account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove acme-api?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('remove-used-by').textContent()).toContain('Key Caller');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Remove acme-api' }).click();
    await page.getByRole('heading', { name: 'Connected accounts', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('account-card').count()).toBe(3);
    expect(await page.getByText('acme-api account').count()).toBe(0);
    const gone = await web.orca.request(
      'GET',
      `/api/workspaces/${workspace.id}/connections/${keyAccountId}`,
      {
        token: owner.token,
      },
    );
    expect(gone.status).toBe(404);
  });

  it('shows builders the accounts read-only and tells viewers why they see none', async () => {
    const { page } = await signedInPage(builder);
    await openAccounts(page);
    await page.getByTestId('account-card').first().waitFor();
    expect(await page.getByRole('link', { name: 'Add an account' }).count()).toBe(0);
    await page.getByRole('link', { name: 'billing' }).click();
    await page.getByRole('heading', { name: 'acme-portal (billing)', level: 1 }).waitFor();
    await page.getByText('Only admins and owners can change this account').waitFor();
    expect(
      await page
        .getByRole('button')
        .filter({ hasText: /Save|Test|Remove|Connect/ })
        .count(),
    ).toBe(0);
    expect(await page.locator('input[type=password]').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    const asViewer = (await signedInPage(viewer)).page;
    await openAccounts(asViewer);
    await asViewer.getByText('As a viewer you cannot see them').waitFor();
    expect(await asViewer.getByTestId('account-card').count()).toBe(0);
    expect(await accessibilityViolations(asViewer)).toEqual([]);
  });

  it('fits a phone: the list, the form and an account do not scroll sideways', async () => {
    const { page } = await signedInPage(owner, phone);
    await page
      .getByRole('group', { name: 'Show' })
      .getByRole('button', { name: 'Workspace', exact: true })
      .click();
    await openAccounts(page);
    await page.getByTestId('account-card').first().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'accounts-phone');
    await page.getByRole('link', { name: 'Add an account' }).click();
    await page.getByRole('radio', { name: /OAuth 2/ }).check();
    await field(page, 'Token address').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.goto(`${web.url}/w/${workspace.slug}/accounts`);
    await page
      .getByRole('group', { name: 'Show' })
      .getByRole('button', { name: 'Workspace', exact: true })
      .click();
    await page.getByRole('link', { name: 'acme-cloud account' }).click();
    await page.getByRole('heading', { name: 'acme-cloud', level: 1 }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
