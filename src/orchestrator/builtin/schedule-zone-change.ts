// "The weekly report's schedule should be in New York time", "switch the price monitor to London
// time": the schedule keeps its times and days, read in another zone. Only an agent with a
// repeating schedule, and only when the message says a zone and no new times.
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { scheduleIn, takeTimezone, withoutLiterals } from './schedule-phrases.ts';
import { nextTimesInWords, scheduleOperation } from './schedule-planning.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

/** Words that make a named zone the subject of the message, not an aside of a new schedule. */
const zoneWords = /\b(?:time|timezone|time zone|zone|tz)\b/i;

export function planZoneChange(
  text: string,
  mentioned: readonly SnapshotAgent[],
  request: PlannerRequest,
): PlannerAnswer | undefined {
  if (mentioned.length !== 1 || !zoneWords.test(text)) return undefined;
  // "When does the price monitor run, london time?" asks; "delete X, it wastes time in tokyo"
  // asks for something else: only a message about the schedule's zone changes it.
  if (
    /\?\s*$/.test(text) ||
    /^\s*(?:when|what|what's|whats|show|is|are|does|do|how|which|why|tell)\b/i.test(text)
  )
    return undefined;
  if (
    !/\b(?:schedule|timezone|time ?zone|zone|(?:be|use|on|in|to|into)\s+(?:the\s+)?[a-z]+(?:\s[a-z]+)?\s+time)\b/i.test(
      text,
    )
  )
    return undefined;
  if (/\b(?:delete|remove|pause|resume|rename|stop|disable|enable|chain|copy|duplicate)\b/i.test(text))
    return undefined;
  const agent = mentioned[0] as SnapshotAgent;
  const nameless = withoutLiterals(text.replace(new RegExp(escaped(agent.name), 'gi'), ' '));
  // "Change its time zone to london": the city at the end is its time.
  const zone = takeTimezone(nameless).timezone
    ? takeTimezone(nameless)
    : takeTimezone(nameless.replace(/\b(to|in|into)\s+([a-z]+(?:\s[a-z]+)?)\s*[.!?]*$/i, '$1 $2 time'));
  if (!zone.timezone) return undefined;
  // "… at 9 in New York time" sets new times: the schedule rules read that.
  if (scheduleIn(zone.text)?.kind === 'found') return undefined;
  const schedule = agent.schedule;
  if (!schedule?.cron) {
    return {
      reply: `"${agent.name}" has no schedule to move to ${zone.timezone}. Say when it should run, e.g. "run ${agent.name} every weekday at 9 ${zone.timezone}".`,
    };
  }
  if (schedule.timezone === zone.timezone)
    return { reply: `"${agent.name}" already runs in ${zone.timezone}.` };
  const { operation, preview } = scheduleOperation(
    { agentId: agent.id, agentName: agent.name, schedule },
    { kind: 'found', words: schedule.cron, timezone: zone.timezone },
    request,
    {},
    schedule.cron,
  );
  const shownIn = request.snapshot.timezone ?? preview.timezone;
  return {
    reply: `I will keep "${agent.name}" on the same times, read in ${zone.timezone} instead of ${schedule.timezone}: ${preview.description}. ${nextTimesInWords(preview.nextRuns, shownIn)} (times in ${shownIn}, your time zone). Approve the plan to go ahead.`,
    plan: {
      summary: `Schedule "${agent.name}" in ${zone.timezone}: ${preview.description}.`,
      questions: [],
      operations: [operation],
    },
  };
}

function escaped(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
