import { describe, expect, it } from 'vitest';
import { storable } from './storable.ts';

describe('storable', () => {
  it('replaces NUL characters anywhere in a value and leaves everything else alone', () => {
    expect(storable({ text: 'a\u0000b', list: ['\u0000'], n: 1 })).toEqual({
      text: 'a\ufffdb',
      list: ['\ufffd'],
      n: 1,
    });
    const plain = { text: 'no nul here' };
    expect(storable(plain)).toBe(plain);
  });

  it('keeps the six characters \\u0000 written as text', () => {
    expect(storable({ text: 'escaped \\u0000 and real \u0000' })).toEqual({
      text: 'escaped \\u0000 and real \ufffd',
    });
  });
});
