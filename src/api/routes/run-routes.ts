// Runs: start one (input checked against the agent's input schema), list, read with its steps,
// follow live as server-sent events, cancel, retry from the start or from a chosen step.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { describeSpecIssues } from '../../domain/agent-spec.ts';
import { conflict, notFound, ruleViolated } from '../../domain/errors.ts';
import { insufficientCredits } from '../../runtime/credit-admission.ts';
import { queueFull, retryRun, startRun } from '../../runtime/run-starter.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import { findRunCharge } from '../../store/credit-repository.ts';
import {
  findRun,
  latestRunEventPosition,
  listRunEvents,
  listRunSteps,
  listRuns,
  listWorkspaceRunEvents,
  type RunRecord,
  type RunStepRecord,
  requestCancel,
  runKeyset,
  type StreamedRunEvent,
} from '../../store/run-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import type { ApiEnv } from '../context.ts';
import { guardedEventStream } from '../event-stream.ts';
import { eventStreamContent, runStreamEvents, runStreamExample } from '../event-stream-documents.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import { locateInWorkspace } from '../location.ts';
import {
  commonErrors,
  errorSchema,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  runErrorSchema,
  securedBy,
  timestamp,
} from '../schemas.ts';
import { iso, isoOrNull } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';
import { resolveWorkroomFilter, workroomQuery } from './workroom-filter.ts';

const runStatuses = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'] as const;
const runTriggers = ['manual', 'orchestrator', 'schedule', 'webhook', 'chain', 'agent'] as const;
const finishedStatuses = new Set(['succeeded', 'failed', 'cancelled']);

const usageSchema = z
  .object({ inputTokens: z.number().int(), outputTokens: z.number().int() })
  .openapi('TokenUsage');

const stepSchema = z.object({
  id: z.string(),
  tool: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  input: z.unknown(),
  output: z.unknown(),
  error: runErrorSchema.nullable(),
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  durationMs: z.number().nullable(),
  usage: usageSchema.nullable(),
  items: z
    .array(
      z.object({
        index: z.number().int(),
        status: z.string(),
        output: z.unknown(),
        usage: usageSchema.nullable(),
        finishedAt: timestamp.nullable(),
      }),
    )
    .optional()
    .describe('For a loop step: the items finished so far, each checkpointed on its own.'),
});

export const runSchema = z
  .object({
    id: z.string(),
    agentId: z.string(),
    agentVersion: z.number().int(),
    status: z.enum(runStatuses),
    trigger: z.enum(runTriggers),
    input: z.record(z.string(), z.unknown()),
    output: z.unknown(),
    error: runErrorSchema.nullable().describe('Why the run failed; null unless it did.'),
    parentRunId: z.string().nullable().describe('The run that started this one (a chain, or agent.call).'),
    chainId: z.string().nullable().describe('For a chained run: the chain that started it.'),
    chainDepth: z.number().int().describe('How many chained runs came before this one.'),
    scheduledFor: timestamp.nullable().describe('For a scheduled run: the occurrence it is for.'),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    cancelRequested: z.boolean(),
    usage: usageSchema.nullable().describe('Tokens the run’s LLM calls used.'),
    resumeAt: timestamp.nullable().describe('While the run waits: when it goes on.'),
    workroomId: z.string().nullable().describe('The workroom the run was made in; null for none.'),
  })
  .openapi('Run');

const runCostSchema = z
  .object({
    reserved: z.number().int().describe('Credits held for the run when it was admitted (its estimate).'),
    charged: z.number().int().nullable().describe('Credits charged when it ended; null while it runs.'),
    items: z.array(
      z.object({ stepId: z.string(), tool: z.string(), credits: z.number().int(), reason: z.string() }),
    ),
  })
  .openapi('RunCost');

const runWithStepsSchema = runSchema
  .extend({
    steps: z.array(stepSchema),
    cost: runCostSchema.nullable().describe('What the run costs in credits; null for a run never metered.'),
  })
  .openapi('RunWithSteps');

export function runView(run: RunRecord) {
  return {
    id: run.id,
    agentId: run.agentId,
    agentVersion: run.agentVersion,
    status: run.status,
    trigger: run.trigger,
    input: run.input,
    output: run.output,
    error: run.error,
    parentRunId: run.parentRunId,
    chainId: run.chainId,
    chainDepth: run.chainDepth,
    scheduledFor: isoOrNull(run.scheduledFor),
    createdAt: iso(run.createdAt),
    startedAt: isoOrNull(run.startedAt),
    finishedAt: isoOrNull(run.finishedAt),
    cancelRequested: run.cancelRequestedAt !== null,
    usage: run.usage ?? null,
    resumeAt: isoOrNull(run.resumeAt),
    workroomId: run.workroomId,
  };
}

