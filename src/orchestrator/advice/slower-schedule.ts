// The next slower schedule for a cron, for advice that an agent runs more often than it needs:
// every few minutes → hourly, hourly → daily at the same minute, daily or weekdays → weekly on
// Mondays at the same time. Anything else (already weekly or monthly, or a cron too particular
// to read) has no slower step, and no advice is made.

/** Five cron fields: minute, hour, day of month, month, day of week. */
type CronFields = [string, string, string, string, string];

/** The hour a schedule that ran every hour runs at once a day: the start of a working day. */
export const dailyHour = 8;

const number = /^\d+$/;

interface SlowerStep {
  /** What the schedule is now, in words. */
  from: string;
  /** What it becomes, in words. */
  to: string;
  matches(fields: CronFields): boolean;
  slower(fields: CronFields): CronFields;
}

const everyDay = (fields: CronFields) => fields[2] === '*' && fields[3] === '*';

/** From the most frequent to the least; the first that matches gives the next slower schedule. */
const slowerSteps: SlowerStep[] = [
  {
    from: 'every few minutes',
    to: 'hourly',
    matches: ([minute, hour, ...rest]) =>
      (minute === '*' || /^(\*|\d+(-\d+)?)\/\d+$/.test(minute) || minute.includes(',')) &&
      hour === '*' &&
      rest.every((field) => field === '*'),
    slower: () => ['0', '*', '*', '*', '*'],
  },
  {
    from: 'hourly',
    to: 'daily',
    matches: ([minute, hour, ...rest]) =>
      number.test(minute) && (hour === '*' || /^\*\/\d+$/.test(hour)) && rest.every((field) => field === '*'),
    slower: ([minute]) => [minute, String(dailyHour), '*', '*', '*'],
  },
  {
    from: 'daily',
    to: 'weekly',
    matches: (fields) =>
      number.test(fields[0]) &&
      number.test(fields[1]) &&
      everyDay(fields) &&
      ['*', '1-5'].includes(fields[4]),
    slower: ([minute, hour]) => [minute, hour, '*', '*', '1'],
  },
];

export interface SlowerSchedule {
  cron: string;
  from: string;
  to: string;
}

/** The next slower schedule, or undefined when the cron is as slow as advice goes (or unusual). */
export function slowerSchedule(cron: string): SlowerSchedule | undefined {
  const parts = cron.trim().split(/\s+/);
  // Six fields have seconds first; a slower schedule fires at second 0.
  const fields = (parts.length === 6 ? parts.slice(1) : parts) as CronFields;
  if (fields.length !== 5) return undefined;
  const step = slowerSteps.find((candidate) => candidate.matches(fields));
  if (!step) return undefined;
  return { cron: step.slower(fields).join(' '), from: step.from, to: step.to };
}
