// An error as log fields: its type, message, code and stack, with what must not be logged left
// out. Drizzle's query errors carry the query's parameters (e-mails, password hashes, tokens'
// hashes) in their message: only the query text and the database's reason are kept.

export interface ErrorFields {
  type: string;
  message: string;
  code?: string;
  stack?: string;
}

function isDrizzleQueryError(error: Error): error is Error & { query: string; cause?: unknown } {
  return 'params' in error && typeof (error as { query?: unknown }).query === 'string';
}

export function errorFields(error: unknown): ErrorFields {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: typeof error === 'string' ? error : JSON.stringify(error) };
  }
  const code = (error as { code?: unknown }).code;
  const codeField = typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {};
  if (isDrizzleQueryError(error)) {
    const cause = error.cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    const causeCode = (cause as { code?: unknown } | undefined)?.code;
    // The stack's first line repeats the message, parameters included: it is left out too.
    return {
      type: 'DrizzleQueryError',
      message: `query failed (parameters hidden): ${error.query}: ${reason}`,
      ...(typeof causeCode === 'string' ? { code: causeCode } : {}),
    };
  }
  return { type: error.name, message: error.message, ...codeField, stack: error.stack };
}
