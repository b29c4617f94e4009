// html.extract: records and fields from HTML by CSS selectors (cheerio). A field is a selector
// (its text), or an object saying which attribute, whether to collect every match, and nested
// fields for structured records. Records may also be found without a selector, as the page's
// repeated elements (repeated-records.ts), for users who know what they want but not CSS.
import { type Cheerio, load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import { absoluteUrl } from './absolute-url.ts';
import { readableText } from './readable-text.ts';
import { FieldNames } from './repeated-records/field-names.ts';
import { readRecords } from './repeated-records/record-fields.ts';
import { findRepeatedRecords } from './repeated-records.ts';

export interface FieldSpec {
  selector?: string;
  attribute?: string;
  multiple?: boolean;
  fields?: Record<string, FieldSpec | string>;
  trim?: boolean;
}

const fieldSpec: z.ZodType<FieldSpec | string> = z.lazy(() =>
  z.union([
    z.string().min(1).describe('A CSS selector; the text of its first match.'),
    z.strictObject({
      selector: z
        .string()
        .min(1)
        .optional()
        .describe('Relative to the record; the record itself when left out.'),
      attribute: z
        .string()
        .min(1)
        .optional()
        .describe('Read this attribute (href, src, …) instead of the text.'),
      multiple: z.boolean().optional().describe('Collect every match as a list.'),
      fields: z.record(z.string(), fieldSpec).optional().describe('Nested fields, for each match.'),
      trim: z.boolean().optional(),
    }),
  ]),
);

/** Records by a selector: one per match, with fields read relative to it. */
export const selectorRecords = z
  .strictObject({
    selector: z.string().min(1).describe('A CSS selector that matches one element per record.'),
    fields: z.record(z.string(), fieldSpec).describe('Each field of a record, read relative to its element.'),
  })
  .describe('One record per match of the selector.');

const repeatedRecords = z
  .strictObject({
    find: z
      .literal('repeated')
      .describe(
        'Find the records the page repeats (job listings, product cards, people, table rows, articles) without a selector.',
      ),
    fields: z
      .array(z.string().trim().min(1).max(40))
      .max(20)
      .optional()
      .describe(
        'The fields wanted, in camelCase or plain words ("company", "jobTitle", "location"): each is read from the part of a record whose class, id, itemprop, data-* attribute or aria-label names it, or from the table column headed so; null when none does. "link", "url" and "href" give the record\'s link; "image" and "photo" its first image; "date" and "published" its time element. Names the page uses help find the records too.',
      ),
  })
  .describe(
    'Records found on their own: each has title, link (absolute) and text, plus one property per field. The output gives the `selector` that matched them, to pin the step to, and the fields found in no record (`missing`).',
  );

const input = z.strictObject({
  html: z.string().max(20 * 1024 * 1024),
  baseUrl: z.url().optional().describe('Makes href and src attributes absolute.'),
  records: z
    .union([selectorRecords, repeatedRecords])
    .optional()
    .describe('{ selector, fields } for one record per match, or { find: "repeated", fields } to find them.'),
  fields: z.record(z.string(), fieldSpec).optional().describe('Fields of the page as a whole.'),
  required: z.boolean().default(false).describe('Fail when no records are found.'),
});

const output = z.object({
  records: z.array(z.record(z.string(), z.unknown())).optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  count: z.number().int(),
  selector: z
    .string()
    .optional()
    .describe(
      'With find "repeated": a CSS selector that matches exactly the records found, to give as records.selector.',
    ),
  missing: z
    .array(z.string())
    .optional()
    .describe('With find "repeated": the fields asked for that no record has a value for.'),
});

const linkAttributes = new Set(['href', 'src', 'action']);

/**
 * An RSS, Atom or RDF feed is XML: read as HTML, its `<link>https://…</link>` would be an empty
 * void element and every item's link lost.
 */
const feedDocument =
  /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<\?xml-stylesheet[^>]*\?>\s*)*<(?:rss|feed|rdf:RDF)\b/i;

