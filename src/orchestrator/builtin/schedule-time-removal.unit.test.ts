import { describe, expect, it } from 'vitest';
import { hoursKept } from './schedule-time-removal.ts';

describe('hoursKept', () => {
  it('takes a named run off and keeps the others', () => {
    expect(hoursKept('turn off the 6am run, keep the 10am one', [6, 10])).toEqual([10]);
    expect(hoursKept('drop the 18:00 slot', [8, 13, 18])).toEqual([8, 13]);
  });

  it('keeps only the runs named after "only keep"', () => {
    expect(hoursKept('only keep the evening one', [7, 19])).toEqual([19]);
  });

  it('changes nothing when no run of the schedule is named, or all would go', () => {
    expect(hoursKept('drop the 9am run', [6, 10])).toBeUndefined();
    expect(hoursKept('remove the morning runs', [6, 10])).toBeUndefined();
    expect(hoursKept('run it at 10', [6, 10])).toBeUndefined();
  });
});
