import { describe, expect, it } from 'vitest';
import { readScheduleStop } from './schedule-stopping.ts';
import { daysOfField, fieldOfDays } from './week-days.ts';

describe('week days of a cron', () => {
  it('reads lists, ranges, steps and names', () => {
    expect(daysOfField('*')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(daysOfField('1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(daysOfField('MON,wed,7')).toEqual([0, 1, 3]);
    expect(daysOfField('5-7')).toEqual([0, 5, 6]);
    expect(daysOfField('*/2')).toEqual([0, 2, 4, 6]);
    expect(daysOfField('L')).toBeUndefined();
  });

  it('writes runs of days as ranges', () => {
    expect(fieldOfDays([0, 1, 2, 3, 4, 6])).toBe('0-4,6');
    expect(fieldOfDays([1, 2, 4, 5])).toBe('1,2,4,5');
    expect(fieldOfDays([0, 1, 2, 3, 4, 5, 6])).toBe('*');
  });
});

describe('stopping some runs', () => {
  it('reads the days taken off, in the order said', () => {
    expect(readScheduleStop("don't run it on fridays anymore")).toEqual({
      kind: 'days',
      days: [5],
      words: ['Fridays'],
    });
    expect(readScheduleStop('never run X on saturdays or sundays')).toMatchObject({ days: [6, 0] });
    expect(readScheduleStop('X should not run at weekends')).toMatchObject({ days: [0, 6] });
  });

  it('takes the whole schedule off when no day is named', () => {
    expect(readScheduleStop('stop X running every hour')).toEqual({ kind: 'all' });
  });

  it('is no schedule stop without a time, or with a name that sounds like one', () => {
    expect(readScheduleStop('stop the lead scraper')).toBeUndefined();
    expect(readScheduleStop('run X on mondays')).toBeUndefined();
    expect(readScheduleStop('stop running the Monday Digest', ['Monday Digest'])).toBeUndefined();
  });
});
