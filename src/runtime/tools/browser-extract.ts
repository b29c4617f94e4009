// browser.extract: records and fields from the live page (as html.extract reads HTML), after
// opening an address if one is given. Records may be described in words instead of selectors (the
// LLM finds the selectors, which come back in the output to pin the agent to), and a records
// selector the page no longer matches is healed when an LLM is configured (record-selectors.ts).
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import { browserTimeout, onPage } from './browser-common.ts';
import { healField, reportHealed } from './healed-selector.ts';
import { htmlExtractTool } from './html-extract.ts';
import { requireLlm } from './llm-answer.ts';
import { findRecordSelectors, type RecordSelectors } from './record-selectors.ts';

const extractInput = htmlExtractTool.input as z.ZodType<Record<string, unknown>>;

const input = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('Open this address first; the current page otherwise.'),
    records: z
      .unknown()
      .optional()
      .describe(
        'As html.extract: { selector, fields } for one record per match, or { find: "repeated", fields } to find them.',
      ),
    describe: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe(
        'Instead of records: the records in words ("each statement row: its date, amount and the PDF link"); the LLM finds the selectors, returned in `selectors`.',
      ),
    fields: z.unknown().optional().describe('As html.extract: fields of the page as a whole.'),
    required: z.boolean().default(false).describe('Fail when the records selector matches nothing.'),
    heal: healField,
    timeoutMs: browserTimeout,
  })
  .refine((request) => request.records === undefined || request.describe === undefined, {
    error: 'give records or describe, not both',
  });

const output = htmlExtractTool.output.extend({
  selectors: z
    .object({ selector: z.string(), fields: z.record(z.string(), z.unknown()) })
    .optional()
    .describe(
      'The records selectors the LLM found (describe, or a healed selector): give them as records to pin the step.',
    ),
});

/**
 * html.extract's "matches nothing" for a required records selector. Records found without a
 * selector ({ find: "repeated" }) have no selector to heal.
 */
function nothingMatched(error: unknown, records: unknown): boolean {
  const selector =
    typeof records === 'object' && records !== null
      ? (records as { selector?: unknown }).selector
      : undefined;
  return (
    error instanceof ToolError &&
    error.code === 'invalid_input' &&
    typeof selector === 'string' &&
    error.details?.selector === selector
  );
}

export const browserExtractTool = defineTool({
  name: 'browser.extract',
  description:
    'Extract records and fields by CSS selectors from the live page (after it ran its scripts), like html.extract; links come out absolute. Give url to open a page first. Or describe the records in words (needs an LLM): the selectors found come back in `selectors`.',
  input,
  output,
  sideEffect: false,
  run: (request, context) => {
    const llm = request.describe
      ? requireLlm(
          context,
          'browser.extract with describe',
          'give records: { selector, fields } as html.extract reads them',
        )
      : undefined;
    return onPage(
      context,
      { action: `Extracting from ${request.url ?? 'the page'}`, timeoutMs: request.timeoutMs },
      async (session) => {
        if (request.url) await session.page.goto(request.url, { waitUntil: 'load' });
        const page = { html: await session.page.content(), baseUrl: session.page.url() };
        if (llm && request.describe) {
          const found = await findRecordSelectors(context, llm, page, { describe: request.describe });
          const rest = request.fields
            ? await htmlExtractTool.run(
                extractInput.parse({ ...page, fields: request.fields }) as never,
                context,
              )
            : undefined;
          return { ...found.extracted, ...(rest && { fields: rest.fields }), selectors: found.records };
        }
        const parsed = extractInput.parse({
          ...page,
          records: request.records,
          fields: request.fields,
          required: request.required,
        });
        try {
          return await htmlExtractTool.run(parsed as never, context);
        } catch (error) {
          const healer = context.services.llm;
          if (!request.heal || !healer || !nothingMatched(error, parsed.records)) throw error;
          const previous = parsed.records as RecordSelectors;
          let found: Awaited<ReturnType<typeof findRecordSelectors>>;
          try {
            found = await findRecordSelectors(context, healer, page, {
              describe: `the records of step "${context.stepId}", as the old selectors below read them`,
              previous,
            });
          } catch (healing) {
            context.logger.warn(`The records selector could not be healed: ${(healing as Error).message}`);
            throw error;
          }
          reportHealed(
            context,
            { tool: 'browser.extract', field: 'records', from: previous, to: found.records },
            page.baseUrl,
          );
          const rest = await htmlExtractTool.run(
            extractInput.parse({ ...page, fields: request.fields }) as never,
            context,
          );
          return { ...found.extracted, fields: rest.fields, selectors: found.records };
        }
      },
    );
  },
});
