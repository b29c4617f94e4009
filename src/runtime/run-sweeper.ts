// The run sweeper: in every worker process, a loop that now and then looks for runs stranded
// without a queue job (see queue/stranded-runs.ts) and queues them again, so a run never waits
// forever for a job that was lost. The runs are locked and re-queued in one transaction and
// checked again after the lock, so several workers sweeping at once queue each run once; and a
// job delivers a run only in the try it names, so a late duplicate would claim nothing anyway.
import type { Logger } from '../api/context.ts';
import type { RunQueue } from '../queue/run-queue.ts';
import { lockStrandedRuns } from '../queue/stranded-runs.ts';
import type { Store } from '../store/store.ts';

export interface RunSweeperOptions {
  store: Store;
  runQueue: RunQueue;
  logger: Pick<Logger, 'info' | 'error'>;
  /** How long a run may sit quiet without a job before it counts as stranded. */
  graceSeconds: number;
  /** The pause between sweeps. */
  intervalMilliseconds?: number;
}

/** Runs re-queued in one transaction: enough for any backlog to clear in a few sweeps. */
const batchSize = 100;

export class RunSweeper {
  readonly #options: Required<RunSweeperOptions>;
  #timer: NodeJS.Timeout | undefined;
  #sweeping: Promise<unknown> | undefined;
  #stopped = false;

  constructor(options: RunSweeperOptions) {
    this.#options = { intervalMilliseconds: 30_000, ...options };
  }

  /** Sweeps every interval, the first time one interval from now (the grace has not passed yet). */
  start() {
    if (this.#timer || this.#stopped) return;
    this.#timer = setInterval(() => {
      this.#sweeping ??= this.sweep()
        .catch((error) =>
          this.#options.logger.error('the run sweeper could not sweep; it tries again', error),
        )
        .finally(() => {
          this.#sweeping = undefined;
        });
    }, this.#options.intervalMilliseconds);
    // A sweep pending is no reason to keep a process alive.
    this.#timer.unref();
  }

  async stop() {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#sweeping;
  }

  /** Re-queues the runs stranded now; answers their ids. */
  async sweep(graceSeconds = this.#options.graceSeconds): Promise<string[]> {
    const { store, runQueue, logger } = this.#options;
    const swept: string[] = [];
    for (;;) {
      const stranded = await store.systemTransaction(async (system) => {
        const runs = await lockStrandedRuns(system.db, { graceSeconds, limit: batchSize });
        await runQueue.enqueueInTransaction(
          system.db,
          runs.map((run) => ({ workspaceId: run.workspaceId, runId: run.id, generation: run.retryCount })),
        );
        return runs;
      });
      for (const run of stranded) {
        logger.info('re-queued a run that had no queue job', {
          runId: run.id,
          workspaceId: run.workspaceId,
          status: run.status,
        });
        swept.push(run.id);
      }
      if (stranded.length < batchSize || this.#stopped) return swept;
    }
  }
}
