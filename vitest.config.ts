// Four projects: `unit` runs suites that touch no database once; `web` runs the browser suites
// (the web app's and the browser tools') once, on PGlite; `pglite` and `postgres` run every
// other storage-touching suite twice, once on each database.
//
// `isolate: false` on every project: the files of a worker share one module cache instead of
// importing Orca afresh each (imports were about a quarter of the suite's time). Each file still
// builds its own platform and database; a file that changes a global puts it back (afterAll).
// Inline projects do not inherit root options, so each project says it.
import { defineConfig } from 'vitest/config';

const storageSuites = ['src/**/*.test.ts', 'test/**/*.test.ts'];
// Suites that run once: no database, or (test/fault) their own processes on their own database.
const unitSuites = ['src/**/*.unit.test.ts', 'test/**/*.unit.test.ts', 'test/fault/**/*.test.ts'];
// The web app's suites, and the browser tools' suites (test/browser: portals, pagination,
// downloads, pages driven by instruction), drive Chromium against an Orca on PGlite, once: what
// they check is the browser's side, which the database underneath does not change.
const webSuites = ['test/web/**/*.test.ts', 'test/browser/**/*.test.ts'];

const storageProject = (database: 'pglite' | 'postgres') => ({
  test: {
    name: database,
    isolate: false,
    include: storageSuites,
    exclude: [...unitSuites, ...webSuites],
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
      {
        test: { name: 'unit', include: unitSuites, isolate: false, testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        test: {
          name: 'web',
          isolate: false,
          include: webSuites,
          exclude: unitSuites,
          env: { ORCA_TEST_DATABASE: 'pglite' },
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      storageProject('pglite'),
      storageProject('postgres'),
    ],
  },
});
