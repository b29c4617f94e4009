// The one place where errors become HTTP responses: `{ error: { code, message, details?,
// requestId? } }`, the request id being the one in the X-Request-Id header and the server's log.
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { OrcaError } from '../domain/errors.ts';

export interface ErrorResponse {
  status: ContentfulStatusCode;
  body: { error: { code: string; message: string; details?: unknown; requestId?: string } };
  headers: Record<string, string>;
}

function fromHttpException(exception: HTTPException): OrcaError {
  if (exception.status === 400 && /malformed json/i.test(exception.message)) {
    return new OrcaError(
      'bad_request',
      'The request body is not valid JSON. Send a JSON object, for example {"name": "Acme"}.',
    );
  }
  if (exception.status === 415) {
    return new OrcaError(
      'unsupported_media_type',
      'Send the body as JSON with the header Content-Type: application/json.',
    );
  }
  if (exception.status === 413) {
    return new OrcaError('payload_too_large', 'The request body is too large. Send a smaller body.');
  }
  const code =
    exception.status === 401 ? 'unauthenticated' : exception.status === 404 ? 'not_found' : 'bad_request';
  return new OrcaError(code, exception.message || 'The request could not be processed.');
}

/** Zod issues as `{ path, message }`, with a path such as `members.0.email`. */
export function describeIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field(s): ${issue.keys.join(', ')}; remove them`
        : issue.message,
  }));
}

export function validationError(error: z.ZodError, where: string): OrcaError {
  const issues = describeIssues(error);
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new OrcaError('validation_failed', `The ${where} is invalid. ${summary}.`, { details: issues });
}

/** PostgreSQL's class 22 (data exception): a value the database cannot store, such as a NUL. */
function isDataException(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('22')) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function toErrorResponse(
  error: unknown,
  log: (message: string, error: unknown) => void,
  requestId?: string,
): ErrorResponse {
  let orcaError: OrcaError;
  if (error instanceof OrcaError) orcaError = error;
  else if (error instanceof HTTPException) orcaError = fromHttpException(error);
  else if (error instanceof z.ZodError) orcaError = validationError(error, 'request');
  else if (isDataException(error)) {
    orcaError = new OrcaError(
      'bad_request',
      'A value in the request cannot be stored (for example a NUL character or an out-of-range number). Remove it and try again.',
    );
  } else {
    log('unexpected error while handling a request', error);
    orcaError = new OrcaError(
      'internal',
      'Something went wrong on our side. Try again; if it persists, check the server log.',
    );
  }
  const headers: Record<string, string> = { ...orcaError.headers };
  // RFC 9110: a 401 names the scheme that would let the client in.
  if (orcaError.status === 401) headers['WWW-Authenticate'] = 'Bearer realm="orca"';
  if (orcaError.retryAfterSeconds !== undefined) headers['Retry-After'] = String(orcaError.retryAfterSeconds);
  const body: ErrorResponse['body'] = { error: { code: orcaError.code, message: orcaError.message } };
  if (orcaError.details !== undefined) body.error.details = orcaError.details;
  if (requestId !== undefined) body.error.requestId = requestId;
  return { status: orcaError.status as ContentfulStatusCode, body, headers };
}
