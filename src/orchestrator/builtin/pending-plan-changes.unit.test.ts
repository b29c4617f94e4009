import { describe, expect, it } from 'vitest';
import { inSameHalfOfDay, narrowedSchedule } from './pending-plan-changes.ts';

describe('narrowedSchedule', () => {
  it('keeps the proposed time when only days are named', () => {
    expect(narrowedSchedule('and only on weekdays', 'every day at 8:30')).toBe(
      'every day at 8:30 only on weekdays',
    );
    expect(narrowedSchedule('just mondays and fridays', 'every day at 7')).toBe(
      'every day at 7 only on mondays and fridays',
    );
  });

  it('keeps the proposed step when only hours are named', () => {
    expect(narrowedSchedule('but not at night, only 7am to 10pm', 'every 3 hours')).toBe(
      'every 3 hours from 7am to 10pm',
    );
    expect(narrowedSchedule('only 9:00 to 17:00', 'every 2 hours from 6am to 11pm')).toBe(
      'every 2 hours from 9:00 to 17:00',
    );
  });

  it('leaves a message with a time or step of its own to be read whole', () => {
    expect(narrowedSchedule('only on weekdays at 9', 'every day at 8:30')).toBeUndefined();
    expect(narrowedSchedule('every 4 hours from 8am to 8pm', 'every 3 hours')).toBeUndefined();
    // The days of a schedule that has days already are not guessed at.
    expect(narrowedSchedule('only on weekends', 'every monday at 9')).toBeUndefined();
    // "2 to 3" is no window of hours without a clock.
    expect(narrowedSchedule('only 2 to 3 times', 'every 3 hours')).toBeUndefined();
  });
});

describe('inSameHalfOfDay', () => {
  it('reads a bare hour in the half of the day of the time it replaces', () => {
    expect(inSameHalfOfDay('4', 15)).toBe('4pm');
    expect(inSameHalfOfDay('11', 10)).toBe('11');
    expect(inSameHalfOfDay('6', undefined)).toBe('6');
  });

  it('leaves an hour said with am, pm or minutes, or past noon, as said', () => {
    expect(inSameHalfOfDay('9am', 15)).toBe('9am');
    expect(inSameHalfOfDay('4:30', 15)).toBe('4:30');
    expect(inSameHalfOfDay('13', 15)).toBe('13');
  });
});
