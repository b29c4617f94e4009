// Three projects: `unit` runs suites that touch no database once; `pglite` and `postgres` run
// every storage-touching suite twice, once on each database.
import { defineConfig } from 'vitest/config';

const storageSuites = ['src/**/*.test.ts', 'test/**/*.test.ts'];
// Suites that run once: no database, or (test/fault) their own processes on their own database.
const unitSuites = ['src/**/*.unit.test.ts', 'test/**/*.unit.test.ts', 'test/fault/**/*.test.ts'];

const storageProject = (database: 'pglite' | 'postgres') => ({
  test: {
    name: database,
    include: storageSuites,
    exclude: unitSuites,
    env: { ORCA_TEST_DATABASE: database },
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: unitSuites, testTimeout: 60_000, hookTimeout: 60_000 } },
      storageProject('pglite'),
      storageProject('postgres'),
    ],
  },
});
