// Waiting for a run to end, for a hook caller who asked for the result. Runs end in a worker,
// possibly in another process; the wait reads the run's row when a `status` notice for it
// commits (store/run-event-signals.ts), and every `recheckMs` in case a notice was lost.
import type { RunEventSignals } from '../store/run-event-signals.ts';
import { findRun, type RunRecord } from '../store/run-repository.ts';
import type { RunStatus } from '../store/schema.ts';
import type { Store } from '../store/store.ts';

const finishedStatuses: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'cancelled']);

export function runHasEnded(run: Pick<RunRecord, 'status'>): boolean {
  return finishedStatuses.has(run.status);
}

export interface RunEndWaitOptions {
  timeoutMs: number;
  /** The longest sleep without a notice (ORCA_STREAM_RECHECK_MS). */
  recheckMs: number;
  signal?: AbortSignal;
}

/**
 * The run once it has ended, or as it is when `timeoutMs` has passed or `signal` aborted (the
 * caller went away). Undefined only if the run was deleted meanwhile.
 */
export async function waitForRunEnd(
  services: { store: Store; runEvents: RunEventSignals },
  workspaceId: string,
  runId: string,
  options: RunEndWaitOptions,
): Promise<RunRecord | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  // Watching starts before the first read, so an end that commits during it is not slept through.
  const changes = services.runEvents.watch({ workspaceId, runId, kinds: ['status'] });
  try {
    for (;;) {
      const run = await services.store.inWorkspace(workspaceId, (scope) => findRun(scope, runId));
      const remaining = deadline - Date.now();
      if (!run || runHasEnded(run) || remaining <= 0 || options.signal?.aborted) return run;
      await changes.next(Math.min(options.recheckMs, remaining), options.signal);
    }
  } finally {
    changes.stop();
  }
}
