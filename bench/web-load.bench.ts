// Web app figures (issue 12): the JavaScript and CSS a first load fetches (the assets index.html
// references, raw, gzip -9 and brotli 11; budget 250 KB gzipped), and the time to a usable chat
// on a cold load: a real Orca (PGlite, in this process, serving the built web app) and Debian's
// Chromium, each load in a fresh browser profile (empty cache) signed in through a session
// cookie from the API, opening /w/<slug> until the chat's message box is enabled. The time is the
// page's own clock from navigation start (performance.now()). Prints a Markdown table and JSON.
// Needs `npm run build:web` first (`npm run bench:web` does it).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { loadConfig } from '../src/config.ts';
import { createPlatform, listen } from '../src/platform.ts';
import { openDatabase } from '../src/store/database.ts';
import { launchTestChromium } from '../test/support/test-chromium.ts';

const loads = Number(process.env.ORCA_BENCH_WEB_LOADS ?? 10);
const budgetKilobytes = 250;
const webRoot = join(import.meta.dirname, '../dist/web');
const chatBox = 'section[aria-label="Orchestrator chat"] textarea';
const quiet = { info: () => undefined, error: () => undefined };

// --- First-load bytes -------------------------------------------------------------------------
const indexHtml = await readFile(join(webRoot, 'index.html'), 'utf8').catch(() => {
  throw new Error('dist/web/index.html is missing: run `npm run build:web` first.');
});
// Scripts, module preloads and style sheets: what the browser fetches before the app can run.
const referenced = [
  ...new Set(
    [...indexHtml.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
      (match) => match[1] as string,
    ),
  ),
];
const kilobytes = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const assets = await Promise.all(
  referenced.map(async (path) => {
    const content = await readFile(join(webRoot, path));
    return {
      path,
      raw: content.byteLength,
      gzip: gzipSync(content, { level: 9 }).byteLength,
      brotli: brotliCompressSync(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
      }).byteLength,
    };
  }),
);
const total = (key: 'raw' | 'gzip' | 'brotli') => assets.reduce((sum, asset) => sum + asset[key], 0);
const javascript = assets.filter((asset) => asset.path.endsWith('.js'));
const css = assets.filter((asset) => asset.path.endsWith('.css'));
const sum = (list: typeof assets, key: 'raw' | 'gzip' | 'brotli') =>
  list.reduce((acc, asset) => acc + asset[key], 0);

// --- Time to a usable chat ----------------------------------------------------------------------
const database = await openDatabase({ kind: 'pglite-memory' });
const platform = await createPlatform(loadConfig({ port: '0' }, {}), { database, logger: quiet });
const server = await listen(platform);

async function call(method: string, path: string, token: string | undefined, body?: unknown) {
  const response = await platform.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads response bodies loosely.
  return (await response.json()) as any;
}

const signup = await call('POST', '/api/auth/signup', undefined, {
  email: `bench-${Date.now()}@example.com`,
  password: 'benchmark passphrase',
  name: 'Bench',
});
const token = signup.token as string;
const workspace = await call('POST', '/api/workspaces', token, { name: 'Bench' });

const browser = await launchTestChromium();

const times: number[] = [];
const transferred: number[] = [];
const domReadyTimes: number[] = [];
try {
  // One warm-up load: the server reads and compresses its files once, whoever asks first.
  for (let round = 0; round <= loads; round++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name: 'orca_session', value: token, url: server.url }]);
    const page = await context.newPage();
    let bytesOverWire = 0;
    page.on('response', (response) => {
      const length = Number(response.headers()['content-length'] ?? 0);
      if (/\.(js|css)$/.test(new URL(response.url()).pathname)) bytesOverWire += length;
    });
    await page.goto(`${server.url}/w/${workspace.slug}`);
    const usableAt = await page.waitForFunction(
      (selector) => {
        const box = document.querySelector<HTMLTextAreaElement>(selector);
        return box && !box.disabled ? performance.now() : false;
      },
      chatBox,
      { polling: 'raf', timeout: 30_000 },
    );
    const milliseconds = (await usableAt.jsonValue()) as number;
    // Where the time goes: the HTML and scripts parsed, then the app's first requests.
    const domReady = await page.evaluate(
      () =>
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .domContentLoadedEventEnd,
    );
    if (round > 0) {
      times.push(milliseconds);
      domReadyTimes.push(domReady);
      transferred.push(bytesOverWire);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await platform.close();
}

function medianOf(values: number[]) {
  const ordered = [...values].sort((first, second) => first - second);
  const middle = ordered.length / 2;
  return ordered.length % 2 === 1
    ? (ordered[Math.floor(middle)] as number)
    : ((ordered[middle - 1] as number) + (ordered[middle] as number)) / 2;
}
const sorted = [...times].sort((first, second) => first - second);
const percentile = (fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
const median = medianOf(times);

console.log('\n## Web app: first load and time to a usable chat\n');
console.log('| Asset | Raw KB | gzip -9 KB | brotli KB |');
console.log('|---|---:|---:|---:|');
for (const asset of assets)
  console.log(
    `| ${asset.path} | ${kilobytes(asset.raw)} | ${kilobytes(asset.gzip)} | ${kilobytes(asset.brotli)} |`,
  );
console.log(
  `| JavaScript | ${kilobytes(sum(javascript, 'raw'))} | ${kilobytes(sum(javascript, 'gzip'))} | ${kilobytes(sum(javascript, 'brotli'))} |`,
);
console.log(
  `| CSS | ${kilobytes(sum(css, 'raw'))} | ${kilobytes(sum(css, 'gzip'))} | ${kilobytes(sum(css, 'brotli'))} |`,
);
console.log(
  `| **Total** | ${kilobytes(total('raw'))} | **${kilobytes(total('gzip'))}** (budget ${budgetKilobytes}) | ${kilobytes(total('brotli'))} |`,
);
console.log(
  `\nTime to a usable chat, cold load (${times.length} loads, fresh profile each, 127.0.0.1): median ${Math.round(median)} ms, min ${Math.round(sorted[0] ?? Number.NaN)} ms, p90 ${Math.round(percentile(0.9))} ms, max ${Math.round(sorted.at(-1) ?? Number.NaN)} ms (DOMContentLoaded median ${Math.round(medianOf(domReadyTimes))} ms); JS+CSS over the wire ${kilobytes(Math.max(...transferred))} KB (brotli as served)`,
);
const figures = {
  assets,
  totalKilobytes: {
    raw: kilobytes(total('raw')),
    gzip: kilobytes(total('gzip')),
    brotli: kilobytes(total('brotli')),
  },
  budgetKilobytes,
  withinBudget: kilobytes(total('gzip')) <= budgetKilobytes,
  chatUsableMilliseconds: { median: Math.round(median), all: times.map(Math.round) },
  domContentLoadedMilliseconds: { median: Math.round(medianOf(domReadyTimes)) },
  servedKilobytes: kilobytes(Math.max(...transferred)),
};
console.log(`\n${JSON.stringify(figures, null, 2)}`);
if (!figures.withinBudget) process.exitCode = 1;
