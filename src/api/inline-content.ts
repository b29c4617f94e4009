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

/**
 * One media type with its parameters, nothing else: a comma would start a second type, and
 * browsers read the last one ("text/plain; a=b, text/html" is shown as a web page).
 */
const singleMediaType =
  /^([\w!#$&^.+-]+\/[\w!#$&^.+-]+)((?:\s*;\s*[\w!#$&^.+-]+=(?:"[^"\\\r\n]*"|[\w!#$&^.+-]+))*)\s*$/;

const charsetParameter = /;\s*charset=(?:"([\w.:-]+)"|([\w.:-]+))/i;

/**
 * The Content-Type a stored file is shown inline with, built from what was checked (the media type
 * in lower case, and a text's charset); undefined when the file may only be downloaded. A stored
 * type is never sent as is for showing: its other parameters are not what a browser should read.
 */
export function inlineContentType(contentType: string): string | undefined {
  const parsed = singleMediaType.exec(contentType.trim());
  const mediaType = parsed?.[1]?.toLowerCase();
  if (!mediaType || !inlineTypes.has(mediaType)) return undefined;
  if (!mediaType.startsWith('text/')) return mediaType;
  const charset = charsetParameter.exec(parsed?.[2] ?? '');
  const named = (charset?.[1] ?? charset?.[2])?.toLowerCase();
  return named ? `${mediaType}; charset=${named}` : mediaType;
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
