// One-off times in a request ("next Tuesday at 3pm", "in two hours", "tomorrow at 9"), read by
// chrono-node in the user's time zone. Only a time tied to one day is one-off: "at 9" alone, "on
// Mondays" or anything with "every" stays a schedule, as before.
import * as chrono from 'chrono-node';
import { withClockDigits } from '../../domain/clock-words.ts';
import { offsetMinutes } from '../../triggers/schedule-times.ts';
import { withMonthWritten } from './one-off-dates.ts';

export type OneOffReading =
  /** One time ahead (or passed: the planner says so rather than planning it). */
  | { kind: 'at'; at: Date; words: string }
  /** A day with no time of day ("tomorrow"): the planner asks at what time. */
  | { kind: 'day'; words: string };

/** Words that make a time repeat: then it is a schedule, not a one-off. */
const recurring =
  /\b(every|each|daily|hourly|weekly|monthly|nightly|weekdays?|weekends?|(mon|tues|wednes|thurs|fri|satur|sun)days|times a day|twice|fortnightly|biweekly)\b|\bonce\s+(?:a|an|per|each)\s+(?:day|week|month|hour|morning|evening|night)\b/i;
/** A time that has passed ("yesterday", "2 days ago") is about what happened, not a run to plan. */
const past = /\b(yesterday|ago|last|earlier|previous)\b/i;
/** "Now" and "today" alone mean a run now, not a one-off. */
const immediate = /^(now|right now|today|immediately|asap)$/i;
/** Relative times count from the instant of the request, whatever the zone. */
const relative = /^(in\b|within\b)|\b(from now|later)\b/i;
/** "A 90s timeout", "2 hours": a length of time, said without "in", is no time to run at. */
const bareDuration = /^\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)$/i;
/** A weekday alone ("on Friday") stays a weekly schedule, as it always was; "next Friday" is once. */
const oneWeekday = /\b(next|this|coming)\b/i;
/**
 * "Once on Friday at 5pm", "just this one time on monday": the person says the weekday is one
 * day, not every week ("once a week", "once every …" and "at once" are not).
 */
const justOnce =
  /(?<!\bat\s)\b(?:once|one time|a single time|one-off|one off)\b(?!\s+(?:a|an|per|every|each|daily|weekly|monthly)\b)/i;

/** The instant a wall-clock time in `timezone` stands for. */
function zonedInstant(
  parts: { year: number; month: number; day: number; hour: number; minute: number },
  timezone: string,
) {
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  const first = wall - offsetMinutes(timezone, new Date(wall)) * 60_000;
  return new Date(wall - offsetMinutes(timezone, new Date(first)) * 60_000);
}

/** The one-off time in `text` (without names, addresses and quoted text), read in `timezone`. */
export function oneOffIn(text: string, timezone: string, now: Date): OneOffReading | undefined {
  if (recurring.test(text)) return undefined;
  const once = justOnce.test(text);
  const reference = { instant: now, timezone: offsetMinutes(timezone, now) };
  // "Tomorrow at half 8": chrono reads digits, not the British half hour; "Monday the 30th" a month.
  const today = new Date(now.getTime() + reference.timezone * 60_000);
  const results = chrono.parse(withMonthWritten(withClockDigits(text), today), reference, {
    forwardDate: true,
  });
  // "at 17:00 on the 30th of November": chrono reads the time and the day apart.
  const timeApart = results.find(
    (result) =>
      result.start.isCertain('hour') && !result.start.isCertain('day') && !relative.test(result.text),
  );
  for (const result of results) {
    const words = result.text.trim();
    if (immediate.test(words) || past.test(words) || bareDuration.test(words)) continue;
    const start = result.start;
    const isRelative = relative.test(words);
    const oneDay =
      isRelative ||
      start.isCertain('day') ||
      (start.isCertain('weekday') && (once || oneWeekday.test(words)));
    if (!oneDay) continue;
    const clock = start.isCertain('hour') ? start : timeApart?.start;
    if (!isRelative && !clock) return { kind: 'day', words };
    const at = isRelative
      ? start.date()
      : zonedInstant(
          {
            year: start.get('year') ?? 0,
            month: start.get('month') ?? 1,
            day: start.get('day') ?? 1,
            hour: clock?.get('hour') ?? 0,
            minute: clock?.get('minute') ?? 0,
          },
          timezone,
        );
    // "Today at 3" said at 11 in the morning: 3 in the afternoon, the one still ahead. Only a
    // bare hour up to 7 ("today at 10" may be a time that passed, "at 09:00" or "10:30" is as said).
    const hour = clock?.get('hour') ?? 0;
    const halfDay = 12 * 60 * 60_000;
    if (
      !isRelative &&
      clock &&
      !clock.isCertain('meridiem') &&
      hour >= 1 &&
      hour <= 7 &&
      !/\b0\d|\bmorning\b|\bam\b|a\.m\./i.test(text) &&
      at.getTime() < now.getTime() &&
      at.getTime() + halfDay > now.getTime()
    )
      return { kind: 'at', at: new Date(at.getTime() + halfDay), words };
    return { kind: 'at', at, words };
  }
  return undefined;
}
