// The live page as an LLM is shown it to act on: Playwright's accessibility snapshot (roles,
// accessible names and states, as a screen reader reads the page), capped in size. Whatever a
// password field holds is masked first: a filled sign-in form must not send its secret along.
import type { Page } from 'playwright-core';

/** Enough of a page's controls and text to act on, small enough for any model's context. */
const snapshotCharacters = 40_000;

export async function pageSnapshot(page: Page): Promise<string> {
  const hidden = await page
    .locator('input[type=password]')
    .evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value).filter(Boolean));
  let snapshot = await page.locator('body').ariaSnapshot();
  for (const value of hidden) snapshot = snapshot.split(value).join('••••');
  return snapshot.length > snapshotCharacters
    ? `${snapshot.slice(0, snapshotCharacters)}\n# the page goes on; cut at ${snapshotCharacters} characters`
    : snapshot;
}
