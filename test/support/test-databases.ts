// Test databases: one migrated template per test run, copied for each test file, so a suite
// starts in well under a second instead of migrating (PGlite takes seconds to create one).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresAdminUrl: string;
    postgresTemplateName: string;
  }
}

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.ORCA_TEST_DATABASE;
  if (kind !== 'pglite' && kind !== 'postgres') {
    throw new Error('ORCA_TEST_DATABASE must be pglite or postgres; run the suites through `npm test`.');
  }
  return kind;
}

export function databaseUrlFor(adminUrl: string, databaseName: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

/** A fresh copy of the migrated template on the database this project tests. */
export async function createTestDatabase(): Promise<Database> {
  if (testDatabaseKind() === 'pglite') {
    const dump = await readFile(inject('pgliteTemplatePath'));
    return openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([dump]) });
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `orca_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 });
  try {
    await admin.executeRaw(`create database ${name} template ${inject('postgresTemplateName')}`);
  } finally {
    await admin.close();
  }
  const database = await openDatabase({ kind: 'postgres', url: databaseUrlFor(adminUrl, name), poolSize: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = await openDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 });
      try {
        await dropper.executeRaw(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.close();
      }
    },
  };
}
