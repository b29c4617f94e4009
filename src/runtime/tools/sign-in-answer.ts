// How browser.login learns the site's answer to a submitted sign-in: signed in, or refused with
// the message the site showed (or none). A full page load shows the answer at once; a
// script-driven form answers a moment later without navigating, so the answer is awaited a
// little while, until one of the two is there and the message has stopped changing.
import type { Page } from 'playwright-core';
import { signInMessageScript, visibleTextsScript } from './sign-in-message-script.ts';

export type SignInAnswer = { signedIn: true } | { signedIn: false; message?: string };

/** A message longer than this is cut: it is quoted in an error, not kept as a page. */
const longestMessage = 200;
/** How long apart two readings must agree for a message to count as settled. */
const settleMilliseconds = 250;

/** The page's visible texts before a submit; what is new after it may be the site's answer. */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(visibleTextsScript).catch(() => []);
}

async function messageOnPage(page: Page, before: string[]): Promise<string | undefined> {
  // The page may be between two documents; the next reading sees the new one.
  const found = await page
    .evaluate<string | null>(`(${signInMessageScript})(${JSON.stringify(before)})`)
    .catch(() => null);
  if (!found) return undefined;
  return found.length > longestMessage ? `${found.slice(0, longestMessage - 1)}…` : found;
}

/**
 * Waits up to `waitMilliseconds` for the sign-in to show as done (`signedIn`, read at once each
 * time) or refused with a settled message; past that, a form still shown without a message is a
 * refusal with none.
 */
export async function awaitSignInAnswer(
  page: Page,
  options: { before: string[]; signedIn: () => Promise<boolean>; waitMilliseconds: number },
): Promise<SignInAnswer> {
  const deadline = Date.now() + options.waitMilliseconds;
  let previous: string | undefined;
  for (;;) {
    await page.waitForLoadState('load').catch(() => undefined);
    if (await options.signedIn()) return { signedIn: true };
    const message = await messageOnPage(page, options.before);
    if (message !== undefined && message === previous) return { signedIn: false, message };
    if (Date.now() >= deadline) return { signedIn: false, message };
    previous = message;
    await page.waitForTimeout(settleMilliseconds);
  }
}
