// Each request's id and logger. The id is the caller's X-Request-Id when that is a sane token
// (a proxy or a client that already has an id ties its logs to ours), otherwise a new UUID; it
// goes back in the X-Request-Id response header and in every error body (error-response.ts), and
// every line the request logs carries it: the services a handler reaches hold a child logger.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { scrubText } from '../logging/redaction.ts';
import type { ApiEnv, ApiServices } from './context.ts';

export const requestIdHeader = 'X-Request-Id';

/**
 * Up to 128 characters that cannot break a log line or a header, and that no tool reads as more
 * than an id: letters, digits and `. _ : + / = -`.
 */
const saneRequestId = /^[A-Za-z0-9][A-Za-z0-9._:+/=-]{0,127}$/;

/** The caller's id when it is sane and does not look like a secret; a new one otherwise. */
export function requestIdFrom(header: string | undefined): string {
  // A token sent as a request id (by mistake or not) would be logged and echoed: refused.
  if (header !== undefined && saneRequestId.test(header) && scrubText(header) === header) return header;
  return randomUUID();
}

export function requestContext(services: ApiServices): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const requestId = requestIdFrom(c.req.header(requestIdHeader));
    c.set('requestId', requestId);
    c.set('services', { ...services, logger: services.logger.child({ requestId }) });
    await next();
    // Set on whatever answered: a route, the error handler, the web app's files.
    c.res.headers.set(requestIdHeader, requestId);
  };
}
