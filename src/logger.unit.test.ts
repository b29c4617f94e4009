import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleLogger } from './logger.ts';

afterEach(() => vi.restoreAllMocks());

describe('logger', () => {
  it("never writes a failed query's parameters", () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const failure = Object.assign(
      new Error('Failed query: insert into users ... params: ada@example.com,scrypt$secret'),
      {
        query: 'insert into users (email, password_hash) values ($1, $2)',
        params: ['ada@example.com', 'scrypt$secret'],
        cause: new Error('duplicate key value violates unique constraint'),
      },
    );
    consoleLogger().error('unexpected error', failure);
    const line = written.join('');
    expect(line).toContain('insert into users (email, password_hash) values ($1, $2)');
    expect(line).toContain('duplicate key value');
    expect(line).not.toContain('ada@example.com');
    expect(line).not.toContain('scrypt$secret');
  });
});
