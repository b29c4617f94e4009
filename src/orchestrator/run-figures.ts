// The figures of answers about runs: which days a question means ("this week", "lately"), an
// agent's runs, tokens and run time over them, and times, durations and counts in words.
import type { RunDaySnapshot, RunHistorySnapshot } from './planner.ts';

export type PeriodName =
  | 'today'
  | 'yesterday'
  | 'thisWeek'
  | 'lastWeek'
  | 'pastWeek'
  | 'thisMonth'
  | 'lastMonth'
  | 'pastMonth'
  /** The latest Saturday and Sunday, the one under way included: "over the weekend". */
  | 'weekend'
  /** The latest Monday (1) … Sunday (0), today included: "did it run on monday". */
  | `weekday${0 | 1 | 2 | 3 | 4 | 5 | 6}`;

/** Calendar days, both ends included, in the user's time zone. */
export interface Period {
  name: PeriodName;
  /** "this week (since Monday 23 November)". */
  words: string;
  from: string;
  to: string;
  /** The instants it starts and ends at (the end excluded), in milliseconds. */
  startsAt: number;
  endsAt: number;
}

/** The words that name a period, most specific first. */
const periodWords: [RegExp, PeriodName][] = [
  [
    /\b(?:in|over|during|for) the (?:last|past) week\b|\bpast week\b|\b(?:last|past) (?:7|seven) days\b/,
    'pastWeek',
  ],
  [
    /\b(?:in|over|during|for) the (?:last|past) month\b|\bpast month\b|\b(?:last|past) (?:30|thirty) days\b/,
    'pastMonth',
  ],
  [/\b(?:over|at|on|during|for|this|last|the past)\s+(?:the\s+)?week-?ends?\b/, 'weekend'],
  [/\btoday\b|\bso far\b(?! this)|\bthis morning\b|\btonight\b/, 'today'],
  [/\byesterday\b/, 'yesterday'],
  [/\bthis week\b|\bthe week\b/, 'thisWeek'],
  [/\blast week\b/, 'lastWeek'],
  [/\bthis month\b/, 'thisMonth'],
  [/\blast month\b/, 'lastMonth'],
  [/\blately\b|\brecent(?:ly)?\b|\bthese days\b/, 'pastWeek'],
];

const weekdayWords = [
  /\bsun(?:day)?\b/,
  /\bmon(?:day)?\b/,
  /\btue(?:s|sday)?\b/,
  /\bwed(?:s|nesday)?\b/,
  /\bthu(?:r|rs|rsday)?\b/,
  /\bfri(?:day)?\b/,
  /\bsat(?:urday)?\b/,
] as const;

/** The period a question names, if it names one. */
export function periodNamed(text: string): PeriodName | undefined {
  const lower = text.toLowerCase();
  const named = periodWords.find(([pattern]) => pattern.test(lower))?.[1];
  if (named) return named;
  // One day of the week, said once ("on monday", not "on mondays", which is a habit).
  const days = weekdayWords.flatMap((pattern, day) => (pattern.test(lower) ? [day] : []));
  return days.length === 1 ? (`weekday${days[0]}` as PeriodName) : undefined;
}

/** Formatters by what they show and the zone: making one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'day' | 'clock' | 'full', timezone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timezone}`;
  let made = formatters.get(key);
  if (!made) {
    made =
      kind === 'day'
        ? new Intl.DateTimeFormat('en-CA', {
            timeZone: timezone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          })
        : kind === 'clock'
          ? new Intl.DateTimeFormat('en-GB', {
              timeZone: timezone,
              hour: '2-digit',
              minute: '2-digit',
              hourCycle: 'h23',
            })
          : new Intl.DateTimeFormat('en-US', {
              timeZone: timezone,
              year: 'numeric',
              month: '2-digit',
              day: '2-digit',
              hour: '2-digit',
              minute: '2-digit',
              second: '2-digit',
              hourCycle: 'h23',
            });
    formatters.set(key, made);
  }
  return made;
}

/** How far a time zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timezone: string): number {
  const parts = Object.fromEntries(
    formatter('full', timezone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour) % 24,
    Number(parts.minute),
    Number(parts.second),
  );
  return local - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day starts in a time zone. */
export function dayStart(day: string, timezone: string): Date {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  const guess = midnight - offsetAt(midnight, timezone);
  return new Date(midnight - offsetAt(guess, timezone));
}

