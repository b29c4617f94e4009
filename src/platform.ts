// The composition root: the only module that knows every concrete part. It opens the database,
// migrates it, and builds the store, the mailer and the HTTP app.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { AccessChanges } from './api/access-changes.ts';
import { createApp, type OrcaApp } from './api/app.ts';
import type { Logger } from './api/context.ts';
import { BrowserPool } from './browser/browser-pool.ts';
import { type Config, expressionLimitsOf } from './config.ts';
import { configureExpressions } from './expressions/expression-evaluator.ts';
import { diskFileStore, type FileStore } from './files/file-store.ts';
import { createLanguageModel } from './llm/language-model.ts';
import { consoleLogger } from './logger.ts';
import { disabledMailer, type Mailer, mailService, smtpMailer } from './mail/mailer.ts';
import { outboundPolicy } from './network/outbound-policy.ts';
import { BuiltInPlanner } from './orchestrator/builtin/builtin-planner.ts';
import { LlmPlanner } from './orchestrator/llm/llm-planner.ts';
import { Orchestrator } from './orchestrator/orchestrator.ts';
import { protectTree } from './private-directory.ts';
import { type StartedRunQueue, startRunQueue } from './queue/pg-boss-run-queue.ts';
import { checkLogin } from './runtime/login-check.ts';
import { RunExecutor } from './runtime/run-executor.ts';
import { type PlatformServices, runServices } from './runtime/run-services.ts';
import { RunSweeper } from './runtime/run-sweeper.ts';
import { builtInTools } from './runtime/tools/index.ts';
import { type Database, openDatabase, pgliteDirectory } from './store/database.ts';
import { migrateDatabase } from './store/migrate.ts';
import { Store } from './store/store.ts';
import { ChainStarter } from './triggers/chain-starter.ts';
import { Scheduler } from './triggers/scheduler.ts';
import { dataDirectoryMasterKey, parseMasterKey } from './vault/master-key.ts';
import { Vault, type VaultKeys } from './vault/vault.ts';
import { sealClearWebhookSigningSecrets } from './vault/webhook-signing-secret.ts';

export interface Platform {
  readonly config: Config;
  readonly database: Database;
  readonly store: Store;
  readonly app: OrcaApp;
  readonly executor: RunExecutor;
  readonly runQueue: StartedRunQueue;
  /** What tools use during runs: store, file store, mail, LLM. */
  readonly services: PlatformServices;
  readonly vault: Vault;
  /** Fires schedules; absent in a process that executes no runs (`orca serve`). */
  readonly scheduler?: Scheduler;
  /** Re-queues runs left without a queue job; absent where `scheduler` is. */
  readonly runSweeper?: RunSweeper;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** Execute runs in this process (`orca start`, `orca worker`); `orca serve` only enqueues. */
  workers?: boolean;
  /** An already open database (tests hand in a copy of a migrated template). */
  database?: Database;
  logger?: Logger;
  mailer?: Mailer;
  /** Where deliverables' bytes go; `files/` in the data directory by default. */
  files?: FileStore;
  webRoot?: string;
}

/**
 * The master key: ORCA_SECRET_KEY, or in the embedded mode one kept in the data directory. An
 * Orca on a shared PostgreSQL server without ORCA_SECRET_KEY runs, but cannot store secrets.
 */
async function vaultKeys(config: Config, mode: { embedded: boolean }): Promise<VaultKeys> {
  const previous = config.previousSecretKeys.map((key) => parseMasterKey(key, 'ORCA_PREVIOUS_SECRET_KEYS'));
  if (config.secretKey) return { current: parseMasterKey(config.secretKey), previous };
  if (mode.embedded) return { current: await dataDirectoryMasterKey(config.dataDirectory), previous };
  return { previous };
}

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDirectory: config.dataDirectory });
}

