// The browser reaches no address the outbound policy refuses: not by a redirect, a WebSocket, a
// sub-resource, WebRTC, nor a name that resolves to one. The suite's policy allows only
// 127.0.0.3, where the "public" page server runs; the internal target listens on 127.0.0.2,
// 127.0.0.1 and [::1] and must receive nothing at all. Real Chromium, loopback only.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool, type BrowserSession } from '../../src/browser/browser-pool.ts';
import { type OutboundPolicy, outboundPolicy } from '../../src/network/outbound-policy.ts';
import type { ToolContext } from '../../src/runtime/tool.ts';
import { ToolError } from '../../src/runtime/tool-error.ts';
import { browserExtractTool } from '../../src/runtime/tools/browser-extract.ts';
import { browserGotoTool } from '../../src/runtime/tools/browser-goto.ts';
import {
  type InternalTarget,
  type PageServer,
  startInternalTarget,
  startPageServer,
} from '../support/network-targets.ts';
import { toolContext } from '../support/tool-context.ts';

const chromiumPath = process.env.ORCA_CHROMIUM_PATH ?? '/usr/bin/chromium';

let pool: BrowserPool;
let internal: InternalTarget;
let pages: PageServer;
const policy = outboundPolicy(['127.0.0.3']);
const runs: string[] = [];

beforeAll(async () => {
  pool = new BrowserPool(chromiumPath);
  internal = await startInternalTarget();
  pages = await startPageServer();
});

afterEach(async () => {
  await Promise.all(runs.splice(0).map((runId) => pool.release(runId)));
  expect(pool.openSessions).toBe(0);
});

afterAll(async () => {
  await pool?.close();
  await internal?.close();
  await pages?.close();
});

/** A tool context whose browser is a fresh run's context in the suite's pool. */
function browserContext(network: OutboundPolicy = policy): {
  context: ToolContext;
  session: () => Promise<BrowserSession>;
} {
  const runId = randomUUID();
  runs.push(runId);
  const session = () => pool.session(runId, network);
  return {
    context: toolContext({
      runId,
      network,
      services: {
        browser: { session },
        files: {
          save: () => Promise.reject(new Error('no screenshots here')),
          read: () => Promise.reject(new Error('none')),
        },
      },
    }),
    session,
  };
}

async function goto(context: ToolContext, url: string) {
  return browserGotoTool.run(browserGotoTool.input.parse({ url, timeoutMs: 10_000 }), context);
}

function html(body: string) {
  return `${pages.origin}/html?body=${encodeURIComponent(body)}`;
}

