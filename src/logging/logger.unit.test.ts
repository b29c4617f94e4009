import { describe, expect, it } from 'vitest';
import { completeLogger, createLogger } from './logger.ts';

function capture(level: 'debug' | 'info' | 'warn' | 'silent' = 'info', format: 'json' | 'pretty' = 'json') {
  const lines: string[] = [];
  const logger = createLogger({ level, format, write: (line) => void lines.push(line) });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line)) };
}

describe('logger', () => {
  it('writes JSON lines with the level name, an ISO time, the message and the fields', () => {
    const { logger, records } = capture();
    logger.info('workspace deleted', { workspaceId: 'w1' });
    const [record] = records();
    expect(record).toMatchObject({ level: 'info', msg: 'workspace deleted', workspaceId: 'w1' });
    expect(new Date(record.time).toISOString()).toBe(record.time);
  });

  it('writes only lines at or above its level', () => {
    const { logger, records } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(records().map((record) => record.level)).toEqual(['warn', 'error']);
    const silent = capture('silent');
    silent.logger.error('e', new Error('x'));
    expect(silent.lines).toEqual([]);
  });

  it("adds a child's fields to each of its lines", () => {
    const { logger, records } = capture();
    logger.child({ requestId: 'r1' }).child({ runId: 'run1' }).info('step', { stepId: 's' });
    expect(records()[0]).toMatchObject({ requestId: 'r1', runId: 'run1', stepId: 's' });
  });

  it("describes an error, and never a failed query's parameters", () => {
    const captured = capture();
    const failure = Object.assign(
      new Error('Failed query: insert into users ... params: ada@example.com,scrypt$secret'),
      {
        query: 'insert into users (email, password_hash) values ($1, $2)',
        params: ['ada@example.com', 'scrypt$secret'],
        cause: Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
      },
    );
    captured.logger.error('unexpected error', failure, { requestId: 'r1' });
    const output = captured.lines.join('');
    expect(captured.records()[0]).toMatchObject({
      level: 'error',
      requestId: 'r1',
      error: { type: 'DrizzleQueryError', code: '23505' },
    });
    expect(output).toContain('insert into users (email, password_hash) values ($1, $2)');
    expect(output).toContain('duplicate key value');
    expect(output).not.toContain('ada@example.com');
    expect(output).not.toContain('scrypt$secret');
  });

  it('scrubs secrets from messages, fields, child fields and errors', () => {
    const { logger, lines } = capture();
    const child = logger.child({ authorization: 'Bearer orca_s_childsecretchildsecret' });
    child.info('called with Bearer orca_t_messagesecret1234', {
      password: 'plain-password',
      nested: { url: 'https://user:urlsecret@example.com/x?token=querysecret' },
    });
    child.error('failed', new Error('upstream said whsec_errorsecret123 was wrong'));
    const output = lines.join('');
    for (const secret of [
      'childsecret',
      'messagesecret',
      'plain-password',
      'urlsecret',
      'querysecret',
      'errorsecret',
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[redacted]');
  });

  it('writes readable text in the pretty format', () => {
    const { logger, lines } = capture('info', 'pretty');
    logger.info('request', { route: '/api/me', status: 200 });
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}request {2}route=\/api\/me status=200\n$/);
  });
});

describe('completeLogger', () => {
  it('turns an { info, error } logger into a whole one', () => {
    const seen: string[] = [];
    const logger = completeLogger({
      info: (message, fields) => void seen.push(`info ${message} ${JSON.stringify(fields ?? {})}`),
      error: (message) => void seen.push(`error ${message}`),
    });
    logger.debug('not shown');
    logger.warn('careful', { a: 1 });
    logger.child({ requestId: 'r' }).info('hello');
    logger.error('bad', new Error('x'));
    expect(seen).toEqual(['info careful {"a":1}', 'info hello {"requestId":"r"}', 'error bad']);
  });
});
