// A schedule as a plan shows it before anything is saved: the cron (from words or given), the
// time zone it is read in and why that one, the cron in words and the next firing times. Both
// planners use it, so the reviewer sees exactly what approving will save.
import { checkTimezone, describeCron, nextOccurrences, resolveCron } from '../triggers/schedule-times.ts';

export interface ScheduleTiming {
  cron?: string;
  text?: string;
  /** A time zone the request named; it wins over the user's. */
  timezone?: string;
}

export interface SchedulePreview {
  cron: string;
  timezone: string;
  /** "At 08:00 AM (Europe/Paris)". */
  description: string;
  nextRuns: string[];
  /** Which time zone, and why: said in the plan's summary. */
  timezoneNote: string;
}

/** The named time zone, else the user's, else UTC; and why, for the plan's summary. */
export function chosenTimezone(named: string | undefined, userTimezone: string | undefined) {
  if (named) {
    const timezone = checkTimezone(named);
    return { timezone, timezoneNote: `times in ${timezone}, as asked` };
  }
  if (userTimezone) {
    const timezone = checkTimezone(userTimezone);
    return { timezone, timezoneNote: `times in ${timezone}, your time zone` };
  }
  return {
    timezone: 'UTC',
    timezoneNote:
      'times in UTC, because your user memory has no time zone (say "… in Europe/Paris", or set your time zone in your memory)',
  };
}

/**
 * The schedule a timing asks for, in the named time zone, else the user's, else UTC. Throws the
 * OrcaError of the schedule settings (a 422 that says what was not understood) when the words,
 * the cron or the time zone are not valid.
 */
export function schedulePreview(
  timing: ScheduleTiming,
  userTimezone: string | undefined,
  now: Date,
): SchedulePreview {
  const cron = resolveCron(timing.cron !== undefined ? { cron: timing.cron } : { text: timing.text ?? '' });
  const { timezone, timezoneNote } = chosenTimezone(timing.timezone, userTimezone);
  return {
    cron,
    timezone,
    description: describeCron(cron, timezone),
    nextRuns: nextOccurrences(cron, timezone, now, 5).map((date) => date.toISOString()),
    timezoneNote,
  };
}

/** Firing times as people read them, in the schedule's time zone: "Monday 2 March at 08:00". */
export function timesInWords(times: readonly string[], timezone: string): string[] {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return times.map((time) => format.format(new Date(time)));
}
