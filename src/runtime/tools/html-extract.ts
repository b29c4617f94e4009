// html.extract: records and fields from HTML by CSS selectors (cheerio). A field is a selector
// (its text), or an object saying which attribute, whether to collect every match, and nested
// fields for structured records.
import { type Cheerio, load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import { readableText } from './readable-text.ts';

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

const input = z.strictObject({
  html: z.string().max(20 * 1024 * 1024),
  baseUrl: z.url().optional().describe('Makes href and src attributes absolute.'),
  records: z
    .strictObject({ selector: z.string().min(1), fields: z.record(z.string(), fieldSpec) })
    .optional()
    .describe('One record per match of the selector.'),
  fields: z.record(z.string(), fieldSpec).optional().describe('Fields of the page as a whole.'),
  required: z.boolean().default(false).describe('Fail when the records selector matches nothing.'),
});

const output = z.object({
  records: z.array(z.record(z.string(), z.unknown())).optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  count: z.number().int(),
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
    'Extract data from HTML (or an RSS/Atom feed, read as XML) with CSS selectors: a list of records (one per match, with named fields) and/or single fields. A field is a selector for text, or { selector, attribute, multiple, fields }.',
  input,
  output,
  sideEffect: false,
  async run(request) {
    const $ = feedDocument.test(request.html) ? load(request.html, { xml: true }) : load(request.html);

    const readValue = (element: Cheerio<AnyNode>, spec: FieldSpec): unknown => {
      if (spec.fields) return extractFields(element, spec.fields);
      if (spec.attribute) {
        const value = element.attr(spec.attribute);
        if (value !== undefined && request.baseUrl && linkAttributes.has(spec.attribute)) {
          try {
            return new URL(value, request.baseUrl).toString();
          } catch {
            return value;
          }
        }
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

    let records: Record<string, unknown>[] | undefined;
    try {
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
      const fields = request.fields ? extractFields($.root(), request.fields) : undefined;
      return { records, fields, count: records?.length ?? 0 };
    } catch (error) {
      if (error instanceof ToolError) throw error;
      throw new ToolError('invalid_input', `A selector is not valid CSS: ${(error as Error).message}.`, {
        cause: error,
      });
    }
  },
});