function stepView(step: RunStepRecord) {
  return {
    id: step.stepId,
    tool: step.tool,
    status: step.status,
    attempts: step.attempts,
    input: step.input,
    output: step.output,
    error: step.error,
    startedAt: isoOrNull(step.startedAt),
    finishedAt: isoOrNull(step.finishedAt),
    durationMs:
      step.startedAt && step.finishedAt ? step.finishedAt.getTime() - step.startedAt.getTime() : null,
    usage: step.usage ?? null,
  };
}

/** Steps in order, each loop step with its items (stored as rows of their own) inside it. */
function stepViews(rows: RunStepRecord[]) {
  const items = new Map<string, ReturnType<typeof itemView>[]>();
  for (const row of rows) {
    const separator = row.stepId.indexOf('#');
    if (separator < 0) continue;
    const stepId = row.stepId.slice(0, separator);
    const list = items.get(stepId) ?? [];
    list.push(itemView(row, Number(row.stepId.slice(separator + 1))));
    items.set(stepId, list);
  }
  return rows
    .filter((row) => !row.stepId.includes('#'))
    .map((row) => {
      const loop = items.get(row.stepId)?.sort((a, b) => a.index - b.index);
      return loop ? { ...stepView(row), items: loop } : stepView(row);
    });
}

function itemView(row: RunStepRecord, index: number) {
  return {
    index,
    status: row.status,
    output: row.output,
    usage: row.usage ?? null,
    finishedAt: isoOrNull(row.finishedAt),
  };
}

// `id` is the stream position, the same number as the SSE id, so that either resumes the stream.
function eventView(event: StreamedRunEvent) {
  return { id: event.streamPosition, kind: event.kind, at: iso(event.at), ...event.data };
}

async function requireRun(scope: WorkspaceScope, runId: string) {
  const run = await findRun(scope, runId);
  if (!run) throw notFound('This run');
  return run;
}

const runParameters = z.object({ ws: idParameter('ws'), runId: idParameter('runId') });

const queueFullDescription =
  'Too many runs wait to start already (code queue_full); Retry-After says when to try again.';
