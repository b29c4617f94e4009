// browser.click: click an element, and wait for the page that follows.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { browserTimeout, onPage, pageFacts, selectorField } from './browser-common.ts';
import { healField } from './healed-selector.ts';

const input = z.strictObject({ selector: selectorField, timeoutMs: browserTimeout, heal: healField });

export const browserClickTool = defineTool({
  name: 'browser.click',
  description: 'Click a button, link or any element of the page; waits for the page to settle afterwards.',
  input,
  output: z.object({ url: z.string(), title: z.string() }),
  // A click may submit a form.
  sideEffect: true,
  run: (request, context) =>
    onPage(
      context,
      {
        action: `Clicking ${request.selector}`,
        timeoutMs: request.timeoutMs,
        selector: request.selector,
        heal: request.heal ? { tool: 'browser.click', target: 'clickable' } : undefined,
      },
      async (session, selector = request.selector) => {
        await session.page.locator(selector).first().click();
        await session.page.waitForLoadState('load');
        return pageFacts(session);
      },
    ),
});
