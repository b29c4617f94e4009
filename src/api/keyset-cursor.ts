// The cursors of keyset-paged lists (store/keyset.ts): the last row's position, opaque to callers,
// checked against the list's own order when it comes back so that a cursor of another list, or
// one edited by hand, is a 400 rather than a database error.
import { z } from 'zod';
import { OrcaError } from '../domain/errors.ts';
import { type KeyKind, type Keyset, type KeysetPage, type KeyValue, positionOf } from '../store/keyset.ts';

/** `limit` and `cursor`, the query parameters of every list; spread into its query schema. */
export function pageParameters(defaultLimit = 50) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .default(defaultLimit)
      .describe(`How many items a page holds, 1 to 200. Default: ${defaultLimit}.`),
    cursor: z
      .string()
      .max(1000)
      .optional()
      .describe('The nextCursor of the previous page, unchanged; leave it out for the first page.'),
  };
}

const valueSchemas: Record<KeyKind, z.ZodType<KeyValue>> = {
  timestamp: z.iso.datetime(),
  text: z.string().max(500),
  uuid: z.uuid(),
  integer: z.number().int(),
};

function invalidCursor(): OrcaError {
  return new OrcaError(
    'bad_request',
    'The cursor is not valid for this list. Pass the nextCursor of the previous page of the same list unchanged.',
  );
}

function decode<Row>(keyset: Keyset<Row>, cursor: string): KeyValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(values) || values.length !== keyset.columns.length) throw invalidCursor();
  return keyset.columns.map((part, index) => {
    const parsed = valueSchemas[part.kind].safeParse(values[index]);
    if (!parsed.success) throw invalidCursor();
    return parsed.data;
  });
}

/** The page a list's query asks for: one row more than `limit`, to know whether another follows. */
export function requestedPage<Row>(
  keyset: Keyset<Row>,
  query: { limit: number; cursor?: string },
): KeysetPage {
  return {
    limit: query.limit + 1,
    after: query.cursor === undefined ? undefined : decode(keyset, query.cursor),
  };
}

/** Splits rows fetched with requestedPage into the page and the cursor of the next one. */
export function keysetPageOf<Row>(keyset: Keyset<Row>, rows: Row[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last !== undefined
      ? Buffer.from(JSON.stringify(positionOf(keyset, last))).toString('base64url')
      : null;
  return { items, nextCursor };
}