const routes = {
  start: createRoute({
    method: 'post',
    operationId: 'startRun',
    path: '/api/workspaces/{ws}/agents/{agentId}/runs',
    tags: ['runs'],
    summary: 'Start a run of the agent (builder); the input must match its input schema',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws'), agentId: idParameter('agentId') }),
      body: jsonBody(z.strictObject({ input: z.record(z.string(), z.unknown()).default({}) })),
    },
    responses: {
      202: jsonResponse(z.object({ id: z.string(), status: z.enum(runStatuses) }), 'Queued.'),
      503: jsonResponse(errorSchema, queueFullDescription),
      ...commonErrors,
      409: jsonResponse(errorSchema, 'The agent is paused.'),
    },
  }),
  list: createRoute({
    method: 'get',
    operationId: 'listRuns',
    path: '/api/workspaces/{ws}/runs',
    tags: ['runs'],
    summary: 'Runs of the workspace, newest first',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws') }),
      query: z.object({
        agent: z.uuid('agent must be an agent id').optional(),
        status: z.enum(runStatuses).optional(),
        trigger: z.enum(runTriggers).optional(),
        ...pageParameters(),
        workroom: workroomQuery,
      }),
    },
    responses: { 200: jsonResponse(listOf(runSchema), 'A page of runs.'), ...commonErrors },
  }),
  read: createRoute({
    method: 'get',
    operationId: 'getRun',
    path: '/api/workspaces/{ws}/runs/{runId}',
    tags: ['runs'],
    summary: 'A run with its steps: inputs, outputs, errors, timings',
    security: securedBy,
    request: { params: runParameters },
    responses: { 200: jsonResponse(runWithStepsSchema, 'The run.'), ...commonErrors },
  }),
  events: createRoute({
    method: 'get',
    operationId: 'streamRunEvents',
    path: '/api/workspaces/{ws}/runs/{runId}/events',
    tags: ['runs'],
    summary:
      'Live progress as server-sent events (status, step and log events); ends when the run ends, or with `access-revoked` when the caller loses access',
    security: securedBy,
    request: {
      params: runParameters,
      query: z.object({
        after: z.coerce
          .number()
          .int()
          .min(0)
          .optional()
          .describe('Only events after this stream position, the SSE id (or send Last-Event-ID).'),
      }),
    },
    responses: {
      200: {
        description: 'The run’s events as they happen; `end` { status } closes the stream when the run ends.',
        content: eventStreamContent(
          { ...runStreamEvents, end: '{ status }: the run ended (or was deleted); the stream closes' },
          runStreamExample,
        ),
      },
      ...commonErrors,
    },
  }),
  workspaceEvents: createRoute({
    method: 'get',
    operationId: 'streamWorkspaceEvents',
    path: '/api/workspaces/{ws}/events',
    tags: ['runs'],
    summary:
      'Live events of every run of the workspace, as server-sent events (runs, status, steps, logs); ends with `access-revoked` when the caller loses access',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws') }),
      query: z.object({
        after: z.coerce
          .number()
          .int()
          .min(0)
          .optional()
          .describe(
            'Replay events after this stream position, the SSE id (or send Last-Event-ID); only new events when left out.',
          ),
      }),
    },
    responses: {
      200: {
        description: 'Every run’s events as they happen, each with its runId; the stream stays open.',
        content: eventStreamContent(
          runStreamEvents,
          runStreamExample.replace(/"id":(\d+),/g, '"runId":"7d1c…","id":$1,'),
        ),
      },
      ...commonErrors,
    },
  }),
  cancel: createRoute({
    method: 'post',
    operationId: 'cancelRun',
    path: '/api/workspaces/{ws}/runs/{runId}/cancel',
    tags: ['runs'],
    summary: 'Cancel a run: a queued run at once, a running one at its next check (about a second)',
    security: securedBy,
    request: { params: runParameters },
    responses: {
      202: jsonResponse(runSchema, 'Cancelling or cancelled.'),
      ...commonErrors,
      409: jsonResponse(errorSchema, 'Finished already.'),
    },
  }),
  retry: createRoute({
    method: 'post',
    operationId: 'retryRun',
    path: '/api/workspaces/{ws}/runs/{runId}/retry',
    tags: ['runs'],
    summary: 'Retry a failed or cancelled run, from the start or from a chosen step (builder)',
    security: securedBy,
    request: {
      params: runParameters,
      body: {
        required: false,
        content: {
          'application/json': {
            schema: z.strictObject({
              fromStep: z
                .string()
                .optional()
                .describe('A step id; earlier steps keep their outputs. The start when left out.'),
            }),
          },
        },
      },
    },
    responses: {
      202: jsonResponse(runSchema, 'Queued again.'),
      503: jsonResponse(errorSchema, queueFullDescription),
      ...commonErrors,
      409: jsonResponse(errorSchema, 'Not finished.'),
    },
  }),
};