describe('the browser and internal addresses', () => {
  it('loads an address the operator allowed, through the proxy', async () => {
    const { context } = browserContext();
    const opened = await goto(context, `${pages.origin}/page`);
    expect(opened).toMatchObject({ title: 'Allowed page', status: 200 });
    const extracted = await browserExtractTool.run(
      browserExtractTool.input.parse({ fields: { greeting: '#greeting' } }),
      context,
    );
    expect(extracted).toMatchObject({ fields: { greeting: 'public content' } });
  });

  it('refuses redirects to internal addresses in every spelling, and says so in the step error', async () => {
    const port = internal.port;
    const targets = [
      `http://127.0.0.2:${port}/admin`,
      `http://localhost:${port}/admin`,
      `http://[::1]:${port}/admin`,
      `http://[::ffff:127.0.0.2]:${port}/admin`,
      `http://2130706434:${port}/admin`,
      `http://0x7f000002:${port}/admin`,
      `http://0177.0.0.2:${port}/admin`,
      `http://127.1:${port}/admin`,
      `https://127.0.0.2:${port}/admin`,
    ];
    const { context } = browserContext();
    for (const status of [301, 302, 303, 307, 308]) {
      for (const target of targets) {
        const redirect = `${pages.origin}/redirect?status=${status}&to=${encodeURIComponent(target)}`;
        const failure = await goto(context, redirect).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(failure, `${status} → ${target}`).toBeInstanceOf(ToolError);
        expect((failure as ToolError).code, `${status} → ${target}`).toBe('refused_address');
        expect((failure as ToolError).message).toMatch(/private or local address/);
      }
    }
    // browser.extract with a url follows the same redirect and reads nothing internal.
    const extract = browserExtractTool.run(
      browserExtractTool.input.parse({
        url: `${pages.origin}/redirect?to=${encodeURIComponent(targets[0] ?? '')}`,
        fields: { secret: '#secret' },
      }),
      context,
    );
    await expect(extract).rejects.toMatchObject({ code: 'refused_address' });
    expect(internal.hits()).toBe(0);
  });

  it('refuses a direct visit to a name that resolves to a loopback address', async () => {
    const { context } = browserContext();
    await expect(goto(context, `http://localhost:${internal.port}/`)).rejects.toMatchObject({
      code: 'refused_address',
      message: expect.stringContaining(`localhost:${internal.port}`),
    });
    expect(internal.hits()).toBe(0);
  });

  it('tells a name that does not resolve from a refused address', async () => {
    const { context } = browserContext();
    await expect(goto(context, 'http://no-such-host.invalid/')).rejects.toMatchObject({
      code: 'browser',
      message: expect.stringContaining('http://no-such-host.invalid/ could not be resolved'),
    });
  });

  it('refuses WebSockets, sub-resources and fetches a page aims at internal addresses', async () => {
    const port = internal.port;
    const internalUrls = [`127.0.0.2:${port}`, `localhost:${port}`, `[::1]:${port}`];
    const redirectTo = (target: string) => `/redirect?status=307&to=${encodeURIComponent(target)}`;
    const script = `
      const settle = (promise) => promise.then(() => 'ok', () => 'failed');
      const socket = (url) => new Promise((resolve, reject) => {
        const ws = new WebSocket(url); ws.onopen = () => { ws.close(); resolve(); }; ws.onerror = reject;
      });
      const image = (url) => new Promise((resolve, reject) => {
        const img = new Image(); img.onload = resolve; img.onerror = reject; img.src = url;
      });
      window.results = Promise.all([
        ${internalUrls
          .flatMap((host) => [
            `socket('ws://${host}/')`,
            `socket('wss://${host}/')`,
            `image('http://${host}/image.png')`,
            `fetch('http://${host}/data')`,
            `fetch('${redirectTo(`http://${host}/data`)}')`,
            `image('${redirectTo(`http://${host}/image.png`)}')`,
          ])
          .join(',\n')},
        socket('ws://127.0.0.3:${pages.port}/'),
      ].map(settle));
    `;
    const body = `<title>Sub-resources</title>
      ${internalUrls.map((host) => `<iframe src="http://${host}/frame"></iframe><script src="http://${host}/script.js"></script><link rel="stylesheet" href="http://${host}/style.css"><link rel="prefetch" href="http://${host}/prefetch"><link rel="preconnect" href="http://${host}">`).join('')}
      <script>${script}</script>`;
    const { context, session } = browserContext();
    await goto(context, html(body));
    const { page, refused } = await session();
    const results = await page.evaluate(() => (window as unknown as { results: Promise<string[]> }).results);
    // Every internal attempt failed; the WebSocket to the allowed page server, the last, opened.
    expect(results.slice(0, -1).every((result) => result === 'failed')).toBe(true);
    expect(results.at(-1)).toBe('ok');
    expect(refused.length).toBeGreaterThanOrEqual(internalUrls.length * 6);
    expect(internal.hits()).toBe(0);
  });

  it('sends no WebRTC or WebTransport traffic to internal addresses (STUN and QUIC over UDP, TURN over TCP)', async () => {
    const port = internal.port;
    const body = `<title>WebRTC</title><script>
      window.gathered = (async () => {
        const connection = new RTCPeerConnection({ iceServers: [
          { urls: 'stun:127.0.0.2:${port}' },
          { urls: 'turn:127.0.0.2:${port}?transport=tcp', username: 'user', credential: 'secret' },
          { urls: 'turn:127.0.0.2:${port}?transport=udp', username: 'user', credential: 'secret' },
        ] });
        connection.createDataChannel('probe');
        await connection.setLocalDescription(await connection.createOffer());
        await new Promise((resolve) => {
          connection.onicegatheringstatechange = () => connection.iceGatheringState === 'complete' && resolve();
          setTimeout(resolve, 4000);
        });
        connection.close();
        // WebTransport runs over QUIC (UDP), which the browser must not send anywhere.
        try {
          const transport = new WebTransport('https://127.0.0.2:${port}/');
          await Promise.race([transport.ready, new Promise((resolve) => setTimeout(resolve, 2000))]);
        } catch {}
        return true;
      })();
    </script>`;
    const { context, session } = browserContext();
    await goto(context, html(body));
    const { page } = await session();
    await page.evaluate(() => (window as unknown as { gathered: Promise<boolean> }).gathered);
    expect(internal.hits()).toBe(0);
  });

  it('reads no local file, though no request interception is left to refuse file: addresses', async () => {
    const redirected = browserContext();
    await expect(
      goto(redirected.context, `${pages.origin}/redirect?to=${encodeURIComponent('file:///etc/hostname')}`),
    ).rejects.toMatchObject({ message: expect.stringContaining('ERR_UNSAFE_REDIRECT') });
    const body = `<title>Files</title><iframe src="file:///etc/hostname"></iframe><script>
      window.read = fetch('file:///etc/hostname').then((response) => response.text(), () => 'failed');
    </script>`;
    const { context, session } = browserContext();
    await goto(context, html(body));
    const { page } = await session();
    expect(await page.evaluate(() => (window as unknown as { read: Promise<string> }).read)).toBe('failed');
    expect(page.frames().map((frame) => frame.url())).not.toContain('file:///etc/hostname');
  });

  it('lets only the proxy resolve names: a name the policy maps is reached at the address it checked', async () => {
    // Chromium itself resolves nothing (a name it looked up could be re-pointed between its lookup
    // and the policy's). This policy answers for a name no resolver knows; the page loads only if
    // the proxy connected to the address the policy returned.
    const pinned: OutboundPolicy = {
      resolve: async (host) => {
        if (host === 'portal.orca-test') return { address: '127.0.0.3', family: 4 };
        return policy.resolve(host);
      },
      allowedByOperator: async () => false,
    };
    const { context } = browserContext(pinned);
    await expect(goto(context, `http://portal.orca-test:${pages.port}/page`)).resolves.toMatchObject({
      title: 'Allowed page',
    });
  });
});
