// One Chromium per worker process, launched on first use; one browser context per run, so that
// cookies never pass between runs or workspaces. Every request a page makes goes through the
// outbound policy first; a refused one is aborted and remembered, to say so in the step's error.
import { access } from 'node:fs/promises';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { OutboundPolicy } from '../runtime/outbound-policy.ts';
import { ToolError } from '../runtime/tool-error.ts';

/** Flags for Debian's Chromium on a machine with no display and a closed network. */
const launchFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Addresses the outbound policy refused during this run, newest last. */
  readonly refused: string[];
}

export class BrowserPool {
  readonly #executablePath: string;
  #browser: Promise<Browser> | undefined;
  readonly #sessions = new Map<string, Promise<BrowserSession>>();

  constructor(executablePath: string) {
    this.#executablePath = executablePath;
  }

  async #launch(): Promise<Browser> {
    try {
      await access(this.#executablePath);
    } catch {
      throw new ToolError(
        'not_configured',
        `Chromium is not at ${this.#executablePath}. Install Debian's chromium (apt-get install chromium) or set ORCA_CHROMIUM_PATH.`,
      );
    }
    const browser = await chromium.launch({ executablePath: this.#executablePath, args: launchFlags });
    // A crashed browser is launched again by the next run that needs one.
    browser.on('disconnected', () => {
      this.#browser = undefined;
    });
    return browser;
  }

  #browserProcess(): Promise<Browser> {
    this.#browser ??= this.#launch().catch((error: unknown) => {
      this.#browser = undefined;
      throw error;
    });
    return this.#browser;
  }

  /** The run's browser context and page, made on first use. */
  session(runId: string, network: OutboundPolicy): Promise<BrowserSession> {
    let session = this.#sessions.get(runId);
    if (!session) {
      session = this.#open(network);
      this.#sessions.set(runId, session);
      session.catch(() => this.#sessions.delete(runId));
    }
    return session;
  }

  async #open(network: OutboundPolicy): Promise<BrowserSession> {
    const browser = await this.#browserProcess();
    const context = await browser.newContext({ acceptDownloads: true });
    const refused: string[] = [];
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:')
        return route.continue();
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        refused.push(url.toString());
        return route.abort('blockedbyclient');
      }
      try {
        await network.resolve(url.hostname);
        return route.continue();
      } catch {
        refused.push(url.toString());
        return route.abort('blockedbyclient');
      }
    });
    const page = await context.newPage();
    // Dialogs (alert, confirm, beforeunload) would stall a page no one watches.
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    // A pop-up window is closed: agents work in the run's one page.
    context.on('page', (opened) => {
      if (opened !== page) void opened.close().catch(() => undefined);
    });
    return { context, page, refused };
  }

  /** Closes the run's context, if it has one (when the run ends, waits, or moves to another worker). */
  async release(runId: string): Promise<void> {
    const session = this.#sessions.get(runId);
    if (!session) return;
    this.#sessions.delete(runId);
    await session.then((opened) => opened.context.close()).catch(() => undefined);
  }

  get openSessions(): number {
    return this.#sessions.size;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#sessions.keys()].map((runId) => this.release(runId)));
    const browser = this.#browser;
    this.#browser = undefined;
    await browser?.then((opened) => opened.close()).catch(() => undefined);
  }
}
