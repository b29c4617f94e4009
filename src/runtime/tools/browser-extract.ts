// browser.extract: records and fields from the live page (as html.extract reads HTML), after
// opening an address if one is given.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { browserTimeout, onPage } from './browser-common.ts';
import { htmlExtractTool } from './html-extract.ts';

const extractInput = htmlExtractTool.input as z.ZodType<Record<string, unknown>>;

const input = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('Open this address first; the current page otherwise.'),
  records: z.unknown().optional().describe('As html.extract: { selector, fields } for one record per match.'),
  fields: z.unknown().optional().describe('As html.extract: fields of the page as a whole.'),
  required: z.boolean().default(false).describe('Fail when the records selector matches nothing.'),
  timeoutMs: browserTimeout,
});

export const browserExtractTool = defineTool({
  name: 'browser.extract',
  description:
    'Extract records and fields by CSS selectors from the live page (after it ran its scripts), like html.extract; links come out absolute. Give url to open a page first.',
  input,
  output: htmlExtractTool.output,
  sideEffect: false,
  run: (request, context) =>
    onPage(
      context,
      { action: `Extracting from ${request.url ?? 'the page'}`, timeoutMs: request.timeoutMs },
      async (session) => {
        if (request.url) await session.page.goto(request.url, { waitUntil: 'load' });
        const parsed = extractInput.parse({
          html: await session.page.content(),
          baseUrl: session.page.url(),
          records: request.records,
          fields: request.fields,
          required: request.required,
        });
        return htmlExtractTool.run(parsed as never, context);
      },
    ),
});
