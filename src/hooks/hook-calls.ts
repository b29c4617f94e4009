// One call of an inbound hook, from the secret address to a queued run. The checks are ordered
// from cheapest to dearest, and every refusal comes before anything is written: the token's hash
// finds the hook, the body is read against its limit, and a signed hook's signature is checked
// before the call counts against the hook's rate, so that calls with a bad signature (counted
// apart) never use up what the sender's real calls need; an unsigned hook counts every call
// first. A call already taken (its Idempotency-Key, or its signature) is answered or refused
// before its mapping is evaluated; then the run is started by the one run starter (inserted and
// queued) and the call's keys claimed in one transaction, so a run exists if and only if its job
// and its keys do. Every call to a known hook is recorded among its recent calls, with what became
// of it: an admitted one in its run's transaction, a refused one after the refusal is decided.

import { describeSpecIssues } from '../domain/agent-spec.ts';
import { conflict, OrcaError, ruleViolated } from '../domain/errors.ts';
import type { HookCallRefusal } from '../domain/hook-call-outcome.ts';
import { hashSecret } from '../domain/secret-token.ts';
import { inExpressionLane } from '../expressions/evaluation-lane.ts';
import type { RunQueue } from '../queue/run-queue.ts';
import { insufficientCredits } from '../runtime/credit-admission.ts';
import { queueFull, startRun } from '../runtime/run-starter.ts';
import { claimHookCallKey, findHookCallKey, pruneHookCallKeys } from '../store/hook-call-key-repository.ts';
import { type HookCallValues, recordHookCall } from '../store/hook-call-repository.ts';
import {
  type CallWindow,
  countHookCall,
  countRejectedHookCall,
  findHookForCall,
  type HookForCall,
  type HookRespond,
} from '../store/hook-repository.ts';
import { findRun } from '../store/run-repository.ts';
import type { RunStatus } from '../store/schema.ts';
import type { Store, WorkspaceScope } from '../store/store.ts';
import type { Vault } from '../vault/vault.ts';
import { mapToRunInput } from './hook-mapping.ts';
import {
  type HookCallIdentity,
  hookCallIdentity,
  idempotencyKeyHeader,
  idempotencyKeyReused,
  replayedSignature,
} from './hook-replays.ts';
import { hookRequestData, parseHookBody, readHookBody } from './hook-request.ts';
import { looksLikeHookToken } from './hook-secrets.ts';
import { hookSignatureHeader, requireValidSignature } from './hook-signature.ts';
import { openSigningSecret } from './hook-signing-secret.ts';

export interface HookCallServices {
  store: Store;
  vault: Vault;
  runQueue: RunQueue;
  logger: { error(message: string, error?: unknown): void };
}

export interface StartedHookRun {
  workspaceId: string;
  runId: string;
  status: RunStatus;
  respond: HookRespond;
  waitTimeoutMs: number;
  /** The call repeated an Idempotency-Key: this is the run the first call started. */
  replayed: boolean;
}

const unknownHook = () =>
  new OrcaError(
    'not_found',
    'There is no hook at this address. Check the URL: a hook’s address is shown once, when the hook is made (or its token rotated).',
  );

/** Refusals whose reason is known where they are thrown; the others are read from their stage. */
const knownRefusals = new WeakMap<object, HookCallRefusal>();

function refusal<T extends object>(reason: HookCallRefusal, error: T): T {
  knownRefusals.set(error, reason);
  return error;
}

/** How far a call got: what a refusal thrown there is recorded as, when its thrower did not say. */
type CallStage = 'checks' | 'mapping' | 'start';

function refusalOf(stage: CallStage, error: unknown): HookCallRefusal {
  const known = typeof error === 'object' && error !== null ? knownRefusals.get(error) : undefined;
  if (known) return known;
  if (!(error instanceof OrcaError)) return 'server_error';
  switch (error.code) {
    case 'rate_limited':
      return 'rate_limited';
    case 'payload_too_large':
      return 'body_too_large';
    case 'unauthenticated':
      return 'bad_signature';
    case 'bad_request':
    case 'validation_failed':
      return 'bad_request';
    default:
      return stage === 'mapping' ? 'mapping_failed' : stage === 'start' ? 'invalid_input' : 'server_error';
  }
}

/**
 * Records a call among the hook's recent calls, outside the call's own work. A failure to record
 * is logged, never answered: the caller must hear what became of the call itself.
 */
