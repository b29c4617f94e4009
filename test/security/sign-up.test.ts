// Issue 11, item 10: sign-up told anyone which addresses have an account (409 "exists already"),
// had no rate limit, and took passwords such as `Summer2026`.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { selectRows, startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

const defaultLimit = loadConfig({}, {}).signUpsPerAddressPerHour;
let orca: TestPlatform;
beforeAll(async () => {
  // The limit as shipped (the shared fixture raises it for suites that sign many people up).
  orca = await startTestPlatform({ configOverrides: { signUpsPerAddressPerHour: String(defaultLimit) } });
});
afterAll(() => orca.close());

let peers = 0;
/** Sign-up as it arrives on a socket from `peer`, a documentation address (no traffic leaves). */
async function signUpFrom(peer: string, body: { email: string; password: string; name: string }) {
  const response = await orca.platform.app.request(
    '/api/auth/signup',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: peer, remoteFamily: peer.includes(':') ? 'IPv6' : 'IPv4' } } },
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

function freshPeer() {
  return `198.51.100.${++peers}`;
}

describe('sign-up does not tell who has an account', () => {
  it('answers a registered address like a new one, signs nobody in, and warns the owner', async () => {
    const owner = await signUpFrom(freshPeer(), {
      email: 'taken@example.com',
      password: 'the real owners passphrase',
      name: 'Owner',
    });
    const stranger = await signUpFrom(freshPeer(), {
      email: 'Taken@Example.com',
      password: 'a strangers passphrase 55',
      name: 'Stranger',
    });
    const newcomer = await signUpFrom(freshPeer(), {
      email: 'brand-new@example.com',
      password: 'a newcomers passphrase 66',
      name: 'Stranger',
    });
    expect(stranger.status).toBe(newcomer.status);
    expect(stranger.status).toBe(201);
    expect(Object.keys(stranger.body).sort()).toEqual(Object.keys(newcomer.body).sort());
    expect(Object.keys(stranger.body.user).sort()).toEqual(Object.keys(newcomer.body.user).sort());
    expect(stranger.body.user).toMatchObject({ email: 'taken@example.com', name: 'Stranger' });
    expect(stranger.body.user.id).not.toBe(owner.body.user.id);
    expect(stranger.body.token).toMatch(/^orca_s_/);
    expect(stranger.headers.get('set-cookie')).toMatch(/^orca_session=orca_s_[^;]+; .*HttpOnly/);

    // The stranger's token is a session of nobody's; the owner's account is untouched.
    const me = await orca.request('GET', '/api/me', { token: stranger.body.token });
    expect(me.status).toBe(401);
    const rows = await selectRows<{ name: string }>(
      orca.platform,
      sql`select name from users where email = 'taken@example.com'`,
    );
    expect(rows).toEqual([{ name: 'Owner' }]);
    const signIn = await orca.request('POST', '/api/auth/login', {
      body: { email: 'taken@example.com', password: 'the real owners passphrase' },
    });
    expect(signIn.status).toBe(200);
    await expect
      .poll(() => orca.mailer.sent.filter((mail) => mail.to === 'taken@example.com'))
      .toEqual([
        expect.objectContaining({
          subject: 'Someone tried to sign up to Orca with your address',
          text: expect.stringMatching(/nothing was created and nobody was signed in/),
        }),
      ]);
  });
});

describe('sign-up rate limit', () => {
  it(`accepts ${defaultLimit} sign-ups an hour from one address, then answers 429 with Retry-After`, async () => {
    const peer = freshPeer();
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof signUpFrom>> | undefined;
    for (let index = 0; index < 20; index++) {
      const response = await signUpFrom(peer, {
        email: `crowd${index}@example.com`,
        password: 'a crowded passphrase 31',
        name: `Crowd ${index}`,
      });
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
    }
    expect(statuses.slice(0, defaultLimit).every((status) => status === 201)).toBe(true);
    expect(statuses.slice(defaultLimit).every((status) => status === 429)).toBe(true);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(refused?.body.error.message).toMatch(
      /Too many sign-ups from your network address. Wait \d+ minutes/,
    );
    // Registered and new addresses count alike: nothing to learn from which one was refused.
    const another = await signUpFrom(freshPeer(), {
      email: 'crowd-elsewhere@example.com',
      password: 'a crowded passphrase 31',
      name: 'Elsewhere',
    });
    expect(another.status).toBe(201);
  });

  // One subscriber is given an IPv6 /64 (or more) and may use any address in it: counted address
  // by address, one host could sign up without limit, a new address for every sign-up.
  it('counts the addresses of one IPv6 /64 as one network', async () => {
    const statuses: number[] = [];
    for (let index = 0; index <= defaultLimit; index++) {
      const response = await signUpFrom(`2001:db8:64:64::${(index + 1).toString(16)}`, {
        email: `rotating${index}@example.com`,
        password: 'a rotating passphrase 47',
        name: `Rotating ${index}`,
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, defaultLimit).every((status) => status === 201)).toBe(true);
    // The same /64 written out in full is the same network.
    expect(statuses.at(-1)).toBe(429);
    const sameNetwork = await signUpFrom('2001:0db8:0064:0064:ffff:ffff:ffff:fffe', {
      email: 'rotating-full@example.com',
      password: 'a rotating passphrase 47',
      name: 'Rotating in full',
    });
    expect(sameNetwork.status).toBe(429);
    // The next /64 is another subscriber.
    const neighbour = await signUpFrom('2001:db8:64:65::1', {
      email: 'rotating-neighbour@example.com',
      password: 'a rotating passphrase 47',
      name: 'Neighbour',
    });
    expect(neighbour.status).toBe(201);
  });
});

describe('password strength', () => {
  it.each([
    ['Summer2026', /Add more words that are less common/],
    ['qwerty123456', /This is a commonly used password/],
  ])('refuses %s with 422 and says why and what to do', async (password, reason) => {
    const response = await signUpFrom(freshPeer(), {
      email: `weak-${password.length}-${peers}@example.com`,
      password,
      name: 'Weak',
    });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toMatch(
      /^The password is too weak: It would be guessed too easily\./,
    );
    expect(response.body.error.message).toMatch(reason);
    expect(response.body.error.message).toMatch(/passphrase/);
    expect(response.body.error.details).toEqual([{ path: 'password', message: expect.any(String) }]);
  });
});
