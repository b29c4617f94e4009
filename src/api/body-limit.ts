// The request body limit. Hono's own middleware answers 413 the moment it sees the size and leaves
// the rest of the upload unread; the server then closes a socket with unread data in it, the
// kernel resets the connection, and a client still uploading (Node's fetch, curl) reports a
// socket error instead of the 413 about half the time. Here an oversized body is read to its end
// and thrown away first, so that the answer arrives on a connection in a clean state.
import type { MiddlewareHandler } from 'hono';
import type { OrcaError } from '../domain/errors.ts';
import type { ApiEnv } from './context.ts';

/**
 * How much of an oversized body is read and discarded before answering. Past it the answer is
 * sent with Connection: close: a client that sends this much after its limit is not waiting for
 * an answer, and reading on would only spend bandwidth on it.
 */
export const oversizedBodyDrainBytes = 64 * 1024 * 1024;

/**
 * How many oversized uploads one process drains at once. Draining happens before anyone is
 * signed in, so without a bound many slow senders could hold the process reading for them; past
 * it an oversized upload is answered at once, with Connection: close.
 */
export const concurrentDrainLimit = 8;
let drainsInProgress = 0;

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
  if (drainsInProgress >= concurrentDrainLimit) {
    await reader.cancel().catch(() => undefined);
    return false;
  }
  drainsInProgress += 1;
  try {
    return await discardUpTo(reader);
  } finally {
    drainsInProgress -= 1;
  }
}

async function discardUpTo(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
  let discarded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    discarded += value.byteLength;
    if (discarded > oversizedBodyDrainBytes) {
      await reader.cancel().catch(() => undefined);
      return false;
    }
  }
}

/** Refuses a body over maxSize with the error `tooLarge` makes, after draining the upload. */
export function limitRequestBody(
  maxSize: (c: Parameters<MiddlewareHandler<ApiEnv>>[0]) => number,
  tooLarge: (limit: number) => OrcaError,
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const limit = maxSize(c);
    const declared = c.req.header('content-length');
    const chunked = c.req.raw.headers.has('transfer-encoding');
    if (declared !== undefined && !chunked && Number.parseInt(declared, 10) <= limit) return next();
    // A declared size past what would ever be drained: answered at once, the connection closed.
    if (
      declared !== undefined &&
      !chunked &&
      Number.parseInt(declared, 10) > limit + oversizedBodyDrainBytes
    ) {
      await body.cancel().catch(() => undefined);
      c.header('Connection', 'close');
      throw tooLarge(limit);
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        const drained = await discardRest(reader);
        // Keep-alive is safe once the body has been read to its end; otherwise end the connection.
        if (!drained) c.header('Connection', 'close');
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks, size) });
    return next();
  };
}
