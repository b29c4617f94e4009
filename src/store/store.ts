// The store's scopes. Every query runs in one of three, each its own transaction:
// - a workspace scope: role orca_app, app.workspace_id set: tenant rows of that workspace only;
// - an account scope: role orca_app, app.user_id set: the user's own rows and memberships;
// - the system scope: no role switch and no transaction; only for authentication lookups by
//   secret hash, before anyone's scope is known, and for creating accounts.
import { sql } from 'drizzle-orm';
import type { Metrics } from '../metrics/metrics.ts';
import type { Database, OrcaDrizzle } from './database.ts';

export interface WorkspaceScope {
  readonly db: OrcaDrizzle;
  readonly workspaceId: string;
  /** Where the statements that end a run count it (absent in tests that build scopes by hand). */
  readonly metrics?: Metrics;
}

export interface AccountScope {
  readonly db: OrcaDrizzle;
  readonly userId: string;
}

export interface SystemScope {
  readonly db: OrcaDrizzle;
}

export class Store {
  constructor(
    readonly database: Database,
    /** The process's metrics, handed to every workspace scope. */
    readonly metrics?: Metrics,
  ) {}

  inWorkspace<T>(workspaceId: string, work: (scope: WorkspaceScope) => Promise<T>): Promise<T> {
    return this.database.drizzle.transaction(async (transaction) => {
      await transaction.execute(
        sql`select set_config('role', 'orca_app', true), set_config('app.workspace_id', ${workspaceId}, true)`,
      );
      return work({ db: transaction as unknown as OrcaDrizzle, workspaceId, metrics: this.metrics });
    });
  }

  asUser<T>(userId: string, work: (scope: AccountScope) => Promise<T>): Promise<T> {
    return this.database.drizzle.transaction(async (transaction) => {
      await transaction.execute(
        sql`select set_config('role', 'orca_app', true), set_config('app.user_id', ${userId}, true)`,
      );
      return work({ db: transaction as unknown as OrcaDrizzle, userId });
    });
  }

  /**
   * No transaction: authentication runs on every request, and its lookups are single statements
   * whose order does not matter, so BEGIN and COMMIT would only add two round trips.
   */
  system<T>(work: (scope: SystemScope) => Promise<T>): Promise<T> {
    return work({ db: this.database.drizzle });
  }

  /** The system scope in one transaction, for the few system writes that must be atomic. */
  systemTransaction<T>(work: (scope: SystemScope) => Promise<T>): Promise<T> {
    return this.database.drizzle.transaction((transaction) =>
      work({ db: transaction as unknown as OrcaDrizzle }),
    );
  }
}

/** Whether a database error is a unique-constraint violation (Drizzle wraps the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if ((current as { code?: string }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
