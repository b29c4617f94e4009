// When a schedule fires: a cron (five fields, or six with seconds) read in an IANA time zone by
// croner, shown back in words by cronstrue. Bad crons and unknown time zones are refused with a
// message that says what to write instead.
import { Cron } from 'croner';
import cronstrue from 'cronstrue';
import { ruleViolated } from '../domain/errors.ts';
import { cronFromWords, ScheduleWordsError, scheduleExamples } from '../domain/schedule-words.ts';

export function checkTimezone(timezone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: timezone }).resolvedOptions().timeZone;
  } catch {
    throw ruleViolated(
      `"${timezone}" is not a time zone Orca knows. Use an IANA name such as "Europe/Paris", "America/New_York" or "UTC".`,
      [{ path: 'timezone', message: 'unknown time zone' }],
    );
  }
}

/** The zone's offset from UTC in minutes at an instant, from Intl ("GMT+05:30" → 330). */
export function offsetMinutes(timezone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The zone a cron's occurrences are computed in. A cron that names no hour and no day ("every 15
 * minutes", "hourly") means the same instants in every zone whose offset is whole hours, and
 * read in local time it would skip the hour repeated when clocks go back; such crons are read in
 * UTC. Any cron that names an hour or a day is read in the schedule's zone, as the user meant.
 */
function occurrenceZone(cron: string, timezone: string): string {
  const fields = cron.trim().split(/\s+/);
  const [hour, dayOfMonth, month, dayOfWeek] = fields.length >= 6 ? fields.slice(2, 6) : fields.slice(1, 5);
  const unnamed = [hour, dayOfMonth, month, dayOfWeek].every((field) => field === '*');
  if (!unnamed || fields.length > 6) return timezone;
  const year = new Date().getUTCFullYear();
  const offsets = [0, 6].map((month) => offsetMinutes(timezone, new Date(Date.UTC(year, month, 1))));
  return offsets.every((offset) => offset % 60 === 0) ? 'UTC' : timezone;
}

function cronOf(cron: string, timezone: string): Cron {
  try {
    return new Cron(cron, { timezone: occurrenceZone(cron, timezone), paused: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^CronPattern: /, '') : String(error);
    throw ruleViolated(
      `"${cron}" is not a valid cron expression (${reason}). Write five fields (minute hour day-of-month month day-of-week, e.g. "0 8 * * 1-5"), six with seconds first, or say it in words like "${scheduleExamples[0]}".`,
      [{ path: 'cron', message: reason }],
    );
  }
}

/** A cron from either a cron expression or words; a 422 naming what was not understood. */
export function resolveCron(source: { cron?: string; text?: string }): string {
  if (source.cron !== undefined) return source.cron.trim().replace(/\s+/g, ' ');
  try {
    return cronFromWords(source.text ?? '');
  } catch (error) {
    if (error instanceof ScheduleWordsError) {
      throw ruleViolated(error.message, [{ path: 'text', message: error.message }]);
    }
    throw error;
  }
}

/** The next `count` firing times after `after`; checks the cron and the time zone. */
export function nextOccurrences(cron: string, timezone: string, after: Date, count = 5): Date[] {
  return cronOf(cron, timezone).nextRuns(count, after);
}

/** The next firing after `after`, or null when the cron never fires again. */
export function nextOccurrence(cron: string, timezone: string, after: Date): Date | null {
  return cronOf(cron, timezone).nextRun(after);
}

/** The cron in words ("At 08:00 AM, Monday through Friday"), with the zone it is read in. */
export function describeCron(cron: string, timezone: string): string {
  let words: string;
  try {
    words = cronstrue.toString(cron, { verbose: false });
  } catch {
    words = `Cron "${cron}"`;
  }
  return `${words} (${timezone})`;
}
