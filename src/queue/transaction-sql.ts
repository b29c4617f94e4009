// pg-boss runs its statements through any object with `executeSql(text, values)`; this one runs
// them inside an open Drizzle transaction, so a job is inserted in the same transaction as the
// run it delivers. pg-boss's tables belong to the database owner, not to the `orca_app` role that
// tenant transactions switch to, so the role is set back to the session's for pg-boss's
// statement and restored right after (SET ROLE NONE is always allowed, whatever the role).
import { type SQL, sql } from 'drizzle-orm';
import type { OrcaDrizzle } from '../store/database.ts';

/** `text` with `$1, $2…` placeholders as a Drizzle query whose parameters are `values`. */
export function parameterisedQuery(text: string, values: readonly unknown[] = []): SQL {
  const pieces = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (const [index, piece] of pieces.entries()) {
    if (index % 2 === 0) {
      if (piece) chunks.push(sql.raw(piece));
    } else {
      chunks.push(sql`${values[Number(piece) - 1]}`);
    }
  }
  return sql.join(chunks);
}

export interface ExecuteSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Both drivers answer `execute` with an object holding `rows`; Drizzle's type leaves it open. */
async function rowsOf(transaction: OrcaDrizzle, query: SQL): Promise<unknown[]> {
  const result = (await transaction.execute(query)) as unknown as { rows: unknown[] };
  return result.rows;
}

export function transactionSql(transaction: OrcaDrizzle): ExecuteSql {
  return {
    async executeSql(text, values) {
      const [current] = (await rowsOf(
        transaction,
        sql`select current_setting('role') as role, set_config('role', 'none', true)`,
      )) as { role: string }[];
      // When pg-boss's statement fails the transaction is aborted and rolls back, role included;
      // restoring the role then would only fail too and hide pg-boss's error.
      const rows = await rowsOf(transaction, parameterisedQuery(text, values));
      await transaction.execute(sql`select set_config('role', ${current?.role ?? 'none'}, true)`);
      return { rows };
    },
  };
}
