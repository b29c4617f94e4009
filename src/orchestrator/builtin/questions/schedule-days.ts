// "Does anything run at the weekend", "what runs on mondays", "does the price monitor run on
// sundays": which schedules fire on some days of the week, at what times, read from the
// schedules' own next firings in the user's time zone (so a schedule in another zone that fires
// late on Friday there counts on the Saturday it is here).
import { nextOccurrences } from '../../../triggers/schedule-times.ts';
import type { PlannerAnswer, WorkspaceSnapshot } from '../../planner.ts';
import { addDays, count, dayStart, localDay, whenInWords } from '../../run-figures.ts';
import { inSentence } from '../schedule-planning.ts';
import type { AnswerContext } from './run-answers.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

/** Days of the week as Date.getUTCDay numbers them (0 is Sunday), with how to say them. */
export interface DaysOfWeek {
  days: number[];
  words: string;
}

const dayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const capitalised = dayNames.map((name) => name[0]?.toUpperCase() + name.slice(1));

/** Short and plural forms: "mon", "mondays", "weds", "thurs". */
const dayPattern = (name: string) => {
  const stem = name.slice(0, 3);
  const extra: Record<string, string> = { tue: '|tues', wed: '|weds', thu: '|thur|thurs' };
  return new RegExp(`\\b(?:${name}s?|${stem}${extra[stem] ?? ''})\\b`);
};
const dayPatterns = dayNames.map(dayPattern);

/** The days of the week a question names, or undefined when it names none. */
export function daysNamed(lower: string): DaysOfWeek | undefined {
  if (/\b(?:week ?ends?|sat(?:urday)?s? (?:and|or|&) sun(?:day)?s?)\b/.test(lower))
    return { days: [6, 0], words: 'at the weekend' };
  if (/\b(?:week ?days|work ?days|working days|business days|mon(?:day)? to fri(?:day)?)\b/.test(lower))
    return { days: [1, 2, 3, 4, 5], words: 'on weekdays' };
  const days = dayPatterns.flatMap((pattern, day) => (pattern.test(lower) ? [day] : []));
  if (days.length === 0) return undefined;
  const names = days.map((day) => `${capitalised[day]}s`);
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return { days, words: `on ${listed}` };
}

/** Two weeks of firings show every day of a weekly schedule. */
const windowDays = 14;
/** More clock times on a day than this is said as the schedule's own words too. */
const shownTimes = 6;

function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

function listed(items: string[], joiner = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}`;
}

/** When an agent's schedule fires on the asked days, in words; undefined when it does not. */
function firingWords(agent: SnapshotAgent, asked: DaysOfWeek, context: AnswerContext): string | undefined {
  const schedule = agent.schedule;
  if (!schedule) return undefined;
  const clock = (date: Date) =>
    whenInWords(date.toISOString(), context.now, context.timezone).replace(/^.* at /, '');
  const today = localDay(context.now, context.timezone);
  const timesByDay = new Map<number, Set<string>>();
  let many = false;
  // Day by day over two weeks, a few firings each: an every-5-minutes schedule costs no more
  // than a weekly one (a list of every firing would be thousands long).
  for (let offset = 0; offset < windowDays; offset++) {
    const day = addDays(today, offset);
    const weekdayOfDay = weekday(day);
    if (!asked.days.includes(weekdayOfDay)) continue;
    const start = new Date(Math.max(dayStart(day, context.timezone).getTime() - 1, context.now.getTime()));
    const firings = nextOccurrences(schedule.cron, schedule.timezone, start, shownTimes + 1).filter(
      (date) => localDay(date, context.timezone) === day,
    );
    if (firings.length === 0) continue;
    if (firings.length > shownTimes) many = true;
    const times = timesByDay.get(weekdayOfDay) ?? new Set<string>();
    for (const date of firings) times.add(clock(date));
    timesByDay.set(weekdayOfDay, times);
  }
  if (timesByDay.size === 0) return undefined;
  const days = asked.days.filter((day) => timesByDay.has(day));
  const times = [...new Set(days.flatMap((day) => [...(timesByDay.get(day) ?? [])]))].sort();
  // All five weekdays asked and all firing reads better as one word.
  const on = days.length === 5 ? 'every weekday' : `on ${listed(days.map((day) => `${capitalised[day]}s`))}`;
  return many || times.length > shownTimes
    ? `${on}, ${inSentence(schedule.description)}`
    : `${on} at ${listed(times)}`;
}

/** The agents whose schedules fire on the asked days, or whether one agent's does. */
export function scheduledOnDays(
  asked: DaysOfWeek,
  context: AnswerContext,
  agent?: SnapshotAgent,
): PlannerAnswer {
  if (agent) {
    if (!agent.schedule)
      return {
        reply: `"${agent.name}" has no schedule: it runs only when started.`,
        referents: [agent.name],
      };
    const words = firingWords(agent, asked, context);
    const paused = agent.status === 'paused' ? ' But it is paused, so it does not run until resumed.' : '';
    const off = agent.schedule.enabled ? '' : ' But its schedule is turned off.';
    return {
      reply: words
        ? `Yes: "${agent.name}" runs ${words}.${paused}${off}`
        : `No: "${agent.name}" does not run ${asked.words}; it runs ${inSentence(agent.schedule.description)}.`,
      referents: [agent.name],
    };
  }
  const scheduled = context.snapshot.agents.filter((candidate) => candidate.schedule?.enabled);
  const running = scheduled
    .filter((candidate) => candidate.status === 'active')
    .map((candidate) => ({ agent: candidate, words: firingWords(candidate, asked, context) }))
    .filter((entry): entry is { agent: SnapshotAgent; words: string } => entry.words !== undefined);
  const waiting = scheduled.filter(
    (candidate) => candidate.status === 'paused' && firingWords(candidate, asked, context),
  );
  const names = new Map(context.snapshot.agents.map((candidate) => [candidate.id, candidate.name]));
  const runningIds = new Set(running.map(({ agent: candidate }) => candidate.id));
  const after = context.snapshot.chains
    .filter((chain) => chain.enabled && runningIds.has(chain.fromAgentId))
    .map((chain) => `"${names.get(chain.toAgentId)}" runs after "${names.get(chain.fromAgentId)}"`);
  const also = after.length > 0 ? `\nAlso, by a chain: ${after.join('; ')}.` : '';
  const pausedWords =
    waiting.length > 0
      ? `\nPaused, so not running: ${waiting.map((candidate) => `"${candidate.name}"`).join(', ')}.`
      : '';
  if (running.length === 0)
    return {
      reply: `Nothing runs ${asked.words}: no active agent's schedule fires then.${pausedWords}`,
      referents: waiting.map((candidate) => candidate.name),
    };
  const lines = running.map(({ agent: candidate, words }) => `- "${candidate.name}" ${words}`);
  return {
    reply: `${count(running.length, 'agent')} ${running.length === 1 ? 'runs' : 'run'} ${asked.words}:\n${lines.join('\n')}${also}${pausedWords}`,
    referents: running.map(({ agent: candidate }) => candidate.name),
  };
}
