// browser.select: choose options of a <select>.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { browserTimeout, onPage, selectorField } from './browser-common.ts';
import { healField } from './healed-selector.ts';

const input = z
  .strictObject({
    selector: selectorField,
    value: z.string().optional().describe('The option’s value attribute.'),
    label: z.string().optional().describe('Or its visible text.'),
    timeoutMs: browserTimeout,
    heal: healField,
  })
  .refine(
    (value) => value.value !== undefined || value.label !== undefined,
    'give the value or the label of the option',
  );

export const browserSelectTool = defineTool({
  name: 'browser.select',
  description: 'Choose an option of a drop-down list by its value or its visible text.',
  input,
  output: z.object({ selected: z.array(z.string()) }),
  sideEffect: false,
  run: (request, context) =>
    onPage(
      context,
      {
        action: `Choosing in ${request.selector}`,
        timeoutMs: request.timeoutMs,
        selector: request.selector,
        heal: request.heal
          ? { tool: 'browser.select', target: 'select', option: request.value ?? request.label }
          : undefined,
      },
      async (session, selector = request.selector) => {
        const option =
          request.value !== undefined ? { value: request.value } : { label: request.label as string };
        return { selected: await session.page.locator(selector).first().selectOption(option) };
      },
    ),
});
