// Counts the SQL statements a process sends, by wrapping the drivers' query functions: every
// `pg` client query (Drizzle's pool and pg-boss's pool alike, BEGIN and COMMIT included) and every
// statement PGlite runs (its `query`, `exec` and transactions all pass through one exclusive-query
// gate). Benchmarks read it to say how many round trips a run costs.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface StatementCounter {
  readonly count: number;
  /** Statements sent from inside `attributed.run(…)`: a run's own, without the queue's polls. */
  readonly attributedCount: number;
}

/** Work whose statements are counted apart (a hook call, a run's execution). */
export const attributed = new AsyncLocalStorage<true>();

let postgresStatements = 0;
let postgresAttributed = 0;
let postgresWrapped = false;

/** Counts every statement any `pg` client of this process sends from now on. */
export function countPostgresStatements(): StatementCounter {
  if (!postgresWrapped) {
    postgresWrapped = true;
    const query = pg.Client.prototype.query;
    // The overloads of `query` cannot be restated here; the wrapper passes its arguments through.
    pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
      postgresStatements++;
      if (attributed.getStore()) postgresAttributed++;
      return (query as (...rest: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  }
  return {
    get count() {
      return postgresStatements;
    },
    get attributedCount() {
      return postgresAttributed;
    },
  };
}

/** Counts every statement this PGlite instance runs from now on. */
export function countPgliteStatements(pglite: PGlite): StatementCounter {
  let statements = 0;
  let attributedStatements = 0;
  const gate = pglite as unknown as { _runExclusiveQuery<T>(work: () => Promise<T>): Promise<T> };
  const runExclusive = gate._runExclusiveQuery.bind(pglite);
  gate._runExclusiveQuery = (work) => {
    statements++;
    if (attributed.getStore()) attributedStatements++;
    return runExclusive(work);
  };
  return {
    get count() {
      return statements;
    },
    get attributedCount() {
      return attributedStatements;
    },
  };
}

/** CPU time (user + system) this process has used, in milliseconds. */
export function processCpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
