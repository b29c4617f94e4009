// What the policing proxy costs per page load (issue 11): a loopback page with N sub-resources
// (images, a stylesheet, a script), loaded K times through Orca's browser pool (every connection
// through the proxy) and K times by the same Chromium launched without a proxy, alternating so
// both see the same machine load. Every load asks for fresh addresses and the server forbids
// caching, so each load fetches all N + 1 resources. Prints a Markdown table and JSON.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { BrowserPool } from '../src/browser/browser-pool.ts';
import { outboundPolicy } from '../src/network/outbound-policy.ts';

const loads = Number(process.env.ORCA_BENCH_PROXY_LOADS ?? 30);
const resources = Number(process.env.ORCA_BENCH_PROXY_RESOURCES ?? 20);
const chromiumPath = process.env.ORCA_CHROMIUM_PATH ?? '/usr/bin/chromium';
const host = '127.0.0.3';

// A 1×1 transparent GIF.
const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', `http://${host}`);
  const headers = { 'cache-control': 'no-store' };
  if (url.pathname === '/page') {
    const load = url.searchParams.get('load') ?? '0';
    const images = Array.from(
      { length: Math.max(0, resources - 2) },
      (_, index) => `<img src="/image/${index}.gif?load=${load}">`,
    );
    response.writeHead(200, { ...headers, 'content-type': 'text/html' });
    response.end(
      `<!doctype html><title>Bench</title><link rel="stylesheet" href="/style.css?load=${load}"><script src="/script.js?load=${load}"></script>${images.join('')}`,
    );
  } else if (url.pathname === '/style.css') {
    response.writeHead(200, { ...headers, 'content-type': 'text/css' });
    response.end('img { width: 1px; }');
  } else if (url.pathname === '/script.js') {
    response.writeHead(200, { ...headers, 'content-type': 'text/javascript' });
    response.end('window.loaded = true;');
  } else {
    response.writeHead(200, { ...headers, 'content-type': 'image/gif' });
    response.end(pixel);
  }
});
server.listen(0, host);
await new Promise((resolve) => server.once('listening', resolve));
const origin = `http://${host}:${(server.address() as AddressInfo).port}`;

const pool = new BrowserPool(chromiumPath);
const proxied = (await pool.session('bench', outboundPolicy([host]))).page;
const direct: Browser = await chromium.launch({
  executablePath: chromiumPath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-dev-shm-usage',
  ],
});
const unproxied = await (await direct.newContext()).newPage();

let loadNumber = 0;
async function timeLoad(page: Page): Promise<number> {
  loadNumber++;
  const started = performance.now();
  await page.goto(`${origin}/page?load=${loadNumber}`, { waitUntil: 'load' });
  return performance.now() - started;
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function percentile(values: number[], share: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

// Warm both: the first loads open connections and compile the page.
for (let warm = 0; warm < 3; warm++) {
  await timeLoad(proxied);
  await timeLoad(unproxied);
}
const withProxy: number[] = [];
const withoutProxy: number[] = [];
for (let round = 0; round < loads; round++) {
  // Alternate which goes first, so that neither always runs right after the other.
  if (round % 2 === 0) {
    withProxy.push(await timeLoad(proxied));
    withoutProxy.push(await timeLoad(unproxied));
  } else {
    withoutProxy.push(await timeLoad(unproxied));
    withProxy.push(await timeLoad(proxied));
  }
}

await pool.close();
await direct.close();
server.close();

const round1 = (value: number) => Math.round(value * 10) / 10;
const figures = {
  loads,
  resourcesPerPage: resources + 1,
  withProxy: { medianMs: round1(median(withProxy)), p90Ms: round1(percentile(withProxy, 0.9)) },
  withoutProxy: { medianMs: round1(median(withoutProxy)), p90Ms: round1(percentile(withoutProxy, 0.9)) },
  proxyCostPerLoadMs: round1(median(withProxy) - median(withoutProxy)),
};
console.log(`| Chromium | page loads | requests per load | median ms | p90 ms |
| -------- | ---------- | ----------------- | --------- | ------ |
| through the policing proxy | ${loads} | ${resources + 1} | ${figures.withProxy.medianMs} | ${figures.withProxy.p90Ms} |
| without a proxy | ${loads} | ${resources + 1} | ${figures.withoutProxy.medianMs} | ${figures.withoutProxy.p90Ms} |

Proxy cost per page load (difference of medians): ${figures.proxyCostPerLoadMs} ms`);
console.log(JSON.stringify(figures));
