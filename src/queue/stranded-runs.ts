// Finding runs that no queue job will ever deliver: queued or running, quiet for longer than a
// grace period, and without a live job (created, waiting to retry, or in a worker's hands) of
// their current try. Since every trigger queues its job in the transaction that inserts the run,
// such a run can only come from before that, a job pg-boss gave up on, or a hand-edited database.
// A run parked by its plan's limit of runs at once has no job on purpose: the ending of one of
// its workspace's runs, or the parked-run re-check, sends it one (store/parked-runs.ts).
// The query reads pg-boss's job table directly: it is the only place that knows both tables.
import { sql } from 'drizzle-orm';
import type { OrcaDrizzle } from '../store/database.ts';
import { runQueueName } from './pg-boss-run-queue.ts';

export interface StrandedRun {
  id: string;
  workspaceId: string;
  status: 'queued' | 'running';
  /** The run's try, which the job that delivers it must carry. */
  retryCount: number;
}

/** A job that will still deliver run `r` in its current try (a job of an earlier try claims nothing). */
const liveJobOfRun = sql`
  select 1 from pgboss.job as job
  where job.name = ${runQueueName}
    and job.state in ('created', 'retry', 'active')
    and job.data->>'runId' = r.id::text
    and coalesce((job.data->>'generation')::int, r.retry_count) = r.retry_count`;

async function rowsOf(transaction: OrcaDrizzle, query: ReturnType<typeof sql>): Promise<StrandedRun[]> {
  const result = (await transaction.execute(query)) as unknown as { rows: StrandedRun[] };
  return result.rows;
}

/**
 * Locks up to `limit` stranded runs for the caller's transaction and answers them. Rows another
 * sweeper holds are skipped; the job check is made again after the lock, in a statement of its
 * own (and so a fresh snapshot), so a run that another sweeper re-queued and committed while this
 * one waited is seen to have its job. Runs an agent call started are left alone: their caller
 * executes them itself, without a job, and resumes them when it is itself redelivered.
 */
export async function lockStrandedRuns(
  transaction: OrcaDrizzle,
  options: { graceSeconds: number; limit: number },
): Promise<StrandedRun[]> {
  const candidates = await rowsOf(
    transaction,
    sql`select r.id from runs as r
        where r.status in ('queued', 'running')
          and r.call_key is null
          and r.parked_at is null
          and not exists (
            select 1 from run_events as event
            where event.run_id = r.id and event.at > now() - make_interval(secs => ${options.graceSeconds})
          )
          and not exists (${liveJobOfRun})
        order by r.created_at
        limit ${options.limit}
        for update of r skip locked`,
  );
  if (candidates.length === 0) return [];
  const ids = sql.join(
    candidates.map((candidate) => sql`${candidate.id}::uuid`),
    sql`, `,
  );
  return rowsOf(
    transaction,
    sql`select r.id, r.workspace_id as "workspaceId", r.status, r.retry_count as "retryCount"
        from runs as r
        where r.id in (${ids})
          and r.status in ('queued', 'running')
          and r.parked_at is null
          and not exists (${liveJobOfRun})`,
  );
}
