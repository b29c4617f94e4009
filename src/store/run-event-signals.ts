// The reading half of the run-event seam, in this process: notices heard from the database
// (run-event-listener.ts) wake the watches they concern. A watch remembers a notice that came
// while nobody was waiting on it, so a reader that reads, then waits, never sleeps through a
// change that committed during its read.
import type { RunEventKind, RunEventNotice } from './run-event-notices.ts';

export interface RunEventFilter {
  workspaceId: string;
  /** Only this run's events; every run of the workspace when absent. */
  runId?: string;
  /** Only these kinds (a wait for a run's end cares for `status` only); every kind when absent. */
  kinds?: readonly RunEventKind[];
}

export interface RunEventWatch {
  /**
   * Resolves at once if a notice for the watch came since the last call; otherwise on the next
   * one, after `milliseconds` (the safety re-check: a lost notice only delays), or on `signal`.
   */
  next(milliseconds: number, signal?: AbortSignal): Promise<void>;
  stop(): void;
}

interface WatchEntry {
  filter: RunEventFilter;
  wake(): void;
}

function concerns(filter: RunEventFilter, notice: RunEventNotice): boolean {
  if (filter.runId !== undefined && filter.runId !== notice.runId) return false;
  return filter.kinds === undefined || filter.kinds.includes(notice.kind);
}

export class RunEventSignals {
  readonly #watchesByWorkspace = new Map<string, Set<WatchEntry>>();

  /** Wakes the watches a notice concerns (bound: hand it to a listener as is). */
  readonly deliver = (notice: RunEventNotice): void => {
    for (const entry of this.#watchesByWorkspace.get(notice.workspaceId) ?? []) {
      if (concerns(entry.filter, notice)) entry.wake();
    }
  };

  /** Wakes every watch: notices may have been lost (the listener's connection dropped). */
  readonly wakeAll = (): void => {
    for (const entries of this.#watchesByWorkspace.values()) for (const entry of entries) entry.wake();
  };

  /** How many watches are open (for tests and benchmarks). */
  get watchCount(): number {
    let count = 0;
    for (const entries of this.#watchesByWorkspace.values()) count += entries.size;
    return count;
  }

  watch(filter: RunEventFilter): RunEventWatch {
    let pending = false;
    let release: (() => void) | undefined;
    const entry: WatchEntry = {
      filter,
      wake: () => {
        pending = true;
        release?.();
      },
    };
    const workspaceWatches = this.#watchesByWorkspace.get(filter.workspaceId) ?? new Set<WatchEntry>();
    workspaceWatches.add(entry);
    this.#watchesByWorkspace.set(filter.workspaceId, workspaceWatches);

    return {
      next: (milliseconds, signal) => {
        if (pending || signal?.aborted) {
          pending = false;
          return Promise.resolve();
        }
        return new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            release = undefined;
            pending = false;
            resolve();
          };
          const timer = setTimeout(done, milliseconds);
          signal?.addEventListener('abort', done, { once: true });
          release = done;
        });
      },
      stop: () => {
        workspaceWatches.delete(entry);
        if (
          workspaceWatches.size === 0 &&
          this.#watchesByWorkspace.get(filter.workspaceId) === workspaceWatches
        )
          this.#watchesByWorkspace.delete(filter.workspaceId);
        release?.();
      },
    };
  }
}
