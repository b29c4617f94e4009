// The portal scenario, end to end in real Chromium: an agent signs in to a portal with a
// connected account (password and one-time code), reads every page of its document table,
// downloads each file it has not stored yet as a deliverable, and remembers what it stored; its
// next run downloads only what is new. Errors say what a user can act on, with a screenshot.
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
  owner = await orca.signUp('Portal Owner');
  ws = (await orca.createWorkspace(owner, 'Portal Work')).id;
  const connected = await orca.request('POST', `/api/workspaces/${ws}/connections`, {
    token: owner.token,
    body: {
      service: 'supplier-portal',
      kind: 'login',
      settings: { username: account.username, allowedHosts: [portal.host] },
      secret: { password: account.password, totpSecret: account.totpSecret },
    },
  });
  if (connected.status !== 201) throw new Error(connected.text);
}, 60_000);
afterAll(async () => {
  await orca.close();
  await portal.close();
});

const collector = () => ({
  name: 'Invoice Collector',
  goal: 'Store every document of the supplier portal',
  steps: [
    {
      id: 'login',
      tool: 'browser.login',
      with: { connection: 'supplier-portal', url: `${portal.url}/login` },
    },
    {
      id: 'pages',
      tool: 'browser.extract',
      with: {
        url: `${portal.url}/documents`,
        fields: { pages: { selector: '.pagination a', attribute: 'href', multiple: true } },
      },
    },
    {
      id: 'listing',
      tool: 'browser.extract',
      forEach: { items: 'steps.pages.fields.pages', as: 'page' },
      with: {
        url: '{{ page }}',
        records: {
          selector: 'tr.document',
          fields: { name: '.name', href: { selector: 'a', attribute: 'href' } },
        },
      },
    },
    { id: 'known', tool: 'memory.read', with: { key: 'downloaded', scope: 'agent' } },
    {
      id: 'fresh',
      tool: 'transform',
      with: { expression: '[steps.listing.records[$not(name in $$.steps.known.value)]]' },
    },
    {
      id: 'download',
      tool: 'browser.download',
      forEach: { items: 'steps.fresh.value', as: 'document' },
      with: { url: '{{ document.href }}', name: '{{ document.name }}' },
    },
    {
      id: 'remember',
      tool: 'memory.write',
      with: {
        key: 'downloaded',
        scope: 'agent',
        value: '{{ [$distinct($append(steps.known.value, steps.fresh.value.name))] }}',
      },
    },
  ],
  output: { downloaded: '{{ [steps.fresh.value.name] }}' },
});

async function run(agentId: string) {
  const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agentId}/runs`, {
    token: owner.token,
    body: {},
  });
  for (let tries = 0; tries < 600; tries++) {
    const current = await orca.request('GET', `/api/workspaces/${ws}/runs/${started.body.id}`, {
      token: owner.token,
    });
    if (['succeeded', 'failed', 'cancelled'].includes(current.body.status)) return current.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the run did not finish');
}

async function deliverables(runId: string) {
  return (
    await orca.request('GET', `/api/workspaces/${ws}/deliverables?run=${runId}`, { token: owner.token })
  ).body.items;
}

describe('the portal scenario', () => {
  let agentId: string;

  it('signs in with password and one-time code, downloads every listed file, and next time only what is new', async () => {
    const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: { spec: collector() },
    });
    expect(created.status, created.text).toBe(201);
    agentId = created.body.id;

    const first = await run(agentId);
    expect(first.status, JSON.stringify(first.error)).toBe('succeeded');
    expect([...first.output.downloaded].sort()).toEqual([
      'invoice-2026-09.pdf',
      'invoice-2026-10.pdf',
      'statement-q3.csv',
    ]);
    const files = await deliverables(first.id);
    expect(files.map((file: { name: string }) => file.name).sort()).toEqual([
      'invoice-2026-09.pdf',
      'invoice-2026-10.pdf',
      'statement-q3.csv',
    ]);
    const csv = files.find((file: { name: string }) => file.name === 'statement-q3.csv');
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect((await orca.request('GET', csv.contentPath, { token: owner.token })).text).toBe(
      'date,amount\n2026-09-30,1200\n',
    );

    portal.documents.push({ name: 'invoice-2026-11.pdf', content: 'November invoice' });
    const second = await run(agentId);
    expect(second.status, JSON.stringify(second.error)).toBe('succeeded');
    expect(second.output.downloaded).toEqual(['invoice-2026-11.pdf']);
    expect((await deliverables(second.id)).map((file: { name: string }) => file.name)).toEqual([
      'invoice-2026-11.pdf',
    ]);
    expect(portal.downloads.get('invoice-2026-09.pdf')).toBe(1);

    // Each run had its own browser context, closed when it ended.
    expect(orca.platform.services.browsers.openSessions).toBe(0);
  }, 120_000);

  it('fails at the login step with the site’s message and a screenshot when the password is wrong', async () => {
    const list = await orca.request('GET', `/api/workspaces/${ws}/connections`, { token: owner.token });
    const connectionId = list.body.items[0].id;
    await orca.request('PATCH', `/api/workspaces/${ws}/connections/${connectionId}`, {
      token: owner.token,
      body: { secret: { password: 'wrong password', totpSecret: account.totpSecret } },
    });
    const failed = await run(agentId);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'login_failed', stepId: 'login' });
    expect(failed.error.message).toMatch(/Wrong user name or password/);
    expect(failed.error.details.url).toContain('/login');
    const screenshot = await orca.request('GET', failed.error.details.screenshot.path, {
      token: owner.token,
    });
    expect(screenshot.status).toBe(200);
    expect(screenshot.headers.get('content-type')).toBe('image/png');
    await orca.request('PATCH', `/api/workspaces/${ws}/connections/${connectionId}`, {
      token: owner.token,
      body: { secret: { password: account.password, totpSecret: account.totpSecret } },
    });
  }, 60_000);

  it('names a missing connection, a selector that matches nothing, and a refused address', async () => {
    const missing = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'No Account',
          steps: [
            { id: 'login', tool: 'browser.login', with: { connection: 'bank', url: `${portal.url}/login` } },
          ],
        },
      },
    });
    const noAccount = await run(missing.body.id);
    expect(noAccount.error).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/no connected account "bank".*"kind": "login"/),
    });

    const changed = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Changed Layout',
          steps: [
            {
              id: 'login',
              tool: 'browser.login',
              with: { connection: 'supplier-portal', url: `${portal.url}/login` },
            },
            { id: 'open', tool: 'browser.click', with: { selector: '#archive-link', timeoutMs: 1000 } },
          ],
        },
      },
    });
    const layout = await run(changed.body.id);
    expect(layout.error).toMatchObject({ code: 'selector_not_found', stepId: 'open' });
    expect(layout.error.message).toMatch(
      /nothing matched "#archive-link" on http:\/\/127\.0\.0\.1:\d+\/documents/,
    );
    expect(layout.error.details.screenshot.id).toBeTruthy();

    const refused = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Internal Peek',
          steps: [
            { id: 'peek', tool: 'browser.goto', with: { url: 'http://10.1.2.3/admin', timeoutMs: 5000 } },
          ],
        },
      },
    });
    const peek = await run(refused.body.id);
    expect(peek.error).toMatchObject({
      code: 'refused_address',
      message: expect.stringMatching(/10\.1\.2\.3.*private or local/),
    });
  }, 90_000);
});
