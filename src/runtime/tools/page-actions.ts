// What browser.act may do on a page, as the LLM proposes it: click, fill, select, check, uncheck
// or press, on an element named by its ARIA role and accessible name (a CSS selector only when
// those cannot tell it apart), and how each is carried out with Playwright.
import type { Locator, Page } from 'playwright-core';
import { z } from 'zod';

export const pageAction = z.object({
  action: z.enum(['click', 'fill', 'select', 'check', 'uncheck', 'press']),
  role: z
    .string()
    .describe(
      'The element’s ARIA role as the snapshot shows it: button, link, tab, textbox, combobox, checkbox, radio, menuitem, option…',
    ),
  name: z.string().describe('Its accessible name, as the snapshot shows it in quotes.'),
  selector: z.string().optional().describe('A CSS selector, only when role and name match several elements.'),
  value: z
    .string()
    .optional()
    .describe('fill: the text to type, word for word from the instruction; select: the option’s label.'),
  key: z.string().optional().describe('press: the key, such as Enter or Tab.'),
});
export type PageAction = z.infer<typeof pageAction>;

type Role = Parameters<Page['getByRole']>[0];

/** The action as a person would say it, for outputs and for the LLM's next turn. */
export function actionInWords(action: PageAction): string {
  const element = `${action.role} "${action.name}"`;
  switch (action.action) {
    case 'click':
      return `clicked ${element}`;
    case 'fill':
      return `filled ${element} with "${action.value ?? ''}"`;
    case 'select':
      return `chose "${action.value ?? ''}" in ${element}`;
    case 'check':
      return `checked ${element}`;
    case 'uncheck':
      return `unchecked ${element}`;
    case 'press':
      return action.name
        ? `pressed ${action.key ?? 'Enter'} in ${element}`
        : `pressed ${action.key ?? 'Enter'}`;
  }
}

function normalized(text: string) {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Why the action may not be done, if it may not. What is typed must come from the instruction:
 * the LLM never sees the run's data or connections, and must not make values up.
 */
export function refusal(action: PageAction, instruction: string): string | undefined {
  if (action.action === 'fill') {
    if (action.value === undefined) return 'fill needs the value to type';
    if (action.value !== '' && !normalized(instruction).includes(normalized(action.value)))
      return `"${action.value}" is not in the instruction; only text the instruction gives may be typed`;
  }
  if (action.action === 'select' && !action.value) return 'select needs the option’s label in value';
  if (action.action !== 'press' && !action.name && !action.selector)
    return 'the action names no element (role and name, or a selector)';
  return undefined;
}

/** The one element the action is about: by selector, by role and exact name, or by role and name. */
async function target(page: Page, action: PageAction): Promise<Locator> {
  if (action.selector) {
    const located = page.locator(action.selector);
    await located.first().waitFor({ state: 'attached' });
    return located.first();
  }
  const role = action.role as Role;
  const loose = page.getByRole(role, { name: action.name });
  // An element an earlier action of the same turn brings up may take a moment to appear.
  await loose.first().waitFor({ state: 'attached' });
  const exact = page.getByRole(role, { name: action.name, exact: true });
  if ((await exact.count()) > 0) return exact.first();
  const count = await loose.count();
  if (count > 1)
    throw new Error(
      `${count} elements have role ${action.role} and a name containing "${action.name}"; give the exact name or a selector`,
    );
  return loose;
}

/**
 * Watches the requests a page makes from now on, to wait until those in flight have ended.
 * Playwright's `networkidle` cannot do it after a click: a page that was quiet once counts as
 * quiet for good, so a fetch the click started would not be waited for.
 */
function watchRequests(page: Page) {
  let inFlight = 0;
  let lastChange = Date.now();
  const started = () => {
    inFlight += 1;
    lastChange = Date.now();
  };
  const ended = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    /** Until nothing is in flight and 300 ms have passed quietly (a fetch's answer drawn), or maxMs. */
    async settled(maxMs: number) {
      const deadline = Date.now() + maxMs;
      try {
        while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastChange < 300)) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        page.off('request', started);
        page.off('requestfinished', ended);
        page.off('requestfailed', ended);
      }
    },
  };
}

export async function performAction(page: Page, action: PageAction): Promise<void> {
  const requests = watchRequests(page);
  try {
    await act(page, action);
  } catch (error) {
    await requests.settled(0);
    throw error;
  }
  await page.waitForLoadState('load');
  // Pages that fetch what a click shows (tabs, filters) are given a moment to show it before the
  // next snapshot; a page that never goes quiet (polling, streams) is not waited for longer.
  await requests.settled(2000);
}

async function act(page: Page, action: PageAction): Promise<void> {
  if (action.action === 'press' && !action.name && !action.selector) {
    await page.keyboard.press(action.key ?? 'Enter');
  } else {
    const element = await target(page, action);
    switch (action.action) {
      case 'click':
        await element.click();
        break;
      case 'fill':
        await element.fill(action.value ?? '');
        break;
      case 'select': {
        const wanted = normalized(action.value ?? '');
        const options = await element.locator('option').evaluateAll((found) =>
          found.map((option) => ({
            label: (option as HTMLOptionElement).label,
            value: (option as HTMLOptionElement).value,
          })),
        );
        // The label the snapshot shows; its value attribute when the page labels options otherwise.
        const option =
          options.find((candidate) => normalized(candidate.label) === wanted) ??
          options.find((candidate) => normalized(candidate.value) === wanted);
        if (!option)
          throw new Error(
            `"${action.value}" is not an option of ${action.role} "${action.name}"; its options are ${options.map((candidate) => `"${candidate.label}"`).join(', ')}`,
          );
        await element.selectOption({ value: option.value });
        break;
      }
      case 'check':
        await element.check();
        break;
      case 'uncheck':
        await element.uncheck();
        break;
      case 'press':
        await element.press(action.key ?? 'Enter');
        break;
    }
  }
}
