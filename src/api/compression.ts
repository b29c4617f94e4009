// Compresses text responses (API JSON, the web app's HTML, scripts, styles, SVG) with brotli or
// gzip, whichever the request accepts (brotli first: smaller at the same cost to decompress).
// Left alone: event streams (compressing would hold events back in the compressor's buffer),
// types that are compressed already (images, PDFs, archives), bodies under 1 KB (the headers
// cost more than the saving), and responses with their own ETag (a strong ETag names exact
// bytes; the route that sets it answers If-None-Match against those bytes).
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiEnv } from './context.ts';

export type Encoding = 'br' | 'gzip';

/** Below this many bytes a body is sent as is. */
export const minimumCompressedBytes = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** How hard to work: per-request bodies are compressed fast; static assets once, as small as possible. */
export type Effort = 'fast' | 'smallest';

export async function compress(body: Uint8Array, encoding: Encoding, effort: Effort): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(body, {
      params: {
        // Quality 5 gives most of brotli's gain at gzip's speed; 11 is for bytes compressed once.
        [constants.BROTLI_PARAM_QUALITY]: effort === 'fast' ? 5 : constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
  }
  return gzipAsync(body, { level: effort === 'fast' ? 6 : 9 });
}

/** The encoding to answer a request's Accept-Encoding with, or none. Honours q=0 refusals. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const quality = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    weights.set(name.trim(), quality === undefined ? 1 : Number(quality));
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((name) => weight(name) > 0);
  // Brotli wins ties; a client that weights gzip higher gets gzip.
  best.sort((first, second) => weight(second) - weight(first));
  return best[0];
}

/** Whether a content type is text that compresses (and not a stream that must flow as it comes). */
export function isCompressible(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/event-stream') return false;
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/javascript' ||
    type === 'application/xml' ||
    type.endsWith('+xml') ||
    type === 'application/x-ndjson'
  );
}

/** Adds Accept-Encoding to a response's Vary header (once). */
export function varyOnEncoding(headers: Headers) {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Accept-Encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary))
    headers.set('vary', `${vary}, Accept-Encoding`);
}

export function compressResponses(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    const response = c.res;
    const headers = response.headers;
    if (!response.body || response.status === 204 || response.status === 304) return;
    if (!isCompressible(headers.get('content-type'))) return;
    // Someone upstream (the web app's files) chose an encoding already.
    if (headers.has('content-encoding')) return;
    if (headers.has('etag') || /no-transform/i.test(headers.get('cache-control') ?? '')) return;
    // Every compressible body here is whole already (JSON, a page, a file read into memory);
    // the only streaming responses are event streams, skipped above. The response is made anew
    // even when sent as is: the server writes a response from what it was built with, so its
    // headers cannot be changed in place.
    const body = new Uint8Array(await response.arrayBuffer());
    const outgoing = new Headers(headers);
    varyOnEncoding(outgoing);
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (!encoding || body.byteLength < minimumCompressedBytes) {
      outgoing.set('content-length', String(body.byteLength));
      replaceResponse(c, new Response(body, { status: response.status, headers: outgoing }));
      return;
    }
    const compressed = await compress(body, encoding, 'fast');
    outgoing.set('content-encoding', encoding);
    outgoing.set('content-length', String(compressed.byteLength));
    replaceResponse(
      c,
      new Response(new Uint8Array(compressed), { status: response.status, headers: outgoing }),
    );
  };
}

/** Sets the response outright: assigning over one merges the old headers (its length) into the new. */
function replaceResponse(c: Context<ApiEnv>, response: Response) {
  c.res = undefined;
  c.res = response;
}
