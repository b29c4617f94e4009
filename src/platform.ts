// The composition root: the only module that knows every concrete part. It opens the database,
// migrates it, and builds the store, the mailer and the HTTP app.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { AccessChanges } from './api/access-changes.ts';
import { createApp, type OrcaApp } from './api/app.ts';
import { BrowserPool } from './browser/browser-pool.ts';
import { type Config, expressionLimitsOf } from './config.ts';
import { configureExpressions } from './expressions/expression-evaluator.ts';
import { diskFileStore, type FileStore } from './files/file-store.ts';
import { createLanguageModel } from './llm/language-model.ts';
import { completeLogger, createLogger, type LoggerLike } from './logging/logger.ts';
import { disabledMailer, type Mailer, mailService, smtpMailer } from './mail/mailer.ts';
import { Metrics } from './metrics/metrics.ts';
import { outboundPolicy } from './network/outbound-policy.ts';
import { cachedCheck, Readiness } from './operations/readiness.ts';
import { BuiltInPlanner } from './orchestrator/builtin/builtin-planner.ts';
import { LlmPlanner } from './orchestrator/llm/llm-planner.ts';
import { Orchestrator } from './orchestrator/orchestrator.ts';
import { protectTree } from './private-directory.ts';
import { PromotionUpdates } from './promote/promotion-updates.ts';
import { type StartedRunQueue, startRunQueue } from './queue/pg-boss-run-queue.ts';
import { readQueueFigures } from './queue/queue-depth.ts';
import { checkLogin } from './runtime/login-check.ts';
import { ParkedRunRecheck } from './runtime/parked-run-recheck.ts';
import { RunExecutor } from './runtime/run-executor.ts';
import { type PlatformServices, runServices } from './runtime/run-services.ts';
import { RunSweeper } from './runtime/run-sweeper.ts';
import { builtInTools } from './runtime/tools/index.ts';
import { publishCreditSettings } from './store/credit-repository.ts';
import { type Database, openDatabase, pgliteDirectory } from './store/database.ts';
import { migrateDatabase } from './store/migrate.ts';
import { pendingMigrations } from './store/migration-status.ts';
import { listenForRunEvents, type RunEventListener } from './store/run-event-listener.ts';
import { RunEventSignals } from './store/run-event-signals.ts';
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
  /** Wakes whoever follows runs (event streams, waits for a run's end) when run events commit. */
  readonly runEvents: RunEventSignals;
  /** The process's one metrics registry (GET /metrics, or a worker's HTTP port). */
  readonly metrics: Metrics;
  /** What GET /api/ready checks. */
  readonly readiness: Readiness;
  /** Fires schedules; absent in a process that executes no runs (`orca serve`). */
  readonly scheduler?: Scheduler;
  /** Re-queues runs left without a queue job; absent where `scheduler` is. */
  readonly runSweeper?: RunSweeper;
  /** Takes back runs parked by their plan's limit of runs at once; absent where `scheduler` is. */
  readonly parkedRunRecheck?: ParkedRunRecheck;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** Execute runs in this process (`orca start`, `orca worker`); `orca serve` only enqueues. */
  workers?: boolean;
  /** An already open database (tests hand in a copy of a migrated template). */
  database?: Database;
  /** Where the platform logs; by default JSON lines (or ORCA_LOG_FORMAT) on standard error. */
  logger?: LoggerLike;
  mailer?: Mailer;
  /** Where deliverables' bytes go; `files/` in the data directory by default. */
  files?: FileStore;
  webRoot?: string;
  /** The metrics to record into; a registry of the platform's own by default. */
  metrics?: Metrics;
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
  const logger = completeLogger(
    options.logger ?? createLogger({ level: config.logLevel, format: config.logFormat ?? 'json' }),
  );
  const metrics = options.metrics ?? new Metrics();
  if (config.llm) metrics.keepModelLabel(config.llm.model);
  const workers = options.workers ?? true;
  // Before anything opens: a missing API key stops the start with nothing to clean up.
  const llm = config.llm
    ? createLanguageModel(config.llm, config.llmApiKey, process.env, (model, input, output) =>
        metrics.llmTokens(model, input, output),
      )
    : undefined;
  const database = options.database ?? (await openConfiguredDatabase(config));
  let keys: VaultKeys;
  try {
    await migrateDatabase(database);
    keys = await vaultKeys(config, { embedded: !options.database && !config.databaseUrl });
  } catch (error) {
    await database.close();
    throw error;
  }
  const store = new Store(database, metrics);
  // Admission and settlement price with the book in the database, the same in every process.
  await store.system((scope) =>
    publishCreditSettings(scope, { ...config.creditSettings, llmModel: config.llm?.model }),
  );
  configureExpressions(expressionLimitsOf(config));
  const mailer =
    options.mailer ?? (config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : disabledMailer);
  const runEvents = new RunEventSignals();
  let runQueue: StartedRunQueue;
  let runEventListener: RunEventListener | undefined;
  try {
    runEventListener = await listenForRunEvents(database, {
      deliver: runEvents.deliver,
      wakeAll: runEvents.wakeAll,
      onError: (error) =>
        logger.error(
          'Lost the connection that hears run events; reconnecting (streams re-check meanwhile)',
          error,
        ),
    });
    runQueue = await startRunQueue(database, logger, {
      backlogLimit: config.queueBacklogLimit,
      workspaceBacklogLimit: config.queueWorkspaceBacklogLimit,
      heartbeatSeconds: config.runHeartbeatSeconds,
      superviseSeconds: config.queueSuperviseSeconds,
    });
    // After the migrations and the queue's tables, whose files PGlite made readable by all.
    if (!options.database && !config.databaseUrl) protectTree(pgliteDirectory(config.dataDirectory));
  } catch (error) {
    await runEventListener?.close();
    await database.close();
    throw error;
  }
  const listener = runEventListener;
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
  const promotionUpdates = new PromotionUpdates(store);
  const orchestrator = new Orchestrator({ store, runQueue, planner, vault, llm, promotionUpdates, logger });
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
    queueWokenRuns: (scope, runs) => runQueue.enqueueInTransaction(scope.db, runs),
    maximumStepInterruptions: config.maximumStepInterruptions,
    logger,
    metrics,
  });
  // Every process that executes runs also fires schedules: each occurrence once, whichever wins.
  const scheduler = workers
    ? new Scheduler({
        store,
        runQueue,
        logger,
        metrics,
        maximumSleepMilliseconds: config.schedulerMaximumSleepMs,
        missedAfterMilliseconds: config.scheduleMissedAfterSeconds * 1000,
      })
    : undefined;
  const parkedRunRecheck = workers
    ? new ParkedRunRecheck({
        store,
        runQueue,
        logger,
        intervalSeconds: config.parkedRunRecheckSeconds,
      })
    : undefined;
  const runSweeper = workers
    ? new RunSweeper({
        store,
        runQueue,
        logger,
        graceSeconds: config.strandedRunGraceSeconds,
        intervalMilliseconds: config.runSweepIntervalSeconds * 1000,
      })
    : undefined;
  metrics.watchQueue(() => readQueueFigures(database));
  metrics.watchBrowserContexts(() => browsers.openSessions);
  const readiness = new Readiness({
    database: async () => {
      await database.drizzle.execute(sql`select 1`);
    },
    migrations: () => pendingMigrations(database),
    queue: () => runQueue.check(),
    // Browser tools run where runs execute; an API-only process needs no browser to be ready.
    browser: workers ? cachedCheck(() => browsers.checkLaunch()) : undefined,
  });
  if (workers) {
    await runQueue.work({
      concurrency: config.workerConcurrency,
      execute: (job) =>
        executor
          .execute(job.workspaceId, job.runId, {
            generation: job.generation,
            resumeAt: job.resumeAt === undefined ? undefined : new Date(job.resumeAt),
          })
          .catch((error: unknown) => {
            // The queue redelivers the job and the run resumes; the cause is only seen here.
            logger.error('a run could not be executed; the queue delivers it again', error, {
              workspaceId: job.workspaceId,
              runId: job.runId,
            });
            throw error;
          }),
    });
  }
  scheduler?.start();
  runSweeper?.start();
  parkedRunRecheck?.start();
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
      llm,
      metrics,
      readiness,
      accessChanges: new AccessChanges(),
      runEvents,
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
    runEvents,
    metrics,
    readiness,
    scheduler,
    runSweeper,
    parkedRunRecheck,
    close: async () => {
      await scheduler?.stop();
      await runSweeper?.stop();
      await parkedRunRecheck?.stop();
      await runQueue.stop(config.workerStopTimeoutMs);
      await browsers.close();
      await listener.close();
      await database.close();
    },
  };
}

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
      const graceMilliseconds = platform.config.shutdownGraceMs;
      const force = setTimeout(() => server.closeAllConnections(), graceMilliseconds);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearTimeout(force);
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          onDrained = resolve;
          setTimeout(resolve, graceMilliseconds);
        });
      }
    },
  };
}
