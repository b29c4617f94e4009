// What a schedule is made of, from a request (the API's PUT, or a plan's scheduleAgent
// operation): the cron (given, or from words), the time zone (given, else the user's, else UTC,
// and the answer says which), the input, the policy for missed firings, and the next occurrence.
import { z } from 'zod';
import { type AgentSpec, describeSpecIssues, runInputIssues } from '../domain/agent-spec.ts';
import { ruleViolated } from '../domain/errors.ts';
import type { ScheduleRecord, ScheduleValues } from '../store/schedule-repository.ts';
import {
  checkTimezone,
  describeCron,
  nextOccurrence,
  nextOccurrences,
  resolveCron,
} from './schedule-times.ts';

export const scheduleRequestSchema = z.strictObject({
  cron: z.string().trim().min(1).max(120).optional().describe('Five fields, or six with seconds first.'),
  text: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('The schedule in words, e.g. "every weekday at 8am"; turned into cron.'),
  timezone: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .describe('An IANA time zone; the user memory’s time zone, else UTC, when left out.'),
  input: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
  missed: z
    .enum(['skip', 'run_once'])
    .optional()
    .describe('Occurrences missed while Orca was down: skip them (default), or run once for them.'),
});
export type ScheduleRequest = z.infer<typeof scheduleRequestSchema>;

export interface ScheduleSettings {
  values: ScheduleValues;
  /** Where the time zone came from, said back to the user. */
  note: string;
}

/** The schedule a request asks for, over the one the agent has (fields left out are kept). */
export function scheduleSettings(
  request: ScheduleRequest,
  context: { existing?: ScheduleRecord; userTimezone?: string | null; spec: AgentSpec; now?: Date },
): ScheduleSettings {
  if (request.cron !== undefined && request.text !== undefined) {
    throw ruleViolated('Give either cron or text, not both.', [
      { path: 'cron', message: 'cron and text both given' },
    ]);
  }
  const { existing } = context;
  const now = context.now ?? new Date();
  const given = request.cron !== undefined || request.text !== undefined;
  if (!given && !existing) {
    throw ruleViolated(
      'Say when the agent should run: {"text": "every weekday at 8am"} or {"cron": "0 8 * * 1-5", "timezone": "Europe/Paris"}.',
      [{ path: 'text', message: 'required for a new schedule' }],
    );
  }
  const cron = given ? resolveCron(request) : (existing?.cron ?? '');
  let timezone: string;
  let note: string;
  if (request.timezone) {
    timezone = checkTimezone(request.timezone);
    note = `Times are in ${timezone}, as asked.`;
  } else if (existing) {
    timezone = existing.timezone;
    note = `Times are in ${timezone}, the schedule's time zone.`;
  } else if (context.userTimezone) {
    timezone = checkTimezone(context.userTimezone);
    note = `Times are in ${timezone}, the time zone in your user memory.`;
  } else {
    timezone = 'UTC';
    note = 'Times are in UTC: your user memory has no time zone (PATCH /api/me/memory {"timezone": "…"}).';
  }
  const input = request.input ?? existing?.input ?? {};
  const issues = runInputIssues(context.spec, input);
  if (issues.length > 0) {
    throw ruleViolated(
      `The schedule's input does not match the agent's input schema: ${describeSpecIssues(issues)}.`,
      issues,
    );
  }
  const enabled = request.enabled ?? existing?.enabled ?? true;
  const timingChanged = given || request.timezone !== undefined || (enabled && !existing?.enabled);
  // A new time, or a schedule switched back on, counts from now: nothing missed meanwhile fires.
  const nextFireAt = !timingChanged && existing ? undefined : nextOccurrence(cron, timezone, now);
  if (nextFireAt === null) {
    throw ruleViolated(
      `"${cron}" never fires again after now. Check the day of the month and the month (such as 31 February), or the year.`,
      [{ path: given && request.text !== undefined ? 'text' : 'cron', message: 'no future occurrence' }],
    );
  }
  return {
    values: {
      cron,
      timezone,
      text: request.text ?? (given ? null : (existing?.text ?? null)),
      input,
      enabled,
      missed: request.missed ?? existing?.missed ?? 'skip',
      nextFireAt,
    },
    note,
  };
}

/** A schedule as the API and the Orchestrator show it: in words, with its next five times. */
export function scheduleView(record: ScheduleRecord, now = new Date()) {
  return {
    id: record.id,
    agentId: record.agentId,
    cron: record.cron,
    timezone: record.timezone,
    text: record.text,
    description: describeCron(record.cron, record.timezone),
    input: record.input,
    enabled: record.enabled,
    missed: record.missed,
    nextRuns: record.enabled
      ? nextOccurrences(record.cron, record.timezone, now, 5).map((date) => date.toISOString())
      : [],
    lastFiredAt: record.lastFiredAt?.toISOString() ?? null,
    lastRunId: record.lastRunId,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
