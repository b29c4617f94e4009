// The safety net under parking (decision 0038): a run parked by its plan's limit of runs at once is
// taken back when one of its workspace's runs stops running, in that transaction. A place can also
// free up without such a transaction (a plan moved to a bigger limit or none, a run deleted with
// its agent), so every worker process re-checks now and then the workspaces with a run parked for
// longer than the interval, and takes back as many parked runs as there is room for. Taking back
// takes the workspace's placement lock and counts under it, as the claim does, so a re-check never
// starts more runs than the plan allows, and several workers re-checking at once take turns.
import type { Logger } from '../api/context.ts';
import type { RunQueue } from '../queue/run-queue.ts';
import { takeParkedRuns, workspacesWithParkedRuns } from '../store/parked-runs.ts';
import type { Store } from '../store/store.ts';

export interface ParkedRunRecheckOptions {
  store: Store;
  runQueue: RunQueue;
  logger: Pick<Logger, 'info' | 'error'>;
  /** The pause between re-checks, and how long a run must have been parked to be looked at. */
  intervalSeconds: number;
}

/** Workspaces looked at in one pass; the rest wait for the next. */
const workspacesPerPass = 100;

export class ParkedRunRecheck {
  readonly #options: ParkedRunRecheckOptions;
  #timer: NodeJS.Timeout | undefined;
  #checking: Promise<unknown> | undefined;
  #stopped = false;

  constructor(options: ParkedRunRecheckOptions) {
    this.#options = options;
  }

  /** Re-checks every interval, the first time one interval from now. */
  start() {
    if (this.#timer || this.#stopped) return;
    this.#timer = setInterval(() => {
      this.#checking ??= this.recheck()
        .catch((error) =>
          this.#options.logger.error('could not re-check the parked runs; it tries again', error),
        )
        .finally(() => {
          this.#checking = undefined;
        });
    }, this.#options.intervalSeconds * 1000);
    // A re-check pending is no reason to keep a process alive.
    this.#timer.unref();
  }

  async stop() {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#checking;
  }

  /** Takes back the parked runs there is room for now; answers their ids. */
  async recheck(olderThanSeconds = this.#options.intervalSeconds): Promise<string[]> {
    const { store, runQueue, logger } = this.#options;
    const workspaces = await store.systemTransaction((system) =>
      workspacesWithParkedRuns(system.db, { olderThanSeconds, limit: workspacesPerPass }),
    );
    const taken: string[] = [];
    for (const workspaceId of workspaces) {
      if (this.#stopped) break;
      const woken = await store.inWorkspace(workspaceId, async (scope) => {
        const runs = await takeParkedRuns(scope);
        await runQueue.enqueueInTransaction(scope.db, runs);
        return runs;
      });
      if (woken.length === 0) continue;
      logger.info('queued runs that waited for a place under their plan’s limit of runs at once', {
        workspaceId,
        runs: woken.length,
      });
      taken.push(...woken.map((run) => run.runId));
    }
    return taken;
  }
}
