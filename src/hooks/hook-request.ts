// What a hook call sent, read once from the raw request: the body's bytes (kept as received,
// since a signature covers them exactly), then the body as data for the mapping, the headers and
// the query. Bodies are read against the hook limit while they stream in, so an oversized body
// is refused without being held in memory.
import { OrcaError } from '../domain/errors.ts';
import type { HookRequestData } from './hook-mapping.ts';

export const hookBodyLimitBytes = 256 * 1024;

// Credentials a caller's browser or client may attach. They are not part of what a hook is
// about, and a mapping such as `$` would otherwise copy them into a run input anyone can read.
const withheldHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

const tooLarge = () =>
  new OrcaError(
    'payload_too_large',
    `A hook's body may be at most ${hookBodyLimitBytes / 1024} KB. Send less, or send a link to the data instead.`,
  );

/** The body's bytes, refused with a 413 as soon as they pass the limit. */
export async function readHookBody(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > hookBodyLimitBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > hookBodyLimitBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Repeated names become lists; a name given once stays a string. */
function fieldsOf(entries: Iterable<[string, string]>): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of entries) {
    const existing = fields[name];
    if (existing === undefined) fields[name] = value;
    else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return fields;
}

/**
 * The body as the mapping sees it: parsed JSON for a JSON content type, the fields of a form,
 * and the text of anything else (undefined when empty).
 */
export function parseHookBody(bytes: Buffer, contentType: string | null): unknown {
  if (bytes.length === 0) return undefined;
  const text = bytes.toString('utf8');
  const type = mediaType(contentType);
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new OrcaError(
        'bad_request',
        `The body is sent as JSON but does not parse (${(error as Error).message}). Send valid JSON, or another Content-Type for text.`,
      );
    }
  }
  if (type === 'application/x-www-form-urlencoded') return fieldsOf(new URLSearchParams(text));
  return text;
}

/** Everything the mapping reads: the parsed body, the headers (lower-case names) and the query. */
export function hookRequestData(request: Request, body: unknown): HookRequestData {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (!withheldHeaders.has(name)) headers[name] = value;
  });
  const query = fieldsOf(new URL(request.url).searchParams);
  return { body, headers, query };
}
