// Errors a tool raises. `retryable` tells the executor whether the step's retry policy applies
// (a timeout or a 503 may pass; a refused address or a 404 will not).
import type { ToolErrorCode } from '../domain/run-errors.ts';

export type { ToolErrorCode };

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
