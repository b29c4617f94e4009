// Issue 11, item 10: a state-changing request riding on the session cookie passed the cross-site
// check when it carried neither Origin nor Sec-Fetch-Site (a body-less POST from a plug-in or an
// old form). Now such a request must show it comes from Orca's own pages; Bearer requests pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let user: TestUser;
beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { publicUrl: 'https://orca.example.com' } });
  user = await orca.signUp('Cookie Person');
});
afterAll(() => orca.close());

const cookie = () => `orca_session=${user.token}`;

async function stillSignedIn() {
  return (await orca.request('GET', '/api/me', { token: user.token })).status === 200;
}

describe('cookie-borne state changes', () => {
  it('refuses a body-less POST with neither Origin nor Sec-Fetch-Site, saying what to do', async () => {
    const response = await orca.request('POST', '/api/auth/logout', { headers: { cookie: cookie() } });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    expect(response.body.error.message).toMatch(/does not say where it comes from.*API token/);
    expect(await stillSignedIn()).toBe(true);
  });

  it.each([
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
    ['a sibling subdomain', { 'sec-fetch-site': 'same-site' }],
    ['a typed address or bookmark (not Orca’s pages)', { 'sec-fetch-site': 'none' }],
    ['another origin', { origin: 'https://evil.example' }],
    ['an opaque origin', { origin: 'null' }],
    [
      'same-origin claimed with a foreign Origin',
      { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' },
    ],
  ])('refuses %s', async (_label, headers) => {
    const response = await orca.request('POST', '/api/workspaces', {
      headers: { cookie: cookie(), ...headers },
      body: { name: 'Should Not Exist' },
    });
    expect(response.status).toBe(403);
  });

  it.each([
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['its own Origin (a browser without Sec-Fetch-Site)', { origin: 'http://localhost' }],
    ['the public URL’s Origin', { origin: 'https://orca.example.com' }],
  ])('accepts %s', async (label, headers) => {
    const response = await orca.request('POST', '/api/workspaces', {
      headers: { cookie: cookie(), ...headers },
      body: { name: `Made with ${label.slice(0, 20)}` },
    });
    expect(response.status).toBe(201);
  });

  it('leaves Bearer requests (the CLI, scripts) alone, and reads need no proof', async () => {
    const created = await orca.request('POST', '/api/workspaces', {
      token: user.token,
      body: { name: 'Made by a script' },
    });
    expect(created.status).toBe(201);
    const read = await orca.request('GET', '/api/me', { headers: { cookie: cookie() } });
    expect(read.status).toBe(200);
  });
});
