// The built-in planner's one-off runs: "run the price monitor next Tuesday at 3pm" becomes a
// scheduleAgent operation with `runAt`, shown as the time in words in the user's zone. The
// agent's schedule is left as it is; a time that has passed is said, not planned.
import { OrcaError } from '../../domain/errors.ts';
import type { PlanOperation, PlanQuestion } from '../../domain/plan.ts';
import { timeInWords } from '../../triggers/one-off-settings.ts';
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { chosenTimezone } from '../schedule-preview.ts';
import type { OneOffReading } from './one-off-times.ts';
import { oneOffIn } from './one-off-times.ts';
import { runInputFrom } from './request-text.ts';
import { takeTimezone, withoutLiterals } from './schedule-phrases.ts';
import { inSentence, type ScheduleDraft } from './schedule-planning.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

/** The one-off time a request holds, read in the zone it names, else the user's, else UTC. */
export function oneOffInRequest(text: string, request: PlannerRequest) {
  const zone = takeTimezone(withoutLiterals(text));
  let timezone: ReturnType<typeof chosenTimezone>;
  try {
    timezone = chosenTimezone(zone.timezone, request.snapshot.timezone);
  } catch (error) {
    if (error instanceof OrcaError) return undefined;
    throw error;
  }
  const reading = oneOffIn(zone.text, timezone.timezone, request.now ?? new Date());
  return reading && { reading, ...timezone };
}

/** "Once, on Tuesday 1 December at 15:00 (Europe/Berlin)". */
export function onceInWords(at: Date, timezone: string, now: Date) {
  return `Once, on ${timeInWords(at, timezone, now)} (${timezone})`;
}

export function planOneOff(
  agent: SnapshotAgent,
  found: { reading: OneOffReading; timezone: string; timezoneNote: string },
  text: string,
  request: PlannerRequest,
): PlannerAnswer {
  const { reading, timezone, timezoneNote } = found;
  if (reading.kind === 'day') {
    const question: PlanQuestion = {
      id: 'schedule',
      text: `At what time ${reading.words} should "${agent.name}" run?`,
      options: [`${reading.words} at 9:00`, `${reading.words} at 14:00`],
    };
    return {
      reply: question.text,
      plan: {
        summary: `Waiting to know at what time "${agent.name}" should run.`,
        questions: [question],
        operations: [],
        draft: {
          kind: 'schedule',
          intent: 'schedule',
          text,
          agentId: agent.id,
          day: reading.words,
        } satisfies ScheduleDraft,
      },
    };
  }
  const now = request.now ?? new Date();
  const when = timeInWords(reading.at, timezone, now);
  if (reading.at.getTime() <= now.getTime()) {
    return { reply: `${when} (${timezone}) has already passed. Say a time that is still ahead.` };
  }
  const schema = agent.spec.input as { properties?: Record<string, unknown>; required?: string[] };
  const given = runInputFrom(text, schema);
  const input = Object.keys(given.input).length > 0 ? given.input : undefined;
  const missing = (schema.required ?? []).filter((field) => !(field in (input ?? {})));
  if (missing.length > 0) {
    return {
      reply: `"${agent.name}" needs ${missing.join(', ')} as input for that run. Say it again with them, e.g. run ${agent.name} ${reading.words} with {"${missing[0]}": "…"}.`,
    };
  }
  const description = onceInWords(reading.at, timezone, now);
  const operation: PlanOperation = {
    type: 'scheduleAgent',
    agentId: agent.id,
    agentName: agent.name,
    runAt: reading.at.toISOString(),
    timezone,
    ...(input ? { input } : {}),
    description,
    nextRuns: [reading.at.toISOString()],
  };
  const kept = agent.schedule
    ? ` Its schedule (${inSentence(agent.schedule.description)}) stays as it is.`
    : '';
  const paused =
    agent.status === 'paused' ? ' It is paused: it will not run unless you resume it first.' : '';
  return {
    reply: `I will run "${agent.name}" once, on ${when} (${timezoneNote}).${kept}${paused}`,
    plan: {
      summary: `Run "${agent.name}" once, on ${when}; ${timezoneNote}.`,
      questions: [],
      operations: [operation],
    },
  };
}
