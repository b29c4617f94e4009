// browser.press: press a key, on an element or the page.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { browserTimeout, onPage, pageFacts, selectorField } from './browser-common.ts';

const input = z.strictObject({
  key: z.string().min(1).max(50).describe('Such as Enter, Tab, ArrowDown, Control+A.'),
  selector: selectorField.optional().describe('The element to press it on; the page when left out.'),
  timeoutMs: browserTimeout,
});

export const browserPressTool = defineTool({
  name: 'browser.press',
  description: 'Press a key (Enter, Tab, Escape, …) on an element or the page.',
  input,
  output: z.object({ url: z.string(), title: z.string() }),
  sideEffect: true,
  run: (request, context) =>
    onPage(
      context,
      { action: `Pressing ${request.key}`, timeoutMs: request.timeoutMs, selector: request.selector },
      async (session) => {
        if (request.selector) await session.page.locator(request.selector).first().press(request.key);
        else await session.page.keyboard.press(request.key);
        await session.page.waitForLoadState('load');
        return pageFacts(session);
      },
    ),
});
