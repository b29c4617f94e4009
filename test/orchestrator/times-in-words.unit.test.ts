// Times in words beyond one daily cron: one-off times (chrono-node, in the user's zone, across a
// change of clocks), several times a day, ranges of hours, and what one cron cannot say — whose
// nearest options must themselves be schedules the parser accepts.
import { describe, expect, it } from 'vitest';
import { cronFromWords, ScheduleWordsError } from '../../src/domain/schedule-words.ts';
import { oneOffIn } from '../../src/orchestrator/builtin/one-off-times.ts';
import { scheduleIn } from '../../src/orchestrator/builtin/schedule-phrases.ts';
import { rangeNote } from '../../src/orchestrator/builtin/schedule-planning.ts';

/** Tuesday 24 November 2026, 11:00 in Berlin. */
const now = new Date('2026-11-24T10:00:00Z');

function refusal(text: string): ScheduleWordsError {
  try {
    cronFromWords(text);
  } catch (error) {
    if (error instanceof ScheduleWordsError) return error;
    throw error;
  }
  throw new Error(`"${text}" was read as a schedule`);
}

describe('one-off times', () => {
  it.each([
    ['next Tuesday at 3pm', '2026-12-01T14:00:00.000Z'],
    ['in two hours', '2026-11-24T12:00:00.000Z'],
    ['in 45 minutes', '2026-11-24T10:45:00.000Z'],
    ['tomorrow at 9', '2026-11-25T08:00:00.000Z'],
    ['tomorrow at 9:30pm', '2026-11-25T20:30:00.000Z'],
    ['tonight at 8', '2026-11-24T19:00:00.000Z'],
    ['this friday at 5pm', '2026-11-27T16:00:00.000Z'],
    ['on 12 December at 10:30', '2026-12-12T09:30:00.000Z'],
    ['Dec 8 at 3pm', '2026-12-08T14:00:00.000Z'],
  ])('reads "%s" in Europe/Berlin', (text, expected) => {
    expect(oneOffIn(text, 'Europe/Berlin', now)).toEqual({
      kind: 'at',
      at: new Date(expected),
      words: expect.any(String),
    });
  });

  it('reads a wall-clock time after the clocks change in that zone’s offset then, not now', () => {
    // 29 March 2027: Berlin is on summer time (UTC+2), though it is winter time when asked.
    const reading = oneOffIn('on 29 March 2027 at 9', 'Europe/Berlin', now);
    expect(reading).toMatchObject({ kind: 'at', at: new Date('2027-03-29T07:00:00Z') });
  });

  it('reads in other zones', () => {
    expect(oneOffIn('tomorrow at 9', 'America/New_York', now)).toMatchObject({
      at: new Date('2026-11-25T14:00:00Z'),
    });
    expect(oneOffIn('tomorrow at 9', 'UTC', now)).toMatchObject({ at: new Date('2026-11-25T09:00:00Z') });
  });

  it('asks for a time when only a day is said', () => {
    expect(oneOffIn('tomorrow', 'Europe/Berlin', now)).toEqual({ kind: 'day', words: 'tomorrow' });
  });

  it.each([
    'every day at 9',
    'at 9',
    'on Mondays at 7',
    'on friday at 5',
    'every weekday at 8am',
    'now',
    'today',
    'three times a day',
    'run it',
    'did it run yesterday at 9',
    'it failed 2 days ago',
    'the last friday of the month',
  ])('leaves "%s" to schedules and plain runs', (text) => {
    expect(oneOffIn(text, 'Europe/Berlin', now)).toBeUndefined();
  });
});

describe('several times a day', () => {
  it.each([
    ['at 7 and 19', '0 7,19 * * *'],
    ['at 7am and 7pm', '0 7,19 * * *'],
    ['every day at 8, 13 and 18', '0 8,13,18 * * *'],
    ['at 19 and 7', '0 7,19 * * *'],
    ['on weekdays at 6:15 and 18:15', '15 6,18 * * 1-5'],
  ])('"%s" is %s', (text, cron) => {
    expect(cronFromWords(text)).toBe(cron);
  });

  it.each([
    ['move the weekly report to 8am and 6pm', 'at 8am and 6pm'],
    ['move it to 8 and 18', 'at 8 and 18'],
    ['run it at 8am and at 6pm', 'at 8am and 6pm'],
    ['schedule it for 7 and 19', 'at 7 and 19'],
  ])('finds every listed time in "%s", whatever word leads them', (text, words) => {
    expect(scheduleIn(text)).toMatchObject({ kind: 'found', words });
  });

  it.each([
    ['every 30 minutes from 9 to 17', '*/30 9-16 * * *'],
    ['every monday at quarter to 9', '45 8 * * 1'],
  ])('keeps "to" in a range or a time before the hour: "%s"', (text, cron) => {
    const reading = scheduleIn(text);
    expect(reading?.kind).toBe('found');
    expect(cronFromWords((reading as { words: string }).words)).toBe(cron);
  });

  it('refuses times with different minutes, saying why, with options that parse', () => {
    const error = refusal('at 7:30 and 18:00');
    expect(error.message).toContain('different minutes');
    expect(error.options).toEqual(['at 7:30 and 18:30', 'at 7:00 and 18:00']);
    expect(error.options.map((option) => cronFromWords(option))).toEqual(['30 7,18 * * *', '0 7,18 * * *']);
  });

  it('asks which times for "three times a day", proposing 8, 13 and 18', () => {
    const error = refusal('three times a day');
    expect(error.message).toContain('at 8, 13 and 18');
    expect(error.options.map((option) => cronFromWords(option))).toEqual([
      '0 8,13,18 * * *',
      '0 */8 * * *',
      '0 9,13,17 * * *',
    ]);
    expect(refusal('twice a day on weekdays').options[0]).toBe('at 8 and 18 on weekdays');
    expect(cronFromWords(refusal('twice a day on weekdays').options[0] ?? '')).toBe('0 8,18 * * 1-5');
  });
});

