// "Stop the weekly report from running on Mondays", "don't run X on Fridays anymore": a day
// taken off an agent's schedule (the schedule without it, or no schedule when it was the only
// day), and "stop X running every hour": its schedule removed. Never a pause: the agent still
// runs when started, and on its other days.
import type { PlanOperation } from '../../domain/plan.ts';
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { schedulePreview } from '../schedule-preview.ts';
import { hasAny } from './request-text.ts';
import { scheduleIn } from './schedule-phrases.ts';
import { inSentence, nextTimesInWords, planUnschedule, scheduleState } from './schedule-planning.ts';
import {
  offDays,
  runningWords,
  scheduleStopWords,
  skipWords,
  weekDays,
} from './vocabulary/schedule-stop-vocabulary.ts';
import { pronouns } from './vocabulary/vocabulary.ts';
import { daysOfField, fieldOfDays } from './week-days.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

/** What a request takes off a schedule: some days, or the whole of it. */
export type ScheduleStop = { kind: 'days'; days: number[]; words: string[] } | { kind: 'all' };

function escaped(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the request stops, or undefined when it does not ask to stop running at some times. */
export function readScheduleStop(text: string, agentNames: readonly string[] = []): ScheduleStop | undefined {
  // "Weekly Report" is a name, not a time.
  const lower = agentNames
    .reduce((rest, name) => rest.replace(new RegExp(escaped(name), 'gi'), ' '), text)
    .toLowerCase();
  const stops = scheduleStopWords.test(lower) && (runningWords.test(lower) || skipWords.test(lower));
  if (!stops && !offDays.test(lower)) return undefined;
  // In the order they are said: "on Saturdays or Sundays".
  const named = weekDays
    .map((day) => ({ ...day, at: lower.search(day.pattern) }))
    .filter((day) => day.at >= 0)
    .sort((a, b) => a.at - b.at);
  if (named.length > 0) {
    return { kind: 'days', days: named.flatMap((day) => day.days), words: named.map((day) => day.words) };
  }
  return scheduleIn(lower)?.kind === 'found' ? { kind: 'all' } : undefined;
}

/** The one agent the request is about: named, or "it" for the last one talked about. */
function agentOf(text: string, mentioned: readonly SnapshotAgent[], request: PlannerRequest) {
  if (mentioned.length === 1) return mentioned[0];
  if (mentioned.length > 1 || !hasAny(text, pronouns)) return undefined;
  return request.snapshot.agents.find((agent) => agent.name === request.lastAgentName);
}

function listed(words: readonly string[]) {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** A stop of some of an agent's runs, planned; undefined when the request is not one. */
export function planScheduleStop(
  text: string,
  mentioned: readonly SnapshotAgent[],
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const stop = readScheduleStop(
    text,
    mentioned.map((agent) => agent.name),
  );
  const agent = stop && agentOf(text, mentioned, request);
  if (!stop || !agent) return undefined;
  const schedule = agent.schedule;
  if (!schedule || stop.kind === 'all') return planUnschedule(agent);
  const fields = schedule.cron.split(' ');
  const [dayOfMonth, month, dayOfWeek] = fields.slice(-3);
  const current = dayOfWeek === undefined ? undefined : daysOfField(dayOfWeek);
  // A schedule by dates ("on the 1st") has no week days to take away.
  if (!current || dayOfMonth !== '*' || month !== '*') {
    return {
      reply: `"${agent.name}" runs ${inSentence(schedule.description)}, which is not by week day. Say the schedule it should have instead (e.g. "run ${agent.name} every weekday at 8am"), or "unschedule ${agent.name}".`,
    };
  }
  const days = current.filter((day) => !stop.days.includes(day));
  if (days.length === current.length) {
    return {
      reply: `"${agent.name}" does not run on ${listed(stop.words)}: it runs ${inSentence(schedule.description)}.`,
    };
  }
  if (days.length === 0) return planUnschedule(agent);
  const cron = [...fields.slice(0, -1), fieldOfDays(days)].join(' ');
  const preview = schedulePreview(
    { cron, timezone: schedule.timezone },
    request.snapshot.timezone,
    request.now ?? new Date(),
  );
  const operation: PlanOperation = {
    type: 'scheduleAgent',
    agentId: agent.id,
    agentName: agent.name,
    cron,
    timezone: preview.timezone,
    ...(Object.keys(schedule.input).length > 0 ? { input: schedule.input } : {}),
    missed: schedule.missed,
    description: preview.description,
    nextRuns: preview.nextRuns,
    before: scheduleState(schedule),
  };
  return {
    reply: `I will stop running "${agent.name}" on ${listed(stop.words)}: it will run ${inSentence(preview.description)} instead of ${inSentence(schedule.description)}. ${nextTimesInWords(preview.nextRuns, preview.timezone)}`,
    plan: {
      summary: `Schedule "${agent.name}" without ${listed(stop.words)}: ${preview.description}.`,
      questions: [],
      operations: [operation],
    },
  };
}
