// The built-in planner's schedules: "run the lead scraper every weekday at 9:30" becomes a
// scheduleAgent operation showing the cron in words, the time zone and the next times;
// "unschedule X" removes one; "when does X run next" is answered from the schedules.
import { OrcaError } from '../../domain/errors.ts';
import type { PlanOperation, PlanQuestion, ScheduleState } from '../../domain/plan.ts';
import { nextOccurrences, resolveCron } from '../../triggers/schedule-times.ts';
import type { PlannerAnswer, PlannerRequest, ScheduleSnapshot, WorkspaceSnapshot } from '../planner.ts';
import { type SchedulePreview, schedulePreview, timesInWords } from '../schedule-preview.ts';
import { whichAgent } from './agent-choice.ts';
import { agentsMentioned } from './agent-names.ts';
import { oneOffInRequest, planOneOff } from './one-off-planning.ts';
import { hasAny, runInputFrom } from './request-text.ts';
import { type ScheduleReading, scheduleIn } from './schedule-phrases.ts';
import { catchUpWords, chainConditionWords, pronouns } from './vocabulary/vocabulary.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

/** What the planner keeps while it waits to know which agent, or when. */
export interface ScheduleDraft {
  kind: 'schedule';
  intent: 'schedule' | 'unschedule';
  text: string;
  candidates?: string[];
  /** The agent to schedule, once chosen: the answer says when. */
  agentId?: string;
  /** Schedule words understood before, when only the time zone was wrong. */
  words?: string;
  /** The day of a one-off run asked for without a time ("tomorrow"): the answer gives the time. */
  day?: string;
}

const examples =
  'Say it like "every weekday at 8am", "every 15 minutes" or "on Mondays at 7", or give a cron expression such as "0 8 * * 1-5".';

/** A schedule as a plan's `before`: what approval expects to find, and its words for the reviewer. */
export function scheduleState(schedule: ScheduleSnapshot): ScheduleState {
  const { cron, timezone, text, input, enabled, missed, description } = schedule;
  return { cron, timezone, text, input, enabled, missed, description };
}

