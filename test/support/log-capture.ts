// A real logger (pino, JSON, with the redaction layer) whose lines are kept in memory, so that a
// suite can read what Orca would have written to standard error, and wait for a line to come.
import { createLogger, type Logger } from '../../src/logging/logger.ts';

export type LogRecord = Record<string, unknown>;

export interface CapturedLogs {
  logger: Logger;
  /** Every line written so far, as written. */
  readonly lines: string[];
  /** The lines as objects. */
  records(): LogRecord[];
  /** All output as one text, for "this never appears anywhere" checks. */
  text(): string;
  /** The first record (already written or still to come) that `matches`. */
  waitFor(matches: (record: LogRecord) => boolean): Promise<LogRecord>;
}

export function captureLogs(level: 'debug' | 'info' = 'debug'): CapturedLogs {
  const lines: string[] = [];
  const waiters: { matches: (record: LogRecord) => boolean; resolve: (record: LogRecord) => void }[] = [];
  const records = () => lines.map((line) => JSON.parse(line) as LogRecord);
  const write = (line: string) => {
    lines.push(line);
    const record = JSON.parse(line) as LogRecord;
    for (const waiter of [...waiters]) {
      if (!waiter.matches(record)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(record);
    }
  };
  return {
    logger: createLogger({ level, format: 'json', write }),
    lines,
    records,
    text: () => lines.join(''),
    waitFor: (matches) => {
      const found = records().find(matches);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ matches, resolve }));
    },
  };
}
