// Safe retries: a POST that creates something or starts a run, sent with an Idempotency-Key,
// is done once. A retry with the same key and the same request (path, query, body) within a day
// gets the first answer again (status, body, Location) with Idempotent-Replayed: true; the same
// key with another request is a 422; a retry while the first is still being answered, a 409.
// Answers of 5xx are not kept (the work may not have happened: a retry should try again), nor
// 429s (the caller was told to come back later), nor 402s (a top-up lifts them). Other 4xx are
// kept, as Stripe keeps them: the key names one attempt, and its outcome does not change. docs/decisions/0035-safe-retries.md.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { OrcaError } from '../domain/errors.ts';
import { idempotencyKeyHeader, idempotencyRetentionHours } from '../hooks/hook-replays.ts';
import {
  claimIdempotencyKey,
  finishIdempotencyKey,
  type IdempotencyScope,
  releaseIdempotencyKey,
  type StoredAnswer,
} from '../store/idempotency-key-repository.ts';
import type { ApiContext, ApiEnv } from './context.ts';

/**
 * The routes that honour the header: those that create something or start a run. Not those whose
 * answer holds a secret (API tokens, hook addresses, invitations): the answer is stored to be
 * replayed, and secrets are never stored in the clear. Hook calls keep their own keys
 * (hooks/hook-replays.ts), per hook rather than per principal.
 */
export const idempotentRoutes = [
  '/api/workspaces',
  '/api/workspaces/:ws/agents',
  '/api/workspaces/:ws/agents/import',
  '/api/workspaces/:ws/agents/:agentId/runs',
  '/api/workspaces/:ws/agents/:agentId/one-off-runs',
  '/api/workspaces/:ws/agents/:agentId/promote',
  '/api/workspaces/:ws/runs/:runId/retry',
  '/api/workspaces/:ws/orchestrator/messages',
  '/api/workspaces/:ws/plans/:planId/approve',
  '/api/workspaces/:ws/chains',
  '/api/workspaces/:ws/workrooms',
  '/api/workspaces/:ws/credits/topups',
];

/** Printable ASCII, 1 to 255 characters: a UUID is a good key. */
const keyPattern = /^[\x21-\x7e][\x20-\x7e]{0,254}$/;

/** Response headers that belong to the answer and are replayed with it. */
const replayedHeaders = ['content-type', 'location', 'etag'];

/** Where a key lives: the workspace the request acts in, or the caller's account. */
function scopeOf<T>(c: ApiContext, work: (scope: IdempotencyScope) => Promise<T>): Promise<T> {
  const { store } = c.get('services');
  const access = c.get('access');
  if (access) return store.inWorkspace(access.workspace.id, work);
  const principal = c.get('principal');
  if (!principal) throw new OrcaError('unauthenticated', 'Sign in first.');
  return store.asUser(principal.user.id, work);
}

async function requestHash(c: ApiContext): Promise<string> {
  const { ws: _workspace, ...parameters } = c.req.param() as Record<string, string>;
  const body = Buffer.from(await c.req.arrayBuffer());
  return createHash('sha256')
    .update(JSON.stringify([parameters, new URL(c.req.url).search, c.req.header('accept') ?? '']))
    .update('\n')
    .update(body)
    .digest('hex');
}

function replay(answer: StoredAnswer): Response {
  const headers = new Headers(answer.headers);
  headers.set('Idempotent-Replayed', 'true');
  return new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers });
}

function keepsAnswer(response: Response): boolean {
  // A 402 (credits, a plan's limit) is lifted by a top-up or a clean-up: a retry after it must be
  // tried afresh, not told the old refusal for a day.
  if (response.status >= 500 || response.status === 429 || response.status === 402) return false;
  // A stream cannot be replayed; its request is not recorded.
  return !response.headers.get('content-type')?.includes('text/event-stream');
}

/** Honours Idempotency-Key on the route it is mounted on (after authentication and the workspace). */
export const honourIdempotencyKey: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const key = c.req.header(idempotencyKeyHeader);
  if (key === undefined || c.req.method !== 'POST') return next();
  if (!keyPattern.test(key)) {
    throw new OrcaError(
      'bad_request',
      `The ${idempotencyKeyHeader} header must be 1 to 255 printable ASCII characters; a UUID is a good key.`,
    );
  }
  const principal = c.get('principal');
  if (!principal) return next();
  const claim = {
    userId: principal.user.id,
    principal: principal.kind === 'apiToken' ? `token:${principal.tokenId}` : `user:${principal.user.id}`,
    route: `POST ${routePath(c)}`,
    key,
    requestHash: await requestHash(c),
    expiresAt: new Date(Date.now() + idempotencyRetentionHours * 3600_000),
  };
  const outcome = await scopeOf(c, (scope) => claimIdempotencyKey(scope, claim));
  switch (outcome.kind) {
    case 'answered':
      return replay(outcome.answer);
    case 'reused':
      throw new OrcaError(
        'idempotency_key_reused',
        `This ${idempotencyKeyHeader} was used within the last ${idempotencyRetentionHours} hours for a different request. Use a new key for a new request.`,
      );
    case 'in_progress':
      throw new OrcaError(
        'idempotency_key_in_progress',
        `A request with this ${idempotencyKeyHeader} is still being answered. Retry in a moment to get its answer.`,
        { retryAfterSeconds: 1 },
      );
    case 'claimed':
      break;
  }
  try {
    await next();
  } catch (error) {
    await scopeOf(c, (scope) => releaseIdempotencyKey(scope, outcome.id));
    throw error;
  }
  const response = c.res;
  if (!keepsAnswer(response)) {
    await scopeOf(c, (scope) => releaseIdempotencyKey(scope, outcome.id));
    return;
  }
  const headers: Record<string, string> = {};
  for (const name of replayedHeaders) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const body = await response.clone().text();
  await scopeOf(c, (scope) =>
    finishIdempotencyKey(scope, outcome.id, { status: response.status, headers, body }),
  );
};
