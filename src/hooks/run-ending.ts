// Waiting for a run to end, for a hook caller who asked for the result. Runs end in a worker,
// possibly in another process, and the store has no notification of it, so the run's row is
// read again: soon at first (a no-op run ends within tens of milliseconds), then less often,
// so that a long run costs a few statements a second at most.
import { setTimeout as sleep } from 'node:timers/promises';
import { findRun, type RunRecord } from '../store/run-repository.ts';
import type { RunStatus } from '../store/schema.ts';
import type { Store } from '../store/store.ts';

const finishedStatuses: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'cancelled']);
const firstPauseMilliseconds = 10;
const longestPauseMilliseconds = 250;

export function runHasEnded(run: Pick<RunRecord, 'status'>): boolean {
  return finishedStatuses.has(run.status);
}

/**
 * The run once it has ended, or as it is when `timeoutMs` has passed or `signal` aborted (the
 * caller went away). Undefined only if the run was deleted meanwhile.
 */
export async function waitForRunEnd(
  store: Store,
  workspaceId: string,
  runId: string,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<RunRecord | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  let pauseMilliseconds = firstPauseMilliseconds;
  for (;;) {
    const run = await store.inWorkspace(workspaceId, (scope) => findRun(scope, runId));
    const remaining = deadline - Date.now();
    if (!run || runHasEnded(run) || remaining <= 0 || options.signal?.aborted) return run;
    // An abort ends the pause early; the loop then returns the run as it is.
    await sleep(Math.min(pauseMilliseconds, remaining), undefined, { signal: options.signal }).catch(
      () => undefined,
    );
    pauseMilliseconds = Math.min(longestPauseMilliseconds, pauseMilliseconds * 2);
  }
}
