// Debian's Chromium as the browser suites and the benchmarks launch it: one place for the path
// and the flags (headless, no sandbox as root in CI, no background traffic to measure or wait on).
// Free of vitest, so that benchmarks run by tsx can import it too.
import { type Browser, chromium } from 'playwright-core';

export const chromiumPath = process.env.ORCA_CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchTestChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}
