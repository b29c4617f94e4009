// An agent's schedule: a cron in a time zone, or words turned into cron, shown back in words
// with the next five firing times. Builders set and remove it; viewers read it.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound } from '../../domain/errors.ts';
import { recordLearning } from '../../orchestrator/learning/learning-recorder.ts';
import { scheduleObservations } from '../../orchestrator/learning/observations.ts';
import { findAgent } from '../../store/agent-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import { deleteSchedule, findSchedule, saveSchedule } from '../../store/schedule-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import { getUserMemory } from '../../store/user-memory-repository.ts';
import { scheduleRequestSchema, scheduleSettings, scheduleView } from '../../triggers/schedule-settings.ts';
import type { ApiEnv } from '../context.ts';
import { commonErrors, idParameter, jsonBody, jsonResponse, securedBy, timestamp } from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';

const scheduleSchema = z
  .object({
    id: z.string(),
    agentId: z.string(),
    cron: z.string(),
    timezone: z.string(),
    text: z.string().nullable().describe('The words the schedule was given in, if any.'),
    description: z.string().describe('The cron in words, with its time zone.'),
    input: z.record(z.string(), z.unknown()),
    enabled: z.boolean(),
    missed: z.enum(['skip', 'run_once']),
    nextRuns: z.array(timestamp).describe('The next five firing times (none while disabled).'),
    lastFiredAt: timestamp.nullable(),
    lastRunId: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    note: z.string().optional().describe('Which time zone was used, and why.'),
  })
  .openapi('Schedule');

const params = z.object({ ws: idParameter('ws'), agentId: idParameter('agentId') });

const routes = {
  read: createRoute({
    method: 'get',
    operationId: 'getSchedule',
    path: '/api/workspaces/{ws}/agents/{agentId}/schedule',
    tags: ['schedules'],
    summary: 'The agent’s schedule, in words, with its next five firing times',
    security: securedBy,
    request: { params },
    responses: { 200: jsonResponse(scheduleSchema, 'The schedule.'), ...commonErrors },
  }),
  save: createRoute({
    method: 'put',
    operationId: 'setSchedule',
    path: '/api/workspaces/{ws}/agents/{agentId}/schedule',
    tags: ['schedules'],
    summary: 'Schedule the agent (builder): cron with a time zone, or words; fields left out are kept',
    security: securedBy,
    request: { params, body: jsonBody(scheduleRequestSchema) },
    responses: { 200: jsonResponse(scheduleSchema, 'The schedule as saved.'), ...commonErrors },
  }),
  remove: createRoute({
    method: 'delete',
    operationId: 'deleteSchedule',
    path: '/api/workspaces/{ws}/agents/{agentId}/schedule',
    tags: ['schedules'],
    summary: 'Remove the agent’s schedule (builder)',
    security: securedBy,
    request: { params },
    responses: { 204: { description: 'Removed.' }, ...commonErrors },
  }),
};

async function requireAgent(scope: WorkspaceScope, agentId: string) {
  const agent = await findAgent(scope, agentId);
  if (!agent) throw notFound('This agent');
  return agent;
}

export function registerScheduleRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId } = c.req.valid('param');
    const schedule = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgent(scope, agentId);
      return findSchedule(scope, agentId);
    });
    if (!schedule) throw notFound('A schedule for this agent');
    return c.json(scheduleView(schedule), 200);
  });

  app.openapi(routes.save, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId } = c.req.valid('param');
    const request = c.req.valid('json');
    const { store } = c.get('services');
    const userId = access.actor.userId;
    const memory = await store.asUser(userId, getUserMemory);
    const { schedule, note } = await store.inWorkspace(access.workspace.id, async (scope) => {
      const agent = await requireAgent(scope, agentId);
      const existing = await findSchedule(scope, agentId);
      const settings = scheduleSettings(request, {
        existing,
        userTimezone: memory?.timezone,
        spec: agent.spec,
      });
      const saved = await saveSchedule(scope, agentId, settings.values, userId);
      await recordAudit(scope, access.actor, {
        action: existing ? 'schedule.changed' : 'schedule.created',
        targetType: 'agent',
        targetId: agentId,
        details: { cron: saved.cron, timezone: saved.timezone, enabled: saved.enabled },
      });
      return { schedule: saved, note: settings.note };
    });
    // The schedule's shape is learned; its zone only when the person named one (else it is theirs already).
    await recordLearning(
      store,
      userId,
      scheduleObservations(
        { cron: schedule.cron, timezone: 'timezone' in request ? request.timezone : null },
        'schedule',
      ),
      c.get('services').logger,
    );
    return c.json({ ...scheduleView(schedule), note }, 200);
  });

  app.openapi(routes.remove, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId } = c.req.valid('param');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgent(scope, agentId);
      const removed = await deleteSchedule(scope, agentId);
      if (!removed) throw notFound('A schedule for this agent');
      await recordAudit(scope, access.actor, {
        action: 'schedule.deleted',
        targetType: 'agent',
        targetId: agentId,
      });
    });
    return c.body(null, 204);
  });
}