export function registerRunRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.start, async (c) => {
    const access = requireAction(c, 'runs.manage');
    const { agentId } = c.req.valid('param');
    const { input } = c.req.valid('json');
    const { store, runQueue } = c.get('services');
    const run = await store.inWorkspace(access.workspace.id, async (scope) => {
      const start = await startRun(scope, runQueue, {
        agent: { id: agentId },
        input,
        origin: { trigger: 'manual', createdBy: access.actor.userId },
      });
      switch (start.outcome) {
        case 'started':
          return start.run;
        case 'agent_missing':
          throw notFound('This agent');
        case 'agent_paused':
          throw conflict(`The agent "${start.agent.name}" is paused. Resume it before running it.`);
        case 'invalid_input':
          throw ruleViolated(
            `The input does not match the agent's input schema: ${describeSpecIssues(start.issues)}.`,
            start.issues,
          );
        case 'insufficient_credits':
          throw insufficientCredits(start.shortfall);
        case 'queue_full':
          throw queueFull(start.backlog);
      }
    });
    locateInWorkspace(c, 'runs', run.id);
    return c.json({ id: run.id, status: run.status }, 202);
  });

  app.openapi(routes.list, async (c) => {
    const access = requireAction(c, 'runs.read');
    const query = c.req.valid('query');
    const rows = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) =>
      listRuns(
        scope,
        {
          agentId: query.agent,
          status: query.status,
          trigger: query.trigger,
          workroomId: await resolveWorkroomFilter(scope, query.workroom),
        },
        requestedPage(runKeyset, query),
      ),
    );
    const page = keysetPageOf(runKeyset, rows, query.limit);
    return c.json({ items: page.items.map(runView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'runs.read');
    const { runId } = c.req.valid('param');
    const view = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const run = await requireRun(scope, runId);
      const steps = await listRunSteps(scope, runId);
      const charge = await findRunCharge(scope, runId);
      const cost = charge
        ? { reserved: charge.reserved, charged: charge.charged, items: charge.items }
        : null;
      return { ...runView(run), steps: stepViews(steps), cost };
    });
    return c.json(view, 200);
  });

  // Both streams resume after a stream position (the SSE id): positions are given out in commit
  // order, so an event that commits late is never behind a position already sent. See
  // docs/decisions/0010-event-stream-order.md.
  app.openapi(routes.events, async (c) => {
    const access = requireAction(c, 'runs.read');
    const { runId } = c.req.valid('param');
    const { store } = c.get('services');
    await store.inWorkspace(access.workspace.id, (scope) => requireRun(scope, runId));
    let after = c.req.valid('query').after ?? Number(c.req.header('last-event-id') ?? 0);
    if (!Number.isFinite(after)) after = 0;
    const follows = { workspaceId: access.workspace.id, runId };
    return guardedEventStream(c, 'runs.read', follows, async (stream) => {
      while (stream.open) {
        // The run first, then its events: each statement sees what had committed when it began,
        // so a run seen finished has every event it finished with (in the same transaction)
        // visible to the second read. The other way round, a run finishing between the two reads
        // ended the stream without its last events.
        const { run, events } = await store.inWorkspace(access.workspace.id, async (scope) => {
          const current = await findRun(scope, runId);
          return { run: current, events: await listRunEvents(scope, runId, after) };
        });
        for (const event of events) {
          const sent = await stream.send({
            id: String(event.streamPosition),
            event: event.kind,
            data: JSON.stringify(eventView(event)),
          });
          if (!sent) return;
          after = event.streamPosition;
        }
        if (!run || finishedStatuses.has(run.status)) {
          // With an id, so that an EventSource that reconnects anyway resumes here and is told
          // the end again, not the whole run.
          await stream.send({
            id: String(after),
            event: 'end',
            data: JSON.stringify({ status: run?.status ?? 'deleted' }),
          });
          return;
        }
        await stream.nextChange();
      }
    }) as never;
  });

  app.openapi(routes.workspaceEvents, async (c) => {
    const access = requireAction(c, 'runs.read');
    const { store } = c.get('services');
    const requested =
      c.req.valid('query').after ??
      (c.req.header('last-event-id') ? Number(c.req.header('last-event-id')) : undefined);
    let after =
      requested !== undefined && Number.isFinite(requested)
        ? requested
        : await store.inWorkspace(access.workspace.id, latestRunEventPosition);
    return guardedEventStream(c, 'runs.read', { workspaceId: access.workspace.id }, async (stream) => {
      while (stream.open) {
        const events = await store.inWorkspace(access.workspace.id, (scope) =>
          listWorkspaceRunEvents(scope, after),
        );
        for (const event of events) {
          const sent = await stream.send({
            id: String(event.streamPosition),
            event: event.kind,
            data: JSON.stringify({ runId: event.runId, ...eventView(event) }),
          });
          if (!sent) return;
          after = event.streamPosition;
        }
        if (events.length === 0) await stream.nextChange();
      }
    }) as never;
  });

  app.openapi(routes.cancel, async (c) => {
    const access = requireAction(c, 'runs.manage');
    const { runId } = c.req.valid('param');
    const run = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const current = await requireRun(scope, runId);
      if (finishedStatuses.has(current.status)) {
        throw conflict(`This run has ${current.status} already; there is nothing to cancel.`);
      }
      const cancelled = (await requestCancel(scope, runId)) ?? current;
      await recordAudit(scope, access.actor, { action: 'run.cancelled', targetType: 'run', targetId: runId });
      return cancelled;
    });
    locateInWorkspace(c, 'runs', run.id);
    return c.json(runView(run), 202);
  });

  app.openapi(routes.retry, async (c) => {
    const access = requireAction(c, 'runs.manage');
    const { runId } = c.req.valid('param');
    const body = (c.req.valid('json') as { fromStep?: string } | undefined) ?? {};
    const { store, runQueue } = c.get('services');
    const run = await store.inWorkspace(access.workspace.id, (scope) =>
      retryRun(scope, runQueue, runId, body.fromStep),
    );
    locateInWorkspace(c, 'runs', run.id);
    return c.json(runView(run), 202);
  });
}
