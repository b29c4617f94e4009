// The Orchestrator over HTTP: messages in, replies and plans out; plans approved (optionally
// edited), rejected or undone. Conversations and their plans are the caller's own: someone
// else's answer 404, as if they did not exist, whatever the caller's role.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { suggestionKinds } from '../../orchestrator/advice/advisor.ts';
import { conversationKeyset } from '../../store/conversation-repository.ts';
import { type PlanRecord, planKeyset } from '../../store/plan-repository.ts';
import { requirePrincipal } from '../authentication.ts';
import type { ApiEnv } from '../context.ts';
import { toErrorResponse } from '../error-response.ts';
import { eventStreamContent } from '../event-stream-documents.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import {
  commonErrors,
  errorSchema,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  publishedAs,
  securedBy,
  timestamp,
} from '../schemas.ts';
import { iso, isoOrNull } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

// Operations and results are published from domain/plan.ts, keyed by `type` (published-schemas.ts).
const planOperation = publishedAs(z.record(z.string(), z.unknown()), 'PlanOperation');
const planOperationResult = publishedAs(z.record(z.string(), z.unknown()), 'PlanOperationResult');

const planStatuses = ['proposed', 'needs_answers', 'applied', 'rejected', 'undone', 'superseded'] as const;

export const planSchema = z
  .object({
    id: z.string(),
    status: z.enum(planStatuses),
    summary: z.string(),
    questions: z.array(
      z.object({ id: z.string(), text: z.string(), options: z.array(z.string()).optional() }),
    ),
    operations: z.array(planOperation),
    results: z.array(planOperationResult).nullable().describe('What applying did, operation by operation.'),
    conversationId: z.string().nullable(),
    createdAt: timestamp,
    appliedAt: timestamp.nullable(),
    undoneAt: timestamp.nullable(),
  })
  .openapi('Plan');

const messageAnswerSchema = z
  .object({ conversationId: z.string(), reply: z.string(), plan: planSchema.optional() })
  .openapi('OrchestratorAnswer');

const conversationSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    createdAt: timestamp,
    messages: z.array(
      z.object({
        id: z.number(),
        role: z.enum(['user', 'assistant']),
        text: z.string(),
        createdAt: timestamp,
        plan: planSchema.optional(),
      }),
    ),
  })
  .openapi('Conversation');

const conversationSummarySchema = z
  .object({ id: z.string(), title: z.string(), createdAt: timestamp })
  .openapi('ConversationSummary');

export function planView(plan: PlanRecord) {
  return {
    id: plan.id,
    status: plan.status,
    summary: plan.summary,
    questions: plan.questions,
    operations: plan.operations as Record<string, unknown>[],
    results: plan.results ?? null,
    conversationId: plan.conversationId,
    createdAt: iso(plan.createdAt),
    appliedAt: isoOrNull(plan.appliedAt),
    undoneAt: isoOrNull(plan.undoneAt),
  };
}

const planParams = z.object({ ws: idParameter('ws'), planId: idParameter('planId') });
const suggestionParams = z.object({ ws: idParameter('ws'), suggestionId: idParameter('suggestionId') });

const suggestionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(suggestionKinds),
    agentId: z.string(),
    agentName: z.string(),
    reason: z.string().describe('Why, with the figures seen.'),
    plan: z.object({
      summary: z.string(),
      questions: z
        .array(z.object({ id: z.string(), text: z.string(), options: z.array(z.string()).optional() }))
        .describe('What accepting it will ask first (an offer of what you usually build asks which page).'),
      operations: z.array(planOperation),
    }),
    new: z
      .boolean()
      .describe(
        'True until you have been shown it (POST …/suggestions/seen): the chat raises new advice once, "Since you were last here".',
      ),
  })
  .openapi('Suggestion');

