// Keyset paging: a list ordered by a few columns that together are unique (the last one is an
// id), read a page at a time from where the previous page ended. The position is the last row's
// values in those columns; a page asks for the rows past it, so rows added or removed meanwhile
// never shift a page the way an offset would.
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** How a column of the order is compared and carried in a cursor. */
export type KeyKind = 'timestamp' | 'text' | 'uuid' | 'integer';

/** A value of a position, as a cursor carries it (a timestamp as its ISO text). */
export type KeyValue = string | number;

export interface Keyset<Row> {
  columns: readonly { column: AnyColumn; kind: KeyKind }[];
  direction: 'asc' | 'desc';
  /** The row's values in the columns' order. */
  positionOf(row: Row): readonly (string | number | Date)[];
}

/** What a list function takes: how many rows, and the position the page starts after. */
export interface KeysetPage {
  limit: number;
  after?: readonly KeyValue[];
}

// A timestamp is compared and ordered at millisecond precision, the precision a position carries:
// the database keeps microseconds, and a row a few microseconds past the position would otherwise
// be counted as after it (shown twice) or, newest first, before it (skipped).
function keyExpression({ column, kind }: { column: AnyColumn; kind: KeyKind }): SQL {
  return kind === 'timestamp' ? sql`date_trunc('milliseconds', ${column})` : sql`${column}`;
}

function keyParameter(kind: KeyKind, value: KeyValue): SQL {
  switch (kind) {
    case 'timestamp':
      return sql`${String(value)}::timestamptz`;
    case 'text':
      return sql`${String(value)}::text`;
    case 'uuid':
      return sql`${String(value)}::uuid`;
    case 'integer':
      return sql`${Number(value)}::bigint`;
  }
}

/** The ORDER BY of a keyset, to spread into `.orderBy(...)`. */
export function keysetOrder<Row>(keyset: Keyset<Row>): SQL[] {
  return keyset.columns.map((part) =>
    keyset.direction === 'asc' ? sql`${keyExpression(part)} asc` : sql`${keyExpression(part)} desc`,
  );
}

/** The condition "past the page's position" (undefined on the first page). */
export function pastPosition<Row>(keyset: Keyset<Row>, page: KeysetPage | undefined): SQL | undefined {
  const after = page?.after;
  if (!after) return undefined;
  const columns = sql.join(keyset.columns.map(keyExpression), sql`, `);
  const values = sql.join(
    keyset.columns.map((part, index) => keyParameter(part.kind, after[index] as KeyValue)),
    sql`, `,
  );
  return keyset.direction === 'asc' ? sql`(${columns}) > (${values})` : sql`(${columns}) < (${values})`;
}

/** The position of a row, as a cursor carries it. */
export function positionOf<Row>(keyset: Keyset<Row>, row: Row): KeyValue[] {
  return keyset.positionOf(row).map((value) => (value instanceof Date ? value.toISOString() : value));
}

/** Limits a `$dynamic()` query to the page's rows; all rows when no page is asked for. */
export function withinPage<Query extends { limit(limit: number): Query }>(
  query: Query,
  page: KeysetPage | undefined,
): Query {
  return page ? query.limit(page.limit) : query;
}

/** The most common order: by creation time, then id, oldest (`asc`) or newest (`desc`) first. */
export function creationKeyset<Row extends { createdAt: Date; id: string }>(
  table: { createdAt: AnyColumn; id: AnyColumn },
  direction: 'asc' | 'desc',
): Keyset<Row> {
  return {
    columns: [
      { column: table.createdAt, kind: 'timestamp' },
      { column: table.id, kind: 'uuid' },
    ],
    direction,
    positionOf: (row) => [row.createdAt, row.id],
  };
}
