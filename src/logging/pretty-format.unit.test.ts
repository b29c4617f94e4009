import { describe, expect, it } from 'vitest';
import { formatPrettyLine, formatPrettyRecord } from './pretty-format.ts';

describe('pretty format', () => {
  it('writes the time, level, message and fields on one line', () => {
    const line = formatPrettyRecord({
      level: 'info',
      time: '2026-12-07T12:04:31.250Z',
      pid: 42,
      hostname: 'box',
      requestId: 'r-1',
      msg: 'request',
      method: 'GET',
      route: '/api/me',
      status: 200,
      durationMs: 3.5,
    });
    expect(line).toBe(
      '12:04:31.250 INFO  request  requestId=r-1 method=GET route=/api/me status=200 durationMs=3.5\n',
    );
  });

  it('quotes text with spaces, shows objects as JSON and leaves colours out unless asked', () => {
    const line = formatPrettyRecord({
      level: 'warn',
      time: '2026-12-07T12:04:31.250Z',
      msg: 'run failed',
      errorMessage: 'the page answered 500',
      details: { attempts: 2 },
    });
    expect(line).toBe(
      '12:04:31.250 WARN  run failed  errorMessage="the page answered 500" details={"attempts":2}\n',
    );
    expect(formatPrettyRecord({ level: 'warn', msg: 'x' }, { colors: true })).toContain('\u001b[33mWARN ');
  });

  it("puts an error's message inline and its stack frames below", () => {
    const text = formatPrettyRecord({
      level: 'error',
      time: '2026-12-07T12:04:31.250Z',
      msg: 'unexpected error while handling a request',
      error: {
        type: 'Error',
        message: 'boom',
        code: 'E1',
        stack: 'Error: boom\n    at handler (src/a.ts:1:1)\n    at next (src/b.ts:2:2)',
      },
    });
    expect(text).toBe(
      '12:04:31.250 ERROR unexpected error while handling a request  error=boom errorCode=E1\n' +
        '    at handler (src/a.ts:1:1)\n    at next (src/b.ts:2:2)\n',
    );
  });

  it('passes a line that is not JSON through', () => {
    expect(formatPrettyLine('plain words')).toBe('plain words\n');
  });
});
