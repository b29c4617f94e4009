import { describe, expect, it } from 'vitest';
import { withClockDigits } from './clock-words.ts';
import { cronFromWords } from './schedule-words.ts';

describe('times of day in words', () => {
  it.each([
    ['every weekday at half 8', 'every weekday at 8:30'],
    ['half past 8pm', '8:30pm'],
    ['at quarter past 7', 'at 7:15'],
    ['a quarter after 6 am', '6:15 am'],
    ['quarter to 9', '8:45'],
    ['quarter to 1', '12:45'],
    ['every day 8ish', 'every day at 8'],
    ['at 8am-ish', 'at 8am'],
    ['at around 7', 'at 7'],
    ['mondays at half ten', 'mondays at 10:30'],
    ['at quarter past eight on mondays', 'at 8:15 on mondays'],
    ['a quarter to twelve', '11:45'],
    ["at seven o'clock", "at 7 o'clock"],
    ['at six in the morning', 'at 6 in the morning'],
    ['at nine on weekdays', 'at 9 on weekdays'],
  ])('reads "%s" as "%s"', (said, digits) => {
    expect(withClockDigits(said)).toBe(digits);
  });

  it.each([
    'every half hour',
    'in about 2 hours',
    'around 8 times a day',
    'every 15 minutes',
    'create two agents',
    'look at one page',
    'every three hours',
  ])('leaves "%s" alone: a span, not a time of day', (said) => {
    expect(withClockDigits(said)).toBe(said);
  });

  it('gives the schedule parser the half hour, not the default hour', () => {
    expect(cronFromWords('every weekday at half 8')).toBe('30 8 * * 1-5');
    expect(cronFromWords('daily at quarter to 9')).toBe('45 8 * * *');
    expect(cronFromWords('every friday around 5pm')).toBe('0 17 * * 5');
    expect(cronFromWords('mondays and thursdays at half ten')).toBe('30 10 * * 1,4');
    expect(cronFromWords('every day at seven in the evening')).toBe('0 19 * * *');
  });
});
