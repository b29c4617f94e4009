// browser.login: sign in to a site's form with a connected login account, a one-time code too
// when the account has a TOTP secret. The secrets go into the form's own fields and nowhere else
// (login-fields.ts checks each field), not into the output, the logs, or the step's recorded input.
import { z } from 'zod';
import { hostAllowed } from '../../vault/connection-rules.ts';
import { SecretRedactor } from '../secret-redactor.ts';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import { browserTimeout, onPage, pageFacts, selectorField } from './browser-common.ts';
import { secretField } from './login-fields.ts';
import { awaitSignInAnswer, visibleTexts } from './sign-in-answer.ts';

const defaults = {
  username:
    'input[type=email], input[autocomplete=username], input[name*=user i], input[name*=email i], input[name*=login i]',
  password: 'input[type=password]',
  code: 'input[autocomplete=one-time-code], input[name*=otp i], input[name*=code i], input[name*=totp i]',
  submit: 'button[type=submit], input[type=submit]',
};

/** How long a form still shown may take to answer (a script-driven sign-in answers in place). */
const answerWaitMilliseconds = 3_000;
/** With a successSelector, how long the signed-in page may take to show it. */
const successWaitMilliseconds = 10_000;

const input = z.strictObject({
  connection: z.string().min(1).max(200).describe('A login connection: its service, service/label, or id.'),
  url: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('The sign-in page; the connection’s loginUrl, or the current page.'),
  usernameSelector: selectorField.default(defaults.username),
  passwordSelector: selectorField.default(defaults.password),
  codeSelector: selectorField
    .default(defaults.code)
    .describe('Where a one-time code goes, if the site asks for one.'),
  submitSelector: selectorField.default(defaults.submit),
  successSelector: selectorField
    .optional()
    .describe('Something only a signed-in page shows; by default, that the password field is gone.'),
  timeoutMs: browserTimeout.default(30_000),
});

export const browserLoginTool = defineTool({
  name: 'browser.login',
  description:
    'Sign in to a site with a connected login account (user name, password, and a one-time code when the account has a TOTP secret). The secrets never appear in outputs or logs. Fails at this step, with a screenshot and the site’s message, when the sign-in is refused.',
  input,
  output: z.object({ url: z.string(), title: z.string(), signedIn: z.literal(true), service: z.string() }),
  sideEffect: true,
  async run(request, context) {
    const account = await context.services.connections.login(request.connection, { stepId: context.stepId });
    // What the step answers with is its own to clean too (a connection check stores it unredacted).
    const secrets = new SecretRedactor();
    secrets.add(account.password);
    // The account shows what its last sign-in met; a failure to note it does not change the step.
    const recordSignIn = (outcome: { status: 'working' | 'failing'; message: string }) =>
      context.services.connections
        .recordSignIn?.(request.connection, outcome, { stepId: context.stepId })
        .catch((error: unknown) =>
          context.logger.warn(`The account's sign-in outcome was not recorded: ${(error as Error).message}`),
        );
    const fieldRules = {
      service: account.service,
      allowedHosts: account.allowedHosts,
      network: context.network,
    };
    return onPage(
      context,
      { action: `Signing in to ${account.service}`, timeoutMs: request.timeoutMs },
      async (session) => {
        const { page } = session;
        if (request.url) await page.goto(request.url, { waitUntil: 'load' });
        const here = new URL(page.url());
        if (!/^https?:$/.test(here.protocol) || !hostAllowed(here, account.allowedHosts)) {
          throw new ToolError(
            'refused_address',
            `The "${account.service}" account may only sign in on ${account.allowedHosts.join(', ')}, and the page is at ${here.host || page.url()}. Open the sign-in page first (give url).`,
          );
        }
        const password = page.locator(request.passwordSelector).first();
        try {
          await password.waitFor({ state: 'visible' });
        } catch {
          throw new ToolError(
            'selector_not_found',
            `No sign-in form on ${page.url()}: nothing matched "${request.passwordSelector}".`,
          );
        }
        const passwordField = await secretField(password, 'password', {
          ...fieldRules,
          selector: request.passwordSelector,
        });
        await page.locator(request.usernameSelector).first().fill(account.username);
        await passwordField.fill(account.password);
        let before = await visibleTexts(page);
        await page.locator(request.submitSelector).first().click();
        await page.waitForLoadState('load');

        // Some sites ask for the one-time code on the next page.
        const code = page.locator(request.codeSelector).first();
        if (account.oneTimeCode && (await code.isVisible().catch(() => false))) {
          const codeField = await secretField(code, 'one-time code', {
            ...fieldRules,
            selector: request.codeSelector,
          });
          const oneTimeCode = account.oneTimeCode();
          secrets.add(oneTimeCode);
          await codeField.fill(oneTimeCode);
          before = await visibleTexts(page);
          await page.locator(request.submitSelector).first().click();
          await page.waitForLoadState('load');
        }

        const shown = (selector: string) =>
          page
            .locator(selector)
            .first()
            .isVisible()
            .catch(() => false);
        const answer = await awaitSignInAnswer(page, {
          before,
          redact: (text) => secrets.redactText(text),
          signedIn: request.successSelector
            ? () => shown(request.successSelector as string)
            : async () => !(await shown(request.passwordSelector)) && !(await shown(request.codeSelector)),
          waitMilliseconds: Math.min(
            request.timeoutMs,
            request.successSelector ? successWaitMilliseconds : answerWaitMilliseconds,
          ),
        });
        if (!answer.signedIn) {
          const refused = new ToolError(
            'login_failed',
            secrets.redactText(
              `Signing in to ${account.service} as ${account.username} was refused${answer.message ? `: "${answer.message}"` : ' (the sign-in form is still shown)'}. Check the account's password${account.oneTimeCode ? ' and TOTP secret' : ''} (test it, or connect it again).`,
            ),
          );
          await recordSignIn({ status: 'failing', message: refused.message });
          throw refused;
        }
        await recordSignIn({ status: 'working', message: secrets.redactText(`Signed in at ${page.url()}.`) });
        return secrets.redact({
          ...(await pageFacts(session)),
          signedIn: true as const,
          service: account.service,
        });
      },
    );
  },
});
