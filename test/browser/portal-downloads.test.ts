// browser.download against a portal that links its files every awkward way, in real Chromium
// through an Orca: the names and types of files named by Content-Disposition, by their address,
// by a script, a form POST, a download attribute or a new tab; and the portal agent's "new files
// only", which keeps every file exactly once across runs although links carry a token of each
// sign-in and a file is listed on two pages, and never remembers null.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalSpec } from '../../src/orchestrator/builtin/spec-templates.ts';
import { startBrowserPlatform } from '../support/browser-platform.ts';
import { type DownloadPortal, startDownloadPortal } from '../support/download-portal.ts';
import type { TestPlatform, TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
const portals: DownloadPortal[] = [];

beforeAll(async () => {
  orca = await startBrowserPlatform();
  owner = await orca.signUp('Download Owner');
}, 60_000);
afterAll(async () => {
  await orca.close();
  for (const portal of portals) await portal.close();
});

interface Deliverable {
  name: string;
  contentType: string;
  contentPath: string;
  runId: string;
}

/** A fresh portal and a workspace with its login connected as "files-portal". */
async function setUp(name: string) {
  const portal = await startDownloadPortal();
  portals.push(portal);
  const ws = (await orca.createWorkspace(owner, name)).id as string;
  const connected = await orca.request('POST', `/api/workspaces/${ws}/connections`, {
    token: owner.token,
    body: {
      service: 'files-portal',
      kind: 'login',
      settings: { username: portal.account.username, allowedHosts: [portal.host] },
      secret: { password: portal.account.password },
    },
  });
  if (connected.status !== 201) throw new Error(connected.text);
  const createAgent = async (spec: unknown) => {
    const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: { spec },
    });
    expect(created.status, created.text).toBe(201);
    return created.body.id as string;
  };
  const run = async (agentId: string) => {
    const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agentId}/runs`, {
      token: owner.token,
      body: {},
    });
    for (let tries = 0; tries < 900; tries++) {
      const current = await orca.request('GET', `/api/workspaces/${ws}/runs/${started.body.id}`, {
        token: owner.token,
      });
      if (['succeeded', 'failed', 'cancelled'].includes(current.body.status)) return current.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the run did not finish');
  };
  const deliverables = async (runId?: string): Promise<Deliverable[]> =>
    (
      await orca.request('GET', `/api/workspaces/${ws}/deliverables${runId ? `?run=${runId}` : ''}`, {
        token: owner.token,
      })
    ).body.items;
  const content = async (file: Deliverable) =>
    (await orca.request('GET', file.contentPath, { token: owner.token })).text;
  return { portal, ws, createAgent, run, deliverables, content };
}

const login = (portal: DownloadPortal) => ({
  id: 'login',
  tool: 'browser.login',
  with: { connection: 'files-portal', url: `${portal.url}/login` },
});

function stepOutput(run: { steps: { stepId?: string; id?: string; output: unknown }[] }, id: string) {
  return run.steps.find((step) => (step.stepId ?? step.id) === id)?.output as Record<string, unknown>;
}

describe('browser.download, however a file is linked', () => {
  it('names files by Content-Disposition (quoted, filename*), by address and type, and keeps the right type', async () => {
    const { portal, createAgent, run, deliverables, content } = await setUp('Names');
    const agentId = await createAgent({
      name: 'Every Link',
      steps: [
        login(portal),
        {
          id: 'listing',
          tool: 'browser.extract',
          forEach: {
            items: `["${portal.url}/documents?page=1", "${portal.url}/documents?page=2"]`,
            as: 'page',
          },
          with: {
            url: '{{ page }}',
            records: { selector: 'tr.document', fields: { href: { selector: 'a', attribute: 'href' } } },
          },
        },
        {
          id: 'download',
          tool: 'browser.download',
          forEach: { items: '$distinct(steps.listing.records.href)', as: 'address' },
          with: { url: '{{ address }}' },
        },
      ],
    });
    const done = await run(agentId);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    const files = await deliverables(done.id);
    const byName = new Map(files.map((file) => [file.name, file]));
    expect([...byName.keys()].sort()).toEqual([
      'Résumé Q3.csv',
      'Statement; March 2026.pdf',
      'download-3.pdf',
    ]);
    expect(byName.get('Statement; March 2026.pdf')?.contentType).toBe('application/pdf');
    expect(byName.get('Résumé Q3.csv')?.contentType).toBe('text/csv; charset=utf-8');
    expect(byName.get('download-3.pdf')?.contentType).toBe('application/pdf');
    expect(await content(byName.get('Résumé Q3.csv') as Deliverable)).toBe('date,amount\n2026-09-30,1200\n');
    expect(portal.served.get('file:1')).toBe(1);
  }, 90_000);

  it('keeps what a script, a form POST, a download attribute, a new tab and a file opened in place start', async () => {
    const { portal, createAgent, run, deliverables, content } = await setUp('Clicks');
    const click = (id: string, selector: string) => ({
      id,
      tool: 'browser.download',
      with: { selector, timeoutMs: 15_000 },
    });
    const agentId = await createAgent({
      name: 'Every Button',
      steps: [
        login(portal),
        { id: 'tools', tool: 'browser.goto', with: { url: `${portal.url}/tools` } },
        click('script', '#export'),
        click('form', '#report'),
        click('attribute', '#archive'),
        click('tab_saved', '#tab-download'),
        click('tab_shown', '#tab-view'),
        { ...click('same_tab', '#same-tab'), with: { selector: '#same-tab', name: 'notes-in-place.txt' } },
        // The run's page went back to the tools: the next click finds its button.
        { ...click('after', '#report'), with: { selector: '#report', name: 'report-again.pdf' } },
      ],
    });
    const done = await run(agentId);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    const files = await deliverables(done.id);
    const types = Object.fromEntries(files.map((file) => [file.name, file.contentType]));
    expect(types).toEqual({
      'export 2026.csv': 'text/csv; charset=utf-8',
      'report-2026.pdf': 'application/pdf',
      'archive-7.zip': 'application/zip',
      'terms.txt': 'text/plain; charset=utf-8',
      'notes.txt': 'text/plain; charset=utf-8',
      'notes-in-place.txt': 'text/plain; charset=utf-8',
      'report-again.pdf': 'application/pdf',
    });
    const report = files.find((file) => file.name === 'report-2026.pdf') as Deliverable;
    expect(await content(report)).toBe('%PDF-1.7 report 2026');
    const notes = files.find((file) => file.name === 'notes.txt') as Deliverable;
    expect(await content(notes)).toBe('Notes shown in a new tab');
    // The new tabs were closed; the run's own page is still the tools page.
    expect(orca.platform.services.browsers.openSessions).toBe(0);

    const nothing = await createAgent({
      name: 'No Download',
      steps: [
        login(portal),
        { id: 'tools', tool: 'browser.goto', with: { url: `${portal.url}/tools` } },
        { id: 'click', tool: 'browser.download', with: { selector: '#nothing', timeoutMs: 1500 } },
      ],
    });
    const failed = await run(nothing);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'timeout', stepId: 'click' });
    expect(failed.error.message).toMatch(
      /Clicking "#nothing" on .*\/tools#? started no download within 1500 ms/,
    );
  }, 90_000);
  it('keeps a file a button downloads once across runs, by its name and size', async () => {
    const { portal, createAgent, run, deliverables } = await setUp('Button Once');
    const agentId = await createAgent({
      name: 'Yearly Report',
      steps: [
        login(portal),
        { id: 'tools', tool: 'browser.goto', with: { url: `${portal.url}/tools` } },
        { id: 'known', tool: 'memory.read', with: { key: 'downloaded', scope: 'agent', default: [] } },
        {
          id: 'download',
          tool: 'browser.download',
          with: { selector: '#report', known: '{{ steps.known.value }}' },
        },
        {
          id: 'remember',
          tool: 'memory.write',
          with: {
            key: 'downloaded',
            scope: 'agent',
            value: '{{ [$distinct($append(steps.known.value, steps.download.identity))] }}',
          },
        },
      ],
      output: { identity: '{{ steps.download.identity }}', skipped: '{{ steps.download.skipped }}' },
    });
    const first = await run(agentId);
    expect(first.status, JSON.stringify(first.error)).toBe('succeeded');
    expect(first.output).toEqual({ identity: 'name+size:report-2026.pdf:20', skipped: false });
    const second = await run(agentId);
    expect(second.status, JSON.stringify(second.error)).toBe('succeeded');
    expect(second.output).toEqual({ identity: 'name+size:report-2026.pdf:20', skipped: true });
    expect((await deliverables()).map((file) => file.name)).toEqual(['report-2026.pdf']);
  }, 90_000);
});

describe('the portal agent keeps each file once', () => {
  const spec = (portal: DownloadPortal, identity?: string) => {
    // A variable, not a literal: portalSpec versions that read pages by a pagination selector
    // take it, and those that find the pages themselves (browser.paginate) pass it over.
    const options = {
      name: identity ? 'Statements By Number' : 'Statements',
      goal: 'Keep every statement',
      connection: 'files-portal',
      loginUrl: `${portal.url}/login`,
      listingUrl: `${portal.url}/documents`,
      noun: 'statements',
      links: {
        selector: 'tr.document',
        fields: { number: '.number', href: { selector: 'a', attribute: 'href' } },
      },
      paginationSelector: '.pagination a[href]',
      ...(identity ? { identity } : {}),
    };
    return portalSpec(options);
  };

  function remembered(done: { steps: { stepId?: string; id?: string; output: unknown }[] }) {
    return (stepOutput(done, 'remember') as { value: unknown[] }).value;
  }

  it('by name and size: tokens change every sign-in, a file listed twice, a new file between runs', async () => {
    const { portal, createAgent, run, deliverables } = await setUp('Once By Name');
    const agentId = await createAgent(spec(portal));

    const first = await run(agentId);
    expect(first.status, JSON.stringify(first.error)).toBe('succeeded');
    expect(stepOutput(first, 'known')).toMatchObject({ found: false, value: [] });
    expect([...first.output.downloaded].sort()).toEqual([
      'Résumé Q3.csv',
      'Statement; March 2026.pdf',
      'download-3.pdf',
    ]);
    expect(first.output.count).toBe(3);
    expect((await deliverables()).map((file) => file.name).sort()).toEqual([
      'Résumé Q3.csv',
      'Statement; March 2026.pdf',
      'download-3.pdf',
    ]);
    expect(Object.fromEntries(portal.served)).toEqual({ 'file:1': 1, 'file:2': 1, 'file:3': 1 });
    const afterFirst = remembered(first);
    expect(afterFirst).toHaveLength(3);
    expect(afterFirst.every((identity) => typeof identity === 'string')).toBe(true);

    portal.files.push({ id: 4, number: 'S-004', content: '%PDF-1.7 April', contentType: 'application/pdf' });
    const second = await run(agentId);
    expect(second.status, JSON.stringify(second.error)).toBe('succeeded');
    expect(portal.signIns()).toBe(2);
    expect(second.output.downloaded).toEqual(['download-4.pdf']);
    expect((await deliverables(second.id)).map((file) => file.name)).toEqual(['download-4.pdf']);
    expect(await deliverables()).toHaveLength(4);
    // Known files were asked about (HEAD), never transferred again.
    expect(Object.fromEntries(portal.served)).toEqual({ 'file:1': 1, 'file:2': 1, 'file:3': 1, 'file:4': 1 });
    expect(portal.heads.get('file:1')).toBe(2);
    // The file whose HEAD tells no size was asked for its first byte, and its whole size.
    expect(portal.ranges.get('file:3')).toBe(2);
    const afterSecond = remembered(second);
    expect(afterSecond).toHaveLength(4);
    expect(afterSecond).not.toContain(null);
    expect(afterSecond.slice(0, 3)).toEqual(afterFirst);

    // A run with nothing new keeps nothing and remembers the same list.
    const third = await run(agentId);
    expect(third.status, JSON.stringify(third.error)).toBe('succeeded');
    expect(third.output).toMatchObject({ count: 0, downloaded: [] });
    expect(remembered(third)).toEqual(afterSecond);
    expect(await deliverables()).toHaveLength(4);
  }, 120_000);

  it('by a listing column (the statement number): a known number is not even asked about', async () => {
    const { portal, createAgent, run, deliverables } = await setUp('Once By Number');
    const agentId = await createAgent(spec(portal, 'number'));
    const first = await run(agentId);
    expect(first.status, JSON.stringify(first.error)).toBe('succeeded');
    expect(remembered(first)).toEqual(['S-001', 'S-002', 'S-003']);

    portal.files.push({ id: 4, number: 'S-004', content: '%PDF-1.7 April', contentType: 'application/pdf' });
    const second = await run(agentId);
    expect(second.status, JSON.stringify(second.error)).toBe('succeeded');
    expect(second.output.downloaded).toEqual(['download-4.pdf']);
    expect(remembered(second)).toEqual(['S-001', 'S-002', 'S-003', 'S-004']);
    expect(Object.fromEntries(portal.served)).toEqual({ 'file:1': 1, 'file:2': 1, 'file:3': 1, 'file:4': 1 });
    expect(portal.heads.size).toBe(0);
    expect(await deliverables()).toHaveLength(4);
  }, 120_000);

  it('the README’s example: a listing column as identity, remembered without null', async () => {
    const { portal, createAgent, run, deliverables } = await setUp('README Example');
    const agentId = await createAgent({
      name: 'Invoice Collector',
      steps: [
        login(portal),
        // The README's example, as given there.
        {
          id: 'listing',
          tool: 'browser.paginate',
          with: {
            url: `${portal.url}/documents`,
            records: {
              selector: 'tr.document',
              fields: { name: '.number', href: { selector: 'a', attribute: 'href' } },
            },
          },
        },
        { id: 'known', tool: 'memory.read', with: { key: 'downloaded', scope: 'agent', default: [] } },
        {
          id: 'fresh',
          tool: 'transform',
          with: { expression: '[steps.listing.records[$not(name in $$.steps.known.value)]]' },
        },
        {
          id: 'download',
          tool: 'browser.download',
          forEach: { items: 'steps.fresh.value', as: 'document' },
          with: {
            url: '{{ document.href }}',
            known: '{{ steps.known.value }}',
            identity: '{{ document.name }}',
          },
        },
        {
          id: 'remember',
          tool: 'memory.write',
          with: {
            key: 'downloaded',
            scope: 'agent',
            value: '{{ [$distinct($append(steps.known.value, steps.download.identity))] }}',
          },
        },
      ],
      output: { downloaded: '{{ [steps.download[skipped = false].name] }}' },
    });
    const first = await run(agentId);
    expect(first.status, JSON.stringify(first.error)).toBe('succeeded');
    // S-001 is listed on both pages: the second listing is skipped, not kept again.
    expect([...first.output.downloaded].sort()).toEqual([
      'Résumé Q3.csv',
      'Statement; March 2026.pdf',
      'download-3.pdf',
    ]);
    expect(remembered(first)).toEqual(['S-001', 'S-002', 'S-003']);
    portal.files.push({ id: 4, number: 'S-004', content: '%PDF-1.7 April', contentType: 'application/pdf' });
    const second = await run(agentId);
    expect(second.status, JSON.stringify(second.error)).toBe('succeeded');
    expect(second.output.downloaded).toEqual(['download-4.pdf']);
    expect(remembered(second)).toEqual(['S-001', 'S-002', 'S-003', 'S-004']);
    expect(await deliverables()).toHaveLength(4);
    expect(portal.served.get('file:1')).toBe(1);
  }, 120_000);

  it('by content (sha256): a file kept by a run that never remembered it is not kept again', async () => {
    const { portal, createAgent, run, deliverables } = await setUp('Once By Content');
    // An agent that downloads but never writes its memory: each run meets every file as new.
    const forgetful = (name: string) => ({
      name,
      steps: [
        login(portal),
        {
          id: 'listing',
          tool: 'browser.extract',
          forEach: {
            items: `["${portal.url}/documents?page=1", "${portal.url}/documents?page=2"]`,
            as: 'page',
          },
          with: {
            url: '{{ page }}',
            records: { selector: 'tr.document', fields: { href: { selector: 'a', attribute: 'href' } } },
          },
        },
        { id: 'known', tool: 'memory.read', with: { key: 'downloaded', scope: 'agent', default: [] } },
        {
          id: 'download',
          tool: 'browser.download',
          // Every listed link, the file listed twice included.
          forEach: { items: 'steps.listing.records.href', as: 'address' },
          with: { url: '{{ address }}', known: '{{ steps.known.value }}', identity: 'sha256' },
        },
      ],
      output: {
        kept: '{{ $count(steps.download[skipped = false]) }}',
        identities: '{{ [steps.download.identity] }}',
      },
    });
    const agentId = await createAgent(forgetful('Forgetful'));
    const first = await run(agentId);
    expect(first.status, JSON.stringify(first.error)).toBe('succeeded');
    // Four links, three files: the one listed twice is kept once.
    expect(first.output.identities).toHaveLength(4);
    expect(new Set(first.output.identities).size).toBe(3);
    expect(first.output.identities[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.output.kept).toBe(3);
    const second = await run(agentId);
    expect(second.status, JSON.stringify(second.error)).toBe('succeeded');
    expect(second.output.kept).toBe(0);
    expect(await deliverables()).toHaveLength(3);
  }, 120_000);
});
