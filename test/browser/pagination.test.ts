// browser.paginate in real Chromium against listings of every shape (test/support/listing-portal.ts):
// each record of each listing read exactly once, to the last page; the page limit enforced
// loudly (a failed run with its own code, or a warning in the run's events when asked); a next
// link to a private address refused as browser.goto refuses it; and the portal template reading
// a portal listing to its last page, however many pages it has.
import { rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../src/browser/browser-pool.ts';
import { outboundPolicy } from '../../src/network/outbound-policy.ts';
import { portalSpec } from '../../src/orchestrator/builtin/spec-templates.ts';
import { ToolError } from '../../src/runtime/tool-error.ts';
import { browserPaginateTool } from '../../src/runtime/tools/browser-paginate.ts';
import { portalAccount, startBrowserPlatform } from '../support/browser-platform.ts';
import {
  type ListingPortal,
  listingRecords,
  listingShapes,
  localListingFile,
  startListingPortal,
} from '../support/listing-portal.ts';
import { chromiumPath } from '../support/test-chromium.ts';
import type { TestPlatform, TestUser } from '../support/test-platform.ts';
import { startTestPortal, type TestPortal } from '../support/test-portal.ts';
import { toolContext } from '../support/tool-context.ts';

let listings: ListingPortal;
let pool: BrowserPool;
let runNumber = 0;

beforeAll(async () => {
  listings = await startListingPortal();
  pool = new BrowserPool(chromiumPath);
});
afterAll(async () => {
  await pool.close();
  await listings.close();
});

/** browser.paginate called directly, in a browser context of its own, as a run's step would call it. */
async function paginate(input: Record<string, unknown>) {
  const runId = `direct-${++runNumber}`;
  const warnings: string[] = [];
  const context = toolContext({
    runId,
    logger: { info: () => undefined, warn: (message) => void warnings.push(message) },
    services: { browser: { session: () => pool.session(runId, outboundPolicy(['127.0.0.1'])) } },
  });
  try {
    const output = await browserPaginateTool.run(browserPaginateTool.input.parse(input), context);
    return { output, warnings };
  } finally {
    await pool.release(runId);
  }
}

describe('browser.paginate on each shape of listing', () => {
  it.each(listingShapes)('reads every record of the "%s" listing exactly once', async (shape) => {
    const { output } = await paginate({ url: `${listings.url}/${shape}`, records: listingRecords });
    expect(output.records).toEqual(listings.expected);
    expect(output.count).toBe(listings.total);
    expect(output.complete).toBe(true);
    expect(output.warning).toBeUndefined();
    // 7 records, 3 a page: three pages (or the first load and two more).
    expect(output.pages).toBe(3);
    expect(output.urls).toHaveLength(3);
    if (!['load-more', 'scroll', 'in-place'].includes(shape))
      expect(new Set(output.urls).size, output.urls.join(' ')).toBe(3);
  });

  it('follows the mode asked for, and a given next selector', async () => {
    const numbered = await paginate({
      url: `${listings.url}/numbered`,
      records: listingRecords,
      mode: 'numbered',
    });
    expect(numbered.output.records).toEqual(listings.expected);
    const given = await paginate({
      url: `${listings.url}/disabled-button`,
      records: listingRecords,
      next: 'button.next',
    });
    expect(given.output.records).toEqual(listings.expected);
    const more = await paginate({
      url: `${listings.url}/load-more`,
      records: listingRecords,
      mode: 'loadMore',
    });
    expect(more.output.records).toEqual(listings.expected);
    // Asked for next links only, a listing of page numbers has none: its first page is all.
    const nextOnly = await paginate({
      url: `${listings.url}/numbered`,
      records: listingRecords,
      mode: 'next',
    });
    expect(nextOnly.output.records).toEqual(listings.expected.slice(0, 3));
  });

  it('reads a 20-page listing whose later pages the first does not link to', async () => {
    const long = await startListingPortal({ total: 40, perPage: 2 });
    try {
      const { output } = await paginate({ url: `${long.url}/numbered`, records: listingRecords });
      expect(output.pages).toBe(20);
      expect(output.records).toEqual(long.expected);
    } finally {
      await long.close();
    }
  }, 90_000);

  it('stops at maxPages loudly, or with a warning when asked', async () => {
    const failed = await paginate({
      url: `${listings.url}/endless`,
      records: listingRecords,
      maxPages: 4,
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ToolError);
    expect(failed).toMatchObject({
      code: 'page_limit',
      message: expect.stringMatching(/Read 4 pages of the listing \(maxPages is 4\).*Raise maxPages/),
    });
    const warned = await paginate({
      url: `${listings.url}/endless`,
      records: listingRecords,
      maxPages: 4,
      onLimit: 'warn',
    });
    expect(warned.output).toMatchObject({ count: 4, pages: 4, complete: false });
    expect(warned.output.warning).toMatch(/Read 4 pages/);
    expect(warned.warnings).toEqual([warned.output.warning]);
    // A listing that ends on its last allowed page is complete.
    const exact = await paginate({ url: `${listings.url}/next-text`, records: listingRecords, maxPages: 3 });
    expect(exact.output.complete).toBe(true);
  });

  it('refuses a next link to a private address, as browser.goto does, and names a host that does not resolve', async () => {
    const refused = await paginate({ url: `${listings.url}/refused`, records: listingRecords }).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({
      code: 'refused_address',
      message: expect.stringMatching(/10\.1\.2\.3.*private or local/),
    });
    const unresolved = await paginate({ url: `${listings.url}/unresolved`, records: listingRecords }).catch(
      (error: unknown) => error,
    );
    expect(unresolved).toMatchObject({
      code: 'browser',
      retryable: true,
      message: expect.stringMatching(
        /Reading page 2 of the listing: the host of .*listing\.invalid.* could not be resolved/,
      ),
    });
  });

  it('refuses a next link to a file on the machine Orca runs on', async () => {
    await writeFile(
      localListingFile,
      '<div class="row"><span class="name">the server’s own file</span><a class="file" href="x">x</a></div>',
    );
    try {
      const read = await paginate({ url: `${listings.url}/local-file`, records: listingRecords }).catch(
        (error: unknown) => error,
      );
      expect(JSON.stringify(read)).not.toContain('the server’s own file');
      expect(read).toMatchObject({ code: 'refused_address', message: expect.stringMatching(/file:/) });
    } finally {
      await rm(localListingFile, { force: true });
    }
  });

  it('says what is wrong with its input', () => {
    const parsed = browserPaginateTool.input.safeParse({ records: { selector: '.row' }, maxPages: 0 });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['records.fields', 'maxPages']));
    const scrollWithNext = browserPaginateTool.input.safeParse({
      records: listingRecords,
      mode: 'scroll',
      next: 'a.next',
    });
    expect(scrollWithNext.error?.issues[0]?.message).toMatch(/mode "scroll" follows none/);
  });
});