const routes = {
  message: createRoute({
    method: 'post',
    operationId: 'sendOrchestratorMessage',
    path: '/api/workspaces/{ws}/orchestrator/messages',
    tags: ['orchestrator'],
    summary: 'Tell the Orchestrator what you want; it answers, with a plan when something would change',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws') }),
      body: jsonBody(
        z.object({
          text: z
            .string()
            .trim()
            .min(1, 'text must not be empty: say what you want done')
            .max(10_000, 'text must be at most 10000 characters'),
          conversationId: z
            .string()
            .max(100)
            .optional()
            .describe('Continue this conversation (answers to questions go here).'),
        }),
      ),
    },
    responses: {
      200: {
        description:
          'The reply, and the plan if any; with Accept: text/event-stream, the reply as it is written, then the whole answer.',
        content: {
          ...jsonResponse(messageAnswerSchema, '').content,
          ...eventStreamContent(
            {
              reply: '{ delta, restart }: more of the reply; restart drops what came before',
              message: 'the whole answer, as the JSON response (an OrchestratorAnswer)',
              error: '{ error: { code, message } }: the answer failed; the stream closes',
            },
            'event: reply\ndata: {"delta":"I will make","restart":false}\n\nevent: message\ndata: {"conversationId":"…","reply":"I will make an agent…"}\n',
          ),
        },
      },
      ...commonErrors,
    },
  }),
  conversations: createRoute({
    method: 'get',
    operationId: 'listConversations',
    path: '/api/workspaces/{ws}/orchestrator/conversations',
    tags: ['orchestrator'],
    summary: 'Your conversations with the Orchestrator in this workspace, newest first, a page at a time',
    security: securedBy,
    request: { params: z.object({ ws: idParameter('ws') }), query: z.object(pageParameters()) },
    responses: {
      200: jsonResponse(listOf(conversationSummarySchema), 'Your conversations.'),
      ...commonErrors,
    },
  }),
  conversation: createRoute({
    method: 'get',
    operationId: 'getConversation',
    path: '/api/workspaces/{ws}/orchestrator/conversations/{conversationId}',
    tags: ['orchestrator'],
    summary: 'A conversation’s history, with its plans (yours only: another member’s is not found)',
    security: securedBy,
    request: { params: z.object({ ws: idParameter('ws'), conversationId: idParameter('conversationId') }) },
    responses: { 200: jsonResponse(conversationSchema, 'The conversation.'), ...commonErrors },
  }),
  plans: createRoute({
    method: 'get',
    operationId: 'listPlans',
    path: '/api/workspaces/{ws}/plans',
    tags: ['orchestrator'],
    summary:
      'Your plans in this workspace, newest first: those proposed in your own conversations, never another member’s',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws') }),
      query: z.object({
        status: z
          .enum(planStatuses)
          .optional()
          .describe('Only plans in this state: `proposed` lists the plans waiting for your approval.'),
        ...pageParameters(),
      }),
    },
    responses: {
      200: jsonResponse(listOf(planSchema), 'Your plans.'),
      ...commonErrors,
    },
  }),
  read: createRoute({
    method: 'get',
    operationId: 'getPlan',
    path: '/api/workspaces/{ws}/plans/{planId}',
    tags: ['orchestrator'],
    summary: 'A plan',
    security: securedBy,
    request: { params: planParams },
    responses: { 200: jsonResponse(planSchema, 'The plan.'), ...commonErrors },
  }),
  approve: createRoute({
    method: 'post',
    operationId: 'approvePlan',
    path: '/api/workspaces/{ws}/plans/{planId}/approve',
    tags: ['orchestrator'],
    summary: 'Apply a plan, all or nothing (builder); approving again changes nothing more',
    security: securedBy,
    request: {
      params: planParams,
      body: jsonBody(
        z.object({
          operations: z
            .array(publishedAs(z.unknown(), 'PlanOperationInput'))
            .max(50)
            .optional()
            .describe('The operations as edited by the user, instead of the proposed ones.'),
        }),
      ),
    },
    responses: {
      200: jsonResponse(z.object({ plan: planSchema, results: z.array(planOperationResult) }), 'Applied.'),
      ...commonErrors,
      503: jsonResponse(
        errorSchema,
        'The plan starts runs and too many wait to start already (code queue_full); Retry-After says when to try again.',
      ),
    },
  }),
  reject: createRoute({
    method: 'post',
    operationId: 'rejectPlan',
    path: '/api/workspaces/{ws}/plans/{planId}/reject',
    tags: ['orchestrator'],
    summary: 'Drop a plan (builder)',
    security: securedBy,
    request: { params: planParams },
    responses: { 200: jsonResponse(planSchema, 'Rejected.'), ...commonErrors },
  }),
  suggestions: createRoute({
    method: 'get',
    operationId: 'listSuggestions',
    path: '/api/workspaces/{ws}/suggestions',
    tags: ['orchestrator'],
    summary: 'What the Orchestrator suggests improving, each with why and the plan to accept',
    security: securedBy,
    request: { params: z.object({ ws: idParameter('ws') }) },
    responses: {
      200: jsonResponse(z.object({ items: z.array(suggestionSchema) }), 'The suggestions.'),
      ...commonErrors,
    },
  }),
  acceptSuggestion: createRoute({
    method: 'post',
    operationId: 'acceptSuggestion',
    path: '/api/workspaces/{ws}/suggestions/{suggestionId}/accept',
    tags: ['orchestrator'],
    summary: 'Turn a suggestion into a plan to review (builder)',
    security: securedBy,
    request: { params: suggestionParams },
    responses: {
      200: jsonResponse(z.object({ plan: planSchema }), 'The plan, to approve or reject.'),
      ...commonErrors,
    },
  }),
  dismissSuggestion: createRoute({
    method: 'post',
    operationId: 'dismissSuggestion',
    path: '/api/workspaces/{ws}/suggestions/{suggestionId}/dismiss',
    tags: ['orchestrator'],
    summary: 'Do not make this suggestion again (builder)',
    security: securedBy,
    request: { params: suggestionParams },
    responses: { 204: { description: 'Dismissed.' }, ...commonErrors },
  }),
  suggestionsSeen: createRoute({
    method: 'post',
    operationId: 'markSuggestionsSeen',
    path: '/api/workspaces/{ws}/suggestions/seen',
    tags: ['orchestrator'],
    summary: 'Note that you have been shown these suggestions, so they are no longer new to you',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws') }),
      body: jsonBody(
        z
          .object({
            ids: z
              .array(z.string().min(1).max(200))
              .min(1)
              .max(100)
              .describe('Ids from GET …/suggestions; ids of advice that no longer holds are skipped.'),
          })
          .strict(),
      ),
    },
    responses: {
      200: jsonResponse(z.object({ seen: z.array(z.string()).describe('The ids noted as seen.') }), 'Noted.'),
      ...commonErrors,
    },
  }),
  undo: createRoute({
    method: 'post',
    operationId: 'undoPlan',
    path: '/api/workspaces/{ws}/plans/{planId}/undo',
    tags: ['orchestrator'],
    summary: 'Put back what an applied plan changed (builder)',
    security: securedBy,
    request: { params: planParams },
    responses: { 200: jsonResponse(planSchema, 'Undone.'), ...commonErrors },
  }),
};

