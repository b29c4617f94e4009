// The backlog gauge answers from its last reading without waiting, refuses only past the limit,
// and admits when its reading is too old to trust.
import { describe, expect, it } from 'vitest';
import { BacklogGauge } from './backlog-gauge.ts';

function gauge(counts: number[], options: { trustMilliseconds?: number } = {}) {
  let reads = 0;
  const instance = new BacklogGauge({
    limit: 10,
    read: async () => counts[Math.min(reads++, counts.length - 1)] ?? 0,
    onError: () => undefined,
    ...options,
  });
  return { instance, reads: () => reads };
}

describe('BacklogGauge', () => {
  it('admits while the count is at or under the limit, and refuses past it with the count', async () => {
    const under = gauge([10]);
    await under.instance.refresh();
    expect(under.instance.overLimit()).toBeUndefined();
    const over = gauge([11]);
    await over.instance.refresh();
    expect(over.instance.overLimit()).toEqual({ bound: 'queue', waiting: 11, limit: 10 });
  });

  it('admits before its first reading, and when its reading is too old to trust', async () => {
    const fresh = gauge([50]);
    expect(fresh.instance.overLimit()).toBeUndefined();
    const stale = gauge([50], { trustMilliseconds: 0 });
    await stale.instance.refresh();
    expect(stale.instance.overLimit()).toBeUndefined();
  });

  it('shares one reading among questions asked while it is under way', async () => {
    const shared = gauge([20]);
    await Promise.all([shared.instance.refresh(), shared.instance.refresh(), shared.instance.refresh()]);
    expect(shared.reads()).toBe(1);
  });

  it('keeps answering from its last reading when a reading fails', async () => {
    const errors: unknown[] = [];
    let fail = false;
    const instance = new BacklogGauge({
      limit: 1,
      read: async () => {
        if (fail) throw new Error('database gone');
        return 5;
      },
      onError: (error) => errors.push(error),
    });
    await instance.refresh();
    fail = true;
    await instance.refresh();
    expect(errors).toHaveLength(1);
    expect(instance.overLimit()).toEqual({ bound: 'queue', waiting: 5, limit: 1 });
  });
});
