// Schedules in words ("every weekday at 8am", "every 15 minutes", "first Monday of the month at
// 9") turned into cron. The phrases are data (the tables below); the parser takes out every part
// it recognises and refuses the request when words are left over, naming them, rather than
// guessing what they meant. What one cron cannot say ("every other week") is refused with the
// nearest it can (schedule-limits.ts).
import { withClockDigits } from './clock-words.ts';
import { dayOrdinalWords } from './number-words.ts';
import {
  type ScheduleRest,
  scheduleLimit,
  severalTimes,
  timesOf,
  withCountedTimes,
} from './schedule-limits.ts';
import { monthField, monthList, monthRange, monthWord, withMonths } from './schedule-months.ts';

const dayNumbers: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const dayAliases: Record<string, string> = {
  sun: 'sunday',
  mon: 'monday',
  tue: 'tuesday',
  tues: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  sat: 'saturday',
};
const dayPattern =
  '(sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tues|tue|wed|thurs|thur|thu|fri|sat)s?';

/** Phrases that name a set of week days. */
const daySets: { pattern: RegExp; days: string }[] = [
  { pattern: /\b(on )?(every )?(weekday|work ?day|business day)s?\b/, days: '1-5' },
  { pattern: /\bmonday (to|through|thru|-) friday\b/, days: '1-5' },
  { pattern: /\b(on )?(every )?weekends?\b/, days: '0,6' },
];

/** Parts of the day that stand for a time when no time is given. */
const dayParts: Record<string, { hour: number; minute: number }> = {
  morning: { hour: 8, minute: 0 },
  noon: { hour: 12, minute: 0 },
  midday: { hour: 12, minute: 0 },
  afternoon: { hour: 14, minute: 0 },
  evening: { hour: 18, minute: 0 },
  night: { hour: 21, minute: 0 },
  midnight: { hour: 0, minute: 0 },
};

const ordinals: Record<string, string> = {
  first: '1',
  '1st': '1',
  second: '2',
  '2nd': '2',
  third: '3',
  '3rd': '3',
  fourth: '4',
  '4th': '4',
  last: 'L',
};

/** Words that carry no meaning for a schedule. */
const fillerWords = new Set([
  'run',
  'runs',
  'it',
  'this',
  'agent',
  'schedule',
  'scheduled',
  'please',
  'at',
  'on',
  'in',
  'the',
  'of',
  'and',
  'every',
  'each',
  'a',
  'an',
  'day',
  'days',
  'daily',
  'time',
  'o',
  'clock',
  'oclock',
  'starting',
  'from',
  'now',
  'to',
  'once',
  'month',
  'week',
  // "9am only", "just at 9": a schedule replaces the times before it anyway.
  'only',
  'just',
]);

export const scheduleExamples = [
  'every weekday at 8am',
  'every 15 minutes',
  'first Monday of the month at 9',
  'every day at 18:30',
  'on Mondays and Thursdays at 7am',
  'hourly',
];

export class ScheduleWordsError extends Error {
  constructor(
    message: string,
    readonly unknownWords: string[],
    /** The nearest schedules in words, when what was asked is something a schedule cannot say. */
    readonly options: string[] = [],
  ) {
    super(message);
  }
}

function failure(text: string, leftover: string[]): ScheduleWordsError {
  const what = leftover.length > 0 ? `"${leftover.join(' ')}"` : 'when it should run';
  return new ScheduleWordsError(
    `Could not understand ${what} in "${text}". Say it like "${scheduleExamples[0]}", "${scheduleExamples[1]}" or "${scheduleExamples[2]}", or give a cron expression such as "0 8 * * 1-5".`,
    leftover,
  );
}

interface TimeOfDay {
  hour: number;
  minute: number;
  /** Whether am or pm was said (or a 24-hour time given), so a part of the day cannot move it. */
  settled?: boolean;
}