export const htmlExtractTool = defineTool({
  name: 'html.extract',
  description:
    'Extract data from HTML (or an RSS/Atom feed, read as XML) with CSS selectors: a list of records (one per match, with named fields) and/or single fields. A field is a selector for text, or { selector, attribute, multiple, fields }. Without a selector, records { find: "repeated", fields: ["company", "location"] } finds the list the page repeats (each record: title, link, text and the fields) and gives back the selector it used.',
  input,
  output,
  sideEffect: false,
  async run(request) {
    const isFeed = feedDocument.test(request.html);
    const $ = isFeed ? load(request.html, { xml: true }) : load(request.html);

    const readValue = (element: Cheerio<AnyNode>, spec: FieldSpec): unknown => {
      if (spec.fields) return extractFields(element, spec.fields);
      if (spec.attribute) {
        const value = element.attr(spec.attribute);
        if (value !== undefined && linkAttributes.has(spec.attribute))
          return absoluteUrl(value, request.baseUrl);
        return value ?? null;
      }
      // Untrimmed text is the markup's own; trimmed text is as a person reads it, elements apart.
      if (spec.trim === false) return element.text();
      return readableText(element.toArray()).replace(/\s+/g, ' ').trim();
    };

    const extractField = (scope: Cheerio<AnyNode>, raw: FieldSpec | string): unknown => {
      const spec: FieldSpec = typeof raw === 'string' ? { selector: raw } : raw;
      const matches = spec.selector ? scope.find(spec.selector) : scope;
      if (spec.multiple) return matches.toArray().map((element) => readValue($(element), spec));
      const first = matches.first();
      return first.length === 0 ? null : readValue(first, spec);
    };

    const extractFields = (scope: Cheerio<AnyNode>, fields: Record<string, FieldSpec | string>) =>
      Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, extractField(scope, spec)]));

    /** The records the page repeats, found without a selector. */
    const findRecords = (wanted: readonly string[]) => {
      // A feed names its items and their parts itself; finding them is for pages, which do not.
      if (isFeed) {
        throw new ToolError(
          'invalid_input',
          'This is an RSS or Atom feed, whose items need no finding: give records as { selector: "item, entry", fields: { title: "title", link: "link" } } instead of find "repeated".',
          { details: { find: 'repeated' } },
        );
      }
      const fields = new FieldNames(wanted);
      const found = findRepeatedRecords($, fields);
      if (!found && request.required) {
        throw new ToolError(
          'invalid_input',
          'No repeated records were found on this page: it shows no list of like items (cards, rows, articles). Give records as { selector, fields } with a CSS selector instead.',
          { details: { find: 'repeated' } },
        );
      }
      const read = readRecords($, found?.elements ?? [], fields, request.baseUrl);
      return {
        records: read.records,
        count: read.records.length,
        selector: found?.selector,
        missing: read.missing,
      };
    };

    try {
      const pageFields = () => (request.fields ? extractFields($.root(), request.fields) : undefined);
      if (request.records && 'find' in request.records)
        return { ...findRecords(request.records.fields ?? []), fields: pageFields() };
      let records: Record<string, unknown>[] | undefined;
      if (request.records) {
        const { selector, fields } = request.records;
        records = $(selector)
          .toArray()
          .map((element) => extractFields($(element), fields));
        if (request.required && records.length === 0) {
          throw new ToolError(
            'invalid_input',
            `The selector "${selector}" matches nothing on this page. Check the selector.`,
            {
              details: { selector },
            },
          );
        }
      }
      return { records, fields: pageFields(), count: records?.length ?? 0 };
    } catch (error) {
      if (error instanceof ToolError) throw error;
      throw new ToolError('invalid_input', `A selector is not valid CSS: ${(error as Error).message}.`, {
        cause: error,
      });
    }
  },
});