async function recordCall(
  services: HookCallServices,
  hook: HookForCall,
  call: Omit<HookCallValues, 'hookId'>,
) {
  try {
    await services.store.inWorkspace(hook.workspaceId, (scope) =>
      recordHookCall(scope, { hookId: hook.id, ...call }),
    );
  } catch (error) {
    services.logger.error('hook call not recorded', error);
  }
}

/** The hook the token names; refused when unknown (nothing to record it on). */
async function findCalledHook(store: Store, token: string): Promise<HookForCall> {
  if (!looksLikeHookToken(token)) throw unknownHook();
  const hook = await store.system((scope) => findHookForCall(scope, hashSecret(token)));
  if (!hook) throw unknownHook();
  return hook;
}

const disabledHook = () =>
  refusal(
    'disabled',
    new OrcaError(
      'not_found',
      'This hook is disabled. A builder of its workspace can enable it again (PATCH … {"enabled": true}).',
    ),
  );

async function requireWithinRate(store: Store, hook: HookForCall): Promise<void> {
  const window = await store.inWorkspace(hook.workspaceId, (scope) => countHookCall(scope, hook.id));
  if (window.count > hook.ratePerMinute) {
    throw new OrcaError(
      'rate_limited',
      `This hook takes at most ${hook.ratePerMinute} calls a minute. Try again in ${window.endsInSeconds} seconds, or ask for a higher ratePerMinute.`,
      { retryAfterSeconds: window.endsInSeconds },
    );
  }
}

/**
 * Checks a signed call's signature; returns its signed timestamp. A bad one is counted in its
 * own window and refused with a 401, or a 429 once a minute's worth has come: that bounds what a
 * stranger's garbage costs without slowing down the sender's correctly signed calls.
 */
async function requireSignature(
  services: HookCallServices,
  hook: HookForCall,
  sealed: string,
  request: Request,
  body: Buffer,
): Promise<number> {
  const { store, vault } = services;
  const secret = await store.inWorkspace(hook.workspaceId, (scope) =>
    openSigningSecret(vault, scope, hook.id, sealed),
  );
  try {
    return requireValidSignature({
      header: request.headers.get(hookSignatureHeader) ?? undefined,
      body,
      secret,
    });
  } catch (refusal) {
    const window: CallWindow = await store.inWorkspace(hook.workspaceId, (scope) =>
      countRejectedHookCall(scope, hook.id),
    );
    if (window.count > hook.ratePerMinute) {
      throw new OrcaError(
        'rate_limited',
        `This hook refused more than ${hook.ratePerMinute} calls with a missing or wrong signature in the last minute; ` +
          `it answers such calls with 429 for ${window.endsInSeconds} more seconds. Correctly signed calls are still taken.`,
        { retryAfterSeconds: window.endsInSeconds },
      );
    }
    throw refusal;
  }
}

/** The run the call's Idempotency-Key already started, if any; refused when its signature was taken. */
async function earlierCall(scope: WorkspaceScope, identity: HookCallIdentity): Promise<string | undefined> {
  if (identity.idempotencyKey) {
    const earlier = await findHookCallKey(scope, identity.idempotencyKey.key);
    if (earlier) {
      if (earlier.bodyHash !== identity.bodyHash)
        throw refusal('idempotency_key_reused', idempotencyKeyReused());
      return earlier.runId;
    }
  }
  if (identity.signature && (await findHookCallKey(scope, identity.signature.key))) {
    throw refusal('signature_replayed', replayedSignature());
  }
  return undefined;
}

/** What a repeated Idempotency-Key answers: the first call's run, as it is now. */
async function repeatedCall(store: Store, hook: HookForCall, runId: string): Promise<StartedHookRun> {
  const run = await store.inWorkspace(hook.workspaceId, (scope) => findRun(scope, runId));
  if (!run) throw new Error(`run ${runId} of a hook's idempotency key is gone, but its key was not`);
  return startedHookRun(hook, run, true);
}

/** Thrown inside the run's transaction (to roll it back) when a concurrent call took the same key first. */
class KeyTakenMeanwhile extends Error {}

/** Checks and maps one call, then queues the hook's agent with the mapped input; records the call. */
export async function startHookRun(
  services: HookCallServices,
  call: { token: string; request: Request },
): Promise<StartedHookRun> {
  const hook = await findCalledHook(services.store, call.token);
  const progress: { stage: CallStage } = { stage: 'checks' };
  try {
    const started = await admitCall(services, hook, call, progress);
    if (started.replayed) {
      await recordCall(services, hook, {
        outcome: 'replayed',
        refusal: null,
        status: 202,
        runId: started.runId,
      });
    }
    return started;
  } catch (error) {
    await recordCall(services, hook, {
      outcome: 'refused',
      refusal: refusalOf(progress.stage, error),
      status: error instanceof OrcaError ? error.status : 500,
      runId: null,
    });
    throw error;
  }
}

