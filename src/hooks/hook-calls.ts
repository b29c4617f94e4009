// One call of an inbound hook, from the secret address to a queued run. The checks are ordered
// from cheapest to dearest, and every refusal comes before anything is written: the token's hash
// finds the hook and counts the call against its rate (one statement, no transaction), then the
// body is read against its limit, the signature checked, the mapping evaluated, and the run
// started by the one run starter, in one transaction with its queue job.
import { describeSpecIssues } from '../domain/agent-spec.ts';
import { conflict, OrcaError, ruleViolated } from '../domain/errors.ts';
import { hashSecret } from '../domain/secret-token.ts';
import type { RunQueue } from '../queue/run-queue.ts';
import { startRun } from '../runtime/run-starter.ts';
import { type CountedHookCall, countHookCall, type HookRespond } from '../store/hook-repository.ts';
import type { RunStatus } from '../store/schema.ts';
import type { Store } from '../store/store.ts';
import type { Vault } from '../vault/vault.ts';
import { mapToRunInput } from './hook-mapping.ts';
import { hookRequestData, parseHookBody, readHookBody } from './hook-request.ts';
import { looksLikeHookToken } from './hook-secrets.ts';
import { hookSignatureHeader, requireValidSignature } from './hook-signature.ts';
import { openSigningSecret } from './hook-signing-secret.ts';

export interface HookCallServices {
  store: Store;
  vault: Vault;
  runQueue: RunQueue;
}

export interface StartedHookRun {
  workspaceId: string;
  runId: string;
  status: RunStatus;
  respond: HookRespond;
  waitTimeoutMs: number;
}

const unknownHook = () =>
  new OrcaError(
    'not_found',
    'There is no hook at this address. Check the URL: a hook’s address is shown once, when the hook is made (or its token rotated).',
  );

/** The hook the token names, with this call counted; refused when unknown, disabled or over its rate. */
async function admitCall(store: Store, token: string): Promise<CountedHookCall> {
  if (!looksLikeHookToken(token)) throw unknownHook();
  const hook = await store.system((scope) => countHookCall(scope, hashSecret(token)));
  if (!hook) throw unknownHook();
  if (!hook.enabled) {
    throw new OrcaError(
      'not_found',
      'This hook is disabled. A builder of its workspace can enable it again (PATCH … {"enabled": true}).',
    );
  }
  if (hook.windowCount > hook.ratePerMinute) {
    throw new OrcaError(
      'rate_limited',
      `This hook takes at most ${hook.ratePerMinute} calls a minute. Try again in ${hook.windowEndsInSeconds} seconds, or ask for a higher ratePerMinute.`,
      { retryAfterSeconds: hook.windowEndsInSeconds },
    );
  }
  return hook;
}

/** Checks and maps one call, then queues the hook's agent with the mapped input. */
export async function startHookRun(
  services: HookCallServices,
  call: { token: string; request: Request },
): Promise<StartedHookRun> {
  const { store, vault, runQueue } = services;
  const hook = await admitCall(store, call.token);
  const bytes = await readHookBody(call.request);
  if (hook.sealedSigningSecret !== null) {
    const sealed = hook.sealedSigningSecret;
    const secret = await store.inWorkspace(hook.workspaceId, (scope) =>
      openSigningSecret(vault, scope, hook.id, sealed),
    );
    requireValidSignature({
      header: call.request.headers.get(hookSignatureHeader) ?? undefined,
      body: bytes,
      secret,
    });
  }
  const body = parseHookBody(bytes, call.request.headers.get('content-type'));
  const input = await mapToRunInput(hook.mapping, hookRequestData(call.request, body));
  const run = await store.inWorkspace(hook.workspaceId, async (scope) => {
    const start = await startRun(scope, runQueue, {
      agent: { id: hook.agentId },
      input,
      origin: { trigger: 'webhook' },
    });
    switch (start.outcome) {
      case 'started':
        return start.run;
      case 'agent_missing':
        throw unknownHook();
      case 'agent_paused':
        throw conflict(
          `The agent "${start.agent.name}" is paused, so its hook starts no runs. Resume the agent first.`,
        );
      case 'invalid_input':
        throw ruleViolated(
          `The input this call maps to does not match the agent's input schema: ${describeSpecIssues(start.issues)}. ` +
            'Change what you send, or the hook’s mapping.',
          start.issues,
        );
    }
  });
  return {
    workspaceId: hook.workspaceId,
    runId: run.id,
    status: run.status,
    respond: hook.respond,
    waitTimeoutMs: hook.waitTimeoutMs,
  };
}
