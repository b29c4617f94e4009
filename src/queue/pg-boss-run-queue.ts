// The run queue on pg-boss, on the same database as everything else (PGlite through pg-boss's
// adapter, PostgreSQL through its own small pool). A job means "execute this run"; executing is
// idempotent (a finished run is not runnable, an unfinished one resumes), so a job redelivered
// after a worker died simply continues the run.
import { fromPglite, PgBoss } from 'pg-boss';
import type { Database } from '../store/database.ts';
import { BacklogGauge } from './backlog-gauge.ts';
import { type RunJob, type RunQueue, runJobSchema } from './run-queue.ts';
import { transactionSql } from './transaction-sql.ts';

export const runQueueName = 'orca-run';

/**
 * The queue's timing (ORCA_RUN_HEARTBEAT_SECONDS, ORCA_QUEUE_SUPERVISE_SECONDS). pg-boss renews a
 * job's heartbeat while the handler runs; after a SIGKILL the job is noticed within the heartbeat
 * plus one supervision interval (about 15 s by default) and redelivered, and the run resumes
 * after its last step.
 */
export interface RunQueueTiming {
  /** How long a worker may go silent before its runs are given to another worker. */
  heartbeatSeconds: number;
  /** How often pg-boss supervises: finds missed heartbeats, expires and archives. */
  superviseSeconds: number;
}

export const defaultRunQueueTiming: RunQueueTiming = { heartbeatSeconds: 10, superviseSeconds: 5 };

/**
 * How workers fetch. One run per fetch, so a slow run never holds others back. pg-boss waits
 * between fetches (its "full batch" burst does not apply to batches of one), so: NOTIFY wakes
 * idle workers at once, a backlog makes them fetch back to back, and a 1 s poll is the backstop.
 * Measured: 500 no-op jobs drained at about 130/s with 4 lanes, against 4 jobs in 10 s without.
 */
export const runWorkOptions = {
  batchSize: 1,
  pollingIntervalSeconds: 0.5,
  notifyPollingIntervalSeconds: 1,
  burstWhenReadyExceeds: 1,
} as const;

export interface RunQueueLogger {
  error(message: string, error?: unknown): void;
}

export interface QueueWorkerOptions {
  /** Runs one process executes at once. */
  concurrency: number;
  execute(job: RunJob): Promise<unknown>;
}

export interface StartedRunQueue extends RunQueue {
  /** Asks the queue's own connection for the run queue: throws when it cannot answer. */
  check(): Promise<void>;
  /** Starts taking runs off the queue in this process. */
  work(options: QueueWorkerOptions): Promise<void>;
  /** Stops taking runs; waits up to `timeoutMs` for the runs in hand, then releases them. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * How long a finished job stays in the queue's table. The run itself is the record; a job is
 * only its delivery (pg-boss's default keeps them a week), and an hour is plenty to look into one.
 */
const completedJobSeconds = 3600;

export interface RunQueueOptions extends RunQueueTiming {
  /** Runs queued and not started past which new runs are refused (ORCA_QUEUE_BACKLOG_LIMIT). */
  backlogLimit: number;
  /** Runs one workspace may have queued (ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT). */
  workspaceBacklogLimit: number;
}

export async function startRunQueue(
  database: Database,
  logger: RunQueueLogger,
  options: RunQueueOptions,
): Promise<StartedRunQueue> {
  const { heartbeatSeconds, superviseSeconds } = options;
  // Supervision every few seconds is what notices a dead worker's missed heartbeats; pg-boss's
  // default (60 s) would leave a killed worker's runs waiting a minute.
  const common = {
    schema: 'pgboss',
    useListenNotify: true,
    application_name: 'orca',
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
    // The backlog count that lets workers fetch back to back (see runWorkOptions) is cached;
    // refresh it every second rather than every minute.
    queueCacheIntervalSeconds: 1,
  } as const;
  const boss = database.pglite
    ? new PgBoss({ ...common, db: fromPglite(database.pglite), backend: 'pglite' })
    : new PgBoss({ ...common, connectionString: database.url, max: 4 });
  boss.on('error', (error) => logger.error('queue error', error));
  await boss.start();
  await boss.createQueue(runQueueName, {
    notify: true,
    heartbeatSeconds,
    // pg-boss also ends a handler at its expiry, heartbeat or not; a run may legitimately take
    // long (a wait step, a slow portal), so the heartbeat alone decides that a worker is gone.
    expireInSeconds: 86_400,
    // Redelivery is how a run survives a dead worker; the run itself bounds its own retries.
    retryLimit: 50,
    retryDelay: 1,
    deleteAfterSeconds: completedJobSeconds,
  });
  // createQueue leaves an existing queue as it is: changed settings are written here.
  const existing = await boss.getQueue(runQueueName);
  if (
    existing &&
    (existing.heartbeatSeconds !== heartbeatSeconds || existing.deleteAfterSeconds !== completedJobSeconds)
  ) {
    await boss.updateQueue(runQueueName, { heartbeatSeconds, deleteAfterSeconds: completedJobSeconds });
  }
  // pg-boss looks a queue up in its cache before inserting, and reads the database when the cache
  // is cold. Inside a caller's transaction on PGlite's one connection that read would wait for the
  // transaction that waits for it, so the cache is filled now (an empty insert touches no row).
  await boss.insert(runQueueName, []);
  const backlog = new BacklogGauge({
    limit: options.backlogLimit,
    read: async () => (await boss.getQueue(runQueueName))?.readyCount ?? 0,
    onError: (error) => logger.error('could not read the run queue backlog', error),
  });
  await backlog.refresh();

  return {
    async check() {
      if (!(await boss.getQueue(runQueueName))) {
        throw new Error(`the queue ${runQueueName} is missing from the database; restart Orca to create it`);
      }
    },
    async enqueue(job) {
      await boss.send(runQueueName, runJobSchema.parse(job));
    },
    async enqueueAt(job, at) {
      await boss.send(runQueueName, runJobSchema.parse(job), { startAfter: at });
    },
    async enqueueMany(jobs) {
      if (jobs.length === 0) return;
      await boss.insert(
        runQueueName,
        jobs.map((job) => ({ data: runJobSchema.parse(job) })),
      );
    },
    async enqueueInTransaction(transaction, jobs) {
      if (jobs.length === 0) return;
      await boss.insert(
        runQueueName,
        jobs.map((job) => ({ data: runJobSchema.parse(job) })),
        { db: transactionSql(transaction) },
      );
    },
    backlogOverLimit() {
      return backlog.overLimit();
    },
    workspaceBacklogLimit: options.workspaceBacklogLimit,
    async work(options) {
      // One pg-boss worker per lane, so that a lane that has just run a job can ask for its next
      // fetch at once (notifyWorker): a burst of runs (fifty schedules falling due together)
      // drains back to back instead of a lane waiting out its poll after every run. A lane whose
      // fetch finds nothing falls back to NOTIFY and polling.
      for (let lane = 0; lane < options.concurrency; lane++) {
        let laneId = '';
        laneId = await boss.work<RunJob>(runQueueName, runWorkOptions, async (jobs) => {
          for (const job of jobs) await options.execute(runJobSchema.parse(job.data));
          boss.notifyWorker(laneId);
        });
      }
    },
    async stop(timeoutMs = 30_000) {
      await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
    },
  };
}
