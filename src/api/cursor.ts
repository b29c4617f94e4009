// Opaque list cursors: the (createdAt, id) position of the last item of a page.
import { z } from 'zod';
import { OrcaError } from '../domain/errors.ts';

const cursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });

export interface CursorPosition {
  createdAt: Date;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(
    JSON.stringify({ createdAt: position.createdAt.toISOString(), id: position.id }),
  ).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt: new Date(parsed.createdAt), id: parsed.id };
  } catch {
    throw new OrcaError(
      'bad_request',
      'The cursor is not valid. Pass the nextCursor of a previous page unchanged.',
    );
  }
}

/** Splits a result fetched with limit + 1 into the page and the cursor of the next one. */
export function pageOf<T extends CursorPosition>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
