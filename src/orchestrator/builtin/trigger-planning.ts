// When the built-in planner reads a request as being about schedules or chains: taking an agent
// off its schedule, chaining or unchaining two agents, or running one on a schedule. Checked
// before the plain actions, since "run X every weekday" and "after X succeeds run Y" are not
// requests to run X now.

import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { chosenAgent, offeredAgents } from './agent-choice.ts';
import { type ChainDraft, continueChainDraft, planChainRequest } from './chain-planning.ts';
import { oneOffInRequest, planOneOff } from './one-off-planning.ts';
import { hasAny } from './request-text.ts';
import { scheduleIn } from './schedule-phrases.ts';
import {
  askWhichToSchedule,
  continueScheduleDraft,
  planSchedule,
  planUnschedule,
  type ScheduleDraft,
} from './schedule-planning.ts';
import { planScheduleStop } from './schedule-stopping.ts';
import { planTimeRemoval } from './schedule-time-removal.ts';
import { planZoneChange } from './schedule-zone-change.ts';
import {
  type ActionIntent,
  moveToTime,
  pronouns,
  scheduleWords,
  unschedulePatterns,
} from './vocabulary/vocabulary.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

export type TriggerDraft = ScheduleDraft | ChainDraft;

/** What the planner already read in the request. */
export interface RequestReading {
  text: string;
  mentioned: SnapshotAgent[];
  intent?: ActionIntent;
  /** The request reads as asking for a new agent. */
  wantsNew: boolean;
}

/** The one agent a schedule request is about: named, or "it"; else a question or a plain answer. */
function withOneAgent(
  reading: RequestReading,
  request: PlannerRequest,
  intent: ScheduleDraft['intent'],
  plan: (agent: SnapshotAgent) => PlannerAnswer,
): PlannerAnswer {
  const [only] = reading.mentioned;
  if (reading.mentioned.length > 1) return askWhichToSchedule(intent, reading.mentioned, reading.text);
  if (only) return plan(only);
  const last = request.snapshot.agents.find((agent) => agent.name === request.lastAgentName);
  if (last && (hasAny(reading.text, pronouns) || hasAny(reading.text, scheduleWords))) return plan(last);
  // "Check prices every 15 mins": the one agent whose name says what the request is about.
  const about = agentAbout(reading.text, request.snapshot.agents);
  if (about && intent === 'schedule') return plan(about);
  const reply =
    intent === 'unschedule'
      ? 'Which agent should stop running on a schedule? Name it, e.g. "unschedule the lead scraper".'
      : 'Which agent should run on that schedule? Name it, e.g. "run the lead scraper every weekday at 8am".';
  // "Schedule it" with no agent to mean: a question the next message answers, offering the
  // agents (those on a schedule, to unschedule) when there are few enough to read.
  const agents = request.snapshot.agents.filter((agent) => intent !== 'unschedule' || agent.schedule);
  if (agents.length === 0) return { reply };
  const asked = askWhichToSchedule(intent, [...agents], reading.text);
  const few = agents.length <= offeredAtMost;
  const names = agents.map((agent) => `"${agent.name}"`);
  const text = few
    ? `${reply.split('?')[0]}: ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' or ' : ''}${names.at(-1)}?`
    : reply;
  const question = { id: 'agent', text, ...(few ? { options: agents.map((agent) => agent.name) } : {}) };
  return { reply: text, plan: asked.plan && { ...asked.plan, questions: [question] } };
}

/** Words of agents' names that say what kind of agent, not what it is about. */
const kindWords = new Set([
  'agent',
  'agents',
  'monitor',
  'scraper',
  'collector',
  'reader',
  'checker',
  'watcher',
  'tracker',
  'bot',
  'old',
  'new',
  'copy',
  'example',
  'com',
  'org',
  'net',
]);

/** Words that may stand beside an agent's subject in "check prices every 15 mins". */
const aboutFiller = new Set(
  'check checks checking run runs running scrape scraping collect collecting fetch fetching get grab look for the new latest our my please pls can you could should every each at on in from to and the a an of mins min minutes minute hours hour hrs hr h am pm daily hourly weekly monthly weekdays weekday weekends weekend morning evening night noon midnight only also then'.split(
    ' ',
  ),
);
/** Schedule words the filler list does not hold: numbers, days, times. */
const scheduleFiller =
  /^(?:\d+|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|st|nd|rd|th|half|quarter|past|o|clock)$/;

function stem(word: string): string {
  return word.replace(/(?:ies)$/, 'y').replace(/(?<!s)s$/, '');
}

/**
 * The one agent whose name holds a word the request says ("prices" and "example.com Price
 * Monitor"), leaving out the words that only say the kind of agent; none when two agents share it.
 */
function agentAbout(text: string, agents: readonly SnapshotAgent[]): SnapshotAgent | undefined {
  const said = new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length >= 4)
      .map(stem),
  );
  // Only a request that says nothing but the agent's subject, a verb of running it and when:
  // "check prices every 15 mins"; "compare competitor prices every monday" may be a new agent.
  const words = text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length > 0);
  const subjects = new Set(
    agents.flatMap((agent) =>
      agent.name
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((word) => word.length >= 4 && !kindWords.has(word))
        .map(stem),
    ),
  );
  if (words.some((word) => !subjects.has(stem(word)) && !aboutFiller.has(word) && !scheduleFiller.test(word)))
    return undefined;
  const fitting = agents.filter((agent) =>
    agent.name
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length >= 4 && !kindWords.has(word))
      .some((word) => said.has(stem(word))),
  );
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** Agents named in a "which agent" question asked with none named; more are asked for by name. */
const offeredAtMost = 10;

