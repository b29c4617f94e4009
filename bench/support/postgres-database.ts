// A PostgreSQL database of a benchmark's own, made fresh and dropped after, on the server the
// tests use (ORCA_BENCH_POSTGRES_URL to measure elsewhere).
import pg from 'pg';

export const benchAdminUrl =
  process.env.ORCA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs `work` with the address of a new database named for the benchmark, then drops it. */
export async function withPostgresDatabase<T>(label: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `orca_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: benchAdminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(benchAdminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
