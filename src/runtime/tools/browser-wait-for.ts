// browser.waitFor: wait until the page shows an element, a text, or reaches an address.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { browserTimeout, onPage, pageFacts, selectorField } from './browser-common.ts';

const input = z
  .strictObject({
    selector: selectorField.optional(),
    text: z.string().min(1).max(1000).optional().describe('Text the page must show.'),
    url: z.string().min(1).max(2000).optional().describe('An address, or a glob such as **/dashboard*.'),
    state: z.enum(['visible', 'hidden', 'attached', 'detached']).default('visible'),
    timeoutMs: browserTimeout,
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
      { action: `Waiting for ${what ?? request.url}`, timeoutMs: request.timeoutMs, selector: what },
      async (session) => {
        if (what) await session.page.locator(what).first().waitFor({ state: request.state });
        else await session.page.waitForURL(request.url as string);
        return pageFacts(session);
      },
    );
  },
});
