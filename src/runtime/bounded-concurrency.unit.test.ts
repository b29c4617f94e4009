import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from './bounded-concurrency.ts';

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('mapWithConcurrency', () => {
  it('keeps the order of results and never exceeds the limit', async () => {
    let inFlight = 0;
    let highest = 0;
    const results = await mapWithConcurrency([30, 10, 20, 5, 15], 2, async (delay, index) => {
      inFlight++;
      highest = Math.max(highest, inFlight);
      await pause(delay);
      inFlight--;
      return index * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40]);
    expect(highest).toBe(2);
  });

  it('starts nothing after a failure and lets the items in flight finish before throwing', async () => {
    const finished: number[] = [];
    const started: number[] = [];
    const outcome = mapWithConcurrency([0, 1, 2, 3, 4], 2, async (_, index) => {
      started.push(index);
      if (index === 0) throw new Error('item 0 broke');
      await pause(20);
      finished.push(index);
    });
    await expect(outcome).rejects.toThrow('item 0 broke');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([1]);
  });
});
