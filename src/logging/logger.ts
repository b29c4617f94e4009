// Orca's logger: JSON lines through pino (one object per line: level, time, msg and fields), or
// the same records as readable text for a terminal. Every message, field and error passes the
// redaction layer (redaction.ts) before pino writes it; pino's own `redact` is the backstop.
// Callers get a small interface rather than pino itself, so that tests can hand in anything with
// `info` and `error`, and the fields stay ours (`error` is always described by errorFields).
import pino from 'pino';
import { errorFields } from './error-fields.ts';
import type { LogFormat, LogLevel } from './log-settings.ts';
import { formatPrettyLine } from './pretty-format.ts';
import { redactedMark, redactPaths, scrubText, scrubValue } from './redaction.ts';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  /** `error` (an Error or anything thrown) is logged as `error: { type, message, code, stack }`. */
  error(message: string, error?: unknown, fields?: LogFields): void;
  /** A logger that adds `fields` (a request id, a run id) to every line it writes. */
  child(fields: LogFields): Logger;
}

/** The least a logger handed in must do: tests and benchmarks pass `{ info, error }`. */
export type LoggerLike = Pick<Logger, 'info' | 'error'> & Partial<Logger>;

export interface LoggerOptions {
  /** The least severe level written (`info`); `silent` writes nothing. */
  level?: LogLevel;
  /** `json` (one object per line, the default) or `pretty` (text for a person at a terminal). */
  format?: LogFormat;
  /** Where each finished line goes; standard error by default. Tests collect lines with it. */
  write?: (line: string) => void;
  /** Colour the pretty format's levels (by default when standard error is a terminal). */
  colors?: boolean;
}

function scrubbedFields(fields: LogFields | undefined): LogFields | undefined {
  return fields === undefined ? undefined : (scrubValue(fields) as LogFields);
}

function wrap(instance: pino.Logger): Logger {
  const at = (level: 'debug' | 'info' | 'warn') => (message: string, fields?: LogFields) => {
    // Scrubbing costs more than the check: lines below the level are never built.
    if (!instance.isLevelEnabled(level)) return;
    instance[level](scrubbedFields(fields) ?? {}, scrubText(message));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: (message, error, fields) => {
      if (!instance.isLevelEnabled('error')) return;
      const described = error === undefined ? {} : { error: scrubValue(errorFields(error)) };
      instance.error({ ...scrubbedFields(fields), ...described }, scrubText(message));
    },
    child: (fields) => wrap(instance.child(scrubbedFields(fields) ?? {})),
  };
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const { format = 'json', write } = options;
  let destination: pino.DestinationStream;
  if (format === 'pretty') {
    const colors = options.colors ?? (write === undefined && process.stderr.isTTY === true);
    const out = write ?? ((text: string) => void process.stderr.write(text));
    destination = { write: (line) => out(formatPrettyLine(line, { colors })) };
  } else {
    // Synchronous: the last lines before a crash or process.exit are not lost in a buffer.
    destination = write ? { write } : pino.destination({ dest: 2, sync: true });
  }
  const instance = pino(
    {
      level: options.level ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: redactedMark },
    },
    destination,
  );
  return wrap(instance);
}

/** A logger that writes nothing. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

function isComplete(logger: LoggerLike): logger is Logger {
  return (
    typeof logger.debug === 'function' &&
    typeof logger.warn === 'function' &&
    typeof logger.child === 'function'
  );
}

/**
 * A whole Logger over one that may have only `info` and `error`: `warn` goes to `info`, `debug`
 * nowhere, and a child's fields are added to each line's fields.
 */
export function completeLogger(logger: LoggerLike, bound: LogFields = {}): Logger {
  if (isComplete(logger)) return Object.keys(bound).length === 0 ? logger : logger.child(bound);
  const withBound = (fields?: LogFields) =>
    Object.keys(bound).length === 0 ? fields : { ...bound, ...fields };
  return {
    debug: (message, fields) => logger.debug?.(message, withBound(fields)),
    info: (message, fields) => logger.info(message, withBound(fields)),
    warn: (message, fields) =>
      logger.warn ? logger.warn(message, withBound(fields)) : logger.info(message, withBound(fields)),
    error: (message, error, fields) => logger.error(message, error, withBound(fields)),
    child: (fields) => completeLogger(logger, { ...bound, ...fields }),
  };
}
