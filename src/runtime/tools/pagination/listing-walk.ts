// Walks a listing to its end, however it pages: it reads the records of the page, finds the way
// forward (a given selector, rel=next, a "Next" link or button, the next page number, "Load
// more", or scrolling), takes it, and reads again — until there is no way forward, it is
// disabled, it leads back to a page already read, or nothing new comes. Hitting the page limit
// with a way forward still there is never a quiet success: it fails, or warns when asked to.
import type { BrowserSession } from '../../../browser/browser-pool.ts';
import type { ToolContext } from '../../tool.ts';
import { ToolError } from '../../tool-error.ts';
import { refusedError, unresolvedError } from '../browser-common.ts';
import { htmlExtractTool } from '../html-extract.ts';
import { type ControlKind, controlMarker, findNextControl, type NextControl } from './next-control-script.ts';
import { RecordBudget } from './record-budget.ts';
import { type ListingRecord, RecordLedger } from './record-ledger.ts';

export type PaginationMode = 'auto' | 'next' | 'numbered' | 'loadMore' | 'scroll';

export interface WalkRequest {
  url?: string;
  records: { selector: string; fields: Record<string, unknown> };
  next?: string;
  mode: PaginationMode;
  maxPages: number;
  onLimit: 'fail' | 'warn';
  timeoutMs: number;
}

export interface WalkResult {
  records: ListingRecord[];
  count: number;
  pages: number;
  urls: string[];
  complete: boolean;
  warning?: string;
}

/** The controls each mode follows, best first; scrolling is no control. */
const kindsByMode: Record<PaginationMode, readonly ControlKind[]> = {
  auto: ['rel', 'next', 'number', 'more'],
  next: ['rel', 'next', 'more'],
  numbered: ['number'],
  loadMore: ['more'],
  scroll: [],
};

/** How long a click or a scroll may take to show something new before it counts as the end. */
const longestSettleMs = 3000;
const pollMs = 100;

/** What tells one state of the listing from another: its address and its records. */
const signatureScript = (records: string) => `(() => {
  let rows = [];
  try { rows = [...document.querySelectorAll(${JSON.stringify(records)})]; } catch {}
  const text = (row) => (row ? row.textContent.slice(0, 300) : '');
  return JSON.stringify([location.href, rows.length, text(rows[0]), text(rows[rows.length - 1])]);
})()`;

const scrollScript = (records: string) => `(() => {
  let rows = [];
  try { rows = [...document.querySelectorAll(${JSON.stringify(records)})]; } catch {}
  const last = rows[rows.length - 1];
  if (last) last.scrollIntoView({ block: 'end' });
  window.scrollTo(0, Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0));
})()`;

