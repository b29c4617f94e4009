// What a schedule (one cron) cannot say, said plainly with the nearest it can: "every other week"
// and "every 10 days" (cron counts days of the week and of the month, not weeks or days since a
// start), "three times a day" (which times?), and "at 7:30 and 18:00" (one cron fires at the same
// minutes in every hour it names). Each gives options in words the schedule parser accepts, so
// the answer to the question can be one of them.
import { numberWords } from './number-words.ts';

/** Words the schedule parser would otherwise read as something else, refused with the nearest. */
export class ScheduleLimitError extends Error {
  constructor(
    message: string,
    /** The phrase that cannot be said. */
    readonly phrase: string,
    /** The nearest schedules, in words the parser accepts. */
    readonly options: string[],
  ) {
    super(message);
  }
}

function count(word: string | undefined): number {
  if (!word) return 0;
  if (word === 'other' || word === 'twice' || word === 'second' || word === 'alternate') return 2;
  if (word === 'once') return 1;
  if (word === 'thrice') return 3;
  return /^\d+$/.test(word) ? Number(word) : (numberWords[word] ?? 0);
}

const amount = `(other|\\d{1,3}|${Object.keys(numberWords).join('|')})`;
/** Day names and their short forms, as the schedule parser reads them. */
const weekDayNames =
  'sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tues|tue|wed|thurs|thur|thu|fri|sat';
const dayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** What the rest of the request says of the time and the days, for the nearest schedules. */
export interface ScheduleRest {
  minute: number;
  hour: number;
  /** A cron day-of-week field ("*", "1", "1-5"). */
  days: string;
}

function clock({ hour, minute }: { hour: number; minute: number }) {
  return `${hour}:${String(minute).padStart(2, '0')}`;
}

function daysInWords(days: string): string {
  if (days === '1-5') return ' on weekdays';
  if (days === '0,6') return ' on weekends';
  if (days === '*') return '';
  return ` on ${days
    .split(',')
    .map((day) => dayNames[Number(day)] ?? '')
    .join(' and ')}`;
}

function firstDay(days: string): string {
  const first = days === '*' || days === '0,6' ? '1' : (days.split(/[,-]/)[0] ?? '1');
  return dayNames[Number(first)] ?? 'monday';
}

function everyFewWeeks(phrase: string, rest: ScheduleRest): ScheduleLimitError {
  const day = firstDay(rest.days);
  return new ScheduleLimitError(
    `A schedule cannot say "${phrase}": it repeats on days of the week or of the month, not every few weeks. The nearest is every ${day} at ${clock(rest)}, or the first ${day} of each month.`,
    phrase,
    [`every ${day} at ${clock(rest)}`, `first ${day} of the month at ${clock(rest)}`],
  );
}

function everyFewDays(phrase: string, days: number, rest: ScheduleRest): ScheduleLimitError {
  const at = clock(rest);
  const options =
    days === 2
      ? [`every day at ${at}`, `every monday wednesday and friday at ${at}`]
      : days < 6
        ? [`every day at ${at}`, `every monday and thursday at ${at}`]
        : [`every ${firstDay(rest.days)} at ${at}`, `on the 1st of the month at ${at}`];
  return new ScheduleLimitError(
    `A schedule cannot say "${phrase}": it repeats on days of the week or of the month, and a count of days would restart each month. The nearest is ${options.join(', or ')}.`,
    phrase,
    options,
  );
}

/** Hours spread over the working day: 2 → 8 and 18; 3 → 8, 13 and 18. */
function spreadHours(times: number): number[] {
  if (times === 1) return [9];
  return Array.from({ length: times }, (_, index) => Math.round(8 + (index * 10) / (times - 1)));
}

function listed(hours: number[]): string {
  return hours.length === 1
    ? String(hours[0])
    : `${hours.slice(0, -1).join(', ')} and ${hours[hours.length - 1]}`;
}

