// An agent's one-off runs: "run it once, next Tuesday at 3pm". Kept apart from its cron schedule
// (docs/decisions/0013-one-off-runs.md); builders add and cancel them, viewers list them.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound } from '../../domain/errors.ts';
import { findAgent } from '../../store/agent-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import {
  deletePendingOneOffRun,
  insertOneOffRun,
  listOneOffRuns,
  oneOffRunKeyset,
} from '../../store/one-off-run-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import { getUserMemory } from '../../store/user-memory-repository.ts';
import { oneOffRunRequestSchema, oneOffRunSettings, oneOffRunView } from '../../triggers/one-off-settings.ts';
import type { ApiEnv } from '../context.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import { locateInWorkspace } from '../location.ts';
import {
  commonErrors,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  securedBy,
  timestamp,
} from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';

const oneOffRunSchema = z
  .object({
    id: z.string(),
    agentId: z.string(),
    runAt: timestamp.describe('When the run starts.'),
    timezone: z.string().describe('The time zone the time is shown in.'),
    description: z.string().describe('The time in words, in its time zone.'),
    input: z.record(z.string(), z.unknown()),
    firedAt: timestamp.nullable().describe('When it fired; null while it is still ahead.'),
    runId: z.string().nullable().describe('The run it started, once fired.'),
    createdAt: timestamp,
  })
  .openapi('OneOffRun');

const params = z.object({ ws: idParameter('ws'), agentId: idParameter('agentId') });
const oneParams = params.extend({ oneOffRunId: idParameter('oneOffRunId') });

const routes = {
  list: createRoute({
    method: 'get',
    operationId: 'listOneOffRuns',
    path: '/api/workspaces/{ws}/agents/{agentId}/one-off-runs',
    tags: ['schedules'],
    summary: 'The agent’s one-off runs, soonest first (fired ones with their run)',
    security: securedBy,
    request: { params, query: z.object(pageParameters(200)) },
    responses: {
      200: jsonResponse(listOf(oneOffRunSchema), 'The one-off runs.'),
      ...commonErrors,
    },
  }),
  create: createRoute({
    method: 'post',
    operationId: 'createOneOffRun',
    path: '/api/workspaces/{ws}/agents/{agentId}/one-off-runs',
    tags: ['schedules'],
    summary: 'Run the agent once at a time ahead (builder); its cron schedule is left as it is',
    security: securedBy,
    request: { params, body: jsonBody(oneOffRunRequestSchema) },
    responses: { 201: jsonResponse(oneOffRunSchema, 'The one-off run as saved.'), ...commonErrors },
  }),
  remove: createRoute({
    method: 'delete',
    operationId: 'cancelOneOffRun',
    path: '/api/workspaces/{ws}/agents/{agentId}/one-off-runs/{oneOffRunId}',
    tags: ['schedules'],
    summary: 'Cancel a one-off run that has not fired yet (builder)',
    security: securedBy,
    request: { params: oneParams },
    responses: { 204: { description: 'Cancelled.' }, ...commonErrors },
  }),
};

async function requireAgent(scope: WorkspaceScope, agentId: string) {
  const agent = await findAgent(scope, agentId);
  if (!agent) throw notFound('This agent');
  return agent;
}

export function registerOneOffRunRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.list, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId } = c.req.valid('param');
    const query = c.req.valid('query');
    const rows = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgent(scope, agentId);
      return listOneOffRuns(scope, agentId, requestedPage(oneOffRunKeyset, query));
    });
    const page = keysetPageOf(oneOffRunKeyset, rows, query.limit);
    return c.json({ items: page.items.map(oneOffRunView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId } = c.req.valid('param');
    const request = c.req.valid('json');
    const { store } = c.get('services');
    const userId = access.actor.userId;
    const memory = await store.asUser(userId, getUserMemory);
    const saved = await store.inWorkspace(access.workspace.id, async (scope) => {
      const agent = await requireAgent(scope, agentId);
      const values = oneOffRunSettings(request, { userTimezone: memory?.timezone, spec: agent.spec });
      const record = await insertOneOffRun(scope, agentId, values, userId);
      await recordAudit(scope, access.actor, {
        action: 'schedule.created',
        targetType: 'agent',
        targetId: agentId,
        details: { runAt: record.runAt.toISOString(), timezone: record.timezone, oneOff: true },
      });
      return record;
    });
    locateInWorkspace(c, 'agents', agentId, 'one-off-runs', saved.id);
    return c.json(oneOffRunView(saved), 201);
  });

  app.openapi(routes.remove, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId, oneOffRunId } = c.req.valid('param');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgent(scope, agentId);
      const removed = await deletePendingOneOffRun(scope, agentId, oneOffRunId);
      if (!removed) throw notFound('A one-off run still ahead with this id');
      await recordAudit(scope, access.actor, {
        action: 'schedule.deleted',
        targetType: 'agent',
        targetId: agentId,
        details: { oneOffRunId },
      });
    });
    return c.body(null, 204);
  });
}
