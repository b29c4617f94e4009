// Opens Orca's database: PGlite in a data directory (embedded) or a PostgreSQL server
// (DATABASE_URL). Both are handed to the rest of Orca as one Drizzle type.
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { OrcaError } from '../domain/errors.ts';
import { type DataDirectoryLock, lockDataDirectory } from './data-directory-lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type OrcaDrizzle = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: DatabaseKind;
  readonly drizzle: OrcaDrizzle;
  /** The connection pool, on PostgreSQL only (migrations hold one connection for their lock). */
  readonly pool?: pg.Pool;
  /** The PGlite instance, when embedded (the queue shares its single connection). */
  readonly pglite?: PGlite;
  /** The connection string, on PostgreSQL (the queue opens its own small pool). */
  readonly url?: string;
  /** Runs raw SQL outside any workspace scope (migrations, tests, benchmarks). */
  executeRaw(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'pglite'; dataDirectory: string }
  /** An in-memory PGlite, optionally started from a dump (tests copy one migrated template). */
  | { kind: 'pglite-memory'; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; poolSize?: number };

async function openPglite(client: PGlite, lock?: DataDirectoryLock): Promise<Database> {
  await client.waitReady;
  return {
    kind: 'pglite',
    pglite: client,
    drizzle: drizzlePglite({ client, schema }) as unknown as OrcaDrizzle,
    executeRaw: async (sqlText) => {
      await client.exec(sqlText);
    },
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new OrcaError(
      'configuration_invalid',
      `Cannot connect to the PostgreSQL server in DATABASE_URL (${redactUrl(url)}): ${reason}. ` +
        'Check that the server runs, the host, port, user and database are right, and the database exists.',
      // Nothing answering is told apart from a refusal (a wrong password, no such database):
      // `orca` exits 5 for the one and 2 for the other, as for an API that does not answer.
      { cause: error, details: { unreachable: isConnectionFailure(error) } },
    );
  }
  return {
    kind: 'postgres',
    pool,
    url,
    drizzle: drizzleNodePostgres({ client: pool, schema }) as unknown as OrcaDrizzle,
    executeRaw: async (sqlText) => {
      await pool.query(sqlText);
    },
    close: () => pool.end(),
  };
}

/** Network errors that mean no server answered at all (as opposed to one that said no). */
const connectionFailureCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && connectionFailureCodes.has(code)) return true;
  // Several addresses tried (localhost as ::1 and 127.0.0.1): node reports them together.
  const errors = (error as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.length > 0 && errors.every(isConnectionFailure);
}

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Where the embedded database keeps its files inside the data directory. */
export function pgliteDirectory(dataDirectory: string): string {
  return join(dataDirectory, 'pgdata');
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  switch (options.kind) {
    case 'pglite': {
      const lock = lockDataDirectory(options.dataDirectory);
      try {
        return await openPglite(new PGlite(pgliteDirectory(options.dataDirectory)), lock);
      } catch (error) {
        lock.release();
        throw error;
      }
    }
    case 'pglite-memory':
      return openPglite(new PGlite(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}));
    case 'postgres':
      return openPostgres(options.url, options.poolSize ?? 10);
  }
}
