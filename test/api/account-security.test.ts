// The account's own security over the API: changing the password (checked, throttled, strong, and
// signing out the other sessions), listing and ending one's own sessions, and never another
// person's; no response carries a token or a token's hash.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/domain/secret-token.ts';
import { selectRows, startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
beforeAll(async () => {
  orca = await startTestPlatform();
});
afterAll(() => orca.close());

/** Another session of the same person, as a second browser would get by signing in. */
async function signInAgain(user: TestUser, password = user.password, userAgent?: string) {
  const response = await orca.request('POST', '/api/auth/login', {
    body: { email: user.email, password },
    headers: userAgent ? { 'user-agent': userAgent } : {},
  });
  return response;
}

async function isSignedIn(token: string) {
  return (await orca.request('GET', '/api/me', { token })).status === 200;
}

/** Fails when a response shows any of the tokens, or any token's hash. */
function expectNoTokenMaterial(text: string, tokens: string[]) {
  for (const token of tokens) {
    expect(text).not.toContain(token);
    expect(text).not.toContain(hashSecret(token));
  }
  expect(text).not.toMatch(/token/i);
}

describe('changing the password', () => {
  it('refuses a wrong current password and keeps the old one working', async () => {
    const user = await orca.signUp();
    const response = await orca.request('POST', '/api/me/password', {
      token: user.token,
      body: { currentPassword: 'not my password at all', newPassword: 'violet harbour lantern 93' },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toMatch(/current password is wrong/);
    expect(response.body.error.details).toEqual([expect.objectContaining({ path: 'currentPassword' })]);
    expect((await signInAgain(user)).status).toBe(200);
    expect((await signInAgain(user, 'violet harbour lantern 93')).status).toBe(401);
  });

  it('refuses a weak new password, and the same password again, saying why', async () => {
    const user = await orca.signUp();
    const weak = await orca.request('POST', '/api/me/password', {
      token: user.token,
      body: { currentPassword: user.password, newPassword: 'password123' },
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.message).toMatch(/too weak/);
    expect(weak.body.error.details).toEqual([expect.objectContaining({ path: 'newPassword' })]);
    const short = await orca.request('POST', '/api/me/password', {
      token: user.token,
      body: { currentPassword: user.password, newPassword: 'short' },
    });
    expect(short.status).toBe(422);
    expect(short.body.error.message).toMatch(/at least 10 characters/);
    const same = await orca.request('POST', '/api/me/password', {
      token: user.token,
      body: { currentPassword: user.password, newPassword: user.password },
    });
    expect(same.status).toBe(422);
    expect(same.body.error.message).toMatch(/same as the current/);
    expect((await signInAgain(user)).status).toBe(200);
  });

  it('changes it, signs out the other sessions but not this one, and logs it', async () => {
    const user = await orca.signUp();
    const other = (await signInAgain(user)).body.token as string;
    const third = (await signInAgain(user)).body.token as string;
    const response = await orca.request('POST', '/api/me/password', {
      token: user.token,
      body: { currentPassword: user.password, newPassword: 'violet harbour lantern 93' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      signedOutSessions: 2,
      message: expect.stringMatching(/2 other sessions/),
    });
    expectNoTokenMaterial(response.text, [user.token, other, third]);
    expect(await isSignedIn(user.token)).toBe(true);
    expect(await isSignedIn(other)).toBe(false);
    expect(await isSignedIn(third)).toBe(false);
    expect((await signInAgain(user)).status).toBe(401);
    expect((await signInAgain(user, 'violet harbour lantern 93')).status).toBe(200);
    const events = await orca.request('GET', '/api/me/account-events', { token: user.token });
    expect(events.body.items[0]).toMatchObject({
      action: 'password_changed',
      details: { signedOutSessions: 2 },
    });
  });

  it('is throttled like sign-in: guesses through a session are slowed too', async () => {
    const user = await orca.signUp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const response = await orca.request('POST', '/api/me/password', {
        token: user.token,
        body: { currentPassword: `guess number ${attempt}`, newPassword: 'violet harbour lantern 93' },
      });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(response.body.error.message).toMatch(/Wait .* then try again/);
      }
    }
    expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
    expect(statuses).toContain(429);
  });

  it('is for people only: an API token cannot change the password', async () => {
    const user = await orca.signUp();
    const workspace = await orca.createWorkspace(user, 'Token Land');
    const created = await orca.request('POST', `/api/workspaces/${workspace.id}/tokens`, {
      token: user.token,
      body: { name: 'script', role: 'admin' },
    });
    expect(created.status).toBe(201);
    const response = await orca.request('POST', '/api/me/password', {
      token: created.body.token,
      body: { currentPassword: user.password, newPassword: 'violet harbour lantern 93' },
    });
    expect(response.status).toBe(403);
  });
});

describe('sessions', () => {
  it('lists only my live sessions, marks this one, names the browser, and shows no token material', async () => {
    const user = await orca.signUp();
    const stranger = await orca.signUp();
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
    const other = (await signInAgain(user, user.password, firefox)).body.token as string;
    const response = await orca.request('GET', '/api/me/sessions', { token: user.token });
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(2);
    const current = response.body.items.filter((session: { current: boolean }) => session.current);
    expect(current).toHaveLength(1);
    const firefoxSession = response.body.items.find((session: { current: boolean }) => !session.current);
    expect(firefoxSession).toMatchObject({ device: 'Firefox on Linux', userAgent: firefox });
    expect(Object.keys(firefoxSession).sort()).toEqual(
      ['createdAt', 'current', 'device', 'expiresAt', 'id', 'lastSeenAt', 'userAgent'].sort(),
    );
    expectNoTokenMaterial(response.text, [user.token, other, stranger.token]);
    const strangers = await orca.request('GET', '/api/me/sessions', { token: stranger.token });
    expect(strangers.body.items).toHaveLength(1);
    expect(strangers.text).not.toContain(firefoxSession.id);
  });

  it('revokes one of mine, and answers 404 for another person’s session, which stays', async () => {
    const user = await orca.signUp();
    const stranger = await orca.signUp();
    const other = (await signInAgain(user)).body.token as string;
    const mine = await orca.request('GET', '/api/me/sessions', { token: user.token });
    const otherId = mine.body.items.find((session: { current: boolean }) => !session.current).id;
    const theirs = await orca.request('GET', '/api/me/sessions', { token: stranger.token });
    const strangerSessionId = theirs.body.items[0].id;

    const refused = await orca.request('DELETE', `/api/me/sessions/${strangerSessionId}`, {
      token: user.token,
    });
    expect(refused.status).toBe(404);
    expect(await isSignedIn(stranger.token)).toBe(true);
    const malformed = await orca.request('DELETE', '/api/me/sessions/not-a-session', { token: user.token });
    expect(malformed.status).toBe(404);

    const revoked = await orca.request('DELETE', `/api/me/sessions/${otherId}`, { token: user.token });
    expect(revoked.status).toBe(204);
    expect(await isSignedIn(other)).toBe(false);
    expect(await isSignedIn(user.token)).toBe(true);
    const again = await orca.request('DELETE', `/api/me/sessions/${otherId}`, { token: user.token });
    expect(again.status).toBe(404);
  });

  it('signs out everywhere else, then everywhere', async () => {
    const user = await orca.signUp();
    const second = (await signInAgain(user)).body.token as string;
    const third = (await signInAgain(user)).body.token as string;
    const others = await orca.request('POST', '/api/me/sessions/revoke-others', { token: user.token });
    expect(others.status).toBe(200);
    expect(others.body.signedOutSessions).toBe(2);
    expectNoTokenMaterial(others.text, [user.token, second, third]);
    expect(await isSignedIn(second)).toBe(false);
    expect(await isSignedIn(third)).toBe(false);
    expect(await isSignedIn(user.token)).toBe(true);

    const fourth = (await signInAgain(user)).body.token as string;
    const all = await orca.request('POST', '/api/me/sessions/revoke-all', { token: user.token });
    expect(all.status).toBe(200);
    expect(all.body.signedOutSessions).toBe(2);
    expect(await isSignedIn(user.token)).toBe(false);
    expect(await isSignedIn(fourth)).toBe(false);

    const fresh = (await signInAgain(user)).body.token as string;
    const events = await orca.request('GET', '/api/me/account-events', { token: fresh });
    expect(events.body.items.map((event: { action: string }) => event.action).slice(0, 2)).toEqual([
      'all_sessions_revoked',
      'other_sessions_revoked',
    ]);
  });

  it('updates last seen at most every few minutes, not on every request', async () => {
    const user = await orca.signUp();
    const readLastSeen = async () => {
      const [row] = await selectRows<{ last_seen_at: string }>(
        orca.platform,
        sql`select last_seen_at::text as last_seen_at from sessions where token_hash = ${hashSecret(user.token)}`,
      );
      return row?.last_seen_at;
    };
    const before = await readLastSeen();
    await orca.request('GET', '/api/me', { token: user.token });
    expect(await readLastSeen()).toBe(before);
    await selectRows(
      orca.platform,
      sql`update sessions set last_seen_at = now() - interval '10 minutes' where token_hash = ${hashSecret(user.token)} returning id`,
    );
    const stale = await readLastSeen();
    await orca.request('GET', '/api/me', { token: user.token });
    const touched = await readLastSeen();
    expect(touched).not.toBe(stale);
    await orca.request('GET', '/api/me', { token: user.token });
    expect(await readLastSeen()).toBe(touched);
  });

  it('records signing out in the security log', async () => {
    const user = await orca.signUp();
    const other = (await signInAgain(user)).body.token as string;
    expect((await orca.request('POST', '/api/auth/logout', { token: other })).status).toBe(204);
    const events = await orca.request('GET', '/api/me/account-events', { token: user.token });
    expect(events.body.items[0]).toMatchObject({ action: 'signed_out' });
    const stranger = await orca.signUp();
    const theirs = await orca.request('GET', '/api/me/account-events', { token: stranger.token });
    expect(theirs.body.items).toEqual([]);
  });
});
