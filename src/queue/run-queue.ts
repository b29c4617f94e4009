// The seam between starting a run and executing it. The API enqueues; workers (in `orca start`,
// or `orca worker` processes on PostgreSQL) take runs off the queue and execute them.
import { z } from 'zod';
import type { OrcaDrizzle } from '../store/database.ts';
import type { QueueBacklog } from './backlog-gauge.ts';

export type { QueueBacklog };

export const runJobSchema = z.object({
  workspaceId: z.uuid(),
  runId: z.uuid(),
  /** Which try of the run (its retry count): a job left over from an earlier try claims nothing. */
  generation: z.number().int().min(0).optional(),
  /** For a job that ends a wait: the time it was sent for. */
  resumeAt: z.iso.datetime().optional(),
});
export type RunJob = z.infer<typeof runJobSchema>;

export interface RunQueue {
  enqueue(job: RunJob): Promise<void>;
  /** Enqueues a run to be picked up at a time (a waiting run resuming). */
  enqueueAt(job: RunJob, at: Date): Promise<void>;
  /** Enqueues many runs in one statement (imports, fan-out, benchmarks). */
  enqueueMany(jobs: RunJob[]): Promise<void>;
  /**
   * Enqueues runs inside the caller's open transaction: the jobs exist if and only if the
   * transaction that inserted their runs commits (a schedule firing, a chain, a hook), so a crash
   * between the two can neither lose a run nor deliver one that was rolled back.
   */
  enqueueInTransaction(transaction: OrcaDrizzle, jobs: RunJob[]): Promise<void>;
  /**
   * The backlog (runs queued and not started, on the whole database) when it has passed the
   * configured limit, so that new runs are refused rather than left to wait; `undefined` while
   * there is room. Answers at once from a count a few seconds old at most.
   */
  backlogOverLimit(): QueueBacklog | undefined;
  /**
   * Runs one workspace may have queued and not started (ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT): its
   * share of the queue. Counted by the starter in the start's transaction, not by the queue.
   */
  readonly workspaceBacklogLimit: number;
}
