// The inbound end of a hook: POST /api/hooks/:token. The token in the address is the credential,
// so this route is registered ahead of the authentication middleware: a sender's own
// Authorization header (or a browser's Orca cookie) must neither refuse the call nor act for it.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { refusedHookCallOutcome } from '../../hooks/hook-call-outcome.ts';
import { startHookRun } from '../../hooks/hook-calls.ts';
import { idempotencyKeyHeader, idempotencyRetentionHours } from '../../hooks/hook-replays.ts';
import { hookBodyLimitBytes } from '../../hooks/hook-request.ts';
import { signatureScheme, signatureToleranceSeconds } from '../../hooks/hook-signature.ts';
import { runHasEnded, waitForRunEnd } from '../../hooks/run-ending.ts';
import type { RunStatus } from '../../store/schema.ts';
import type { ApiEnv } from '../context.ts';
import { workspacePath } from '../location.ts';
import { errorSchema, jsonResponse, publicRoute, rateLimitedResponse, runErrorSchema } from '../schemas.ts';

const runStatuses = [
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'cancelled',
] as const satisfies readonly RunStatus[];

const acceptedSchema = z
  .object({
    runId: z.string(),
    status: z.enum(runStatuses),
    message: z.string().optional().describe('When the caller waited: why the result is not here yet.'),
  })
  .openapi('HookRunAccepted');

const resultSchema = z
  .object({
    runId: z.string(),
    status: z.enum(runStatuses),
    output: z.unknown(),
    error: runErrorSchema.nullable(),
  })
  .openapi('HookRunResult');

const errorResponse = (description: string) => jsonResponse(errorSchema, description);

const callRoute = createRoute({
  method: 'post',
  operationId: 'callHook',
  path: '/api/hooks/{token}',
  tags: ['hooks'],
  security: publicRoute,
  summary: 'Call an inbound hook: start a run of its agent with the mapped body (no other credential)',
  description:
    `The body (at most ${hookBodyLimitBytes / 1024} KB) is JSON, a form, or text; the hook's mapping reads { body, headers, query } ` +
    '(the Authorization and Cookie headers are withheld) and gives the run input; without a mapping the JSON body is the input. ' +
    `A signed hook needs ${signatureScheme}, within ${signatureToleranceSeconds} seconds of t; a signature is good for one call ` +
    '(the same t and body again is refused with 409), and calls with a bad signature do not count against the hook’s rate. ' +
    `A sender that retries sends an ${idempotencyKeyHeader} header: the same key on the same hook within ${idempotencyRetentionHours} hours ` +
    'answers with the run the first call started (its runId, or with ?wait=true its result) instead of starting another, ' +
    'with the header Idempotent-Replayed: true. ' +
    'The answer is 202 { runId, status } at once, or, for a hook that responds with the result or with ?wait=true, ' +
    '200 { runId, status, output, error } once the run ends (202 with a message if it is still going at the hook’s waitTimeoutMs).',
  request: {
    headers: z.object({
      [idempotencyKeyHeader.toLowerCase()]: z
        .string()
        .optional()
        .describe(
          `Names this call, so that a retry (with the same key and body, within ${idempotencyRetentionHours} hours) starts no second run. 1 to 255 printable characters; a UUID is a good key.`,
        ),
    }),
    params: z.object({
      token: z
        .string()
        .min(1)
        .max(200)
        .openapi({
          param: { name: 'token', in: 'path' },
          description: 'The secret token of the hook’s address.',
        }),
    }),
    query: z.object({
      wait: z
        .enum(['true', 'false'], 'wait must be true or false')
        .optional()
        .describe(
          'Wait for the run’s result (true) or not (false), whatever the hook’s respond setting says.',
        ),
    }),
    body: {
      required: false,
      description: 'Anything the mapping reads; read raw, so that a signature covers the exact bytes.',
      content: {
        'application/json': { schema: { type: 'object', additionalProperties: true } },
        'application/x-www-form-urlencoded': { schema: { type: 'object', additionalProperties: true } },
        'text/plain': { schema: { type: 'string' } },
      },
    },
  },
  responses: {
    200: jsonResponse(resultSchema, 'The run ended: its status, output and error.'),
    202: jsonResponse(acceptedSchema, 'The run is queued (or still going when the wait ran out).'),
    400: errorResponse('A JSON body that does not parse, a bad query, or a malformed Idempotency-Key.'),
    401: errorResponse('The hook is signed and the signature is missing, stale or wrong.'),
    404: errorResponse('No hook has this address, or it is disabled.'),
    409: errorResponse('The agent is paused; or this signed call was taken before (a replay).'),
    413: errorResponse('The body is too large.'),
    422: errorResponse(
      'The mapping failed, or the input does not match the agent’s input schema; or the Idempotency-Key came before with a different body (idempotency_key_reused).',
    ),
    429: rateLimitedResponse('Over the hook’s rate; Retry-After says when to try again.'),
    503: errorResponse(
      'Too many runs wait to start already (code queue_full); Retry-After says when to try again.',
    ),
  },
});

export function registerHookCallRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(callRoute, async (c) => {
    const { token } = c.req.valid('param');
    const { wait } = c.req.valid('query');
    const services = c.get('services');
    const started = await startHookRun(services, { token, request: c.req.raw }).catch((error: unknown) => {
      services.metrics.webhookCalled(refusedHookCallOutcome(error));
      throw error;
    });
    services.metrics.webhookCalled(started.replayed ? 'replayed' : 'started');
    if (started.replayed) c.header('Idempotent-Replayed', 'true');
    const waits = wait === undefined ? started.respond === 'result' : wait === 'true';
    // Where the run is read by a member of its workspace (the caller's hook address reads nothing).
    c.header('Location', workspacePath(started.workspaceId, 'runs', started.runId));
    if (!waits) return c.json({ runId: started.runId, status: started.status }, 202);
    const run = await waitForRunEnd(services, started.workspaceId, started.runId, {
      timeoutMs: started.waitTimeoutMs,
      recheckMs: services.config.streamRecheckMs,
      signal: c.req.raw.signal,
    });
    if (run && runHasEnded(run)) {
      return c.json({ runId: run.id, status: run.status, output: run.output, error: run.error }, 200);
    }
    return c.json(
      {
        runId: started.runId,
        status: run?.status ?? started.status,
        message: `The run is still ${run?.status ?? started.status} after ${started.waitTimeoutMs} ms. Its result will be in the workspace's runs, under this runId.`,
      },
      202,
    );
  });
}