function timesADay(phrase: string, times: number, rest: ScheduleRest): ScheduleLimitError {
  const on = daysInWords(rest.days);
  const options = [`at ${listed(spreadHours(times))}${on}`];
  if (times > 1 && 24 % times === 0) options.push(`every ${24 / times} hours${on}`);
  if (times === 3) options.push(`at ${listed([9, 13, 17])}${on}`);
  return new ScheduleLimitError(
    `"${phrase}" does not say at which times. Which times should it run, for example ${options[0]}?`,
    phrase,
    options,
  );
}

function differentMinutes(phrase: string, times: { hour: number; minute: number }[], days: string) {
  const on = daysInWords(days);
  const hours = times.map((time) => time.hour);
  const [first] = times;
  const options = [
    `at ${times.map((time) => clock({ hour: time.hour, minute: first?.minute ?? 0 })).join(' and ')}${on}`,
    `at ${hours.map((hour) => clock({ hour, minute: 0 })).join(' and ')}${on}`,
  ];
  return new ScheduleLimitError(
    `"${phrase}" are times with different minutes, and one schedule fires at the same minutes in each hour it names, so it cannot run at exactly both (an agent has one schedule). The nearest is ${options.join(', or ')}.`,
    phrase,
    options,
  );
}

/** A time of the "at 7:30 and 18:00" list; undefined when it is not a time of day. */
export function clockTime(text: string): { hour: number; minute: number } | undefined {
  const match = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(text);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (match[3] === 'pm' && hour < 12) hour += 12;
  if (match[3] === 'am' && hour === 12) hour = 0;
  return hour > 23 || minute > 59 ? undefined : { hour, minute };
}

/** "at 7 and 19", "at 8, 13 and 18", "at 7am and 7pm" (commas already gone). */
export const severalTimes =
  /\bat (\d{1,2}(?::\d{2})?(?:am|pm)?)((?:(?: and| &)? \d{1,2}(?::\d{2})?(?:am|pm)?)+)(?= |$)/;

/**
 * The times of a several-times match. A bare hour smaller than the time before it is in the
 * afternoon ("at 9 and 5" is 9:00 and 17:00): nobody lists a later time of day before an earlier
 * one without saying am or pm.
 */
export function timesOf(match: RegExpMatchArray) {
  const words = `${match[1]} ${match[2]}`
    .split(/\s+/)
    .filter((word) => word !== 'and' && word !== '&' && word !== '');
  const read: ReturnType<typeof clockTime>[] = [];
  for (const [index, word] of words.entries()) {
    const time = clockTime(word);
    // Compared with the time before as read: "9, 1 and 5" is 9, 13 and 17.
    // Only in a list said the twelve-hour way: "at 18 and 7" is 7:00 and 18:00.
    const before = read[index - 1];
    const saidBefore = clockTime(words[index - 1] ?? '');
    const bare = !/[ap]m$/.test(word);
    const twelveHour = saidBefore !== undefined && saidBefore.hour <= 12;
    read.push(
      time && before && bare && twelveHour && time.hour < 12 && time.hour !== 0 && time.hour < before.hour
        ? { ...time, hour: time.hour + 12 }
        : time,
    );
  }
  return read;
}

const listedTime = '\\d{1,2}(?::\\d{2})?(?:am|pm)?';
const timeList = `(${listedTime}(?:(?:,? and|,? &|,)? ${listedTime})+)`;
const perDayWords = `(?:twice|thrice|${amount} times) (?:a |per |each )?day|(?:twice|${amount} times) daily`;

function listedCount(list: string): number {
  return list.match(/\d{1,2}(?::\d{2})?/g)?.length ?? 0;
}

/**
 * "Twice a day, 8 and 17", "at 9 and 5pm three times a day": the count names times the request
 * also lists, so the list is the schedule ("at 8 and 17") and the count is only said again. A
 * count that does not match the list stays, and is asked about.
 */
