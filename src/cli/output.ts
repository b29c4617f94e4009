// What a command writes: words for people, or (with --json) one JSON document on standard output
// for scripts. Errors go to standard error in the same form (main.ts).
import type { CliError } from './exit-codes.ts';

export interface Output {
  readonly json: boolean;
  /** A line for people; nothing with --json. */
  line(text: string): void;
  /** The result for scripts; nothing without --json. */
  result(value: unknown): void;
  /** Rows for people, as aligned columns under the header; nothing with --json. */
  table(header: string[], rows: string[][]): void;
}

export function outputFor(json: boolean): Output {
  const line = (text: string) => {
    if (!json) process.stdout.write(`${text}\n`);
  };
  return {
    json,
    line,
    result: (value) => {
      if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    table: (header, rows) => {
      for (const text of columns(header, rows)) line(text);
    },
  };
}

/** An error as --json writes it to standard error. */
export function errorJson(error: CliError): string {
  const body: Record<string, unknown> = {
    code: error.code,
    message: error.message,
    exitCode: error.exitCode,
  };
  if (error.details !== undefined) body.details = error.details;
  return `${JSON.stringify({ error: body })}\n`;
}

/** Rows as aligned columns, the last column left ragged. */
function columns(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [format(header), ...rows.map(format)];
}
