// Issue 11, item 8: failed sign-ins locked people out. 30 failures from one address locked out
// everyone behind it, and 50 for one e-mail locked its owner out from anywhere. Now guesses are
// slowed down (doubling delays, 429 + Retry-After) and a stranger's failures elsewhere do not slow
// the owner down at an address they have signed in from. Requests are given socket addresses as
// @hono/node-server would (no traffic leaves the process; the addresses are documentation ranges).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { signInThrottle } from '../../src/domain/sign-in-throttle.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

const proxy = '10.0.0.1';
let orca: TestPlatform;
beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { trustedProxies: `${proxy},fd00::/8` } });
});
afterAll(() => orca.close());

interface Attempt {
  status: number;
  retryAfter: string | null;
  message: string | undefined;
}

/** A request as it arrives on a socket from `peer`. */
async function post(peer: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await orca.platform.app.request(
    path,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: peer, remoteFamily: peer.includes(':') ? 'IPv6' : 'IPv4' } } },
  );
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : {};
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    message: parsed.error?.message as string | undefined,
  } satisfies Attempt;
}

function signIn(peer: string, email: string, password: string, headers?: Record<string, string>) {
  return post(peer, '/api/auth/login', { email, password }, headers);
}

let people = 0;
async function signUpAt(peer: string): Promise<TestUser> {
  const email = `person${++people}.${Date.now()}@example.com`;
  const password = 'an unguessable passphrase 73';
  const response = await orca.platform.app.request(
    '/api/auth/signup',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, name: `Person ${people}` }),
    },
    { incoming: { socket: { remoteAddress: peer, remoteFamily: 'IPv4' } } },
  );
  const body = await response.json();
  expect(response.status).toBe(201);
  return { id: body.user.id, email, name: body.user.name, password, token: body.token };
}

/** Moves every recorded attempt on `email` back in time, as if the wait had passed. */
async function letTimePass(email: string) {
  await orca.platform.database.drizzle.execute(
    sql`update login_attempts set attempted_at = attempted_at - interval '1 hour' where email = ${email}`,
  );
}

/**
 * Dates the latest failure on `email` to this instant. A failure is recorded before its password
 * is hashed, so on a busy machine a one-second wait could pass before the next request arrives.
 */
async function failedJustNow(email: string) {
  await orca.platform.database.drizzle.execute(sql`
    update login_attempts set attempted_at = now()
    where id = (select max(id) from login_attempts where email = ${email})`);
}

async function recordedAddresses(email: string): Promise<string[]> {
  const result = (await orca.platform.database.drizzle.execute(
    sql`select address from login_attempts where email = ${email} order by id`,
  )) as unknown as { rows: { address: string }[] };
  return result.rows.map((row) => row.address);
}

describe('a stranger cannot lock a user out', () => {
  it('after failures for the account from 60 addresses, its owner still signs in from their own address', async () => {
    const home = '198.51.100.7';
    const victim = await signUpAt(home);
    for (let index = 0; index < 60; index++) {
      await signIn(`203.0.113.${index + 1}`, victim.email, `botnet guess ${index}`);
    }
    // The attack goes on from yet more addresses (recorded directly: it would take minutes).
    await orca.platform.database.drizzle.execute(sql`
      insert into login_attempts (email, address, succeeded)
      select ${victim.email}, '192.0.2.' || n, false from generate_series(1, 30) as n`);
    // A place the account has never signed in from is slowed down by the account's counter…
    const elsewhere = await signIn('192.0.2.200', victim.email, victim.password);
    expect(elsewhere.status).toBe(429);
    expect(Number(elsewhere.retryAfter)).toBeGreaterThan(0);
    expect(Number(elsewhere.retryAfter)).toBeLessThanOrEqual(signInThrottle.maximumDelaySeconds);
    // …but the owner, at home, is not.
    const owner = await signIn(home, victim.email, victim.password);
    expect(owner.status).toBe(200);
  });

  it('after 60 failures from one address, the victim signs in from another', async () => {
    const victim = await signUpAt('198.51.100.8');
    const attacker = '203.0.113.100';
    const statuses: number[] = [];
    for (let index = 0; index < 60; index++) {
      statuses.push((await signIn(attacker, victim.email, `guess ${index}`)).status);
    }
    const free = signInThrottle.accountAndAddress.freeFailures;
    expect(statuses.slice(0, free)).toEqual(Array(free).fill(401));
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    // A delay that passes between two attempts lets one more through (a slow machine takes over a
    // second per attempt); with delays doubling from 1 s only the first few can pass so.
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(60 - free - 4);
    expect((await signIn('198.51.100.8', victim.email, victim.password)).status).toBe(200);
  });

  it('spraying many accounts from a shared address does not lock out those who sign in there', async () => {
    const office = '198.51.100.50';
    const colleague = await signUpAt(office);
    const targets = await Promise.all(Array.from({ length: 35 }, () => signUpAt('198.51.100.51')));
    const statuses: number[] = [];
    for (const target of targets) statuses.push((await signIn(office, target.email, 'Spring2026!')).status);
    // The sprayer is slowed down after the address's free failures…
    expect(statuses.slice(0, signInThrottle.address.freeFailures).every((status) => status === 401)).toBe(
      true,
    );
    expect(statuses).toContain(429);
    // …and so is anyone new there, but not a colleague who has signed in from the office before.
    expect((await signIn(office, colleague.email, colleague.password)).status).toBe(200);
  });
});