/** The page's address without its fragment: "#top" is the same page. */
function addressOf(url: string) {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** The page number an address carries (?page=3, ?p=3, /page/3), if any. */
function numberInAddress(url: string): number | undefined {
  try {
    const address = new URL(url);
    for (const name of ['page', 'p', 'pg', 'paged', 'pageNumber', 'page_number']) {
      const value = Number(address.searchParams.get(name));
      if (Number.isInteger(value) && value > 0) return value;
    }
    const inPath = /\/page\/(\d{1,5})\/?$/.exec(address.pathname);
    return inPath ? Number(inPath[1]) : undefined;
  } catch {
    return undefined;
  }
}

function describeControl(control: NextControl) {
  return control.href ? `"${control.label}" to ${control.href}` : `the "${control.label}" button`;
}

const extractInput = htmlExtractTool.input;

export async function walkListing(
  session: BrowserSession,
  request: WalkRequest,
  context: ToolContext,
): Promise<WalkResult> {
  const { page } = session;
  const ledger = new RecordLedger();
  const budget = new RecordBudget();
  const records: ListingRecord[] = [];
  const urls: string[] = [];
  const visited = new Set<string>();
  const settleMs = Math.min(request.timeoutMs, longestSettleMs);
  const kinds: readonly ControlKind[] = request.next ? ['given'] : kindsByMode[request.mode];
  /** This page's number, as far as the walk knows it. */
  let number: number | undefined;
  /** Whether a control was followed: a listing that pages by links does not also scroll. */
  let followed = false;

  const open = async (url: string) => {
    const refusedBefore = session.refused.length;
    const unresolvedBefore = session.unresolved.length;
    const action = `Reading page ${urls.length + 1} of the listing`;
    // A next link is the page's to write: file:, view-source: or chrome: would open what is on
    // the machine Orca runs on, which no proxy sees. Only the web is followed.
    const protocol = URL.canParse(url) ? new URL(url).protocol : '';
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new ToolError(
        'refused_address',
        `${action}: ${url.slice(0, 200)} is not an http:// or https:// address; a listing is read only on the web.`,
        { details: { url: url.slice(0, 2000) } },
      );
    }
    const response = await page.goto(url, { waitUntil: 'load' });
    const shown = addressOf(page.url());
    const refused = session.refused.slice(refusedBefore);
    if (refused.includes(shown) || refused.includes(addressOf(url)))
      throw refusedError(action, refused.at(-1) ?? shown, { url: shown });
    // The proxy answers a host that does not resolve with its own 502: not the site's answer.
    const unresolved = session.unresolved.slice(unresolvedBefore);
    if (unresolved.includes(shown) || unresolved.includes(addressOf(url)))
      throw unresolvedError(action, unresolved.at(-1) ?? shown, { url: shown });
    const status = response?.status() ?? 200;
    if (status >= 400) {
      throw new ToolError(
        'http_status',
        `${action}: ${shown} answered ${status}, so its records cannot be read. Check that the listing's address (and its pages' links) still work.`,
        { details: { url: shown, status } },
      );
    }
  };

  /**
   * Reads the page's records and keeps those it had not given before. Undefined when a page
   * reached at a new address repeats pages already read, or has no records at all: the listing
   * came round again, or the way forward led out of it.
   */
  const take = async () => {
    const address = addressOf(page.url());
    const parsed = extractInput.parse({
      html: await page.content(),
      baseUrl: page.url(),
      records: request.records,
    });
    const extracted = (await htmlExtractTool.run(parsed, context)).records ?? [];
    const elsewhere = urls.length > 0 && !visited.has(address);
    if (elsewhere && (extracted.length === 0 || ledger.repeatsEarlierPages(address, extracted)))
      return undefined;
    visited.add(address);
    const fresh = ledger.take(address, extracted);
    budget.add(fresh, urls.length + 1);
    records.push(...fresh);
    urls.push(address);
    return fresh.length;
  };

  const signature = async () => {
    try {
      return (await page.evaluate(signatureScript(request.records.selector))) as string;
    } catch {
      // The document went away under the script: a navigation is under way.
      return undefined;
    }
  };

  /** Waits for the listing to change after a click or a scroll, then for it to settle. */
  const changedAfter = async (before: string | undefined) => {
    const deadline = Date.now() + settleMs;
    let now = before;
    while (Date.now() < deadline) {
      await page.waitForTimeout(pollMs);
      now = await signature();
      if (now !== before) break;
    }
    if (now === before) return false;
    await page.waitForLoadState('load');
    // Rows may arrive in more than one piece: wait until two looks agree.
    for (let settled = Date.now() + settleMs; Date.now() < settled; ) {
      await page.waitForTimeout(pollMs);
      const again = await signature();
      if (again === now && again !== undefined) break;
      if (again === undefined) await page.waitForLoadState('load');
      now = again;
    }
    return true;
  };

  const finish = (reason: string): WalkResult => {
    context.logger.info(`Read ${urls.length} pages of the listing, ${records.length} records: ${reason}.`, {
      pages: urls.length,
      records: records.length,
    });
    return { records, count: records.length, pages: urls.length, urls, complete: true };
  };

  const limitReached = (next: string): WalkResult => {
    const message = `Read ${urls.length} pages of the listing (maxPages is ${request.maxPages}), and there is a next page still: ${next}. Raise maxPages (at most 1000) to read the listing to its end.`;
    const details = { pages: urls.length, maxPages: request.maxPages, next, url: page.url() };
    if (request.onLimit === 'fail') throw new ToolError('page_limit', message, { details });
    context.logger.warn(message, details);
    return { records, count: records.length, pages: urls.length, urls, complete: false, warning: message };
  };

  if (request.url) await open(request.url);
  else if (page.url() === 'about:blank') {
    throw new ToolError(
      'invalid_input',
      'No page is open to read a listing from: give url, or open the listing with browser.goto first.',
    );
  }
  await take();

  for (;;) {
    if (context.signal.aborted)
      throw new ToolError('cancelled', 'The run was cancelled while reading the listing.');
    if (request.next) await markGiven(session, request.next);
    const known = number ?? numberInAddress(page.url()) ?? 1;
    const findings = await findNextControl(page, {
      kinds,
      number: known,
      records: request.records.selector,
    });
    number = findings.current;
    const control = findings.control;

    if (!control) {
      const scrolls =
        request.mode === 'scroll' || (request.mode === 'auto' && !followed && findings.scrollable);
      if (!scrolls) return finish('no way to a next page');
      const before = await signature();
      await page.evaluate(scrollScript(request.records.selector));
      if (!(await changedAfter(before))) return finish(`nothing new after scrolling for ${settleMs} ms`);
      if (urls.length >= request.maxPages) return limitReached('more records load on scrolling');
      await take();
      continue;
    }
    if (control.disabled) return finish(`${describeControl(control)} is disabled`);
    if (control.href && visited.has(addressOf(control.href)))
      return finish(`${describeControl(control)} leads back to a page already read`);
    if (urls.length >= request.maxPages) return limitReached(describeControl(control));

    followed = true;
    if (control.href) {
      await open(control.href);
    } else {
      const before = await signature();
      await page.locator(`[${controlMarker}="${control.how}"]`).first().click();
      if (!(await changedAfter(before)))
        return finish(`nothing new after clicking ${describeControl(control)} for ${settleMs} ms`);
    }
    // "Load more" adds to the same page; any other way forward is the next page.
    if (control.how !== 'more') number += 1;
    const fresh = await take();
    if (fresh === undefined)
      return finish(`${describeControl(control)} leads to a page of no records, or of records already read`);
    const samePage = urls.length > 1 && urls.at(-1) === urls.at(-2);
    if (fresh === 0 && samePage) {
      urls.pop();
      return finish(`nothing new after ${describeControl(control)}`);
    }
  }
}

/** Marks what the given selector matches first, for the page script (which knows no Playwright selectors). */
async function markGiven(session: BrowserSession, selector: string) {
  await session.page.evaluate(
    `document.querySelectorAll('[${controlMarker}="given"]').forEach((element) => element.removeAttribute('${controlMarker}'))`,
  );
  const match = session.page.locator(selector).first();
  if ((await match.count()) === 0) return;
  await match.evaluate((element, marker) => element.setAttribute(marker, 'given'), controlMarker);
}
