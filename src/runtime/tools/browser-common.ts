// What every browser tool shares: the run's page, a time limit per step, and errors a user can
// act on — the address the page was at, the selector that matched nothing, and a screenshot of
// the page kept as a deliverable of the run.
import { z } from 'zod';
import type { BrowserSession } from '../../browser/browser-pool.ts';
import type { ToolContext } from '../tool.ts';
import { ToolError } from '../tool-error.ts';

export const browserTimeout = z
  .number()
  .int()
  .min(100)
  .max(300_000)
  .default(15_000)
  .describe('How long the step may take, in milliseconds.');

export const selectorField = z
  .string()
  .min(1)
  .max(1000)
  .describe('A CSS selector (or text=… / role=… as Playwright reads them).');

function firstLine(message: string) {
  return message.split('\n')[0]?.replace(/\s+/g, ' ').trim() ?? message;
}

async function failureScreenshot(context: ToolContext, session: BrowserSession) {
  try {
    const png = await session.page.screenshot({ timeout: 5000 });
    const file = await context.services.files.save({
      name: `failure-${context.stepId}.png`,
      contentType: 'image/png',
      content: png,
      key: `${context.stepKey}:failure:${context.attempt}`,
    });
    return { id: file.id, path: `/api/workspaces/${context.workspaceId}/deliverables/${file.id}/content` };
  } catch {
    return undefined;
  }
}

export function refusedError(action: string, target: string, details: Record<string, unknown>) {
  return new ToolError(
    'refused_address',
    `${action}: ${target} is a private or local address, which agents may not reach (the operator allows addresses with ORCA_ALLOW_NETWORK).`,
    { details },
  );
}

export function unresolvedError(action: string, target: string, details: Record<string, unknown>) {
  return new ToolError(
    'browser',
    `${action}: the host of ${target} could not be resolved. Check the address.`,
    {
      retryable: true,
      details,
    },
  );
}

/** The page's address without its fragment, which never reaches the network. */
function requestedAddress(url: string) {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * Runs a browser action on the run's page. A failure ends the step with what went wrong, where,
 * and a screenshot; the browser context stays for the run's next steps.
 */
export async function onPage<T>(
  context: ToolContext,
  options: { action: string; timeoutMs: number; selector?: string },
  work: (session: BrowserSession) => Promise<T>,
): Promise<T> {
  const session = await context.services.browser.session();
  session.page.setDefaultTimeout(options.timeoutMs);
  session.page.setDefaultNavigationTimeout(options.timeoutMs);
  const refusedBefore = session.refused.length;
  const unresolvedBefore = session.unresolved.length;
  try {
    const result = await work(session);
    // The proxy answers a refused plain-http page with its own 403 (502 for a name that does not
    // resolve), which Chromium shows as the page: the step did not get what it asked for, so it
    // fails as it does when an https page is refused.
    const shown = requestedAddress(session.page.url());
    if (session.refused.slice(refusedBefore).includes(shown))
      throw refusedError(options.action, shown, { url: shown });
    if (session.unresolved.slice(unresolvedBefore).includes(shown))
      throw unresolvedError(options.action, shown, { url: shown });
    return result;
  } catch (error) {
    if (error instanceof ToolError && !['login_failed', 'selector_not_found'].includes(error.code))
      throw error;
    const url = session.page.url();
    const screenshot = await failureScreenshot(context, session);
    const details = { url, ...(screenshot ? { screenshot } : {}) };
    if (error instanceof ToolError)
      throw new ToolError(error.code, error.message, { details: { ...error.details, ...details } });
    const message = firstLine((error as Error).message ?? String(error));
    const refused = session.refused.slice(refusedBefore).at(-1);
    if (refused) throw refusedError(options.action, refused, details);
    if ((error as Error).name === 'TimeoutError') {
      if (options.selector) {
        throw new ToolError(
          'selector_not_found',
          `${options.action}: nothing matched "${options.selector}" on ${url} within ${options.timeoutMs} ms. The page may have changed; see the screenshot.`,
          { details: { ...details, selector: options.selector } },
        );
      }
      throw new ToolError(
        'timeout',
        `${options.action}: ${url || 'the page'} did not finish within ${options.timeoutMs} ms.`,
        { retryable: true, details },
      );
    }
    throw new ToolError('browser', `${options.action} failed on ${url}: ${message}`, {
      retryable: /net::ERR_/.test(message),
      details,
    });
  }
}

/** Where the page is, for outputs. */
export async function pageFacts(session: BrowserSession) {
  return { url: session.page.url(), title: await session.page.title().catch(() => '') };
}