describe('ranges of hours', () => {
  it.each([
    ['every 30 minutes from 9 to 17 on weekdays', '*/30 9-16 * * 1-5'],
    ['every 15 minutes between 9am and 5pm', '*/15 9-16 * * *'],
    ['every 10 minutes from 9 to 5', '*/10 9-16 * * *'],
    ['hourly between 8am and 6pm', '0 8-18 * * *'],
    ['every 2 hours from 8 to 18', '0 8-18/2 * * *'],
    ['every 30 minutes from 9:00 to 10:00', '*/30 9 * * *'],
  ])('"%s" is %s', (text, cron) => {
    expect(cronFromWords(text)).toBe(cron);
  });

  it('refuses a range that ends before it starts, or one with no interval', () => {
    expect(() => cronFromWords('every 30 minutes from 17 to 9am')).toThrow(ScheduleWordsError);
    expect(() => cronFromWords('every day between 8 and 18')).toThrow(ScheduleWordsError);
  });

  it('says when the last run is and whether the end hour is included', () => {
    expect(rangeNote('*/30 9-16 * * 1-5')).toBe(
      ' The last run each day is at 16:30; 17:00 itself is not included (a schedule cannot stop on the hour without also running at 17:30).',
    );
    expect(rangeNote('0 8-18 * * *')).toBe(' The last run each day is at 18:00.');
    expect(rangeNote('0 8-17/2 * * *')).toBe(' The last run each day is at 16:00.');
    expect(rangeNote('0 8 * * *')).toBe('');
  });
});

describe('what one schedule cannot say', () => {
  it.each([
    ['every other week', 'every other week', ['every monday at 9:00', 'first monday of the month at 9:00']],
    [
      'every 2 weeks on friday at 10',
      'every 2 weeks',
      ['every friday at 10:00', 'first friday of the month at 10:00'],
    ],
    ['every two weeks', 'every two weeks', ['every monday at 9:00', 'first monday of the month at 9:00']],
    [
      'fortnightly on tuesday at 9',
      'fortnightly',
      ['every tuesday at 9:00', 'first tuesday of the month at 9:00'],
    ],
    ['every 10 days', 'every 10 days', ['every monday at 9:00', 'on the 1st of the month at 9:00']],
    [
      'every other day at 7',
      'every other day',
      ['every day at 7:00', 'every monday wednesday and friday at 7:00'],
    ],
    ['every 3 days at 18:00', 'every 3 days', ['every day at 18:00', 'every monday and thursday at 18:00']],
  ])('"%s" is refused plainly, with the nearest', (text, phrase, options) => {
    const error = refusal(text);
    expect(error.message).toMatch(new RegExp(`cannot say "${phrase}"`));
    expect(error.options).toEqual(options);
    for (const option of error.options) expect(() => cronFromWords(option), option).not.toThrow();
  });

  it('still says what cron with croner can: the last Friday of the month, every other hour', () => {
    expect(cronFromWords('the last Friday of the month')).toBe('0 9 * * 5L');
    expect(cronFromWords('the last day of the month at 6pm')).toBe('0 18 L * *');
    expect(cronFromWords('at the end of every month')).toBe('0 9 L * *');
    expect(cronFromWords('on the first day of each month at 7')).toBe('0 7 1 * *');
    expect(cronFromWords('every other hour')).toBe('0 */2 * * *');
    expect(cronFromWords('every day at 9')).toBe('0 9 * * *');
  });

  it('is found in a whole request before a part of it that parses ("on friday at 10")', () => {
    const reading = scheduleIn('run the weekly report every other week on friday at 10', ['Weekly Report']);
    expect(reading).toMatchObject({
      kind: 'unclear',
      words: 'every other week',
      options: ['every friday at 10:00', 'first friday of the month at 10:00'],
    });
  });
});
