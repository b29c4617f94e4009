// Errors a tool raises. `retryable` tells the executor whether the step's retry policy applies
// (a timeout or a 503 may pass; a refused address or a 404 will not).
export type ToolErrorCode =
  | 'invalid_input'
  | 'refused_address'
  | 'timeout'
  | 'network'
  | 'http_status'
  | 'too_large'
  | 'expression'
  /** An expression hit a hard limit (time, depth, size, memory): see expressions/. */
  | 'expression_limit'
  | 'cancelled'
  | 'not_found'
  | 'agent_cycle'
  | 'depth_limit'
  | 'agent_paused'
  | 'agent_busy'
  | 'agent_failed'
  | 'browser'
  | 'selector_not_found'
  | 'login_failed'
  /** A listing had more pages than browser.paginate's maxPages. */
  | 'page_limit'
  | 'connection_expired'
  | 'not_configured'
  | 'llm_error'
  | 'llm_invalid_output';

export class ToolError extends Error {
  readonly code: ToolErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ToolErrorCode,
    message: string,
    options: { retryable?: boolean; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ToolError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }
}
