// A plain line logger on standard error. Callers pass fields, never secrets.
import type { Logger } from './api/context.ts';

function describe(value: unknown): string {
  // Drizzle's query errors carry the query's parameters (e-mails, hashes): keep them out of logs.
  if (
    value instanceof Error &&
    'params' in value &&
    typeof (value as { query?: unknown }).query === 'string'
  ) {
    const cause = (value as { cause?: unknown }).cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    return `query failed (parameters hidden): ${(value as unknown as { query: string }).query}: ${reason}`;
  }
  if (value instanceof Error) return value.stack ?? value.message;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function consoleLogger(options: { quiet?: boolean } = {}): Logger {
  return {
    info: (message, fields) => {
      if (options.quiet) return;
      process.stderr.write(
        `${new Date().toISOString()} info  ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`,
      );
    },
    error: (message, error) => {
      process.stderr.write(
        `${new Date().toISOString()} error ${message}${error === undefined ? '' : `: ${describe(error)}`}\n`,
      );
    },
  };
}
