// Which stored files a browser may show in Orca's pages rather than download. A file comes from a
// run or a person and is never trusted: only types that cannot run script are served inline (no
// HTML, no SVG, which can carry script), always with a sandboxing policy and no type sniffing.

const inlineTypes = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'text/plain',
]);

/** The media type of a Content-Type header, without parameters ("text/plain; charset=utf-8" → "text/plain"). */
export function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export function servesInline(contentType: string): boolean {
  return inlineTypes.has(mediaTypeOf(contentType));
}

/**
 * The policy a file is served with. Inline, it may be framed by Orca's own pages (the PDF preview;
 * browsers obey frame-ancestors over the X-Frame-Options every response carries); it stays
 * sandboxed either way (no script, no forms, an origin of its own).
 */
export function contentSecurityPolicyFor(inline: boolean): string {
  if (!inline) return "default-src 'none'; sandbox";
  return "default-src 'none'; sandbox; frame-ancestors 'self'";
}