function parseClock(hourText: string, minuteText: string | undefined, meridiem: string | undefined) {
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/** Takes the parts out of the text one by one; what is left must be filler. */
class Reader {
  #rest: string;

  constructor(text: string) {
    this.#rest = ` ${text} `;
  }

  take(pattern: RegExp): RegExpMatchArray | undefined {
    const match = this.#rest.match(pattern);
    if (!match || match.index === undefined) return undefined;
    this.#rest = `${this.#rest.slice(0, match.index)} ${this.#rest.slice(match.index + match[0].length)}`;
    return match;
  }

  leftover(): string[] {
    return this.#rest.split(/\s+/).filter((word) => word && !fillerWords.has(word));
  }
}

const ordinalAlternatives = Object.keys(dayOrdinalWords)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** What an ordinal names instead of a day of the month: "the first monday", "the first day", "the second run". */
const notADate = `(?:${dayPattern}|day|days|week|weeks|weekday|weekend|time|times|run|runs|one|hour|half|quarter)\\b`;
const ordinalDate = new RegExp(`\\b(on the|the) (${ordinalAlternatives})\\b(?! ${notADate})`, 'g');
/** "First of every month", "the fifteenth day of each month": an ordinal before "of … month". */
const ordinalOfMonth = new RegExp(
  `\\b(${ordinalAlternatives})(?= (?:day )?of (?:the |each |every )?month\\b)`,
  'g',
);
const ordinalAfterDate = new RegExp(
  `(\\d(?:st|nd|rd|th)) (and|&) (the )?(${ordinalAlternatives})\\b(?! ${notADate})`,
  'g',
);

/** "On the first", "the 1st and fifteenth": days of the month in words, as digits ("the 1st"). */
function withDayOrdinals(text: string): string {
  const suffix = (day: number) =>
    day === 1 || day === 21 || day === 31
      ? 'st'
      : day === 2 || day === 22
        ? 'nd'
        : day === 3 || day === 23
          ? 'rd'
          : 'th';
  const digits = (word: string) => {
    const day = dayOrdinalWords[word] ?? 1;
    return `${day}${suffix(day)}`;
  };
  return text
    .replace(ordinalDate, (_match, lead: string, word: string) => `${lead} ${digits(word)}`)
    .replace(ordinalOfMonth, (_match, word: string) => digits(word))
    .replace(
      ordinalAfterDate,
      (_match, before: string, joiner: string, the: string | undefined, word: string) =>
        `${before} ${joiner} ${the ?? ''}${digits(word)}`,
    );
}

function normalised(text: string) {
  return withCountedTimes(
    withClockDigits(withDayOrdinals(text.toLowerCase()))
      .replace(/\b(a|p)\.m\.?/g, '$1m')
      .replace(/[,.;!?()]/g, ' ')
      .replace(/(\d)\s*(am|pm)\b/g, '$1$2')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** "In december only", "from june to august": the month field, else undefined (every month). */
function takeMonths(reader: Reader, text: string): string | undefined {
  if (!monthWord.test(text)) return undefined;
  const range = reader.take(monthRange);
  if (range) return monthField(range, true);
  const list = reader.take(monthList);
  return list ? monthField(list, false) : undefined;
}

function takeTime(reader: Reader): TimeOfDay | undefined {
  const clock =
    reader.take(/\b(?:at )?(\d{1,2}):(\d{2}) ?(am|pm)?\b/) ?? reader.take(/\b(?:at )?(\d{1,2})()(am|pm)\b/);
  if (clock) {
    const time = parseClock(clock[1] ?? '', clock[2] || undefined, clock[3]);
    if (time)
      return { ...time, settled: clock[3] !== undefined || Number(clock[1]) > 12 || Number(clock[1]) === 0 };
    throw new ScheduleWordsError(`"${clock[0].trim()}" is not a time of day (hours 0-23, minutes 0-59).`, [
      clock[0].trim(),
    ]);
  }
  const bareHour = reader.take(/\bat (\d{1,2})\b/);
  if (bareHour) {
    const time = parseClock(bareHour[1] ?? '', undefined, undefined);
    if (time) return time;
  }
  return undefined;
}

/** "every morning", "in the evening": the time they stand for, used when no clock time is given. */
function takeDayPart(reader: Reader): TimeOfDay | undefined {
  const part = reader.take(
    /\b(?:in the |at |every |each )?(morning|noon|midday|afternoon|evening|night|midnight)s?\b/,
  );
  return part ? dayParts[part[1] ?? ''] : undefined;
}

function takeDays(reader: Reader): string | undefined {
  for (const set of daySets) {
    if (reader.take(set.pattern)) return set.days;
  }
  // "mon to fri", "tuesday-thursday": a run of days, written as a cron range.
  const span = reader.take(
    new RegExp(`\\b${dayPattern} ?(?:to|through|thru|till|until|-) ?${dayPattern}\\b`),
  );
  if (span) {
    const [first, last] = [span[1] ?? '', span[2] ?? ''].map((name) => dayNumbers[dayAliases[name] ?? name]);
    if (first !== undefined && last !== undefined && first < last) return `${first}-${last}`;
    if (first !== undefined && last !== undefined) throw failure(span[0].trim(), [span[0].trim()]);
  }
  const days: number[] = [];
  const single = new RegExp(`\\b${dayPattern}\\b`);
  for (let match = reader.take(single); match; match = reader.take(single)) {
    const name = match[1] ?? '';
    const day = dayNumbers[dayAliases[name] ?? name];
    if (day !== undefined && !days.includes(day)) days.push(day);
  }
  return days.length > 0 ? days.sort((a, b) => a - b).join(',') : undefined;
}

/** "every 15 minutes", "every 2 hours", "every 10 seconds", "hourly": a repeating interval. */
function takeInterval(reader: Reader): { unit: 'second' | 'minute' | 'hour'; every: number } | undefined {
  const counted = reader.take(/\bevery (\d{1,3}) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)\b/);
  if (counted) {
    const every = Number(counted[1]);
    const unitWord = counted[2] ?? '';
    const unit = unitWord.startsWith('s') ? 'second' : unitWord.startsWith('m') ? 'minute' : 'hour';
    const limit = unit === 'hour' ? 24 : 60;
    if (every < 1 || every >= limit) {
      throw new ScheduleWordsError(
        `Every ${every} ${unit}s is not a step a schedule can take: use 1 to ${limit - 1} ${unit}s, or a cron expression.`,
        [counted[0].trim()],
      );
    }
    return { unit, every };
  }
  if (reader.take(/\b(every other hour)\b/)) return { unit: 'hour', every: 2 };
  if (reader.take(/\b(hourly|every hour|each hour)\b/)) return { unit: 'hour', every: 1 };
  if (reader.take(/\b(every minute|each minute)\b/)) return { unit: 'minute', every: 1 };
  if (reader.take(/\b(every second|each second)\b/)) return { unit: 'second', every: 1 };
  if (reader.take(/\bevery half ?(an )?hour\b/)) return { unit: 'minute', every: 30 };
  if (reader.take(/\bevery quarter (of an )?hour\b/)) return { unit: 'minute', every: 15 };
  return undefined;
}

/**
 * An interval's cron, within a range of hours when one is given. Minutes and seconds stop before
 * the range's last hour ("every 30 minutes from 9 to 17" ends at 16:30: a cron cannot add 17:00
 * without 17:30); whole hours include it ("hourly from 8 to 18" ends at 18:00).
 */
function intervalCron(
  interval: { unit: 'second' | 'minute' | 'hour'; every: number },
  days: string,
  range?: { start: number; end: number },
) {
  const step = (every: number) => (every === 1 ? '*' : `*/${every}`);
  const within = (last: number) =>
    !range ? '*' : range.start === last ? `${last}` : `${range.start}-${last}`;
  if (interval.unit === 'second')
    return `${step(interval.every)} * ${within((range?.end ?? 1) - 1)} * * ${days}`;
  if (interval.unit === 'minute')
    return `${step(interval.every)} ${within((range?.end ?? 1) - 1)} * * ${days}`;
  if (!range) return `0 ${step(interval.every)} * * ${days}`;
  return `0 ${within(range.end)}${interval.every === 1 ? '' : `/${interval.every}`} * * ${days}`;
}

/** "from 9 to 17", "between 8am and 6pm", "9-17": the hours an interval runs within. */
function takeRange(reader: Reader): { start: number; end: number } | undefined {
  // "during office hours" is 9 to 17 unless hours are also given ("office hours (8-6)").
  const workingHours = reader.take(
    /\b(?:during |within |in |over )?(?:the )?(?:office|business|working|work) ?hours\b/,
  );
  const range =
    reader.take(
      /\b(?:from|between) (\d{1,2})(?::00)? ?(am|pm)?(?: ?(?:to|and|until|till|-) ?)(\d{1,2})(?::00)? ?(am|pm)?\b/,
    ) ??
    // "9-5", "9am to 5pm" without "from": a dash or "to" between two hours.
    reader.take(/\b(\d{1,2})(?::00)? ?(am|pm)? ?(?:-|to|until|till) ?(\d{1,2})(?::00)? ?(am|pm)?\b/);
  if (!range) return workingHours ? { start: 9, end: 17 } : undefined;
  const start = parseClock(range[1] ?? '', undefined, range[2]);
  let end = parseClock(range[3] ?? '', undefined, range[4]);
  // "from 9 to 5" means until 17:00.
  if (start && end && !range[4] && end.hour <= start.hour && end.hour < 12)
    end = { ...end, hour: end.hour + 12 };
  if (!start || !end || end.hour <= start.hour) throw failure(range[0].trim(), [range[0].trim()]);
  return { start: start.hour, end: end.hour };
}

/** "at 7 and 19": hours that share their minute (different minutes are a schedule limit). */
function takeSeveralTimes(reader: Reader): { hours: number[]; minute: number } | undefined {
  const match = reader.take(severalTimes);
  if (!match) return undefined;
  const times = timesOf(match);
  const [first] = times;
  if (!first || times.some((time) => time === undefined || time.minute !== first.minute)) {
    throw failure(match[0].trim(), [match[0].trim()]);
  }
  const hours = [...new Set(times.map((time) => time?.hour ?? 0))].sort((a, b) => a - b);
  return { hours, minute: first.minute };
}

/** The time and days the rest of a request says, for the nearest schedule to one that cannot be. */
function restOf(text: string): ScheduleRest {
  try {
    const fields = cronFromWords(text.trim() === '' ? 'every day' : text).split(' ');
    const [minute, hour, , , days] = fields.length === 6 ? fields.slice(1) : fields;
    return {
      minute: /^\d+$/.test(minute ?? '') ? Number(minute) : 0,
      hour: /^\d+$/.test(hour ?? '') ? Number(hour) : 9,
      days: days ?? '*',
    };
  } catch {
    return { minute: 0, hour: 9, days: '*' };
  }
}

/** What a schedule cannot say in these words, as the error cronFromWords would throw; else undefined. */
export function scheduleWordsLimit(text: string): ScheduleWordsError | undefined {
  const clean = normalised(text);
  const limit = scheduleLimit(clean, (phrase) => restOf(clean.replace(phrase, ' ')));
  return limit && new ScheduleWordsError(limit.message, [limit.phrase], limit.options);
}

/** The cron of a schedule said in words; throws ScheduleWordsError naming what it did not understand. */
export function cronFromWords(text: string): string {
  const clean = normalised(text);
  if (clean === '') throw failure(text, []);
  const limit = scheduleWordsLimit(clean);
  if (limit) throw limit;
  const reader = new Reader(clean);
  const months = takeMonths(reader, clean);
  return withMonths(cronOfDays(text, reader), months);
}

/** The cron of the text's times and days (its months already taken out of the reader). */
function cronOfDays(text: string, reader: Reader): string {
  const interval = takeInterval(reader);
  const range = takeRange(reader);
  const several = takeSeveralTimes(reader);
  const nth = reader.take(
    new RegExp(
      `\\b(first|1st|second|2nd|third|3rd|fourth|4th|last) ${dayPattern}(?: of (?:the|each|every) month)?\\b`,
    ),
  );
  // "The last day of the month" is cron's L; "the first day of the month" its 1.
  const edgeOfMonth = reader.take(
    /\b(?:on )?(?:the )?(first|1st|last) day of (?:the |each |every )?month\b|\b(?:at |on )?(?:the )?(?:end|last day) of (?:the |each |every )?month\b|\bmonth[- ]end\b/,
  );
  const dayOfMonth = edgeOfMonth
    ? null
    : reader.take(
        /\b(?:on )?(?:the )?(\d{1,2}(?:st|nd|rd|th)(?:(?: and| &|) (?:the )?\d{1,2}(?:st|nd|rd|th))*)(?: (?:days? )?of (?:the |each |every )?month)?\b/,
      );
  const monthly = reader.take(/\b(monthly|every month|each month)\b/);
  const weekly = reader.take(/\b(weekly|every week|each week)\b/);
  const days = nth ? undefined : takeDays(reader);
  const clockTime = several
    ? { hour: several.hours[0] ?? 0, minute: several.minute, settled: true }
    : takeTime(reader);
  const dayPart = takeDayPart(reader);
  // "every evening at 7" is 19:00: a part of the day after noon moves a bare hour of 1 to 11.
  const afternoon = dayPart !== undefined && dayPart.hour >= 12;
  const time =
    clockTime && !clockTime.settled && afternoon && clockTime.hour >= 1 && clockTime.hour <= 11
      ? { ...clockTime, hour: clockTime.hour + 12 }
      : (clockTime ?? dayPart);
  const leftover = reader.leftover();
  if (leftover.length > 0) throw failure(text, leftover);

  if (interval) {
    if (time || nth || dayOfMonth || edgeOfMonth || monthly) throw failure(text, []);
    return intervalCron(interval, days ?? '*', range);
  }
  if (range) throw failure(text, []);
  const at = time ?? { hour: 9, minute: 0 };
  const clock = `${at.minute} ${several ? several.hours.join(',') : at.hour}`;
  if (nth) {
    const name = nth[2] ?? '';
    const day = dayNumbers[dayAliases[name] ?? name];
    const ordinal = ordinals[nth[1] ?? ''] ?? '1';
    // "5L" rather than "5#L": both mean the last Friday, but only the first is widely read.
    return ordinal === 'L' ? `${clock} * * ${day}L` : `${clock} * * ${day}#${ordinal}`;
  }
  if (edgeOfMonth) return `${clock} ${/first|1st/.test(edgeOfMonth[1] ?? '') ? '1' : 'L'} * *`;
  if (dayOfMonth) {
    // "the 1st and the 15th": several days of the month, in order.
    const dates = [...(dayOfMonth[1] ?? '').matchAll(/\d{1,2}/g)].map((date) => Number(date[0]));
    if (dates.some((date) => date < 1 || date > 31)) throw failure(text, [dayOfMonth[0].trim()]);
    return `${clock} ${[...new Set(dates)].sort((a, b) => a - b).join(',')} * *`;
  }
  if (monthly) return `${clock} 1 * *`;
  if (days) return `${clock} * * ${days}`;
  if (weekly) return `${clock} * * 1`;
  if (!time) {
    // Nothing but filler ("every day" alone is fine; "" or "soon" is not).
    if (!/\b(daily|every ?day|each day)\b/.test(normalised(text))) throw failure(text, []);
  }
  return `${clock} * * *`;
}