async function admitCall(
  services: HookCallServices,
  hook: HookForCall,
  call: { token: string; request: Request },
  progress: { stage: CallStage },
): Promise<StartedHookRun> {
  const { store, runQueue } = services;
  if (!hook.enabled) throw disabledHook();
  if (hook.sealedSigningSecret === null) await requireWithinRate(store, hook);
  const bytes = await readHookBody(call.request);
  const signedAt =
    hook.sealedSigningSecret === null
      ? undefined
      : await requireSignature(services, hook, hook.sealedSigningSecret, call.request, bytes);
  const identity = hookCallIdentity({
    hookId: hook.id,
    body: bytes,
    signedAt,
    idempotencyKey: call.request.headers.get(idempotencyKeyHeader),
  });
  // A call with neither a signature nor an Idempotency-Key has no earlier call to be found: no
  // transaction for it.
  const keyed = identity.signature !== undefined || identity.idempotencyKey !== undefined;
  const earlierRunId = keyed
    ? await store.inWorkspace(hook.workspaceId, (scope) => earlierCall(scope, identity))
    : undefined;
  if (earlierRunId !== undefined) return repeatedCall(store, hook, earlierRunId);
  if (hook.sealedSigningSecret !== null) await requireWithinRate(store, hook);
  const body = parseHookBody(bytes, call.request.headers.get('content-type'));
  progress.stage = 'mapping';
  const input = await inExpressionLane(hook.workspaceId, () =>
    mapToRunInput(hook.mapping, hookRequestData(call.request, body)),
  );
  progress.stage = 'start';
  let run: { id: string; status: RunStatus };
  try {
    run = await store.inWorkspace(hook.workspaceId, async (scope) => {
      const start = await startRun(scope, runQueue, {
        agent: { id: hook.agentId },
        input,
        origin: { trigger: 'webhook' },
      });
      if (start.outcome === 'agent_missing') throw refusal('agent_missing', unknownHook());
      if (start.outcome === 'agent_paused') {
        throw refusal(
          'agent_paused',
          conflict(
            `The agent "${start.agent.name}" is paused, so its hook starts no runs. Resume the agent first.`,
          ),
        );
      }
      if (start.outcome === 'insufficient_credits') {
        throw refusal('insufficient_credits', insufficientCredits(start.shortfall));
      }
      if (start.outcome === 'queue_full') throw refusal('queue_full', queueFull(start.backlog));
      if (start.outcome === 'invalid_input') {
        throw ruleViolated(
          `The input this call maps to does not match the agent's input schema: ${describeSpecIssues(start.issues)}. ` +
            'Change what you send, or the hook’s mapping.',
          start.issues,
        );
      }
      const inserted = start.run;
      // Expired keys are pruned before new ones are claimed; a call that claims none leaves them.
      if (keyed) await pruneHookCallKeys(scope, hook.id);
      for (const claimed of [identity.signature, identity.idempotencyKey]) {
        if (
          claimed &&
          !(await claimHookCallKey(scope, {
            ...claimed.key,
            expiresAt: claimed.expiresAt,
            runId: inserted.id,
          }))
        ) {
          throw new KeyTakenMeanwhile();
        }
      }
      await recordHookCall(scope, {
        hookId: hook.id,
        outcome: 'accepted',
        refusal: null,
        status: 202,
        runId: inserted.id,
      });
      return inserted;
    });
  } catch (error) {
    if (!(error instanceof KeyTakenMeanwhile)) throw error;
    // The concurrent call has committed by now: answer as if this one had come after it.
    const earlier = await store.inWorkspace(hook.workspaceId, (scope) => earlierCall(scope, identity));
    if (earlier === undefined) throw refusal('signature_replayed', replayedSignature());
    return repeatedCall(store, hook, earlier);
  }
  return startedHookRun(hook, run, false);
}

function startedHookRun(
  hook: HookForCall,
  run: { id: string; status: RunStatus },
  replayed: boolean,
): StartedHookRun {
  return {
    workspaceId: hook.workspaceId,
    runId: run.id,
    status: run.status,
    respond: hook.respond,
    waitTimeoutMs: hook.waitTimeoutMs,
    replayed,
  };
}
