// One error family for the whole of Orca. Each carries a machine-readable code, the HTTP status it
// maps to (in exactly one place: api/error-response.ts) and a message that tells a user what
// happened and what to do next.
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'idempotency_key_in_progress',
  'precondition_failed',
  'unsupported_media_type',
  'idempotency_key_reused',
  'rule_violated',
  'payload_too_large',
  'rate_limited',
  'insufficient_credits',
  'plan_limit_reached',
  'data_directory_locked',
  'configuration_invalid',
  'service_unavailable',
  'queue_full',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  // The path exists, the method does not: the answer's Allow header lists those that do.
  method_not_allowed: 405,
  conflict: 409,
  // A request with the same Idempotency-Key is still being answered; retry once it is.
  idempotency_key_in_progress: 409,
  // If-Match named a version (ETag) that is no longer current.
  precondition_failed: 412,
  unsupported_media_type: 415,
  // The Idempotency-Key was used before with a different request.
  idempotency_key_reused: 422,
  rule_violated: 422,
  payload_too_large: 413,
  rate_limited: 429,
  // The workspace (or an agent's or workroom's budget) cannot pay for what was asked.
  insufficient_credits: 402,
  // The workspace's plan allows no more of something (agents); a bigger plan or a clean-up does.
  plan_limit_reached: 402,
  data_directory_locked: 409,
  configuration_invalid: 500,
  // A part the operator has not set up (the vault without ORCA_SECRET_KEY): retrying will not help until they do.
  service_unavailable: 503,
  // Too many runs wait to start already (ORCA_QUEUE_BACKLOG_LIMIT): Orca is overloaded, not the
  // caller too fast, so 503 with Retry-After rather than 429.
  queue_full: 503,
  internal: 500,
};

export interface OrcaErrorOptions {
  details?: unknown;
  cause?: unknown;
  /** Seconds after which a rate-limited (or turned-away) client may try again. */
  retryAfterSeconds?: number;
  /** Response headers the error needs (Allow on a 405). */
  headers?: Record<string, string>;
}

export class OrcaError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly retryAfterSeconds: number | undefined;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: OrcaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OrcaError';
    this.code = code;
    this.status = statusByCode[code];
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.headers = options.headers ?? {};
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
