import { describe, expect, it } from 'vitest';
import { scheduleShape, scheduleShapeInWords } from './schedule-shape.ts';

describe('scheduleShape', () => {
  it('names the common shapes', () => {
    expect(scheduleShape('0 8 * * 1-5')?.key).toBe('weekdays@08:00');
    expect(scheduleShape('30 18 * * *')?.key).toBe('daily@18:30');
    expect(scheduleShape('0 9 * * 1')?.key).toBe('weekly-1@09:00');
    expect(scheduleShape('0 9 * * 7')?.key).toBe('weekly-0@09:00');
    expect(scheduleShape('*/15 * * * *')?.key).toBe('every-15-minutes');
    expect(scheduleShape('5 * * * *')?.key).toBe('hourly');
    expect(scheduleShape('0 0 8 * * 1-5')?.key).toBe('weekdays@08:00');
  });

  it('has none for a particular cron', () => {
    expect(scheduleShape('0 8 1 * *')).toBeUndefined();
    expect(scheduleShape('0 8,12 * * *')).toBeUndefined();
    expect(scheduleShape('nonsense')).toBeUndefined();
  });

  it('says a shape in words the schedule parser reads', () => {
    expect(scheduleShapeInWords('weekdays@08:00')).toBe('every weekday at 08:00');
    expect(scheduleShapeInWords('weekly-1@09:00')).toBe('every Monday at 09:00');
    expect(scheduleShapeInWords('every-15-minutes')).toBe('every 15 minutes');
    expect(scheduleShapeInWords('unknown')).toBeUndefined();
  });
});
