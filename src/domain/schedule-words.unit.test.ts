import { describe, expect, it } from 'vitest';
import { cronFromWords, ScheduleWordsError } from './schedule-words.ts';

describe('schedules in words', () => {
  it.each([
    ['every weekday at 8am', '0 8 * * 1-5'],
    ['weekdays at 9:30', '30 9 * * 1-5'],
    ['Every morning at 8 a.m.', '0 8 * * *'],
    ['every day at 18:30', '30 18 * * *'],
    ['at 7:45 pm every day', '45 19 * * *'],
    ['every 15 minutes', '*/15 * * * *'],
    ['every 10 seconds', '*/10 * * * * *'],
    ['every 2 hours on weekdays', '0 */2 * * 1-5'],
    ['hourly', '0 * * * *'],
    ['on Mondays', '0 9 * * 1'],
    ['on Mondays and Thursdays at 7am', '0 7 * * 1,4'],
    ['first Monday of the month at 9', '0 9 * * 1#1'],
    ['last Friday of the month at 5pm', '0 17 * * 5L'],
    ['on the 15th at 10:00', '0 10 15 * *'],
    ['monthly', '0 9 1 * *'],
    ['weekly on friday at 4pm', '0 16 * * 5'],
    ['every evening', '0 18 * * *'],
    ['every weekend at noon', '0 12 * * 0,6'],
    ['every evening at 7', '0 19 * * *'],
    ['every afternoon at 3:15', '15 15 * * *'],
    ['at 9:30 in the evening', '30 21 * * *'],
    ['every morning at 7', '0 7 * * *'],
    ['every evening at 7am', '0 7 * * *'],
    ['on the 1st and the 15th 6am', '0 6 1,15 * *'],
    ['15th & 1st of each month at 7', '0 7 1,15 * *'],
    ['every 30 min during office hours (9-5) on weekdays', '*/30 9-16 * * 1-5'],
    ['hourly during business hours', '0 9-17 * * *'],
    ['every 15 minutes 8am to 6pm', '*/15 8-17 * * *'],
    ['hourly 8-6 mon to fri', '0 8-18 * * 1-5'],
    ['at 7 tuesday through thursday', '0 7 * * 2-4'],
    ['every weekday at 9 in december only', '0 9 * 12 1-5'],
    ['hourly from june to august', '0 * * 6-8 *'],
    ['every 10 seconds during march', '*/10 * * * 3 *'],
    ['on the 1st at 8 in january and july', '0 8 1 1,7 *'],
    ['daily at 6 from november to february', '0 6 * 1,2,11,12 *'],
    ['twice a day, 8 and 17', '0 8,17 * * *'],
    ['at 7am and 7pm, twice daily', '0 7,19 * * *'],
    ['three times a day at 8, 13 and 18 on weekdays', '0 8,13,18 * * 1-5'],
    // Days of the month in words; an ordinal before a week day or "day" keeps its own meaning.
    ['on the first at 8', '0 8 1 * *'],
    ['on the first and fifteenth at 9', '0 9 1,15 * *'],
    ['every month on the twenty-first', '0 9 21 * *'],
    ['on the second monday at 10', '0 10 * * 1#2'],
    ['on the first day of the month', '0 9 1 * *'],
  ])('reads "%s" as %s', (text, cron) => {
    expect(cronFromWords(text)).toBe(cron);
  });

  it.each([
    ['every blue moon', 'blue moon'],
    ['soon', 'soon'],
    ['every tuesday at 25:00', '25:00'],
    ['every 90 minutes', '90'],
    ['', 'when it should run'],
    ['every other friday at 4pm', 'every friday at 16:00'],
    ['alternate mondays', 'every monday at 9:00'],
    ['every second week', 'every second week'],
    ['bi-weekly on tuesday', 'every tuesday'],
    ['on the last working day of each month', 'last day of the month at 9:00'],
    ['first business day of the month at 7', 'on the 1st of the month at 7:00'],
    ['twice a day at 8', 'twice a day'],
    ['every weekday in may or so', 'may'],
  ])('refuses "%s", naming %s', (text, named) => {
    expect(() => cronFromWords(text)).toThrow(ScheduleWordsError);
    expect(() => cronFromWords(text)).toThrow(named);
  });
});
