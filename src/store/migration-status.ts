// Whether every migration this build carries is applied: drizzle's migrator records each applied
// migration's journal time, and applies those newer than the latest it recorded, so the database
// is current when its latest record is at least the journal's last entry. One read of a table of
// a few dozen rows: cheap enough for a readiness probe every few seconds.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';

const journalPath = new URL('./migrations/meta/_journal.json', import.meta.url);

let latestInBuild: number | undefined;

/** The newest migration's time in this build's journal (read once: the build does not change). */
function latestMigrationInBuild(): number {
  if (latestInBuild === undefined) {
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { when: number }[] };
    latestInBuild = Math.max(...journal.entries.map((entry) => entry.when));
  }
  return latestInBuild;
}

/** Undefined when the database is current; otherwise what is missing, in words. */
export async function pendingMigrations(database: Database): Promise<string | undefined> {
  const result = (await database.drizzle.execute(
    sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { latest: string | null }[] };
  const latest = Number(result.rows[0]?.latest ?? 0);
  const expected = latestMigrationInBuild();
  if (latest >= expected) return undefined;
  return 'The database lacks migrations this build carries: run orca migrate (or restart orca start / serve, which migrate).';
}
