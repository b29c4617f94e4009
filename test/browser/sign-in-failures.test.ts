// A refused sign-in, however the site says so: a run's browser.login fails with the site's own
// words quoted, and the connected account then reads failing with them, as its "Test" would
// have it; a sign-in that works again marks the account working. Only a refusal by the site
// marks an account failing, and the password shows nowhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserPlatform } from '../support/browser-platform.ts';
import {
  type SignInPortal,
  type SignInVariant,
  signInVariants,
  startSignInPortal,
} from '../support/sign-in-portal.ts';
import type { TestPlatform, TestUser } from '../support/test-platform.ts';

const username = 'buyer@example.com';
/** What the accounts hold; the portal accepts another password until the last tests. */
const storedPassword = 'old-passcode-7741';
let orca: TestPlatform;
let portal: SignInPortal;
let owner: TestUser;
let ws: string;
/** Each variant's (and each other case's) connection and agent, by label. */
const accounts = new Map<string, { connectionId: string; agentId: string }>();

async function connectAndBuild(
  label: string,
  loginPath: string,
  { allowedHosts = [portal.host], timeoutMs = 20_000 } = {},
) {
  const connected = await orca.request('POST', `/api/workspaces/${ws}/connections`, {
    token: owner.token,
    body: {
      service: 'supplier-portal',
      label,
      kind: 'login',
      settings: { username, allowedHosts },
      secret: { password: storedPassword },
    },
  });
  if (connected.status !== 201) throw new Error(connected.text);
  const built = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
    token: owner.token,
    body: {
      spec: {
        name: `Sign in (${label})`,
        goal: 'Sign in to the supplier portal',
        steps: [
          {
            id: 'login',
            tool: 'browser.login',
            with: { connection: `supplier-portal/${label}`, url: `${portal.url}${loginPath}`, timeoutMs },
          },
        ],
      },
    },
  });
  if (built.status !== 201) throw new Error(built.text);
  accounts.set(label, { connectionId: connected.body.id, agentId: built.body.id });
}

beforeAll(async () => {
  portal = await startSignInPortal({ username, password: 'the-portal-passcode' });
  orca = await startBrowserPlatform();
  owner = await orca.signUp('Sign-in Owner');
  ws = (await orca.createWorkspace(owner, 'Sign-in Failures')).id;
  for (const variant of Object.keys(signInVariants)) await connectAndBuild(variant, `/${variant}/login`);
  // A page without a sign-in form fails once the step stops looking for one.
  await connectAndBuild('no-form', '/p-err/home', { timeoutMs: 2000 });
  await connectAndBuild('elsewhere', '/p-err/login', { allowedHosts: ['portal.example.com'] });
}, 60_000);
afterAll(async () => {
  await orca?.close();
  await portal?.close();
});

function account(label: string) {
  const found = accounts.get(label);
  if (!found) throw new Error(`no account ${label}`);
  return found;
}

async function run(label: string) {
  const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${account(label).agentId}/runs`, {
    token: owner.token,
    body: {},
  });
  if (started.status !== 201 && started.status !== 202) throw new Error(started.text);
  for (let tries = 0; tries < 600; tries++) {
    const current = await orca.request('GET', `/api/workspaces/${ws}/runs/${started.body.id}`, {
      token: owner.token,
    });
    if (['succeeded', 'failed', 'cancelled'].includes(current.body.status)) {
      const events = await orca.request('GET', `/api/workspaces/${ws}/runs/${started.body.id}/events`, {
        token: owner.token,
      });
      return { run: current.body, events: events.text };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the run did not finish');
}

async function connection(label: string) {
  const read = await orca.request('GET', `/api/workspaces/${ws}/connections/${account(label).connectionId}`, {
    token: owner.token,
  });
  expect(read.status, read.text).toBe(200);
  return read.body;
}

async function testedEntries(label: string) {
  const audit = await orca.request('GET', `/api/workspaces/${ws}/audit?action=connection.tested&limit=200`, {
    token: owner.token,
  });
  expect(audit.status, audit.text).toBe(200);
  return audit.body.items.filter(
    (item: { targetId: string }) => item.targetId === account(label).connectionId,
  );
}

const quoted = (Object.entries(signInVariants) as [SignInVariant, string | null][]).filter(
  (entry): entry is [SignInVariant, string] => entry[1] !== null && entry[0] !== 'echo',
);

describe('a sign-in the site refuses', () => {
  it.each(quoted)(
    '%s: the run fails at the login step quoting the site, and the account reads failing',
    async (variant, message) => {
      const { run: failed, events } = await run(variant);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatchObject({ code: 'login_failed', stepId: 'login' });
      expect(failed.error.message).toContain(
        `Signing in to supplier-portal as ${username} was refused: "${message}".`,
      );

      const account = await connection(variant);
      expect(account.status).toBe('failing');
      expect(account.statusMessage).toContain(`"${message}"`);
      expect(account.lastTestedAt).not.toBeNull();
      const [entry] = await testedEntries(variant);
      expect(entry.details).toMatchObject({ status: 'failing', runId: failed.id, stepId: 'login' });

      for (const seen of [JSON.stringify(failed), events, JSON.stringify(account)])
        expect(seen).not.toContain(storedPassword);
    },
  );

  it('quotes a message that shows back the password without the password', async () => {
    const { run: failed, events } = await run('echo');
    expect(failed.error.message).toContain('was refused: "The passcode "[redacted]" is wrong."');
    const account = await connection('echo');
    expect(account.status).toBe('failing');
    expect(account.statusMessage).toContain('"The passcode "[redacted]" is wrong."');
    for (const seen of [JSON.stringify(failed), events, JSON.stringify(account)])
      expect(seen).not.toContain(storedPassword);
  });

  it('says the form is still shown when the site shows no message', async () => {
    const { run: failed } = await run('silent');
    expect(failed.error.code).toBe('login_failed');
    expect(failed.error.message).toContain('was refused (the sign-in form is still shown)');
    expect((await connection('silent')).status).toBe('failing');
  });

  it('leaves the account as it was when the step fails for another reason than a refusal', async () => {
    const { run: withoutForm } = await run('no-form');
    expect(withoutForm.error.code).toBe('selector_not_found');
    const { run: elsewhere } = await run('elsewhere');
    expect(elsewhere.error.code).toBe('refused_address');
    for (const label of ['no-form', 'elsewhere']) {
      expect(await connection(label)).toMatchObject({ status: 'untested', statusMessage: null });
      expect(await testedEntries(label)).toEqual([]);
    }
  });
});

describe('a sign-in that works again', () => {
  it('marks a failing account working, once, for a full-page and an in-place form', async () => {
    portal.acceptPassword(storedPassword);
    for (const variant of ['p-err', 'aria-live'] as const) {
      const { run: signedIn, events } = await run(variant);
      expect(signedIn.status, JSON.stringify(signedIn.error)).toBe('succeeded');
      const account = await connection(variant);
      expect(account.status).toBe('working');
      expect(account.statusMessage).toBe(`Signed in at ${portal.url}/${variant}/home.`);
      expect(events).not.toContain(storedPassword);

      // Already working: another run changes nothing on the account.
      const again = await run(variant);
      expect(again.run.status).toBe('succeeded');
      const entries = await testedEntries(variant);
      expect(entries.map((entry: { details: { status: string } }) => entry.details.status)).toEqual([
        'working',
        'failing',
      ]);
    }
  });
});
