// Reading a refused sign-in's answer off the page, shape by shape, in real Chromium: the sign-in
// page as it was before the submit, then as it is after, and what browser.login would quote.
// The whole runs, and what they do to the account, are in sign-in-failures.test.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretRedactor } from '../../src/runtime/secret-redactor.ts';
import { awaitSignInAnswer, visibleTexts } from '../../src/runtime/tools/sign-in-answer.ts';
import { launchTestChromium } from '../support/test-chromium.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchTestChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const form = `<form><label>E-mail <input type="email"></label><label>Password <input type="password"></label>
  <button type="submit">Sign in</button></form>`;

/** What the step would quote after the page went from `before` to `after` (the form still shown). */
async function answerFor(before: string, after: string) {
  await page.setContent(before);
  const seen = await visibleTexts(page);
  await page.setContent(after);
  const answer = await awaitSignInAnswer(page, {
    before: seen,
    signedIn: async () => false,
    waitMilliseconds: 600,
  });
  expect(answer.signedIn).toBe(false);
  return answer.signedIn ? undefined : answer.message;
}

describe('the answer of a refused sign-in', () => {
  it('is redacted before it is cut, so that no part of an echoed password is left', async () => {
    const password = 'correct-horse-battery-staple';
    const secrets = new SecretRedactor();
    secrets.add(password);
    await page.setContent(form);
    const seen = await visibleTexts(page);
    // The echoed password straddles the 200th character, where a long message is cut.
    await page.setContent(
      `<p class="error">Invalid credentials. ${'x'.repeat(160)} You typed ${password} as the password.</p>${form}`,
    );
    const answer = await awaitSignInAnswer(page, {
      before: seen,
      signedIn: async () => false,
      waitMilliseconds: 600,
      redact: (text) => secrets.redactText(text),
    });
    const message = answer.signedIn ? '' : (answer.message ?? '');
    expect(message).toContain('Invalid credentials.');
    expect(message).not.toContain('correct-horse');
    expect(message).not.toContain(password.slice(0, 6));
  });

  it('takes what is new, not a cookie banner, a notice shown before, or a hidden error box', async () => {
    const notice =
      '<div class="notice">Maintenance on Sunday.</div><div class="error" hidden>Session expired.</div>';
    expect(
      await answerFor(
        `${notice}${form}`,
        `<div class="cookie-notice">We use cookies to keep you signed in.</div>${notice}<p class="text-red-600">Invalid credentials.</p>${form}`,
      ),
    ).toBe('Invalid credentials.');
  });

  it('prefers the new text nearest the form when nothing looks like an error', async () => {
    const far = '<div style="margin-top: 2000px">Build 2026.12.06 — all systems normal</div>';
    expect(
      await answerFor(
        `${form}<footer style="margin-top: 2000px">Build 2026.12.05</footer>`,
        `<div>These details do not match our records.</div>${form}${far}`,
      ),
    ).toBe('These details do not match our records.');
  });

  it('keeps an alert whole, with its heading, without its close button', async () => {
    expect(
      await answerFor(
        form,
        `<div class="alert alert-danger"><button type="button" class="btn-close">×</button><h4 class="alert-heading">Sign-in failed</h4><p>Your e-mail or password is incorrect.</p></div>${form}`,
      ),
    ).toBe('Sign-in failed Your e-mail or password is incorrect.');
  });

  it('quotes the field error an invalid field points to, not its hint from before', async () => {
    const field = (invalid: boolean) =>
      `<form><input type="email"><input type="password" aria-describedby="hint${invalid ? ' problem' : ''}" ${invalid ? 'aria-invalid="true"' : ''}>
      <span id="hint">Eight characters or more.</span>${invalid ? '<span id="problem">That password is not right.</span>' : ''}<button>Go</button></form>`;
    expect(await answerFor(field(false), field(true))).toBe('That password is not right.');
  });

  it('does not take "Signing in…" for the answer, and says nothing when nothing new shows', async () => {
    expect(await answerFor(form, `<div aria-live="polite">Signing in…</div>${form}`)).toBeUndefined();
    expect(await answerFor(form, form)).toBeUndefined();
  });

  it('cuts a long message', async () => {
    const long = `Your sign-in was refused. ${'Please check the address and the password you typed. '.repeat(8)}`;
    const message = await answerFor(form, `<div class="error">${long}</div>${form}`);
    expect(message).toHaveLength(200);
    expect(message?.endsWith('…')).toBe(true);
    expect(message?.startsWith('Your sign-in was refused. Please check')).toBe(true);
  });
});
