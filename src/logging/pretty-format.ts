// Log lines for a person at a terminal (`orca start`): pino's JSON line turned into
// `12:04:31.250 INFO  request  method=GET route=/api/me status=200 durationMs=3`, an error's stack
// indented below it. Written here rather than taken from pino-pretty: a few lines do, and the
// JSON stays the one format machines read.

const levelColors: Record<string, string> = {
  debug: '\u001b[90m',
  info: '\u001b[32m',
  warn: '\u001b[33m',
  error: '\u001b[31m',
  fatal: '\u001b[35m',
};
const resetColor = '\u001b[0m';

/** Fields a terminal reader does not need on every line. */
const hiddenFields = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

function clockTime(time: unknown): string {
  const date = new Date(typeof time === 'string' || typeof time === 'number' ? time : Date.now());
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString().slice(11, 23);
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** One JSON log record as a line (or, with a stack, a few lines) of text ending in a newline. */
export function formatPrettyRecord(record: Record<string, unknown>, options: { colors?: boolean } = {}) {
  const level = typeof record.level === 'string' ? record.level : String(record.level ?? 'info');
  const label = level.toUpperCase().padEnd(5);
  const coloredLabel = options.colors ? `${levelColors[level] ?? ''}${label}${resetColor}` : label;
  const fields: string[] = [];
  let stack: string | undefined;
  for (const [key, value] of Object.entries(record)) {
    if (hiddenFields.has(key) || value === undefined) continue;
    if (key === 'error' && value && typeof value === 'object') {
      const error = value as { message?: unknown; code?: unknown; stack?: unknown };
      fields.push(`error=${fieldText(error.message)}`);
      if (error.code !== undefined) fields.push(`errorCode=${fieldText(error.code)}`);
      if (typeof error.stack === 'string') stack = error.stack;
      continue;
    }
    fields.push(`${key}=${fieldText(value)}`);
  }
  const message = typeof record.msg === 'string' ? record.msg : '';
  let text = `${clockTime(record.time)} ${coloredLabel} ${message}`;
  if (fields.length) text += `  ${fields.join(' ')}`;
  if (stack) {
    // The stack's first line repeats the message already shown.
    const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
    if (frames.length) text += `\n${frames.map((frame) => `    ${frame.trim()}`).join('\n')}`;
  }
  return `${text}\n`;
}

/** `line` (pino's JSON) as pretty text; a line that is not JSON is passed through as is. */
export function formatPrettyLine(line: string, options: { colors?: boolean } = {}): string {
  try {
    return formatPrettyRecord(JSON.parse(line) as Record<string, unknown>, options);
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
}
