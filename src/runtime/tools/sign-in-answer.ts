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

async function messageOnPage(
  page: Page,
  before: string[],
  redact: (text: string) => string,
): Promise<string | undefined> {
  // The page may be between two documents; the next reading sees the new one.
  const found = await page
    .evaluate<string | null>(`(${signInMessageScript})(${JSON.stringify(before)})`)
    .catch(() => null);
  if (!found) return undefined;
  // Redacted before it is cut: a cut through an echoed secret would leave a part no redaction finds.
  const message = redact(found);
  return message.length > longestMessage ? `${message.slice(0, longestMessage - 1)}…` : message;
}

/**
 * Waits up to `waitMilliseconds` for the sign-in to show as done (`signedIn`, read at once each
 * time) or refused with a settled message; past that, a form still shown without a message is a
 * refusal with none.
 */
export async function awaitSignInAnswer(
  page: Page,
  options: {
    before: string[];
    signedIn: () => Promise<boolean>;
    waitMilliseconds: number;
    /** Takes the secrets typed out of the message (a site that echoes a field), before it is cut. */
    redact?: (text: string) => string;
  },
): Promise<SignInAnswer> {
  const deadline = Date.now() + options.waitMilliseconds;
  let previous: string | undefined;
  for (;;) {
    await page.waitForLoadState('load').catch(() => undefined);
    if (await options.signedIn()) return { signedIn: true };
    const message = await messageOnPage(page, options.before, options.redact ?? ((text) => text));
    if (message !== undefined && message === previous) return { signedIn: false, message };
    if (Date.now() >= deadline) return { signedIn: false, message };
    previous = message;
    await page.waitForTimeout(settleMilliseconds);
  }
}
