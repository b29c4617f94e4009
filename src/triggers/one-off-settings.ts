// What a one-off run is made of, from a request (the API's POST, or a plan's scheduleAgent
// operation with `runAt`): the time (an ISO time with an offset, which must be ahead), the zone it
// is shown in (given, else the user's, else UTC), and the input the agent's schema accepts.
import { z } from 'zod';
import { type AgentSpec, describeSpecIssues, runInputIssues } from '../domain/agent-spec.ts';
import { ruleViolated } from '../domain/errors.ts';
import type { OneOffRunRecord, OneOffRunValues } from '../store/one-off-run-repository.ts';
import { checkTimezone } from './schedule-times.ts';

export const oneOffRunRequestSchema = z.strictObject({
  runAt: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .describe(
      'When to run, as an ISO 8601 time with its offset, e.g. "2026-12-08T15:00:00+01:00"; must be ahead.',
    ),
  timezone: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .describe('The IANA time zone the time is shown in; the user memory’s time zone, else UTC.'),
  input: z.record(z.string(), z.unknown()).optional(),
});
export type OneOffRunRequest = z.infer<typeof oneOffRunRequestSchema>;

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant of an ISO time with an offset; a 422 in words for anything else. */
export function parseRunAt(runAt: string): Date {
  const at = new Date(runAt);
  if (!isoTime.test(runAt) || Number.isNaN(at.getTime())) {
    throw ruleViolated(
      `"${runAt}" is not a time Orca can read. Give an ISO 8601 time with its offset, e.g. "2026-12-08T15:00:00+01:00" or "2026-12-08T14:00:00Z".`,
      [{ path: 'runAt', message: 'not an ISO 8601 time with an offset' }],
    );
  }
  return at;
}

/** A time that has passed is refused: a one-off run would never fire, or fire at once by surprise. */
export function refusePast(at: Date, now: Date) {
  if (at.getTime() <= now.getTime()) {
    throw ruleViolated(
      `${at.toISOString()} has already passed (it is now ${now.toISOString()}). Give a time that is still ahead.`,
      [{ path: 'runAt', message: 'in the past' }],
    );
  }
}

export function oneOffRunSettings(
  request: OneOffRunRequest,
  context: { userTimezone?: string | null; spec: AgentSpec; now?: Date },
): OneOffRunValues {
  const runAt = parseRunAt(request.runAt);
  refusePast(runAt, context.now ?? new Date());
  const timezone = request.timezone
    ? checkTimezone(request.timezone)
    : context.userTimezone
      ? checkTimezone(context.userTimezone)
      : 'UTC';
  const input = request.input ?? {};
  const issues = runInputIssues(context.spec, input);
  if (issues.length > 0) {
    throw ruleViolated(
      `The one-off run's input does not match the agent's input schema: ${describeSpecIssues(issues)}.`,
      issues,
    );
  }
  return { runAt, timezone, input };
}

/** A time in words in a zone: "Tuesday 8 December at 15:00", with the year when not this year's. */
export function timeInWords(at: Date, timezone: string, now = new Date()): string {
  const year = (date: Date) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone, year: 'numeric' }).format(date);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(year(at) === year(now) ? {} : { year: 'numeric' as const }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

export function oneOffRunView(record: OneOffRunRecord) {
  return {
    id: record.id,
    agentId: record.agentId,
    runAt: record.runAt.toISOString(),
    timezone: record.timezone,
    description: `Once, on ${timeInWords(record.runAt, record.timezone)} (${record.timezone})`,
    input: record.input,
    firedAt: record.firedAt?.toISOString() ?? null,
    runId: record.runId,
    createdAt: record.createdAt.toISOString(),
  };
}