describe('growing delays', () => {
  it('answers 429 with a Retry-After that doubles with each further failure, up to the cap', async () => {
    const victim = await signUpAt('198.51.100.9');
    const attacker = '203.0.113.150';
    for (let index = 0; index < signInThrottle.accountAndAddress.freeFailures; index++) {
      expect((await signIn(attacker, victim.email, `guess ${index}`)).status).toBe(401);
    }
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      await failedJustNow(victim.email);
      const refused = await signIn(attacker, victim.email, 'still guessing');
      expect(refused.status).toBe(429);
      expect(refused.message).toMatch(/Too many failed sign-in attempts.*Wait \d+ seconds?, then try again/);
      waits.push(Number(refused.retryAfter));
      await letTimePass(victim.email);
      expect((await signIn(attacker, victim.email, `guess after waiting ${round}`)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4]);
    // Many more failures: the wait stops growing at 15 minutes.
    await orca.platform.database.drizzle.execute(sql`
      insert into login_attempts (email, address, succeeded, attempted_at)
      select ${victim.email}, ${attacker}, false, now() - interval '1 minute' from generate_series(1, 40)`);
    const capped = await signIn(attacker, victim.email, 'guess');
    expect(capped.status).toBe(429);
    expect(Number(capped.retryAfter)).toBeGreaterThan(signInThrottle.maximumDelaySeconds - 120);
    expect(Number(capped.retryAfter)).toBeLessThanOrEqual(signInThrottle.maximumDelaySeconds);
    expect(capped.message).toMatch(/Wait 1[45] minutes/);
  });

  it('treats an unknown e-mail exactly like a wrong password, throttling included', async () => {
    const victim = await signUpAt('198.51.100.10');
    const attacker = '203.0.113.160';
    const answers = async (email: string) => {
      const seen: Attempt[] = [];
      for (let index = 0; index < signInThrottle.accountAndAddress.freeFailures; index++) {
        seen.push(await signIn(attacker, email, `guess ${index}`));
      }
      await failedJustNow(email);
      seen.push(await signIn(attacker, email, 'one guess too many'));
      return seen.map(({ status, message }) => ({ status, message }));
    };
    expect(await answers('nobody.at.all@example.com')).toEqual(await answers(victim.email));
  });
});

describe('the client address', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const victim = await signUpAt('198.51.100.11');
    for (let index = 0; index < 3; index++) {
      // Each forged header names a new address; every attempt is counted under the real peer.
      const forged = { 'x-forwarded-for': `192.0.2.${index + 1}` };
      expect((await signIn('203.0.113.170', victim.email, `guess ${index}`, forged)).status).toBe(401);
    }
    expect(await recordedAddresses(victim.email)).toEqual([
      '203.0.113.170',
      '203.0.113.170',
      '203.0.113.170',
    ]);
  });

  it('behind a trusted proxy, counts the right-most address no trusted proxy added', async () => {
    const victim = await signUpAt('198.51.100.12');
    const via = (forwardedFor: string) => ({ 'x-forwarded-for': forwardedFor });
    const forms = [
      via('203.0.113.180'),
      // The client cannot pick its address by writing some of its own to the left…
      via('192.0.2.99, 203.0.113.180'),
      // …and a second trusted hop (an IPv6 proxy in fd00::/8) is skipped, not counted…
      via('203.0.113.180, fd00::5'),
      // …while another client behind the same proxy is another address.
      via('203.0.113.181'),
    ];
    for (const headers of forms)
      expect((await signIn(proxy, victim.email, 'guess', headers)).status).toBe(401);
    expect(await recordedAddresses(victim.email)).toEqual([
      '203.0.113.180',
      '203.0.113.180',
      '203.0.113.180',
      '203.0.113.181',
    ]);
  });

  it('counts an IPv6 client by its /64, however many of its addresses it uses', async () => {
    const victim = await signUpAt('198.51.100.13');
    for (const peer of ['2001:db8:aa:1::1', '2001:db8:aa:1:1234:5678:9abc:def0', '2001:db8:aa:1::ffff:1']) {
      expect((await signIn(peer, victim.email, 'guess')).status).toBe(401);
    }
    // An IPv4 address is itself; an IPv4-mapped one is the same IPv4 address.
    expect((await signIn('::ffff:203.0.113.190', victim.email, 'guess')).status).toBe(401);
    expect(await recordedAddresses(victim.email)).toEqual([
      '2001:db8:aa:1::/64',
      '2001:db8:aa:1::/64',
      '2001:db8:aa:1::/64',
      '203.0.113.190',
    ]);
  });

  it('refuses a malformed ORCA_TRUSTED_PROXIES at start, saying what to write', () => {
    expect(() => loadConfig({}, { ORCA_TRUSTED_PROXIES: '10.0.0.1, 10.0.0.0/33, proxy.local' })).toThrow(
      /ORCA_TRUSTED_PROXIES: "10\.0\.0\.0\/33" is not an IP address or CIDR range[\s\S]*"proxy\.local"/,
    );
    expect(loadConfig({}, { ORCA_TRUSTED_PROXIES: '10.0.0.1, fd00::/8' }).trustedProxies).toEqual([
      '10.0.0.1',
      'fd00::/8',
    ]);
  });
});
