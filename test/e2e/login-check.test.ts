// "Test connection" for a login account: Orca signs in at the account's sign-in page in real
// Chromium (one-time code included) and says whether the site let it in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalAccount, startBrowserPlatform } from '../support/browser-platform.ts';
import type { TestPlatform, TestUser } from '../support/test-platform.ts';
import { startTestPortal, type TestPortal } from '../support/test-portal.ts';

const account = portalAccount;
let orca: TestPlatform;
let portal: TestPortal;
let owner: TestUser;
let ws: string;

beforeAll(async () => {
  portal = await startTestPortal(account);
  orca = await startBrowserPlatform();
  owner = await orca.signUp('Login Checker');
  ws = (await orca.createWorkspace(owner, 'Login Checks')).id;
}, 60_000);
afterAll(async () => {
  await orca.close();
  await portal.close();
});

async function connect(label: string, password: string, loginUrl?: string) {
  const created = await orca.request('POST', `/api/workspaces/${ws}/connections`, {
    token: owner.token,
    body: {
      service: 'supplier-portal',
      label,
      kind: 'login',
      settings: {
        username: account.username,
        allowedHosts: [portal.host],
        ...(loginUrl ? { loginUrl } : {}),
      },
      secret: { password, totpSecret: account.totpSecret },
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

const test = (connectionId: string) =>
  orca.request('POST', `/api/workspaces/${ws}/connections/${connectionId}/test`, { token: owner.token });

describe('testing a login connection', () => {
  it('signs in at the loginUrl and marks the account working, or failing with the site’s message', async () => {
    const good = await connect('main', account.password, `${portal.url}/login`);
    const passed = await test(good);
    expect(passed.status, passed.text).toBe(200);
    expect(passed.body).toMatchObject({
      status: 'working',
      statusMessage: expect.stringContaining('Signed in'),
    });

    const wrong = await connect('old', 'an old password', `${portal.url}/login`);
    const failed = await test(wrong);
    expect(failed.status).toBe(200);
    expect(failed.body.status).toBe('failing');
    expect(failed.body.statusMessage.length).toBeGreaterThan(10);
    expect(JSON.stringify(failed.body)).not.toContain('an old password');
    await expect.poll(() => orca.platform.services.browsers.openSessions).toBe(0);
  }, 90_000);

  it('asks for a loginUrl when the account has none', async () => {
    const withoutPage = await connect('no-page', account.password);
    const refused = await test(withoutPage);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('loginUrl');
  });
});