describe('browser.paginate in runs', () => {
  let orca: TestPlatform;
  let owner: TestUser;
  let ws: string;
  let portal: TestPortal;

  beforeAll(async () => {
    portal = await startTestPortal(portalAccount);
    orca = await startBrowserPlatform();
    owner = await orca.signUp('Pagination Owner');
    ws = (await orca.createWorkspace(owner, 'Pagination')).id;
    const connected = await orca.request('POST', `/api/workspaces/${ws}/connections`, {
      token: owner.token,
      body: {
        service: 'supplier-portal',
        kind: 'login',
        settings: { username: portalAccount.username, allowedHosts: [portal.host] },
        secret: { password: portalAccount.password, totpSecret: portalAccount.totpSecret },
      },
    });
    if (connected.status !== 201) throw new Error(connected.text);
  }, 60_000);
  afterAll(async () => {
    await orca?.close();
    await portal?.close();
  });

  async function runAgent(spec: Record<string, unknown>) {
    const created = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: { spec },
    });
    expect(created.status, created.text).toBe(201);
    const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${created.body.id}/runs`, {
      token: owner.token,
      body: {},
    });
    expect(started.status, started.text).toBe(202);
    for (let tries = 0; tries < 900; tries++) {
      const current = await orca.request('GET', `/api/workspaces/${ws}/runs/${started.body.id}`, {
        token: owner.token,
      });
      if (['succeeded', 'failed', 'cancelled'].includes(current.body.status)) return current.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the run did not finish');
  }

  const endless = (onLimit: 'fail' | 'warn') => ({
    name: `Endless ${onLimit}`,
    steps: [
      {
        id: 'listing',
        tool: 'browser.paginate',
        with: { url: `${listings.url}/endless`, records: listingRecords, maxPages: 3, onLimit },
      },
    ],
  });

  it('fails a run at maxPages with page_limit, and says how to go on', async () => {
    const run = await runAgent(endless('fail'));
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({
      code: 'page_limit',
      stepId: 'listing',
      message: expect.stringMatching(
        /Read 3 pages of the listing \(maxPages is 3\), and there is a next page still: "next" to http:\/\/127\.0\.0\.1:\d+\/endless\?page=4\. Raise maxPages/,
      ),
    });
  }, 60_000);

  it('with onLimit "warn", succeeds incomplete and puts the warning in the run’s events', async () => {
    const run = await runAgent(endless('warn'));
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    expect(run.output).toMatchObject({ count: 3, pages: 3, complete: false });
    const events = await orca.request('GET', `/api/workspaces/${ws}/runs/${run.id}/events`, {
      token: owner.token,
    });
    const logs = events.text
      .split('\n\n')
      .filter((block) => block.includes('event: log'))
      .map((block) => JSON.parse(/data: (.*)/.exec(block)?.[1] ?? '{}'));
    expect(logs).toContainEqual(
      expect.objectContaining({ stepId: 'listing', level: 'warn', message: run.output.warning }),
    );
  }, 60_000);

  it('the portal template reads every page of the portal and downloads every file', async () => {
    // Seven documents at two a page: four pages, where the template once read only what page 1 linked to.
    portal.documents.push(
      { name: 'invoice-2026-11.pdf', content: 'November invoice' },
      { name: 'invoice-2026-12.pdf', content: 'December invoice' },
      { name: 'statement-q4.csv', content: 'date,amount\n2026-12-31,900\n' },
      { name: 'invoice-2027-01.pdf', content: 'January invoice' },
    );
    const spec = portalSpec({
      name: 'Every Page Collector',
      goal: 'Every document of the supplier portal',
      connection: 'supplier-portal',
      loginUrl: `${portal.url}/login`,
      listingUrl: `${portal.url}/documents`,
      noun: 'documents',
      links: { selector: 'tr.document a[href]', fields: { href: { attribute: 'href' } } },
    });
    const run = await runAgent(spec);
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    const names = portal.documents.map((document) => document.name).sort();
    expect(names).toHaveLength(7);
    expect([...run.output.downloaded].sort()).toEqual(names);
    const listing = run.steps.find((step: { id: string }) => step.id === 'listing');
    expect(listing.output).toMatchObject({ pages: 4, count: 7, complete: true });
    for (const name of names) expect(portal.downloads.get(name)).toBe(1);
  }, 90_000);

  it('the portal template reads the pages its first page does not link to', async () => {
    // Ten files at two a page, numbered links two either side of the current page: page 1 links
    // to pages 2 and 3 only, so pages 4 and 5 are found only by walking.
    const long = await startListingPortal({ total: 10, perPage: 2 });
    try {
      const spec = portalSpec({
        name: 'Windowed Collector',
        goal: 'Every file of a listing with a window of page numbers',
        connection: 'supplier-portal',
        loginUrl: `${portal.url}/login`,
        listingUrl: `${long.url}/numbered`,
        noun: 'documents',
        links: { selector: 'a.file', fields: { href: { attribute: 'href' } } },
      });
      const run = await runAgent(spec);
      expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
      const expected = long.expected.map((record) => record.href.split('/').at(-1));
      expect([...run.output.downloaded].sort()).toEqual([...expected].sort());
      for (const name of expected) expect(long.downloads.get(name as string)).toBe(1);
    } finally {
      await long.close();
    }
  }, 90_000);
});