export function withCountedTimes(text: string): string {
  if (!/\b(?:twice|thrice|times)\b/.test(text)) return text;
  const after = new RegExp(`\\b(${perDayWords})[,:]? (?:at |@ )?${timeList}(?= |$|[,.;!?])`).exec(text);
  const listed = after?.[after.length - 1] ?? '';
  if (after && count((after[1] ?? '').split(' ')[0]) === listedCount(listed))
    return text.replace(after[0], `at ${listed}`);
  const before = new RegExp(`\\bat ${timeList}[,:]? (${perDayWords})\\b`).exec(text);
  if (before && count((before[2] ?? '').split(' ')[0]) === listedCount(before[1] ?? ''))
    return text.replace(before[0], `at ${before[1]}`);
  return text;
}

/** "The last working day of the month": cron counts days of the month or of the week, not both. */
const workingDayOfMonth =
  /\b(?:on )?(?:the )?(first|1st|last|final) (?:working|business|work|week) ?days? (?:of|in) (?:the |each |every |a )?month\b/;

function workingDay(phrase: string, which: string, rest: ScheduleRest): ScheduleLimitError {
  const at = clock(rest);
  const options =
    which === 'first' || which === '1st'
      ? [`on the 1st of the month at ${at}`, `first monday of the month at ${at}`]
      : [`last day of the month at ${at}`, `last friday of the month at ${at}`];
  return new ScheduleLimitError(
    `A schedule cannot say "${phrase}": it picks days of the month or days of the week, and the ${which === 'final' ? 'last' : which} working day is sometimes one, sometimes the other. The nearest is ${options.join(', or ')}.`,
    phrase,
    options,
  );
}

/**
 * The limit a normalised schedule text runs into, if any. `rest` reads the text without the
 * phrase (the time and days it also says), for the nearest schedules.
 */
export function scheduleLimit(
  text: string,
  rest: (without: string) => ScheduleRest,
): ScheduleLimitError | undefined {
  const weeks =
    new RegExp(`\\b(?:every|each) (${amount.slice(1, -1)}|second|2nd|alternate) weeks?\\b`).exec(text) ??
    /\b(biweekly|fortnightly|bi-weekly|bi weekly|alternate weeks)\b/.exec(text);
  if (weeks && (/^(?:bi|fortnight|alternate)/.test(weeks[1] ?? '') || count(weeks[1]) >= 2)) {
    return everyFewWeeks(weeks[0], rest(weeks[0]));
  }
  // "every other friday", "alternate mondays": the day stays, only "every other" cannot be said.
  const alternateDays = new RegExp(
    `\\b((?:every|each|on) (?:other|second|2nd|alternate)|alternate|alternating) (${weekDayNames})s?\\b`,
  ).exec(text);
  if (alternateDays) return everyFewWeeks(alternateDays[0], rest(alternateDays[1] ?? ''));
  const working = workingDayOfMonth.exec(text);
  if (working) return workingDay(working[0].trim(), working[1] ?? 'last', rest(working[0]));
  const days = new RegExp(`\\b(?:every|each) ${amount} days?\\b`).exec(text);
  if (days && count(days[1]) >= 2) return everyFewDays(days[0], count(days[1]), rest(days[0]));
  const perDay = new RegExp(
    `\\b(twice|thrice|${amount} times) (?:a |per |each )?day\\b|\\b(twice|${amount} times) daily\\b`,
  ).exec(text);
  if (perDay) {
    const word = (perDay[1] ?? perDay[3] ?? '').split(' ')[0];
    const times = count(word);
    if (times >= 2 && times <= 12) return timesADay(perDay[0], times, rest(perDay[0]));
  }
  const several = severalTimes.exec(text);
  if (several) {
    const times = timesOf(several);
    const minutes = new Set(times.map((time) => time?.minute));
    if (times.every((time) => time !== undefined) && minutes.size > 1) {
      return differentMinutes(
        several[0].replace(/^at /, ''),
        times as { hour: number; minute: number }[],
        rest(several[0]).days,
      );
    }
  }
  return undefined;
}
