// browser.paginate: the records of every page of a listing, read in the run's browser page to the
// listing's end however it pages (next links, page numbers, "Load more", infinite scroll).
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { browserTimeout, onPage, selectorField } from './browser-common.ts';
import { selectorRecords } from './html-extract.ts';
import { walkListing } from './pagination/listing-walk.ts';

const input = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/, error: 'url must be an http:// or https:// address' })
      .optional()
      .describe('Open the listing here first; the current page otherwise.'),
    records: selectorRecords.describe(
      'As html.extract: { selector, fields } for one record per match, on every page.',
    ),
    next: selectorField
      .optional()
      .describe(
        'What to click or follow to the next page (or to load more); found on its own when left out.',
      ),
    mode: z
      .enum(['auto', 'next', 'numbered', 'loadMore', 'scroll'])
      .default('auto')
      .describe(
        'How the listing pages: auto finds out; next follows next links or buttons; numbered follows page numbers; loadMore clicks a button that adds rows; scroll scrolls until no rows come.',
      ),
    maxPages: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(50)
      .describe('The most pages (or loads) to read; more pages than this fails the step, see onLimit.'),
    onLimit: z
      .enum(['fail', 'warn'])
      .default('fail')
      .describe('At maxPages with pages left: fail the step, or keep what was read with a warning.'),
    timeoutMs: browserTimeout.describe('How long each page may take, in milliseconds.'),
  })
  .refine((value) => !(value.mode === 'scroll' && value.next), {
    message: 'next is a link or button to follow; mode "scroll" follows none. Leave out one of them.',
    path: ['next'],
  });

const output = z.object({
  records: z.array(z.record(z.string(), z.unknown())).describe('The records of every page, in order.'),
  count: z.number().int(),
  pages: z.number().int().describe('How many pages (or loads of more rows) were read.'),
  urls: z.array(z.string()).describe('The address of each page read, in order.'),
  complete: z.boolean().describe('False only when onLimit "warn" stopped the walk with pages left.'),
  warning: z.string().optional(),
});

export const browserPaginateTool = defineTool({
  name: 'browser.paginate',
  description:
    'Read records (as html.extract: { selector, fields }) from every page of a listing in the browser, to its end: follows rel=next and "Next"/"›" links or buttons, page numbers, "Load more" buttons and infinite scroll; ends at a missing or disabled next, or a page already read. Fails at maxPages with pages left (onLimit "warn" keeps what was read).',
  input,
  output,
  sideEffect: false,
  run: (request, context) =>
    onPage(
      context,
      { action: `Reading the listing at ${request.url ?? 'the page'}`, timeoutMs: request.timeoutMs },
      (session) => walkListing(session, request, context),
    ),
});
