import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThrottle } from '../../src/domain/sign-in-throttle.ts';
import { selectRows, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

let orca: TestPlatform;
beforeAll(async () => {
  orca = await startTestPlatform();
});
afterAll(() => orca.close());

describe('sign up', () => {
  it('creates an account, returns a session token and sets an HTTP-only cookie', async () => {
    const response = await orca.request('POST', '/api/auth/signup', {
      body: { email: 'Grace@Example.COM', password: 'compiler-hopper-1906', name: 'Grace Hopper' },
    });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ email: 'grace@example.com', name: 'Grace Hopper' });
    expect(response.body.token).toMatch(/^orca_s_/);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/orca_session=orca_s_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await orca.request('GET', '/api/me', { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('grace@example.com');
  });

  it('stores the password hashed with scrypt, never in clear', async () => {
    const rows = await selectRows<{ password_hash: string }>(
      orca.platform,
      sql`select password_hash from users where email = 'grace@example.com'`,
    );
    const hash = String(rows[0]?.password_hash);
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain('compiler-hopper-1906');
  });

  it('creates no second account for the same address, in any letter case, and says nothing about it', async () => {
    const response = await orca.request('POST', '/api/auth/signup', {
      body: { email: 'GRACE@example.com', password: 'another passphrase 1', name: 'Imposter' },
    });
    // Issue 11: this was a 409 "exists already", which told anyone who has an account.
    expect(response.status).toBe(201);
    const me = await orca.request('GET', '/api/me', { token: response.body.token });
    expect(me.status).toBe(401);
    const rows = await selectRows<{ name: string }>(
      orca.platform,
      sql`select name from users where email = 'grace@example.com'`,
    );
    expect(rows).toEqual([{ name: 'Grace Hopper' }]);
  });

  it.each([
    ['short', 'short1', /at least 10/],
    ['common', 'password123', /commonly used/],
    ['monotonous', 'aaaaaaaaaaaa', /Repeated characters/],
    ['made of the e-mail', 'weakling-address-2024', /e-mail/],
  ])('refuses a %s password with 422 and a reason', async (_label, password, reason) => {
    const response = await orca.request('POST', '/api/auth/signup', {
      body: { email: 'weakling-address@example.com', password, name: 'Weak' },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toMatch(reason);
    const login = await orca.request('POST', '/api/auth/login', {
      body: { email: 'weakling-address@example.com', password },
    });
    expect(login.status).toBe(401);
  });

  it('refuses bad e-mails, unknown fields and over-long names with 400 naming the field', async () => {
    const badEmail = await orca.request('POST', '/api/auth/signup', {
      body: { email: 'not-an-email', password: 'good passphrase 9', name: 'X' },
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.details).toEqual([expect.objectContaining({ path: 'email' })]);
    const unknown = await orca.request('POST', '/api/auth/signup', {
      body: { email: 'x@example.com', password: 'good passphrase 9', name: 'X', admin: true },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown field.*admin/);
    const longName = await orca.request('POST', '/api/auth/signup', {
      body: { email: 'x@example.com', password: 'good passphrase 9', name: 'n'.repeat(101) },
    });
    expect(longName.status).toBe(400);
    expect(longName.body.error.details[0].path).toBe('name');
  });

  it('answers malformed JSON with 400 and an example', async () => {
    const response = await orca.request('POST', '/api/auth/signup', { rawBody: '{"email": ' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
    expect(response.body.error.message).toMatch(/not valid JSON/);
  });
});

describe('sign in and out', () => {
  it('signs in with the right password and out again, after which the session is dead', async () => {
    const user = await orca.signUp('Linus');
    const login = await orca.request('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    expect((await orca.request('GET', '/api/me', { token })).status).toBe(200);
    expect((await orca.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    const after = await orca.request('GET', '/api/me', { token });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/Sign in again/);
  });

  it('gives one message for a wrong password and an unknown address', async () => {
    const user = await orca.signUp();
    const wrong = await orca.request('POST', '/api/auth/login', {
      body: { email: user.email, password: 'wrong password 1' },
    });
    const unknown = await orca.request('POST', '/api/auth/login', {
      body: { email: 'nobody-here@example.com', password: 'wrong password 1' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('slows failed sign-ins per account and address with 429 and Retry-After, even for the right password', async () => {
    const user = await orca.signUp();
    for (let attempt = 0; attempt < signInThrottle.accountAndAddress.freeFailures; attempt++) {
      const failed = await orca.request('POST', '/api/auth/login', {
        body: { email: user.email, password: `guess number ${attempt}` },
      });
      expect(failed.status).toBe(401);
    }
    const limited = await orca.request('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String(signInThrottle.firstDelaySeconds));
    expect(limited.body.error.message).toMatch(/Wait 1 second, then try again/);
  });

  it('requires sign-in for account routes', async () => {
    const response = await orca.request('GET', '/api/me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthenticated');
    const garbage = await orca.request('GET', '/api/me', { token: 'orca_s_not-a-real-token' });
    expect(garbage.status).toBe(401);
    const malformedHeader = await orca.request('GET', '/api/me', { headers: { authorization: 'Token abc' } });
    expect(malformedHeader.status).toBe(401);
    expect(malformedHeader.body.error.message).toMatch(/Bearer/);
  });
});

describe('cross-site requests', () => {
  it('refuses a form post from another origin, even with a valid session cookie', async () => {
    const user = await orca.signUp();
    const response = await orca.request('POST', '/api/auth/logout', {
      rawBody: 'x=1',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        cookie: `orca_session=${user.token}`,
      },
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    expect((await orca.request('GET', '/api/me', { token: user.token })).status).toBe(200);
  });
});
