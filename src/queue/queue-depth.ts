// The queue's backlog, for the metrics: run jobs that are due and that no worker has taken yet,
// and the age of the oldest of them. Jobs sent for later (a waiting run resuming at a time) are
// not counted until their time comes. pg-boss indexes jobs by queue and state, so the statement
// reads only the backlog itself; it runs once per scrape.
import { sql } from 'drizzle-orm';
import type { QueueFigures } from '../metrics/metrics.ts';
import type { Database } from '../store/database.ts';
import { runQueueName } from './pg-boss-run-queue.ts';

export async function readQueueFigures(database: Database): Promise<QueueFigures> {
  const result = (await database.drizzle.execute(sql`
    select count(*)::int as depth,
           coalesce(extract(epoch from now() - min(created_on)), 0)::float8 as oldest
    from pgboss.job
    where name = ${runQueueName} and state in ('created', 'retry') and start_after <= now()`)) as unknown as {
    rows: { depth: number; oldest: number }[];
  };
  const row = result.rows[0];
  return { depth: Number(row?.depth ?? 0), oldestAgeSeconds: Math.max(0, Number(row?.oldest ?? 0)) };
}
