// Migrates one template database per test run (per project) and tells the suites where it is.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { defaultRunQueueTiming, startRunQueue } from '../../src/queue/pg-boss-run-queue.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { migrateDatabase } from '../../src/store/migrate.ts';
import { databaseUrlFor } from './test-databases.ts';

/** Creates the queue's schema in the template too, so that each test database starts it quickly. */
async function installQueue(database: Database) {
  const queue = await startRunQueue(
    database,
    { error: () => undefined },
    { backlogLimit: 5000, workspaceBacklogLimit: 1000, ...defaultRunQueueTiming },
  );
  await queue.stop();
}

const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

async function setUpPglite(project: TestProject) {
  const directory = await mkdtemp(join(tmpdir(), 'orca-test-'));
  const database = await openDatabase({ kind: 'pglite-memory' });
  await migrateDatabase(database);
  await installQueue(database);
  const client = (
    database.drizzle as unknown as { $client: { dumpDataDir(compression: 'none'): Promise<Blob> } }
  ).$client;
  const dump = await client.dumpDataDir('none');
  await database.close();
  const path = join(directory, 'template.tar');
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplatePath', path);
  return () => rm(directory, { recursive: true, force: true });
}

async function setUpPostgres(project: TestProject) {
  const adminUrl = process.env.ORCA_TEST_POSTGRES_URL ?? defaultAdminUrl;
  const templateName = `orca_template_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 }).catch((error: Error) => {
    throw new Error(
      `The PostgreSQL suites need a server at ${adminUrl} (set ORCA_TEST_POSTGRES_URL to use another): ${error.message}`,
    );
  });
  await admin.executeRaw(`create database ${templateName}`);
  const template = await openDatabase({
    kind: 'postgres',
    url: databaseUrlFor(adminUrl, templateName),
    poolSize: 1,
  });
  await migrateDatabase(template);
  await installQueue(template);
  await template.close();
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplateName', templateName);
  return async () => {
    await admin.executeRaw(`drop database if exists ${templateName} with (force)`);
    await admin.close();
  };
}

export default async function setup(project: TestProject) {
  return project.name === 'postgres' ? setUpPostgres(project) : setUpPglite(project);
}
