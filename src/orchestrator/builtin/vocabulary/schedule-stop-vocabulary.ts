// How people ask an agent to stop running at some of its times rather than stop altogether:
// "stop the weekly report from running on mondays", "don't run X on fridays anymore",
// "X shouldn't run at weekends", "stop X running every hour".

/** Words that say no more: the request takes something away from the schedule. */
export const scheduleStopWords =
  /\b(?:stop|stopping|no longer|don'?t|do not|doesn'?t|does not|shouldn'?t|should not|never|no more|quit|cease|skip|leave out|drop)\b/i;

/** Words that say the running is what stops: "from running", "run", "go". */
export const runningWords =
  /\b(?:run|runs|running|ran|go|going|fire|firing|trigger|triggering|start|starting)\b/i;

/** Words that take times off on their own, with no word for running: "skip Mondays for X". */
export const skipWords = /\b(?:skip|skipping|leave out|drop)\b/i;

/** "Take the lead scraper off mondays", "pull X off weekends": days taken off with no other word. */
export const offDays =
  /\b(?:take|taking|pull|knock|get)\b.*\boff\s+(?:of\s+)?(?:on\s+)?(?:the\s+|its\s+)?(?:week ?(?:day|end)s?|work ?days?|business days?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b/i;

/** Week days in words, with cron's numbers (Sunday is 0). */
export const weekDays: { pattern: RegExp; days: number[]; words: string }[] = [
  { pattern: /\b(?:weekday|work ?day|business day)s?\b/i, days: [1, 2, 3, 4, 5], words: 'weekdays' },
  { pattern: /\bweekends?\b/i, days: [0, 6], words: 'weekends' },
  { pattern: /\b(?:sunday|sun)s?\b/i, days: [0], words: 'Sundays' },
  { pattern: /\b(?:monday|mon)s?\b/i, days: [1], words: 'Mondays' },
  { pattern: /\b(?:tuesday|tues|tue)s?\b/i, days: [2], words: 'Tuesdays' },
  { pattern: /\b(?:wednesday|wed)s?\b/i, days: [3], words: 'Wednesdays' },
  { pattern: /\b(?:thursday|thurs|thur|thu)s?\b/i, days: [4], words: 'Thursdays' },
  { pattern: /\b(?:friday|fri)s?\b/i, days: [5], words: 'Fridays' },
  { pattern: /\b(?:saturday|sat)s?\b/i, days: [6], words: 'Saturdays' },
];

/** Cron's names of the week days, read as numbers. */
export const cronDayNames: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};
