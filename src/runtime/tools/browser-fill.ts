// browser.fill: type a value into a field of the page.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { browserTimeout, onPage, selectorField } from './browser-common.ts';
import { healField } from './healed-selector.ts';

const input = z.strictObject({
  selector: selectorField,
  value: z.string().max(100_000),
  timeoutMs: browserTimeout,
  heal: healField,
});

export const browserFillTool = defineTool({
  name: 'browser.fill',
  description:
    'Fill a form field of the page with a value (for passwords, use browser.login with a connected account).',
  input,
  output: z.object({ selector: z.string() }),
  sideEffect: false,
  run: (request, context) =>
    onPage(
      context,
      {
        action: `Filling ${request.selector}`,
        timeoutMs: request.timeoutMs,
        selector: request.selector,
        heal: request.heal ? { tool: 'browser.fill', target: 'editable' } : undefined,
      },
      async (session, selector = request.selector) => {
        await session.page.locator(selector).first().fill(request.value);
        return { selector };
      },
    ),
});
