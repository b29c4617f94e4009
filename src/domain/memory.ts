// Rules for shared context and agent memory entries, the same for the API and the memory tools.
import { z } from 'zod';

/** Search looks at this much text of an entry at most. */
export const searchableTextLimit = 20_000;

/** A value kept in memory may be this large, as JSON. */
export const memoryValueLimitBytes = 256 * 1024;

export const memoryKeySchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

export const memoryTagsSchema = z
  .array(z.string().trim().min(1).max(50, 'a tag must be at most 50 characters'))
  .max(20, 'at most 20 tags')
  .default([]);

export const memoryValueSchema = z
  .unknown()
  .refine(
    (value) => value !== undefined && Buffer.byteLength(JSON.stringify(value) ?? '') <= memoryValueLimitBytes,
    `must be a JSON value of at most ${memoryValueLimitBytes / 1024} KB`,
  );

/**
 * The words of a value, for search when the writer gives no text: every string and number in
 * it, keys of objects included, in order, up to the limit.
 */
export function searchableText(value: unknown): string {
  const words: string[] = [];
  let length = 0;
  const visit = (node: unknown, depth: number) => {
    if (length >= searchableTextLimit || depth > 20) return;
    if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') {
      const word = String(node);
      words.push(word);
      length += word.length + 1;
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
    } else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        visit(key, depth + 1);
        visit(item, depth + 1);
      }
    }
  };
  visit(value, 0);
  return words.join(' ').slice(0, searchableTextLimit);
}