/** The request without the names of the agents it mentions: "Weekly Report" is not a time. */
function nameless(text: string, mentioned: SnapshotAgent[]) {
  return mentioned.reduce((rest, agent) => rest.replace(new RegExp(escaped(agent.name), 'gi'), ' '), text);
}

function escaped(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Move X to 9am only": what follows "to" is a schedule, and an agent is named (or "it"). */
function movesToTime(reading: RequestReading): boolean {
  const time = moveToTime.exec(reading.text)?.groups?.time;
  return time !== undefined && scheduleIn(time)?.kind === 'found';
}

/** A schedule or chain request, answered; undefined when the request is about something else. */
export function planTriggerRequest(
  reading: RequestReading,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const lower = reading.text.toLowerCase();
  // "Stop X from running on Mondays": a day off its schedule, not a pause.
  // "Turn off X's 6am run, keep the 10am one": a time off its schedule, not a pause.
  const fewerTimes = planTimeRemoval(reading.text, reading.mentioned, request);
  if (fewerTimes) return fewerTimes;
  const stopped = planScheduleStop(reading.text, reading.mentioned, request);
  if (stopped) return stopped;
  const rezoned = planZoneChange(reading.text, reading.mentioned, request);
  if (rezoned) return rezoned;
  if (unschedulePatterns.some((pattern) => pattern.test(lower))) {
    return withOneAgent(reading, request, 'unschedule', planUnschedule);
  }
  const chained = planChainRequest(reading.text, request);
  if (chained) return chained;

  const explicit = hasAny(lower, scheduleWords) || movesToTime(reading);
  const { intent } = reading;
  // Before the schedule words: "next Tuesday at 3pm" also holds "Tuesday at 3pm", which is weekly.
  const once = oneOffInRequest(nameless(reading.text, reading.mentioned), request);
  if (once && (explicit || intent === 'run' || (!intent && !reading.wantsNew))) {
    return withOneAgent(reading, request, 'schedule', (agent) =>
      planOneOff(agent, once, reading.text, request),
    );
  }
  // "Run the weekly report thursday at 2pm": one weekday, said once, with a run, is the coming one
  // ("on thursdays" or "every thursday" is a schedule, and so is "schedule it for thursday").
  const upcoming = !explicit && intent === 'run' ? comingWeekday(reading, request) : undefined;
  if (upcoming)
    return withOneAgent(reading, request, 'schedule', (agent) =>
      planOneOff(agent, upcoming, reading.text, request),
    );
  const schedule = scheduleIn(
    reading.text,
    reading.mentioned.map((agent) => agent.name),
  );
  const asks =
    explicit ||
    (schedule?.kind === 'found' &&
      (intent === 'run' || intent === 'update' || (!intent && !reading.wantsNew))) ||
    (schedule?.kind === 'unclear' && intent === 'run') ||
    // "weekly report every other friday": a schedule that cannot be said, with its nearest ones.
    (schedule?.kind === 'unclear' &&
      (schedule.options ?? []).length > 0 &&
      (intent === 'update' || (!intent && !reading.wantsNew)));
  if (!asks) return undefined;
  return withOneAgent(reading, request, 'schedule', (agent) =>
    planSchedule(agent, schedule, reading.text, request),
  );
}

const singleWeekday = /\b(?:on\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day)\b(?!s)/i;
const repeating =
  /\b(?:every|each|weekly|weekdays?|weekends?|daily|hourly|always|from now on|going forward)\b/i;

/** The one run a single weekday names ("thursday at 2pm"), when it is ahead; else undefined. */
function comingWeekday(reading: RequestReading, request: PlannerRequest) {
  const text = nameless(reading.text, reading.mentioned);
  // "Monday, wednesday and friday" is a schedule: one weekday only.
  const days =
    text.match(/\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:mon|tue|wed|thu|fri|sat|sun)\b/gi) ??
    [];
  if (days.length !== 1 || !singleWeekday.test(text) || repeating.test(text)) return undefined;
  const found = oneOffInRequest(text.replace(singleWeekday, 'this $1'), request);
  if (found?.reading.kind !== 'at' || found.reading.at.getTime() <= (request.now ?? new Date()).getTime())
    return undefined;
  return found;
}

/** The answer to a question the planner asked about a schedule or chain; undefined for a new request. */
export function continueTriggerDraft(
  draft: TriggerDraft,
  text: string,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const candidates = offeredAgents(request.snapshot.agents, draft.candidates ?? []);
  const chosen = candidates.length > 0 ? chosenAgent(text, candidates) : undefined;
  switch (draft.kind) {
    case 'chain':
      return continueChainDraft(draft, chosen, request);
    case 'schedule':
      return continueScheduleDraft(draft, text, request, chosen);
  }
}
