// One error family for the whole of Orca. Each carries a machine-readable code, the HTTP status it
// maps to (in exactly one place: api/error-response.ts) and a message that tells a user what
// happened and what to do next.
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule_violated'
  | 'payload_too_large'
  | 'rate_limited'
  | 'data_directory_locked'
  | 'configuration_invalid'
  | 'service_unavailable'
  | 'internal';

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violated: 422,
  payload_too_large: 413,
  rate_limited: 429,
  data_directory_locked: 409,
  configuration_invalid: 500,
  // A part the operator has not set up (the vault without ORCA_SECRET_KEY): retrying will not help until they do.
  service_unavailable: 503,
  internal: 500,
};

export interface OrcaErrorOptions {
  details?: unknown;
  cause?: unknown;
  /** Seconds after which a rate-limited client may try again. */
  retryAfterSeconds?: number;
}

export class OrcaError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: OrcaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OrcaError';
    this.code = code;
    this.status = statusByCode[code];
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what: string) =>
  new OrcaError('not_found', `${what} was not found, or you do not have access to it. Check the id or slug.`);

export const forbidden = (message: string) => new OrcaError('forbidden', message);

export const conflict = (message: string, details?: unknown) =>
  new OrcaError('conflict', message, { details });

export const ruleViolated = (message: string, details?: unknown) =>
  new OrcaError('rule_violated', message, { details });

export const unauthenticated = (
  message = 'Sign in first: send a session cookie or an Authorization: Bearer token.',
) => new OrcaError('unauthenticated', message);
