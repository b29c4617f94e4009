import { describe, expect, it } from 'vitest';
import { nextOccurrences } from './schedule-times.ts';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('schedule occurrences across clock changes', () => {
  it('keeps every half hour when New York turns its clocks back (the repeated hour too)', () => {
    // Clocks go back at 06:00 UTC on 1 November 2026 (02:00 EDT becomes 01:00 EST).
    expect(
      iso(nextOccurrences('*/30 * * * *', 'America/New_York', new Date('2026-11-01T04:50:00Z'), 5)),
    ).toEqual([
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T06:00:00.000Z',
      '2026-11-01T06:30:00.000Z',
      '2026-11-01T07:00:00.000Z',
    ]);
  });

  it('keeps a named hour in the schedule’s own zone, summer and winter', () => {
    const [summer] = nextOccurrences('0 8 * * *', 'Europe/Paris', new Date('2026-07-01T00:00:00Z'), 1);
    const [winter] = nextOccurrences('0 8 * * *', 'Europe/Paris', new Date('2026-12-01T00:00:00Z'), 1);
    expect(summer?.toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(winter?.toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });

  it('reads an every-few-minutes cron in a half-hour zone in that zone', () => {
    const [next] = nextOccurrences('0 * * * *', 'Asia/Kolkata', new Date('2026-06-01T00:10:00Z'), 1);
    expect(next?.toISOString()).toBe('2026-06-01T00:30:00.000Z');
  });
});
