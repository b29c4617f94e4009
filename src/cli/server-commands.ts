// `orca start | serve | worker | migrate | secrets`: the commands that run Orca itself. Only
// these load the server, the database and the queue, and only once the configuration and the
// command line have passed their checks: a mistake is answered without that wait.
import { type Config, loadConfig } from '../config.ts';
import { OrcaError } from '../domain/errors.ts';
import { defaultLogFormat } from '../logging/log-settings.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { type OptionValues, type ParsedCommand, textOption } from './command-line.ts';
import { UsageError } from './exit-codes.ts';
import { type Output, outputFor } from './output.ts';

function configFrom(values: OptionValues): Config {
  return loadConfig({
    host: textOption(values, 'host'),
    port: textOption(values, 'port'),
    dataDirectory: textOption(values, 'data-dir'),
    databaseUrl: textOption(values, 'database-url'),
    workerConcurrency: textOption(values, 'concurrency'),
  });
}

/** Runs until SIGINT or SIGTERM, then stops taking work, finishes what it can and exits. */
function stopOnSignal(logger: Logger, stop: () => Promise<void>) {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`received ${signal}, stopping`);
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void onSignal('SIGINT'));
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
}

async function describeDatabase(config: Config) {
  const { redactUrl } = await import('../store/database.ts');
  return config.databaseUrl
    ? `PostgreSQL at ${redactUrl(config.databaseUrl)}`
    : `embedded database in ${config.dataDirectory}`;
}

/**
 * The process's logger: ORCA_LOG_LEVEL and ORCA_LOG_FORMAT, or the command's default format
 * (JSON lines with --json, whatever the terminal: the caller reads machines' output).
 */
function commandLogger(config: Config, command: string, output: Output): Logger {
  const format =
    config.logFormat ?? (output.json ? 'json' : defaultLogFormat(command, process.stderr.isTTY === true));
  return createLogger({ level: config.logLevel, format });
}

async function serveUntilStopped(config: Config, output: Output, command: 'start' | 'serve') {
  const logger = commandLogger(config, command, output);
  const workers = command === 'start';
  const { createPlatform, listen } = await import('../platform.ts');
  const platform = await createPlatform(config, { logger, workers });
  const server = await listen(platform);
  const database = await describeDatabase(config);
  const runs = workers ? `, executing up to ${config.workerConcurrency} runs at once` : '';
  // With --json, one line (not an indented document): a script reads it while the server runs.
  if (output.json) {
    process.stdout.write(
      `${JSON.stringify({ status: 'running', command, url: server.url, database, ...(workers ? { workerConcurrency: config.workerConcurrency } : {}) })}\n`,
    );
  }
  output.line(
    `Orca ${command === 'start' ? 'start' : 'API'} is running at ${server.url} (${database}${runs}). Press Ctrl+C to stop.`,
  );
  stopOnSignal(logger, async () => {
    await server.close();
    await platform.close();
  });
}

async function workUntilStopped(config: Config, output: Output) {
  const logger = commandLogger(config, 'worker', output);
  const { createPlatform } = await import('../platform.ts');
  const { startOperationsServer } = await import('../operations/operations-server.ts');
  const platform = await createPlatform(config, { logger, workers: true });
  let operations: Awaited<ReturnType<typeof startOperationsServer>> | undefined;
  if (config.workerHttpPort !== undefined) {
    try {
      operations = await startOperationsServer({
        host: config.host,
        port: config.workerHttpPort,
        metricsToken: config.metricsToken,
        metrics: platform.metrics,
        readiness: platform.readiness,
        health: { database: platform.database.kind },
      });
    } catch (error) {
      await platform.close();
      throw new OrcaError(
        'configuration_invalid',
        `The worker's HTTP port ${config.host}:${config.workerHttpPort} cannot be opened (${(error as Error).message}). Set ORCA_WORKER_HTTP_PORT to a free port (each worker on a machine needs its own), or to off.`,
      );
    }
  }
  const database = await describeDatabase(config);
  if (output.json) {
    process.stdout.write(
      `${JSON.stringify({ status: 'running', command: 'worker', database, workerConcurrency: config.workerConcurrency, operationsUrl: operations?.url ?? null })}\n`,
    );
  }
  const probes = operations ? ` Metrics and probes at ${operations.url}.` : '';
  output.line(
    `Orca worker is running (${database}, up to ${config.workerConcurrency} runs at once).${probes} Press Ctrl+C to stop.`,
  );
  stopOnSignal(logger, async () => {
    await operations?.close();
    await platform.close();
  });
}

export async function run(command: ParsedCommand): Promise<void> {
  const config = configFrom(command.values);
  const output = outputFor(command.values.json === true);
  // What a command that runs Orca creates (the data directory, deliverables, browser profiles,
  // temporary files) is for Orca's own user: no group or other bits, whatever the shell's umask.
  process.umask(0o077);
  switch (command.name) {
    case 'start':
      await serveUntilStopped(config, output, 'start');
      return;
    case 'serve':
      if (!config.databaseUrl) {
        throw new UsageError(
          'orca serve runs stateless API processes against a PostgreSQL server: set DATABASE_URL or --database-url. ' +
            'For the embedded database, use orca start.',
        );
      }
      await serveUntilStopped(config, output, 'serve');
      return;
    case 'worker':
      if (!config.databaseUrl) {
        throw new UsageError(
          'orca worker runs alongside API processes on a shared PostgreSQL server: set DATABASE_URL or --database-url. ' +
            'With the embedded database, orca start runs the workers itself.',
        );
      }
      await workUntilStopped(config, output);
      return;
    case 'secrets': {
      if (command.positionals.join(' ') !== 'rewrap') {
        throw new UsageError('Usage: orca secrets rewrap. Run orca secrets --help.');
      }
      const { createPlatform } = await import('../platform.ts');
      const platform = await createPlatform(config, {
        logger: commandLogger(config, 'secrets', output),
        workers: false,
      });
      try {
        const count = await platform.vault.rewrapAll();
        output.result({ rewrapped: count });
        output.line(
          `Wrapped ${count} workspace key${count === 1 ? '' : 's'} with the current master key. The previous keys can now be retired.`,
        );
      } finally {
        await platform.close();
      }
      return;
    }
    case 'migrate': {
      const { openConfiguredDatabase } = await import('../platform.ts');
      const { migrateDatabase } = await import('../store/migrate.ts');
      const database = await openConfiguredDatabase(config);
      try {
        await migrateDatabase(database);
      } finally {
        await database.close();
      }
      output.result({ migrated: true, database: await describeDatabase(config) });
      output.line('The database is migrated.');
      return;
    }
  }
}