function sentence(text: string) {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** A cron's description inside a sentence: "runs at 08:00 AM", not "runs At 08:00 AM". */
export function inSentence(description: string) {
  return `${description.charAt(0).toLowerCase()}${description.slice(1)}`;
}

function askWhen(agent: SnapshotAgent, why: string, draft: ScheduleDraft, options?: string[]): PlannerAnswer {
  const question: PlanQuestion = {
    id: 'schedule',
    text: `When should "${agent.name}" run? ${why}`,
    ...(options && options.length > 0 ? { options } : {}),
  };
  return {
    reply: question.text,
    plan: {
      summary: `Waiting to know when "${agent.name}" should run.`,
      questions: [question],
      operations: [],
      draft: { ...draft },
    },
  };
}

export function askWhichToSchedule(
  intent: ScheduleDraft['intent'],
  candidates: SnapshotAgent[],
  text: string,
): PlannerAnswer {
  const question = whichAgent(candidates);
  return {
    reply: question.text,
    plan: {
      summary: `Waiting to know which agent to ${intent}.`,
      questions: [question],
      operations: [],
      draft: {
        kind: 'schedule',
        intent,
        text,
        candidates: candidates.map((agent) => agent.id),
      } satisfies ScheduleDraft,
    },
  };
}

/**
 * The scheduleAgent operation for a schedule found in words, with what the reviewer needs to see.
 * Throws the schedule settings' OrcaError for a time zone Orca does not know.
 */
export function scheduleOperation(
  target: { agentId?: string; agentName: string; schedule?: ScheduleSnapshot },
  reading: Extract<ScheduleReading, { kind: 'found' }>,
  request: PlannerRequest,
  extra: { input?: Record<string, unknown>; missed?: 'skip' | 'run_once' } = {},
  /** The cron to save instead of the words: the words' times on the days the agent ran before. */
  cron?: string,
): { operation: PlanOperation; preview: SchedulePreview } {
  const preview = schedulePreview(
    cron ? { cron, timezone: reading.timezone } : { text: reading.words, timezone: reading.timezone },
    request.snapshot.timezone,
    request.now ?? new Date(),
  );
  const operation: PlanOperation = {
    type: 'scheduleAgent',
    ...(target.agentId ? { agentId: target.agentId } : {}),
    agentName: target.agentName,
    ...(cron ? { cron } : { text: reading.words }),
    // Always written out, so what applies is what the plan shows, whoever approves it.
    timezone: preview.timezone,
    ...extra,
    description: preview.description,
    nextRuns: preview.nextRuns,
    before: target.schedule ? scheduleState(target.schedule) : null,
  };
  return { operation, preview };
}

/** "Next: Monday 30 November at 08:00; Tuesday 1 December at 08:00". */
export function nextTimesInWords(nextRuns: readonly string[], timezone: string, count = 3) {
  return `Next: ${timesInWords(nextRuns.slice(0, count), timezone).join('; ')}.`;
}

/** Words that change a schedule's time rather than set a new one. */
const changingWords =
  /\b(?:instead|change|changed|move|moved|shift|shifted|push|pushed|bring|earlier|later|rather|switch|actually|make it|reschedule|set)\b/;

/** Words that say which days, or that every day is meant ("every morning at 7", "daily at 7"). */
const dayWords =
  /\b(?:every|each|daily|days?|nightly|weekly|monthly|mornings?|evenings?|nights?|afternoons?|weekdays?|weekends?|mon|tue|wed|thu|fri|sat|sun)/;

/**
 * "Run the weekly report at 9 instead of 8": only the time changes, so the days it ran on stay
 * (Mondays), rather than the words' own "every day". Undefined when the words name days or a
 * frequency, or when the agent's schedule runs every day anyway.
 */
export function timesOnKeptDays(
  reading: Extract<ScheduleReading, { kind: 'found' }>,
  current: ScheduleSnapshot | undefined,
  text: string,
): string | undefined {
  if (!current || dayWords.test(reading.words.toLowerCase())) return undefined;
  // "Schedule X at 7" sets a schedule afresh; "at 9 instead", "move it to 9" changes its time.
  if (!changingWords.test(text.toLowerCase())) return undefined;
  const both = bothCrons(reading.words, current.cron);
  if (!both) return undefined;
  const { fields, old } = both;
  const [minute, hour, day, month, weekday] = fields;
  // Only a time of day: "at 9", "at 7 and 19" (an interval or a range is a new pattern).
  if (!/^\d+$/.test(minute) || !/^[\d,]+$/.test(hour) || day !== '*' || month !== '*' || weekday !== '*')
    return undefined;
  const [, , oldDay, oldMonth, oldWeekday] = old;
  if (oldDay === '*' && oldMonth === '*' && oldWeekday === '*') return undefined;
  return `${minute} ${hour} ${oldDay} ${oldMonth} ${oldWeekday}`;
}

type CronFields = [string, string, string, string, string];

/** The five fields of the words' cron and of the agent's own; undefined when either is not five. */
function bothCrons(words: string, current: string): { fields: CronFields; old: CronFields } | undefined {
  let wanted: string;
  try {
    wanted = resolveCron({ text: words });
  } catch {
    return undefined;
  }
  const fields = wanted.split(' ');
  const old = current.split(' ');
  return fields.length === 5 && old.length === 5
    ? { fields: fields as CronFields, old: old as CronFields }
    : undefined;
}

/** Words that say a time of day: digits, or "noon", "morning", "evening" and the like. */
const timeWords =
  /\d|\b(?:noon|midday|midnight|mornings?|evenings?|nights?|nightly|afternoons?|hourly|hours?|minutes?|mins?|quarter|half|past|o'?clock|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/;

/**
 * "Make the weekly report go out on tuesdays instead": only the days change, so the times it ran
 * at stay (08:00), rather than the words' own default hour. Undefined when the words say a time,
 * or when the agent's schedule has no fixed time of day.
 */
export function daysAtKeptTimes(
  reading: Extract<ScheduleReading, { kind: 'found' }>,
  current: ScheduleSnapshot | undefined,
  text: string,
): string | undefined {
  const words = reading.words.toLowerCase();
  // "Price monitor on weekdays only" narrows the days it runs on, as "instead" changes them.
  const changing = changingWords.test(text.toLowerCase()) || /\bonly\b/i.test(text);
  if (!current || timeWords.test(words) || !changing) return undefined;
  const both = bothCrons(reading.words, current.cron);
  if (!both) return undefined;
  const [, , day, month, weekday] = both.fields;
  const [oldMinute, oldHour, oldDay, oldMonth] = both.old;
  // Only days of the week, and an old schedule at fixed times on any day of any month.
  if (day !== '*' || month !== '*' || weekday === '*') return undefined;
  if (!/^\d+$/.test(oldMinute) || !/^[\d,]+$/.test(oldHour) || oldDay !== '*' || oldMonth !== '*')
    return undefined;
  return `${oldMinute} ${oldHour} * * ${weekday}`;
}

export function planSchedule(
  agent: SnapshotAgent,
  reading: ScheduleReading | undefined,
  text: string,
  request: PlannerRequest,
): PlannerAnswer {
  if (!reading)
    return askWhen(agent, examples, { kind: 'schedule', intent: 'schedule', text, agentId: agent.id });
  if (reading.kind === 'unclear') {
    return askWhen(
      agent,
      reading.message,
      { kind: 'schedule', intent: 'schedule', text, agentId: agent.id },
      reading.options,
    );
  }
  const schema = agent.spec.input as { properties?: Record<string, unknown>; required?: string[] };
  const given = runInputFrom(text, schema);
  const input = Object.keys(given.input).length > 0 ? given.input : undefined;
  const runInput = input ?? agent.schedule?.input ?? {};
  const missing = (schema.required ?? []).filter((field) => !(field in runInput));
  if (missing.length > 0) {
    return {
      reply: `"${agent.name}" needs ${missing.join(', ')} as input on each scheduled run. Say it again with them, e.g. schedule ${agent.name} ${reading.words} with {"${missing[0]}": "…"}.`,
    };
  }
  const missed = hasAny(text, catchUpWords) ? ('run_once' as const) : undefined;
  let planned: ReturnType<typeof scheduleOperation>;
  try {
    planned = scheduleOperation(
      { agentId: agent.id, agentName: agent.name, schedule: agent.schedule },
      reading,
      request,
      { ...(input ? { input } : {}), ...(missed ? { missed } : {}) },
      timesOnKeptDays(reading, agent.schedule, text) ?? daysAtKeptTimes(reading, agent.schedule, text),
    );
  } catch (error) {
    if (!(error instanceof OrcaError)) throw error;
    return askWhen(agent, error.message, {
      kind: 'schedule',
      intent: 'schedule',
      text,
      agentId: agent.id,
      words: reading.words,
    });
  }
  const { preview, operation } = planned;
  const range = rangeNote(preview.cron);
  const current = agent.schedule;
  if (
    current?.enabled &&
    current.cron === preview.cron &&
    current.timezone === preview.timezone &&
    !input &&
    !missed
  ) {
    return { reply: `"${agent.name}" already runs on that schedule: ${inSentence(current.description)}.` };
  }
  const instead = current ? ` instead of ${inSentence(current.description)}` : '';
  const paused = agent.status === 'paused' ? ` It is paused: it will not run until you resume it.` : '';
  return {
    reply: `I will run "${agent.name}" ${inSentence(preview.description)}${instead}.${range} ${nextTimesInWords(preview.nextRuns, preview.timezone)} ${sentence(preview.timezoneNote)}.${paused}`,
    plan: {
      summary: `Schedule "${agent.name}": ${preview.description};${range} ${preview.timezoneNote}.`,
      questions: [],
      operations: [operation],
    },
  };
}

function clock(hour: number, minute: number) {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * For an interval within hours ("every 30 minutes from 9 to 17"): when the last run of the day
 * is, and whether the end hour itself is included, since the cron in words ("between 09:00 AM
 * and 04:59 PM") leaves it to be worked out.
 */
export function rangeNote(cron: string): string {
  const [minute, hour] = cron.split(' ');
  const hours = /^(\d+)-(\d+)(?:\/(\d+))?$/.exec(hour ?? '');
  if (!hours || !minute) return '';
  const first = Number(hours[1]);
  const last = Number(hours[2]);
  const hourStep = Number(hours[3] ?? 1);
  const lastHour = last - ((last - first) % hourStep);
  if (/^\d+$/.test(minute)) return ` The last run each day is at ${clock(lastHour, Number(minute))}.`;
  const step = /^\*\/(\d+)$/.exec(minute);
  const minuteStep = step ? Number(step[1]) : minute === '*' ? 1 : undefined;
  if (!minuteStep) return '';
  const lastMinute = Math.floor(59 / minuteStep) * minuteStep;
  return ` The last run each day is at ${clock(lastHour, lastMinute)}; ${clock(lastHour + 1, 0)} itself is not included (a schedule cannot stop on the hour without also running at ${clock(lastHour + 1, minuteStep)}).`;
}

export function planUnschedule(agent: SnapshotAgent): PlannerAnswer {
  const schedule = agent.schedule;
  if (!schedule) return { reply: `"${agent.name}" has no schedule: it only runs when started.` };
  return {
    reply: `I will stop running "${agent.name}" on its schedule (${inSentence(schedule.description)}). It will still run when started by hand or by a chain.`,
    plan: {
      summary: `Unschedule "${agent.name}" (${schedule.description}).`,
      questions: [],
      operations: [
        {
          type: 'unscheduleAgent',
          agentId: agent.id,
          agentName: agent.name,
          before: scheduleState(schedule),
        },
      ],
    },
  };
}

/** Answers to "did you mean" and "when" questions about schedules; undefined for a new request. */
export function continueScheduleDraft(
  draft: ScheduleDraft,
  text: string,
  request: PlannerRequest,
  chosen: SnapshotAgent | undefined,
): PlannerAnswer | undefined {
  const agents = request.snapshot.agents;
  if (draft.candidates) {
    if (!chosen) return undefined;
    if (draft.intent === 'unschedule') return planUnschedule(chosen);
    return planSchedule(chosen, scheduleIn(draft.text, [chosen.name]), draft.text, request);
  }
  const agent = agents.find((candidate) => candidate.id === draft.agentId);
  if (!agent) return undefined;
  // "at 3pm" after "At what time tomorrow?" is tomorrow at 3pm, not every day at 3pm.
  const alone = oneOffInRequest(text, request);
  const withDay =
    draft.day && alone?.reading.kind !== 'at'
      ? oneOffInRequest(`${draft.day} ${/^\s*at\b/i.test(text) ? '' : 'at '}${text}`, request)
      : undefined;
  const once = withDay ?? alone;
  if (once) return planOneOff(agent, once, `${draft.text} ${text}`, request);
  const reading =
    scheduleIn(text) ?? (draft.words ? scheduleIn(`${draft.words} ${text}`) : undefined) ?? wholeAnswer(text);
  if (!reading) return undefined;
  return planSchedule(agent, reading, `${draft.text} ${text}`, request);
}

/** An answer that is nothing but a time ("8am", "18:30"), read as the schedule. */
function wholeAnswer(text: string): ScheduleReading | undefined {
  const reading = scheduleIn(`at ${text.trim()}`);
  return reading?.kind === 'found' ? reading : undefined;
}

function chainedFrom(agent: SnapshotAgent, snapshot: WorkspaceSnapshot) {
  const names = new Map(snapshot.agents.map((item) => [item.id, item.name]));
  return snapshot.chains
    .filter((chain) => chain.toAgentId === agent.id && chain.enabled)
    .map(
      (chain) =>
        `after "${names.get(chain.fromAgentId) ?? 'another agent'}" ${chainConditionWords[chain.on]}`,
    );
}

/** " It also runs once on Tuesday 1 December at 15:00 (Europe/Berlin)." for pending one-off runs. */
function onceNote(agent: SnapshotAgent): string {
  const runs = agent.oneOffRuns ?? [];
  if (runs.length === 0) return '';
  const times = runs.map((run) => `${timesInWords([run.runAt], run.timezone)[0]} (${run.timezone})`);
  return ` It also runs once on ${times.join(', and once on ')}.`;
}

function whenItRuns(agent: SnapshotAgent, snapshot: WorkspaceSnapshot, now: Date): string {
  const chains = chainedFrom(agent, snapshot);
  const alsoChained = `${chains.length > 0 ? ` It also runs ${chains.join(' and ')}.` : ''}${onceNote(agent)}`;
  const paused = agent.status === 'paused' ? ' It is paused, so it will not run until you resume it.' : '';
  const schedule = agent.schedule;
  if (!schedule) {
    const how = chains.length > 0 ? chains.join(' and ') : 'when started by hand';
    return `"${agent.name}" has no schedule: it runs ${how}.${onceNote(agent)}${paused}`;
  }
  if (!schedule.enabled) {
    return `"${agent.name}" has a schedule (${inSentence(schedule.description)}), but it is switched off.${alsoChained}${paused}`;
  }
  const next = nextOccurrences(schedule.cron, schedule.timezone, now, 3).map((date) => date.toISOString());
  return `"${agent.name}" runs ${inSentence(schedule.description)}. ${nextTimesInWords(next, schedule.timezone)}${alsoChained}${paused}`;
}

/** "When does X run next": from the schedules (and chains), with no plan. */
export function answerNextRuns(text: string, request: PlannerRequest): PlannerAnswer {
  const { snapshot } = request;
  const now = request.now ?? new Date();
  const mentioned = agentsMentioned(text, snapshot.agents).map((match) => match.item);
  const last = snapshot.agents.find((agent) => agent.name === request.lastAgentName);
  const subjects =
    mentioned.length > 0
      ? mentioned
      : last && hasAny(text, pronouns)
        ? [last]
        : snapshot.agents.filter((agent) => agent.schedule?.enabled || (agent.oneOffRuns ?? []).length > 0);
  if (subjects.length === 0) {
    return {
      reply:
        'No agent runs on a schedule yet. Tell me when one should, e.g. "run the lead scraper every weekday at 8am".',
    };
  }
  return { reply: subjects.map((agent) => whenItRuns(agent, snapshot, now)).join('\n') };
}