export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const logger = options.logger ?? consoleLogger();
  // Before anything opens: a missing API key stops the start with nothing to clean up.
  const llm = config.llm ? createLanguageModel(config.llm, config.llmApiKey) : undefined;
  const database = options.database ?? (await openConfiguredDatabase(config));
  let keys: VaultKeys;
  try {
    await migrateDatabase(database);
    keys = await vaultKeys(config, { embedded: !options.database && !config.databaseUrl });
  } catch (error) {
    await database.close();
    throw error;
  }
  const store = new Store(database);
  configureExpressions(expressionLimitsOf(config));
  const mailer =
    options.mailer ?? (config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : disabledMailer);
  let runQueue: StartedRunQueue;
  try {
    runQueue = await startRunQueue(database, logger);
    // After the migrations and the queue's tables, whose files PGlite made readable by all.
    if (!options.database && !config.databaseUrl) protectTree(pgliteDirectory(config.dataDirectory));
  } catch (error) {
    await database.close();
    throw error;
  }
  const vault = new Vault(store, keys);
  // A database from before signing secrets were sealed: seal them now, before anything reads one.
  await sealClearWebhookSigningSecrets(vault, store).catch((error: unknown) =>
    logger.error(
      'Could not seal the webhook signing secrets stored in clear; they are sealed when next read.',
      error,
    ),
  );
  const network = outboundPolicy(config.allowNetwork);
  const browsers = new BrowserPool(config.chromiumPath);
  const services: PlatformServices = {
    store,
    vault,
    browsers,
    network,
    files: options.files ?? diskFileStore(config.filesDirectory),
    mail: mailService(mailer),
    llm,
  };
  const tools = builtInTools();
  const builtInPlanner = new BuiltInPlanner();
  const planner = llm ? new LlmPlanner({ llm, tools, fallback: builtInPlanner }) : builtInPlanner;
  const orchestrator = new Orchestrator({ store, runQueue, planner, vault, llm });
  const chains = new ChainStarter({ runQueue });
  const executor = new RunExecutor({
    store,
    tools,
    network,
    services: (run, secrets) => runServices(services, run, secrets),
    // A run's browser context lives while its worker executes it, and not a moment longer.
    onExecutionEnded: (run) => browsers.release(run.runId),
    onEnding: (scope, run, ending) => chains.startChainedRuns(scope, run, ending).then(() => undefined),
    onFinished: (run) => orchestrator.reportRun(run),
    resumeLater: (run, at) => runQueue.enqueueAt({ ...run, resumeAt: at.toISOString() }, at),
    maximumStepInterruptions: config.maximumStepInterruptions,
  });
  // Every process that executes runs also fires schedules: each occurrence once, whichever wins.
  const scheduler = (options.workers ?? true) ? new Scheduler({ store, runQueue, logger }) : undefined;
  const runSweeper =
    (options.workers ?? true)
      ? new RunSweeper({ store, runQueue, logger, graceSeconds: config.strandedRunGraceSeconds })
      : undefined;
  if (options.workers ?? true) {
    await runQueue.work({
      concurrency: config.workerConcurrency,
      execute: (job) =>
        executor.execute(job.workspaceId, job.runId, {
          generation: job.generation,
          resumeAt: job.resumeAt === undefined ? undefined : new Date(job.resumeAt),
        }),
    });
  }
  scheduler?.start();
  runSweeper?.start();
  const app = createApp(
    {
      config,
      store,
      mailer,
      logger,
      runQueue,
      files: services.files,
      orchestrator,
      vault,
      accessChanges: new AccessChanges(),
      checkLogin: (target) => checkLogin(services, target),
    },
    { webRoot: options.webRoot },
  );
  return {
    config,
    database,
    store,
    app,
    executor,
    runQueue,
    services,
    vault,
    scheduler,
    runSweeper,
    close: async () => {
      await scheduler?.stop();
      await runSweeper?.stop();
      await runQueue.stop();
      await browsers.close();
      await database.close();
    },
  };
}

const shutdownGraceMilliseconds = 10_000;

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the platform's app over HTTP on the configured host and port. */
export async function listen(platform: Platform): Promise<RunningServer> {
  // Requests whose client went away keep running; closing waits for them before the caller
  // closes the database under them.
  let inFlight = 0;
  let onDrained: (() => void) | undefined;
  const fetch: typeof platform.app.fetch = async (request, ...rest) => {
    inFlight++;
    try {
      return await platform.app.fetch(request, ...rest);
    } finally {
      inFlight--;
      if (inFlight === 0) onDrained?.();
    }
  };
  const server = createAdaptorServer({ fetch, createServer }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(platform.config.port, platform.config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    // Stop accepting, let requests in flight finish (the database is closed only after), and cut
    // connections that are still busy after the grace period.
    close: async () => {
      const force = setTimeout(() => server.closeAllConnections(), shutdownGraceMilliseconds);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearTimeout(force);
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          onDrained = resolve;
          setTimeout(resolve, shutdownGraceMilliseconds);
        });
      }
    },
  };
}
