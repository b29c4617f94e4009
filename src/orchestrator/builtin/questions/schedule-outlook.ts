// "What's scheduled for tomorrow", "what runs this week": the schedules' firing times in a
// window of days (in the user's time zone), with the agents that run after others by a chain.
import { nextOccurrences } from '../../../triggers/schedule-times.ts';
import type { PlannerAnswer } from '../../planner.ts';
import { addDays, count, dayInWords, localDay, whenInWords } from '../../run-figures.ts';
import { inSentence } from '../schedule-planning.ts';
import { chainConditionWords } from '../vocabulary/vocabulary.ts';
import type { AnswerContext } from './run-answers.ts';

export type OutlookName = 'today' | 'tomorrow' | 'thisWeek' | 'nextWeek';

/** The days a question about the schedule means, if it names some. */
export function outlookNamed(text: string): OutlookName | undefined {
  const lower = text.toLowerCase();
  if (/\btomorrow\b/.test(lower)) return 'tomorrow';
  if (/\bnext week\b/.test(lower)) return 'nextWeek';
  if (/\bthis week\b|\bthe week\b|\brest of the week\b/.test(lower)) return 'thisWeek';
  if (/\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b/.test(lower)) return 'today';
  return undefined;
}

/** Every firing of a schedule is looked at up to this many: more is said as "every …". */
const firingLimit = 800;

function window(name: OutlookName, context: AnswerContext) {
  const today = localDay(context.now, context.timezone);
  const monday = addDays(today, -((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7));
  switch (name) {
    case 'today':
      return { from: today, to: today, words: `for the rest of today (${dayInWords(today)})` };
    case 'tomorrow':
      return {
        from: addDays(today, 1),
        to: addDays(today, 1),
        words: `for tomorrow (${dayInWords(addDays(today, 1))})`,
      };
    case 'thisWeek':
      return {
        from: today,
        to: addDays(monday, 6),
        words: `for the rest of this week (to ${dayInWords(addDays(monday, 6))})`,
      };
    case 'nextWeek':
      return {
        from: addDays(monday, 7),
        to: addDays(monday, 13),
        words: `for next week (${dayInWords(addDays(monday, 7))} to ${dayInWords(addDays(monday, 13))})`,
      };
  }
}

/** "06:00, 10:00 and 14:00". */
function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function chainLines(context: AnswerContext): string[] {
  const names = new Map(context.snapshot.agents.map((agent) => [agent.id, agent.name]));
  return context.snapshot.chains
    .filter((chain) => chain.enabled)
    .map(
      (chain) =>
        `"${names.get(chain.toAgentId)}" runs after "${names.get(chain.fromAgentId)}" ${chainConditionWords[chain.on]}`,
    );
}

function scheduledAgents(context: AnswerContext) {
  return context.snapshot.agents.filter((agent) => agent.schedule?.enabled);
}

/** All schedules, each with its next run: "what is scheduled" with no day named. */
export function allSchedules(context: AnswerContext): PlannerAnswer {
  const agents = scheduledAgents(context);
  if (agents.length === 0) return { reply: 'Nothing is scheduled: no agent runs on a schedule yet.' };
  const lines = agents.map((agent) => {
    const schedule = agent.schedule as NonNullable<typeof agent.schedule>;
    if (agent.status === 'paused')
      return `- "${agent.name}" ${inSentence(schedule.description)}, but it is paused`;
    const [next] = nextOccurrences(schedule.cron, schedule.timezone, context.now, 1);
    return `- "${agent.name}" ${inSentence(schedule.description)}; next ${next ? whenInWords(next.toISOString(), context.now, context.timezone) : 'never'}`;
  });
  const chains = chainLines(context);
  const also = chains.length > 0 ? `\nAlso: ${chains.join('; ')}.` : '';
  return {
    reply: `${count(agents.length, 'agent')} run${agents.length === 1 ? 's' : ''} on a schedule:\n${lines.join('\n')}${also}`,
  };
}

export function scheduledIn(name: OutlookName, context: AnswerContext): PlannerAnswer {
  const days = window(name, context);
  const clock = (date: Date) =>
    whenInWords(date.toISOString(), context.now, context.timezone).replace(/^.* at /, '');
  const lines: string[] = [];
  let total = 0;
  for (const agent of scheduledAgents(context)) {
    if (agent.status === 'paused') continue;
    const schedule = agent.schedule as NonNullable<typeof agent.schedule>;
    const firings = nextOccurrences(schedule.cron, schedule.timezone, context.now, firingLimit).filter(
      (date) => {
        const day = localDay(date, context.timezone);
        return day >= days.from && day <= days.to;
      },
    );
    if (firings.length === 0) continue;
    total += firings.length;
    const [first] = firings;
    const when =
      days.from === days.to && firings.length <= 6
        ? `at ${listed(firings.map(clock))}`
        : `${count(firings.length, 'time')}, ${inSentence(schedule.description)}; first ${whenInWords((first as Date).toISOString(), context.now, context.timezone)}`;
    lines.push(`- "${agent.name}" ${when}`);
  }
  const chains = chainLines(context);
  const also = chains.length > 0 ? `\nAlso: ${chains.join('; ')}.` : '';
  const paused = context.snapshot.agents.filter(
    (agent) => agent.schedule?.enabled && agent.status === 'paused',
  );
  const pausedWords =
    paused.length > 0
      ? `\nPaused, so not running: ${paused.map((agent) => `"${agent.name}"`).join(', ')}.`
      : '';
  if (lines.length === 0) return { reply: `Nothing is scheduled ${days.words}.${also}${pausedWords}` };
  return {
    reply: `Scheduled ${days.words}: ${count(total, 'run')} of ${count(lines.length, 'agent')}:\n${lines.join('\n')}${also}${pausedWords}`,
  };
}
