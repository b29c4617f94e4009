// When a repeat loop's `until` counts as holding: as JSONata's $boolean would say, since the
// condition is JSONata (an empty list or text is false, a list is true when a member is).
import { describe, expect, it } from 'vitest';
import { jsonataTruth } from './repeat-loop.ts';

describe('until truth', () => {
  it('follows $boolean rather than JavaScript', () => {
    for (const value of [true, 1, 'ready', [false, true], { done: true }])
      expect(jsonataTruth(value)).toBe(true);
    for (const value of [undefined, null, false, 0, '', [], [false, 0, ''], {}]) {
      expect(jsonataTruth(value)).toBe(false);
    }
  });
});
