// browser.waitFor: wait until the page shows an element, a text, or reaches an address.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { browserTimeout, onPage, pageFacts, selectorField } from './browser-common.ts';
import { healField } from './healed-selector.ts';

const input = z
  .strictObject({
    selector: selectorField.optional(),
    text: z.string().min(1).max(1000).optional().describe('Text the page must show.'),
    url: z.string().min(1).max(2000).optional().describe('An address, or a glob such as **/dashboard*.'),
    state: z.enum(['visible', 'hidden', 'attached', 'detached']).default('visible'),
    timeoutMs: browserTimeout,
    heal: healField,
  })
  .refine(
    (value) => [value.selector, value.text, value.url].filter(Boolean).length === 1,
    'give one of selector, text or url',
  );

export const browserWaitForTool = defineTool({
  name: 'browser.waitFor',
  description:
    'Wait until the page shows an element (selector), a text, or reaches an address (url, globs allowed).',
  input,
  output: z.object({ url: z.string(), title: z.string() }),
  sideEffect: false,
  run: (request, context) => {
    const what = request.selector ?? (request.text ? `text=${request.text}` : undefined);
    return onPage(
      context,
      {
        action: `Waiting for ${what ?? request.url}`,
        timeoutMs: request.timeoutMs,
        selector: what,
        // Only a selector for something that should show is healed: waiting for text, or for an
        // element to go away, is not a selector the page's redesign can break.
        heal:
          request.heal && request.selector && ['visible', 'attached'].includes(request.state)
            ? { tool: 'browser.waitFor', target: 'present' }
            : undefined,
      },
      async (session, selector = what) => {
        if (selector) await session.page.locator(selector).first().waitFor({ state: request.state });
        else await session.page.waitForURL(request.url as string);
        return pageFacts(session);
      },
    );
  },
});
