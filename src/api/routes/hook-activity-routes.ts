// What came in through hooks: a hook's recent calls (when, what became of each, the run it
// started), and every hook of the workspace with its agent and its last call, for the
// automations page. Read-only, so viewers may read them; nothing of a call's body or headers is
// kept to show.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound } from '../../domain/errors.ts';
import { hookCallInWords, hookCallOutcomes, hookCallRefusals } from '../../domain/hook-call-outcome.ts';
import { findAgent } from '../../store/agent-repository.ts';
import {
  type HookCallRecord,
  hookCallKeyset,
  hookCallsKept,
  latestHookCalls,
  listHookCalls,
} from '../../store/hook-call-repository.ts';
import { findHook, hookKeyset, listWorkspaceHooks } from '../../store/hook-repository.ts';
import { agentNames } from '../../triggers/chain-rules.ts';
import type { ApiEnv } from '../context.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import { commonErrors, idParameter, jsonResponse, listOf, securedBy, timestamp } from '../schemas.ts';
import { iso } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';
import { hookSchema, hookView } from './hook-routes.ts';

const hookCallSchema = z
  .object({
    id: z.string(),
    hookId: z.string(),
    calledAt: timestamp,
    outcome: z
      .enum(hookCallOutcomes)
      .describe(
        'accepted: a run started; replayed: a repeated Idempotency-Key, answered with the run the first call started; refused: no run.',
      ),
    refusal: z.enum(hookCallRefusals).nullable().describe('Why the call was refused; null otherwise.'),
    words: z.string().describe('What became of the call, in words.'),
    status: z.number().int().describe('The HTTP status the caller was answered with.'),
    runId: z.string().nullable().describe('The run the call started (or, repeated, was answered with).'),
  })
  .openapi('HookCall');

const workspaceHookSchema = hookSchema
  .extend({ agentName: z.string(), lastCall: hookCallSchema.nullable() })
  .openapi('WorkspaceHook');

function callView(call: HookCallRecord) {
  return {
    id: call.id,
    hookId: call.hookId,
    calledAt: iso(call.calledAt),
    outcome: call.outcome,
    refusal: call.refusal,
    words: hookCallInWords(call.outcome, call.refusal),
    status: call.status,
    runId: call.runId,
  };
}

const routes = {
  calls: createRoute({
    method: 'get',
    operationId: 'listHookCalls',
    path: '/api/workspaces/{ws}/agents/{agentId}/hooks/{hookId}/calls',
    tags: ['hooks'],
    summary: `A hook’s recent calls, newest first (the last ${hookCallsKept} are kept)`,
    security: securedBy,
    request: {
      params: z.object({
        ws: idParameter('ws'),
        agentId: idParameter('agentId'),
        hookId: idParameter('hookId'),
      }),
      query: z.object({
        limit: z.coerce
          .number('limit must be a number')
          .int('limit must be a whole number')
          .min(1, 'limit must be at least 1')
          .max(hookCallsKept, `limit must be at most ${hookCallsKept}`)
          .default(20),
        cursor: pageParameters().cursor,
      }),
    },
    responses: { 200: jsonResponse(listOf(hookCallSchema), 'The calls, newest first.'), ...commonErrors },
  }),
  workspaceHooks: createRoute({
    method: 'get',
    operationId: 'listWorkspaceHooks',
    path: '/api/workspaces/{ws}/hooks',
    tags: ['hooks'],
    summary: 'Every hook of the workspace, with its agent’s name and its last call',
    security: securedBy,
    request: { params: z.object({ ws: idParameter('ws') }), query: z.object(pageParameters()) },
    responses: {
      200: jsonResponse(listOf(workspaceHookSchema), 'A page of hooks, oldest first.'),
      ...commonErrors,
    },
  }),
};

export function registerHookActivityRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.calls, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId, hookId } = c.req.valid('param');
    const query = c.req.valid('query');
    const calls = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      if (!(await findAgent(scope, agentId))) throw notFound('This agent');
      if (!(await findHook(scope, agentId, hookId))) throw notFound('This hook');
      return listHookCalls(scope, hookId, requestedPage(hookCallKeyset, query));
    });
    const page = keysetPageOf(hookCallKeyset, calls, query.limit);
    return c.json({ items: page.items.map(callView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.workspaceHooks, async (c) => {
    const access = requireAction(c, 'agents.read');
    const query = c.req.valid('query');
    const page = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const found = keysetPageOf(
        hookKeyset,
        await listWorkspaceHooks(scope, requestedPage(hookKeyset, query)),
        query.limit,
      );
      const [names, lastCalls] = [await agentNames(scope), await latestHookCalls(scope)];
      const items = found.items.map((hook) => {
        const last = lastCalls.get(hook.id);
        return {
          ...hookView(hook),
          agentName: names.get(hook.agentId) ?? '',
          lastCall: last ? callView(last) : null,
        };
      });
      return { items, nextCursor: found.nextCursor };
    });
    return c.json(page, 200);
  });
}
