import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-context.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it("keeps a caller's sane id", () => {
    for (const id of ['abc', 'req-42', '7d4c9a36-0c1e-4a8b-9f0e-2b1d3c4e5f60', 'trace:1.2_3', 'YWJj+/==']) {
      expect(requestIdFrom(id)).toBe(id);
    }
  });

  it('makes a new one when there is none, or the given one is too long, odd or secret-shaped', () => {
    expect(requestIdFrom(undefined)).toMatch(uuid);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
    for (const id of [
      '',
      'x'.repeat(129),
      'two words',
      'line\nbreak',
      '<script>',
      '-starts-with-a-dash',
      'orca_s_abcdefghijklmnopqrstuvwxyz',
      'password=hunter2',
    ]) {
      expect(requestIdFrom(id)).toMatch(uuid);
    }
    expect(requestIdFrom('x'.repeat(128))).toBe('x'.repeat(128));
  });
});