/** Plans that connect accounts are approved and undone by admins only. */
function requireConnectRights(c: Parameters<typeof requireAction>[0], operations: readonly unknown[]) {
  const connects = operations.some(
    (operation) => (operation as { type?: unknown } | null)?.type === 'connectAccount',
  );
  if (connects) requireAction(c, 'connections.manage');
}

export function registerOrchestratorRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.message, async (c) => {
    const access = requireAction(c, 'plans.read');
    const principal = requirePrincipal(c);
    const body = c.req.valid('json');
    const request = {
      workspaceId: access.workspace.id,
      user: { id: principal.user.id, email: principal.user.email },
      text: body.text,
      conversationId: body.conversationId,
    };
    const view = (
      answer: Awaited<ReturnType<ApiEnv['Variables']['services']['orchestrator']['message']>>,
    ) => ({
      conversationId: answer.conversationId,
      reply: answer.reply,
      ...(answer.plan ? { plan: planView(answer.plan) } : {}),
    });
    if (!c.req.header('accept')?.includes('text/event-stream')) {
      return c.json(view(await c.get('services').orchestrator.message(request)), 200);
    }
    // Streaming: the reply as it is written (`reply` events, each a delta; `restart` drops what
    // came before), then the whole answer (`message`), or an `error`.
    const { orchestrator, logger } = c.get('services');
    return streamSSE(c, async (stream) => {
      let streamed = false;
      const pending: Promise<void>[] = [];
      // The person pressed Stop (the browser dropped the stream): stop the model too.
      const stop = new AbortController();
      stream.onAbort(() => stop.abort());
      try {
        const answer = await orchestrator.message(request, {
          signal: stop.signal,
          onReplyDelta: (delta, restart) => {
            streamed = true;
            pending.push(stream.writeSSE({ event: 'reply', data: JSON.stringify({ delta, restart }) }));
          },
        });
        await Promise.all(pending);
        if (!streamed)
          await stream.writeSSE({
            event: 'reply',
            data: JSON.stringify({ delta: answer.reply, restart: false }),
          });
        await stream.writeSSE({ event: 'message', data: JSON.stringify(view(answer)) });
      } catch (error) {
        if (stop.signal.aborted) return;
        const response = toErrorResponse(
          error,
          (message, cause) => logger.error(message, cause),
          c.get('requestId'),
        );
        await stream.writeSSE({ event: 'error', data: JSON.stringify(response.body) });
      }
    }) as never;
  });

  app.openapi(routes.conversations, async (c) => {
    const access = requireAction(c, 'plans.read');
    const query = c.req.valid('query');
    const rows = await c
      .get('services')
      .orchestrator.conversations(
        access.workspace.id,
        access.actor.userId,
        requestedPage(conversationKeyset, query),
      );
    const page = keysetPageOf(conversationKeyset, rows, query.limit);
    return c.json(
      {
        items: page.items.map((conversation) => ({
          id: conversation.id,
          title: conversation.title,
          createdAt: iso(conversation.createdAt),
        })),
        nextCursor: page.nextCursor,
      },
      200,
    );
  });

  app.openapi(routes.conversation, async (c) => {
    const access = requireAction(c, 'plans.read');
    const { conversationId } = c.req.valid('param');
    const { conversation, messages, plans } = await c
      .get('services')
      .orchestrator.conversation(access.workspace.id, conversationId, access.actor.userId);
    return c.json(
      {
        id: conversation.id,
        title: conversation.title,
        createdAt: iso(conversation.createdAt),
        messages: messages.map((message) => {
          const plan = message.planId ? plans.get(message.planId) : undefined;
          return {
            id: message.id,
            role: message.role,
            text: message.text,
            createdAt: iso(message.createdAt),
            ...(plan ? { plan: planView(plan) } : {}),
          };
        }),
      },
      200,
    );
  });

  app.openapi(routes.plans, async (c) => {
    const access = requireAction(c, 'plans.read');
    const query = c.req.valid('query');
    const rows = await c
      .get('services')
      .orchestrator.plans(
        access.workspace.id,
        access.actor.userId,
        query.status,
        requestedPage(planKeyset, query),
      );
    const page = keysetPageOf(planKeyset, rows, query.limit);
    return c.json({ items: page.items.map(planView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'plans.read');
    const plan = await c
      .get('services')
      .orchestrator.plan(access.workspace.id, c.req.valid('param').planId, access.actor.userId);
    return c.json(planView(plan), 200);
  });

  app.openapi(routes.approve, async (c) => {
    const access = requireAction(c, 'plans.manage');
    const { operations } = c.req.valid('json');
    const stored = await c
      .get('services')
      .orchestrator.plan(access.workspace.id, c.req.valid('param').planId, access.actor.userId);
    // Connecting an account decides where a secret will be sent: an admin's call, as in the
    // connections API, whoever proposed the plan.
    requireConnectRights(c, operations ?? stored.operations);
    const plan = await c
      .get('services')
      .orchestrator.approve(access.workspace.id, c.req.valid('param').planId, access.actor, operations);
    return c.json({ plan: planView(plan), results: plan.results ?? [] }, 200);
  });

  app.openapi(routes.reject, async (c) => {
    const access = requireAction(c, 'plans.manage');
    const plan = await c
      .get('services')
      .orchestrator.reject(access.workspace.id, c.req.valid('param').planId, access.actor.userId);
    return c.json(planView(plan), 200);
  });

  app.openapi(routes.undo, async (c) => {
    const access = requireAction(c, 'plans.manage');
    const stored = await c
      .get('services')
      .orchestrator.plan(access.workspace.id, c.req.valid('param').planId, access.actor.userId);
    requireConnectRights(c, stored.operations);
    const plan = await c
      .get('services')
      .orchestrator.undo(access.workspace.id, c.req.valid('param').planId, access.actor);
    return c.json(planView(plan), 200);
  });

  app.openapi(routes.suggestions, async (c) => {
    const access = requireAction(c, 'plans.read');
    const items = await c
      .get('services')
      .orchestrator.suggestionsFor(access.workspace.id, access.actor.userId);
    return c.json(
      {
        // A draft is the planner's working state, not part of the suggestion.
        items: items.map(({ draft: _draft, ...item }) => ({
          ...item,
          plan: {
            summary: item.plan.summary,
            questions: item.plan.questions,
            operations: item.plan.operations as Record<string, unknown>[],
          },
        })),
      },
      200,
    );
  });

  app.openapi(routes.suggestionsSeen, async (c) => {
    const access = requireAction(c, 'plans.read');
    const seen = await c
      .get('services')
      .orchestrator.markSuggestionsSeen(access.workspace.id, c.req.valid('json').ids, access.actor.userId);
    return c.json({ seen }, 200);
  });

  app.openapi(routes.acceptSuggestion, async (c) => {
    const access = requireAction(c, 'plans.manage');
    const plan = await c
      .get('services')
      .orchestrator.acceptSuggestion(
        access.workspace.id,
        c.req.valid('param').suggestionId,
        access.actor.userId,
      );
    return c.json({ plan: planView(plan) }, 200);
  });

  app.openapi(routes.dismissSuggestion, async (c) => {
    const access = requireAction(c, 'plans.manage');
    await c
      .get('services')
      .orchestrator.dismissSuggestion(
        access.workspace.id,
        c.req.valid('param').suggestionId,
        access.actor.userId,
      );
    return c.body(null, 204);
  });
}
