// One Chromium per worker process, launched on first use; one browser context per run, so that
// cookies never pass between runs or workspaces. Each context sends all its traffic through its
// own policing proxy, which checks every connection against the run's outbound policy (redirect
// hops and WebSockets included); a refused one is remembered, to say so in the step's error.
// The browser-wide proxy, for anything outside a run's context, refuses everything.
import { access } from 'node:fs/promises';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { OrcaError } from '../domain/errors.ts';
import { chromiumNetworkFlags, proxyEverything } from '../network/chromium-network-flags.ts';
import type { OutboundPolicy } from '../network/outbound-policy.ts';
import { type PolicingProxy, startPolicingProxy } from '../network/policing-proxy.ts';
import { ToolError } from '../runtime/tool-error.ts';

/** Flags for Debian's Chromium on a machine with no display and a closed network. */
const launchFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
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
  /** Addresses whose host did not resolve during this run, newest last. */
  readonly unresolved: string[];
}

/** A policy for traffic that belongs to no run: none is expected, so all of it is refused. */
const refuseEverything: OutboundPolicy = {
  resolve: (host) =>
    Promise.reject(
      new OrcaError(
        'forbidden',
        `Requests to ${host} are refused: the browser reaches the network only for a run.`,
      ),
    ),
  allowedByOperator: () => Promise.resolve(false),
};

/** A proxy address nothing listens on: the launch check's browser opens no page. */
const proxyNowhere = 'http://127.0.0.1:9';

interface OpenSession {
  readonly session: BrowserSession;
  readonly proxy: PolicingProxy;
}

interface LaunchedBrowser {
  readonly browser: Browser;
  /** The browser-wide proxy, which refuses everything. */
  readonly proxy: PolicingProxy;
}

export class BrowserPool {
  readonly #executablePath: string;
  #browser: Promise<LaunchedBrowser> | undefined;
  readonly #sessions = new Map<string, Promise<OpenSession>>();

  constructor(executablePath: string) {
    this.#executablePath = executablePath;
  }

  async #launch(): Promise<LaunchedBrowser> {
    try {
      await access(this.#executablePath);
    } catch {
      throw new ToolError(
        'not_configured',
        `Chromium is not at ${this.#executablePath}. Install Debian's chromium (apt-get install chromium) or set ORCA_CHROMIUM_PATH.`,
      );
    }
    const proxy = await startPolicingProxy({
      network: refuseEverything,
      onRefused: () => undefined,
      onUnresolved: () => undefined,
    });
    let browser: Browser;
    try {
      browser = await chromium.launch({
        executablePath: this.#executablePath,
        args: [...launchFlags, ...chromiumNetworkFlags(proxy.url)],
      });
    } catch (error) {
      await proxy.close();
      throw error;
    }
    // A crashed browser is launched again by the next run that needs one.
    browser.on('disconnected', () => {
      this.#browser = undefined;
      void proxy.close();
    });
    return { browser, proxy };
  }

  #browserProcess(): Promise<LaunchedBrowser> {
    this.#browser ??= this.#launch().catch((error: unknown) => {
      this.#browser = undefined;
      throw error;
    });
    return this.#browser;
  }

  /** The run's browser context and page, made on first use. */
  session(runId: string, network: OutboundPolicy): Promise<BrowserSession> {
    let opened = this.#sessions.get(runId);
    if (!opened) {
      opened = this.#open(network);
      this.#sessions.set(runId, opened);
      opened.catch(() => this.#sessions.delete(runId));
    }
    return opened.then(({ session }) => session);
  }

  async #open(network: OutboundPolicy): Promise<OpenSession> {
    const { browser } = await this.#browserProcess();
    const refused: string[] = [];
    const unresolved: string[] = [];
    // One proxy per context, so that a refusal is told to the run whose page caused it.
    const proxy = await startPolicingProxy({
      network,
      onRefused: (target) => refused.push(target),
      onUnresolved: (target) => unresolved.push(target),
    });
    let context: BrowserContext | undefined;
    let page: Page;
    try {
      context = await browser.newContext({
        acceptDownloads: true,
        proxy: { server: proxy.url, bypass: proxyEverything },
      });
      page = await context.newPage();
    } catch (error) {
      await context?.close().catch(() => undefined);
      await proxy.close();
      throw error;
    }
    // Dialogs (alert, confirm, beforeunload) would stall a page no one watches.
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    // A pop-up window is closed: agents work in the run's one page.
    context.on('page', (opened) => {
      if (opened !== page) void opened.close().catch(() => undefined);
    });
    return { session: { context, page, refused, unresolved }, proxy };
  }

  /** Closes the run's context, if it has one (when the run ends, waits, or moves to another worker). */
  async release(runId: string): Promise<void> {
    const session = this.#sessions.get(runId);
    if (!session) return;
    this.#sessions.delete(runId);
    await session
      .then(async (opened) => {
        await opened.session.context.close().catch(() => undefined);
        await opened.proxy.close();
      })
      .catch(() => undefined);
  }

  /**
   * Proves that Chromium launches here (for the readiness probe): the running browser answers at
   * once; otherwise one is launched and closed again, so an idle worker keeps no browser open.
   */
  async checkLaunch(): Promise<void> {
    const running = await this.#browser?.catch(() => undefined);
    if (running?.browser.isConnected()) return;
    try {
      await access(this.#executablePath);
    } catch {
      throw new Error(
        `Chromium is not at ${this.#executablePath}: install Debian's chromium or set ORCA_CHROMIUM_PATH.`,
      );
    }
    const browser = await chromium.launch({
      executablePath: this.#executablePath,
      args: [...launchFlags, ...chromiumNetworkFlags(proxyNowhere)],
    });
    await browser.close();
  }

  get openSessions(): number {
    return this.#sessions.size;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#sessions.keys()].map((runId) => this.release(runId)));
    const browser = this.#browser;
    this.#browser = undefined;
    await browser
      ?.then(async (launched) => {
        await launched.browser.close().catch(() => undefined);
        await launched.proxy.close();
      })
      .catch(() => undefined);
  }
}
