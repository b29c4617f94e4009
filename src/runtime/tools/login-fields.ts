// Where browser.login may type a secret. The selectors are the spec's to choose, so a selector
// alone proves nothing: pointed at a search box in a GET form, it would put the password in the
// address the step returns. The element the selector resolved to is checked instead: a password
// goes only into an <input type=password>, a one-time code only into a text-like input, and
// either only on a page (and into a form that posts to a host) of the account's allowed hosts,
// over https unless the operator allowed the address.
import type { ElementHandle, Locator } from 'playwright-core';
import type { OutboundPolicy } from '../../network/outbound-policy.ts';
import { hostAllowed } from '../../vault/connection-rules.ts';
import { assertCredentialTransport } from '../credential-transport.ts';
import { ToolError } from '../tool-error.ts';

export type SecretFieldKind = 'password' | 'one-time code';

const fieldTypes: Record<SecretFieldKind, readonly string[]> = {
  password: ['password'],
  'one-time code': ['text', 'number', 'tel', 'password'],
};

interface FieldFacts {
  tag: string;
  type: string;
  /** The address of the document the field is in. */
  page: string;
  /** Where the field's form is sent, when it is in one. */
  formAction: string | undefined;
}

/**
 * The element `field` resolves to, once it has been checked as a place for the secret. Filling
 * this handle (not the selector again) means the element checked is the element filled.
 */
export async function secretField(
  field: Locator,
  kind: SecretFieldKind,
  rules: { service: string; allowedHosts: readonly string[]; network: OutboundPolicy; selector: string },
): Promise<ElementHandle> {
  const handle = await field.elementHandle();
  if (!handle) {
    throw new ToolError('selector_not_found', `Nothing matched "${rules.selector}" for the ${kind}.`);
  }
  const facts: FieldFacts = await handle.evaluate((element) => ({
    tag: element.tagName.toLowerCase(),
    type: element instanceof HTMLInputElement ? element.type : '',
    page: element.ownerDocument.location.href,
    formAction: element instanceof HTMLInputElement && element.form ? element.form.action : undefined,
  }));
  const allowed = fieldTypes[kind];
  if (facts.tag !== 'input' || !allowed.includes(facts.type)) {
    const found = facts.tag === 'input' ? `an <input type=${facts.type}>` : `a <${facts.tag}>`;
    throw new ToolError(
      'invalid_input',
      `"${rules.selector}" matched ${found}; the ${kind} of "${rules.service}" is typed only into ${allowed.map((type) => `input[type=${type}]`).join(', ')}. Point the selector at the sign-in form's ${kind} field, or leave it out.`,
    );
  }
  for (const [what, address] of [
    ['page', facts.page],
    ['form', facts.formAction],
  ] as const) {
    if (address === undefined) continue;
    const url = new URL(address);
    if (!hostAllowed(url, rules.allowedHosts)) {
      throw new ToolError(
        'refused_address',
        `The "${rules.service}" account may only sign in on ${rules.allowedHosts.join(', ')}, and the sign-in ${what} is at ${url.host || url.protocol}. Open the account's own sign-in page first (give url).`,
      );
    }
    await assertCredentialTransport(url, rules.network, `The ${kind} of "${rules.service}"`);
  }
  return handle;
}
