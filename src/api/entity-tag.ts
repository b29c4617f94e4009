// ETag and If-Match: optimistic concurrency in HTTP's own terms, beside the body's
// expectedVersion. A read answers with the representation's tag; a change sent with If-Match is
// refused with 412 when the tag is no longer current (someone changed the thing meanwhile).
import { OrcaError } from '../domain/errors.ts';
import type { ApiContext } from './context.ts';

/** A strong tag of a versioned thing: its version, and when it last changed in any way. */
export function entityTag(version: number, updatedAt: Date): string {
  return `"${version}.${updatedAt.getTime().toString(36)}"`;
}

/**
 * Refuses the change with 412 unless If-Match (when sent) names the current tag or `*`. Weak
 * tags never match here (RFC 9110 compares If-Match strongly).
 */
export function requireIfMatch(c: ApiContext, currentTag: string): void {
  const header = c.req.header('if-match');
  if (header === undefined) return;
  const tags = header.split(',').map((tag) => tag.trim());
  if (tags.includes('*') || tags.includes(currentTag)) return;
  throw new OrcaError(
    'precondition_failed',
    `If-Match names ${header}, but the current ETag is ${currentTag}: someone changed it meanwhile. Read it again and reapply your change.`,
    { details: { currentETag: currentTag } },
  );
}
