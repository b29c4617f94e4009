// browser.download by clicking: whatever the click starts is caught — a download of the page (a
// link, a link with the download attribute, a button whose script or form POST answers with a
// file), a download in a tab the click opened, or a file shown instead of saved, in a new tab or
// in the run's own page.
import { readFile, stat } from 'node:fs/promises';
import type { Download, Page, Response } from 'playwright-core';
import type { BrowserSession } from '../../browser/browser-pool.ts';
import type { OutboundPolicy } from '../../network/outbound-policy.ts';
import { ToolError } from '../tool-error.ts';
import { type FetchedFile, fetchAddress, tooLarge } from './download-by-address.ts';
import { downloadName, nameFromAddress, safeFileName } from './download-names.ts';

type Started =
  | { kind: 'download'; download: Download }
  | { kind: 'shown'; response: Response; inRunPage: boolean };

/**
 * Where a navigation answer shows a document: in a tab the click opened, or in the run's own
 * page when it is a file rather than a page (a link to a text or PDF file that opens in place).
 * Undefined for anything else.
 */
function documentPlace(response: Response, runPage: Page): 'tab' | 'run page' | undefined {
  if (!response.request().isNavigationRequest() || !response.ok()) return undefined;
  // An attachment is saved, not shown: its download event brings it.
  if (/^\s*attachment/i.test(response.headers()['content-disposition'] ?? '')) return undefined;
  let frame: ReturnType<Response['frame']>;
  try {
    frame = response.frame();
  } catch {
    // A new tab's first navigation is sent before its frame exists: Playwright has no frame for it.
    return 'tab';
  }
  if (frame.page() !== runPage) return 'tab';
  const type = response.headers()['content-type'] ?? '';
  const isPage = type === '' || /^\s*(text\/html|application\/xhtml\+xml)/i.test(type);
  return frame === runPage.mainFrame() && !isPage ? 'run page' : undefined;
}

async function fromDownload(download: Download, maxBytes: number): Promise<FetchedFile> {
  const file = await download.path();
  const failure = await download.failure();
  if (failure) throw new ToolError('network', `The download from ${download.url()} failed: ${failure}.`);
  const size = (await stat(file)).size;
  if (size > maxBytes) tooLarge(size, maxBytes);
  const address = download.url();
  return {
    address,
    // Chromium's name: Content-Disposition's, the download attribute's, or one from the address
    // with an extension for the type. Made safe here all the same.
    name: safeFileName(download.suggestedFilename()) ?? nameFromAddress(address),
    contentType: undefined,
    declaredBytes: undefined,
    content: await readFile(file),
  };
}

/**
 * The file a new tab shows. The run's browser closes new tabs as they open, which may take the
 * answer's body with it: the address is then asked once more with the session's cookies.
 */
async function fromShownFile(
  response: Response,
  session: BrowserSession,
  network: OutboundPolicy,
  limits: { timeoutMs: number; maxBytes: number },
): Promise<FetchedFile> {
  const headers = response.headers();
  const address = response.url();
  const content = await response.body().catch(() => undefined);
  if (!content) return fetchAddress(session, network, address, limits);
  if (content.byteLength > limits.maxBytes) tooLarge(content.byteLength, limits.maxBytes);
  return {
    address,
    name: downloadName({
      disposition: headers['content-disposition'],
      address,
      contentType: headers['content-type'],
    }),
    contentType: headers['content-type'],
    declaredBytes: undefined,
    content,
  };
}

/**
 * Clicks what the selector matches and keeps what the click starts. A click that starts nothing
 * within the time limit fails with what was clicked and where.
 */
export async function clickDownload(
  session: BrowserSession,
  network: OutboundPolicy,
  selector: string,
  options: { timeoutMs: number; maxBytes: number },
): Promise<FetchedFile> {
  const runPage = session.page;
  const cleanups: (() => void)[] = [];
  let settle: (started: Started) => void = () => undefined;
  const started = new Promise<Started>((resolve) => {
    settle = resolve;
  });
  const onDownload = (download: Download) => settle({ kind: 'download', download });
  runPage.on('download', onDownload);
  cleanups.push(() => runPage.off('download', onDownload));
  // A new tab either downloads (its download event brings the file) or shows the file: the
  // document answer at the tab's first address is taken then.
  const shown: Response[] = [];
  const tabAddresses: string[] = [];
  const takeShown = () => {
    const document = shown.findLast((response) => tabAddresses.includes(response.url()));
    if (document) settle({ kind: 'shown', response: document, inRunPage: false });
  };
  const onResponse = (response: Response) => {
    const place = documentPlace(response, runPage);
    if (place === 'run page') settle({ kind: 'shown', response, inRunPage: true });
    if (place !== 'tab') return;
    shown.push(response);
    takeShown();
  };
  session.context.on('response', onResponse);
  cleanups.push(() => session.context.off('response', onResponse));
  const popups: Page[] = [];
  const onPopup = (popup: Page) => {
    popups.push(popup);
    popup.on('download', onDownload);
    tabAddresses.push(popup.url());
    takeShown();
  };
  runPage.on('popup', onPopup);
  cleanups.push(() => runPage.off('popup', onPopup));

  let timer: NodeJS.Timeout | undefined;
  try {
    await runPage.locator(selector).first().click({ timeout: options.timeoutMs });
    const result = await Promise.race([
      started,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new ToolError(
                'timeout',
                `Clicking "${selector}" on ${runPage.url()} started no download within ${options.timeoutMs} ms. Check that it is the link or button that downloads the file.`,
                { retryable: true, details: { selector, url: runPage.url() } },
              ),
            ),
          options.timeoutMs,
        );
      }),
    ]);
    if (result.kind === 'download') return await fromDownload(result.download, options.maxBytes);
    const file = await fromShownFile(result.response, session, network, options);
    // The run's page goes back to where it was, for the steps after this one.
    if (result.inRunPage) await runPage.goBack({ timeout: options.timeoutMs }).catch(() => undefined);
    return file;
  } finally {
    clearTimeout(timer);
    for (const cleanup of cleanups) cleanup();
    // Tabs the click opened are closed: the run goes on in its own page.
    for (const popup of popups) await popup.close().catch(() => undefined);
  }
}
