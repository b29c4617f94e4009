// Selectors for records, found by the LLM: for browser.extract by description ("each statement
// row: its date, amount and the PDF link"), and to heal a records selector the page no longer
// matches. The LLM reads the trimmed HTML and answers in html.extract's shape; the answer is
// used only when it finds records on the page and each field has a value in at least one of them.
import { z } from 'zod';
import type { ToolContext } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import type { LanguageModelService } from '../tool-services.ts';
import { type FieldSpec, htmlExtractTool } from './html-extract.ts';
import { llmAnswer } from './llm-answer.ts';
import { trimmedHtml } from './trimmed-html.ts';

export interface RecordSelectors {
  selector: string;
  fields: Record<string, FieldSpec | string>;
}

type Extracted = Awaited<ReturnType<typeof htmlExtractTool.run>>;

// Fields as a list, not a map: a list of objects is what every provider's structured output takes.
const answer = z.object({
  selector: z.string().describe('Matches one element per record.'),
  fields: z
    .array(
      z.object({
        name: z.string().describe('The field’s name, in camelCase.'),
        selector: z
          .string()
          .optional()
          .describe('Relative to the record element; left out for the record’s own text or attribute.'),
        attribute: z
          .string()
          .optional()
          .describe('Read this attribute (href of a link, src of an image) instead of the text.'),
        multiple: z.boolean().optional().describe('Collect every match as a list.'),
      }),
    )
    .min(1),
});

const system = `You write CSS selectors that extract records from a web page's HTML, for cheerio (CSS only: no XPath, no :contains).
Answer with "selector", which matches one element per record, and "fields": for each, a name, a "selector" relative to the record element (left out for the record itself) and, to read an attribute instead of the text (the href of a link, the src of an image), "attribute".
Prefer selectors that survive small changes: ids, data-* and aria attributes, stable class names, element structure; avoid positions such as :nth-child unless nothing else tells the elements apart.`;

function recordSelectors(found: z.infer<typeof answer>): RecordSelectors {
  const fields: Record<string, FieldSpec | string> = {};
  for (const field of found.fields) {
    const spec: FieldSpec = {
      ...(field.selector?.trim() ? { selector: field.selector.trim() } : {}),
      ...(field.attribute ? { attribute: field.attribute } : {}),
      ...(field.multiple ? { multiple: true } : {}),
    };
    fields[field.name] = spec.selector && Object.keys(spec).length === 1 ? spec.selector : spec;
  }
  return { selector: found.selector, fields };
}

/** Extracts with these selectors; says what is wrong when they find nothing useful. */
export async function extractWith(
  context: ToolContext,
  page: { html: string; baseUrl: string },
  records: RecordSelectors,
  expectedFields?: readonly string[],
): Promise<{ extracted?: Extracted; problem?: string }> {
  if (expectedFields) {
    const names = Object.keys(records.fields);
    const missing = expectedFields.filter((name) => !names.includes(name));
    if (missing.length > 0)
      return { problem: `the fields ${missing.join(', ')} are missing; keep every field` };
  }
  let extracted: Extracted;
  try {
    const parsed = htmlExtractTool.input.parse({ ...page, records });
    extracted = await htmlExtractTool.run(parsed, context);
  } catch (error) {
    return { problem: (error as Error).message };
  }
  const found = extracted.records ?? [];
  if (found.length === 0) return { problem: `"${records.selector}" matches nothing` };
  const empty = Object.keys(records.fields).filter((name) =>
    found.every(
      (record) =>
        record[name] === null ||
        record[name] === '' ||
        (Array.isArray(record[name]) && (record[name] as unknown[]).length === 0),
    ),
  );
  if (empty.length > 0) return { problem: `the fields ${empty.join(', ')} are empty in every record` };
  return { extracted };
}

/**
 * Asks the LLM for record selectors, checks them on the page, and asks once more with the reason
 * when they do not fit. `previous` is the spec that no longer matches, when healing.
 */
export async function findRecordSelectors(
  context: ToolContext,
  llm: LanguageModelService,
  page: { html: string; baseUrl: string },
  wanted: { describe: string; previous?: RecordSelectors },
): Promise<{ records: RecordSelectors; extracted: Extracted }> {
  const html = trimmedHtml(page.html);
  const expectedFields = wanted.previous ? Object.keys(wanted.previous.fields) : undefined;
  let problem: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const prompt = [
      `Records wanted: ${wanted.describe}`,
      wanted.previous
        ? `These selectors found them before the page changed, and match nothing now: ${JSON.stringify(wanted.previous)}. Answer with new selectors for the same fields (${expectedFields?.join(', ')}), keeping their names.`
        : '',
      problem ? `Your last answer does not fit: ${problem}. Give another.` : '',
      `Page: ${page.baseUrl}`,
      `HTML:\n${html}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    const records = recordSelectors(await llmAnswer(context, llm, { system, prompt, schema: answer }));
    const checked = await extractWith(context, page, records, expectedFields);
    if (checked.extracted) return { records, extracted: checked.extracted };
    problem = `${JSON.stringify(records)}: ${checked.problem}`;
  }
  throw new ToolError(
    'llm_invalid_output',
    `The LLM found no selectors for "${wanted.describe}" on ${page.baseUrl}: its last answer, ${problem}. Describe the records in other words, or give records yourself.`,
    { retryable: true },
  );
}