/** Whether an instant falls on one of a period's days: by its bounds, with no formatting. */
export function within(time: string, period: Period): boolean {
  const at = Date.parse(time);
  return at >= period.startsAt && at < period.endsAt;
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function localDay(date: Date, timezone: string): string {
  return formatter('day', timezone).format(date);
}

export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** "Monday 23 November". */
const dayWords = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

export function dayInWords(day: string): string {
  return dayWords.format(new Date(`${day}T12:00:00Z`));
}

export function periodOf(name: PeriodName, now: Date, timezone: string): Period {
  const days = periodDays(name, now, timezone);
  return {
    ...days,
    startsAt: dayStart(days.from, timezone).getTime(),
    endsAt: dayStart(addDays(days.to, 1), timezone).getTime(),
  };
}

function periodDays(name: PeriodName, now: Date, timezone: string): Omit<Period, 'startsAt' | 'endsAt'> {
  const today = localDay(now, timezone);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday is 0
  const monday = addDays(today, -weekday);
  const first = `${today.slice(0, 8)}01`;
  const since = (from: string) => `since ${dayInWords(from)}`;
  switch (name) {
    case 'today':
      return { name, words: 'today', from: today, to: today };
    case 'yesterday':
      return { name, words: 'yesterday', from: addDays(today, -1), to: addDays(today, -1) };
    case 'thisWeek':
      return { name, words: `this week (${since(monday)})`, from: monday, to: today };
    case 'lastWeek': {
      const from = addDays(monday, -7);
      return {
        name,
        words: `last week (${dayInWords(from)} to ${dayInWords(addDays(monday, -1))})`,
        from,
        to: addDays(monday, -1),
      };
    }
    case 'pastWeek':
      return {
        name,
        words: `in the last 7 days (${since(addDays(today, -6))})`,
        from: addDays(today, -6),
        to: today,
      };
    case 'weekend': {
      // Monday is 0: Saturday 5, Sunday 6. On a weekend day, the weekend under way.
      const saturday = weekday >= 5 ? addDays(monday, 5) : addDays(monday, -2);
      const sunday = weekday === 5 ? today : addDays(saturday, 1);
      return {
        name,
        words: `over the weekend (${dayInWords(saturday)} and ${dayInWords(addDays(saturday, 1))})`,
        from: saturday,
        to: sunday,
      };
    }
    case 'thisMonth':
      return { name, words: `this month (${since(first)})`, from: first, to: today };
    case 'lastMonth': {
      const from = `${addDays(first, -1).slice(0, 8)}01`;
      return {
        name,
        words: `last month (${dayInWords(from)} to ${dayInWords(addDays(first, -1))})`,
        from,
        to: addDays(first, -1),
      };
    }
    case 'pastMonth':
      return {
        name,
        words: `in the last 30 days (${since(addDays(today, -29))})`,
        from: addDays(today, -29),
        to: today,
      };
    default: {
      const wanted = Number(name.slice('weekday'.length));
      const back = (new Date(`${today}T12:00:00Z`).getUTCDay() - wanted + 7) % 7;
      const day = addDays(today, -back);
      return { name, words: back === 0 ? 'today' : `on ${dayInWords(day)}`, from: day, to: day };
    }
  }
}

export interface RunTotals {
  runs: number;
  succeeded: number;
  failed: number;
  tokens: number;
  seconds: number;
}

/** An agent's runs over a period, from its runs counted per day. */
export function totalsOver(history: RunHistorySnapshot | undefined, period: Period): RunTotals {
  const totals: RunTotals = { runs: 0, succeeded: 0, failed: 0, tokens: 0, seconds: 0 };
  for (const day of history?.days ?? ([] as RunDaySnapshot[])) {
    if (day.day < period.from || day.day > period.to) continue;
    totals.runs += day.runs;
    totals.succeeded += day.succeeded;
    totals.failed += day.failed;
    totals.tokens += day.tokens;
    totals.seconds += day.seconds;
  }
  return totals;
}

/** 12,400 — and "1 run", "3 runs". */
export function count(value: number, noun?: string): string {
  const figure = Math.round(value).toLocaleString('en-US');
  return noun ? `${figure} ${noun}${value === 1 ? '' : 's'}` : figure;
}

/** "45 s", "4 min 39 s", "2 h 5 min". */
export function durationInWords(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min${whole % 60 ? ` ${whole % 60} s` : ''}`;
  const minutes = Math.round((whole % 3600) / 60);
  return `${Math.floor(whole / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}

export function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`;
}

/** "today at 09:00", "yesterday at 18:30", "Friday 20 November at 09:00". */
export function whenInWords(time: string, now: Date, timezone: string): string {
  const date = new Date(time);
  const day = localDay(date, timezone);
  const today = localDay(now, timezone);
  const clock = formatter('clock', timezone).format(date);
  const which =
    day === today
      ? 'today'
      : day === addDays(today, -1)
        ? 'yesterday'
        : day === addDays(today, 1)
          ? 'tomorrow'
          : dayInWords(day);
  return `${which} at ${clock}`;
}
