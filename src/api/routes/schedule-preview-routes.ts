// A schedule shown before it is saved: the words or the cron a person is typing, read the way a
// saved schedule will be (the Orchestrator's reader), with the next five times in the time zone.
// Nothing is written, so any member may ask; a schedule that cannot be read is a 422 that says
// what to write instead.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ruleViolated } from '../../domain/errors.ts';
import { schedulePreview, timesInWords } from '../../orchestrator/schedule-preview.ts';
import { getUserMemory } from '../../store/user-memory-repository.ts';
import type { ApiEnv } from '../context.ts';
import { commonErrors, idParameter, jsonBody, jsonResponse, securedBy, timestamp } from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';

const previewRequestSchema = z
  .strictObject({
    text: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('The schedule in words, e.g. "every weekday at 9".'),
    cron: z.string().trim().min(1).max(120).optional().describe('Five fields, or six with seconds first.'),
    timezone: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe('An IANA time zone; the user memory’s time zone, else UTC, when left out.'),
  })
  .openapi('SchedulePreviewRequest');

const previewSchema = z
  .object({
    cron: z.string().describe('The cron the schedule would be saved as.'),
    description: z.string().describe('The cron in words, with its time zone.'),
    timezone: z.string(),
    timezoneNote: z.string().describe('Which time zone was used, and why.'),
    nextRuns: z
      .array(z.object({ at: timestamp, words: z.string().describe('"Monday 7 December at 09:00".') }))
      .describe('The next five firing times after now, in the time zone.'),
  })
  .openapi('SchedulePreview');

const route = createRoute({
  method: 'post',
  operationId: 'previewSchedule',
  path: '/api/workspaces/{ws}/schedule-preview',
  tags: ['schedules'],
  summary: 'Read a schedule in words or cron, and show its next five times, without saving anything',
  security: securedBy,
  request: { params: z.object({ ws: idParameter('ws') }), body: jsonBody(previewRequestSchema) },
  responses: { 200: jsonResponse(previewSchema, 'The schedule as it would be saved.'), ...commonErrors },
});

export function registerSchedulePreviewRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(route, async (c) => {
    const access = requireAction(c, 'agents.read');
    const request = c.req.valid('json');
    if ((request.text === undefined) === (request.cron === undefined)) {
      throw ruleViolated(
        'Give the schedule either in words ({"text": "every weekday at 9"}) or as a cron ({"cron": "0 9 * * 1-5"}), one of the two.',
        [{ path: 'text', message: 'give text or cron' }],
      );
    }
    const memory = await c.get('services').store.asUser(access.actor.userId, getUserMemory);
    const preview = schedulePreview(request, memory?.timezone ?? undefined, new Date());
    const words = timesInWords(preview.nextRuns, preview.timezone);
    return c.json(
      {
        cron: preview.cron,
        description: preview.description,
        timezone: preview.timezone,
        timezoneNote: preview.timezoneNote,
        nextRuns: preview.nextRuns.map((at, index) => ({ at, words: words[index] ?? at })),
      },
      200,
    );
  });
}
