// A portal agent fixed from the chat, end to end in real Chromium with the built-in planner: an
// agent made by the old portal template reads only the pages its first page links to, so on a
// portal that shows a window of page links it misses page 3 and after. The person says "it only
// gets the first page"; the plan turns its listing into one browser.paginate step and runs it as
// a test; the test downloads the files it missed, and its report compares it with the last run.
// Then a portal moves its files behind a "Reports" tab: "the files are now under Reports" has the
// agent click that tab and read every page behind it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserPlatform } from '../support/browser-platform.ts';
import { oldPortalSpec } from '../support/old-portal-spec.ts';
import type { TestPlatform, TestUser } from '../support/test-platform.ts';
import { startWindowedPortal, type WindowedPortal } from '../support/windowed-portal.ts';

const account = { username: 'clerk@example.com', password: 'a long portal passphrase' };
let orca: TestPlatform;
let portal: WindowedPortal;
let owner: TestUser;
let ws: string;
const portals: WindowedPortal[] = [];

beforeAll(async () => {
  portal = await startWindowedPortal(account, 7);
  portals.push(portal);
  orca = await startBrowserPlatform();
  owner = await orca.signUp('Portal Fix Owner');
  ws = (await orca.createWorkspace(owner, 'Portal Fixes')).id;
}, 60_000);
afterAll(async () => {
  await orca?.close();
  for (const each of portals) await each.close();
});

const call = (method: string, path: string, body?: unknown) =>
  orca.request(method, `/api/workspaces/${ws}${path}`, { token: owner.token, ...(body ? { body } : {}) });

/** The portal's login connected and an agent of the old template made, in the current workspace. */
async function oldAgent(site: WindowedPortal, name: string) {
  const connected = await call('POST', '/connections', {
    service: 'docs-portal',
    kind: 'login',
    settings: { username: account.username, allowedHosts: [site.host], loginUrl: `${site.url}/login` },
    secret: { password: account.password },
  });
  expect(connected.status, connected.text).toBe(201);
  const created = await call('POST', '/agents', {
    spec: oldPortalSpec({
      name,
      connection: 'docs-portal',
      loginUrl: `${site.url}/login`,
      listingUrl: `${site.url}/documents`,
    }),
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id as string;
}

async function runOnce(agentId: string) {
  const started = await call('POST', `/agents/${agentId}/runs`, { input: {} });
  expect(started.status, started.text).toBe(202);
  return finished(started.body.id);
}

async function finished(runId: string) {
  for (let tries = 0; tries < 900; tries++) {
    const current = await call('GET', `/runs/${runId}`);
    if (['succeeded', 'failed', 'cancelled'].includes(current.body.status)) return current.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the run did not finish');
}

/** The conversation's messages once it has `count` of them (the test run's report comes last). */
async function messagesOnce(conversationId: string, count: number) {
  for (let tries = 0; tries < 300; tries++) {
    const history = await call('GET', `/orchestrator/conversations/${conversationId}`);
    if (history.body.messages.length >= count)
      return history.body.messages as { role: string; text: string }[];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the test run was not reported in the conversation');
}

describe('a portal agent fixed from the chat', () => {
  it('reads every page after "it only gets the first page", and the test run says what it got against the last run', async () => {
    const agentId = await oldAgent(portal, 'Document Collector');
    // The old agent reads page 1 and the page it links to, and misses pages 3 and 4.
    const before = await runOnce(agentId);
    expect(before.status, JSON.stringify(before.error)).toBe('succeeded');
    expect([...before.output.downloaded].sort()).toEqual(portal.files.slice(0, 4));

    const said = await call('POST', '/orchestrator/messages', { text: 'it only gets the first page' });
    expect(said.status, said.text).toBe(200);
    const plan = said.body.plan;
    expect(plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'updateAgent',
      'runAgent',
    ]);
    const steps = plan.operations[0].spec.steps as {
      id: string;
      tool: string;
      with: Record<string, unknown>;
    }[];
    expect(steps.map((step) => step.tool)).not.toContain('browser.extract');
    expect(steps.find((step) => step.id === 'listing')).toMatchObject({
      tool: 'browser.paginate',
      with: { url: `${portal.url}/documents`, records: { selector: 'tr.document' } },
    });
    expect(said.body.reply).toMatch(/"Document Collector" .*every page of its listing.*test it once/);

    const approved = await call('POST', `/plans/${plan.id}/approve`, {});
    expect(approved.status, approved.text).toBe(200);
    const test = await finished(approved.body.results[1].runId);
    expect(test.status, JSON.stringify(test.error)).toBe('succeeded');
    // The test downloads what the old agent missed; between them, every file once.
    expect([...test.output.downloaded].sort()).toEqual(portal.files.slice(4));
    for (const file of portal.files) expect(portal.downloads.get(file), file).toBe(1);

    const messages = await messagesOnce(said.body.conversationId, 3);
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'assistant']);
    expect(messages[2]?.text).toMatch(/^The test run of "Document Collector" succeeded\. It downloaded 3: /);
    expect(messages[2]?.text).toContain(
      'This run read 4 pages, listed 7 files and downloaded 3 new ones; the last run read 2 pages, listed 4 and downloaded 4.',
    );
    expect(orca.platform.services.browsers.openSessions).toBe(0);
  }, 180_000);

  it('clicks the tab the files moved under, and reads every page behind it', async () => {
    const moved = await startWindowedPortal(account, 5);
    portals.push(moved);
    ws = (await orca.createWorkspace(owner, 'Moved Portal')).id;
    const agentId = await oldAgent(moved, 'Statement Collector');
    moved.moveListing('/reports', 'Reports');
    const before = await runOnce(agentId);
    expect(before.status, JSON.stringify(before.error)).toBe('succeeded');
    expect(before.output).toMatchObject({ count: 0, downloaded: [] });

    const said = await call('POST', '/orchestrator/messages', { text: 'the files are now under Reports' });
    expect(said.status, said.text).toBe(200);
    const plan = said.body.plan;
    expect(plan.operations.map((operation: { type: string }) => operation.type)).toEqual([
      'updateAgent',
      'runAgent',
    ]);
    const steps = plan.operations[0].spec.steps as {
      id: string;
      tool: string;
      with: Record<string, unknown>;
    }[];
    expect(steps.slice(0, 4).map((step) => [step.tool, step.with.url ?? step.with.selector ?? null])).toEqual(
      [
        ['browser.login', `${moved.url}/login`],
        ['browser.goto', `${moved.url}/documents`],
        ['browser.click', 'text=Reports'],
        ['browser.paginate', null],
      ],
    );

    const approved = await call('POST', `/plans/${plan.id}/approve`, {});
    expect(approved.status, approved.text).toBe(200);
    const test = await finished(approved.body.results[1].runId);
    expect(test.status, JSON.stringify(test.error)).toBe('succeeded');
    expect([...test.output.downloaded].sort()).toEqual(moved.files);
    const messages = await messagesOnce(said.body.conversationId, 3);
    expect(messages[2]?.text).toContain(
      'This run read 3 pages, listed 5 files and downloaded 5 new ones; the last run read 1 page, listed 0 and downloaded 0.',
    );
  }, 180_000);
});
