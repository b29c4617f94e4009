// The `orca` command line.
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.ts';
import { OrcaError } from '../domain/errors.ts';
import { consoleLogger } from '../logger.ts';
import { createPlatform, listen, openConfiguredDatabase } from '../platform.ts';
import { redactUrl } from '../store/database.ts';
import { migrateDatabase } from '../store/migrate.ts';
import { chat } from './chat.ts';
import { type CommandSpec, commandHelp, commands, overallHelp } from './commands.ts';
import { printPipeline } from './runs-pipeline.ts';
import { watchRuns } from './runs-watch.ts';

class UsageError extends Error {}

type ParsedCommand =
  | { name: 'help' }
  | {
      name: string;
      spec: CommandSpec;
      values: Record<string, string | boolean | undefined>;
      positionals: string[];
    };

function parseCommand(argv: string[]): ParsedCommand {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') return { name: 'help' };
  const spec = commands[name];
  if (!spec)
    throw new UsageError(
      `Unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}. Run orca --help.`,
    );
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: spec.options,
      strict: true,
      allowPositionals: spec.positionals ?? false,
    });
    return { name, spec, values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${reason}\nRun orca ${name} --help for the options.`);
  }
}

function configFrom(values: Record<string, string | boolean | undefined>): Config {
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  return loadConfig({
    host: text('host'),
    port: text('port'),
    dataDirectory: text('data-dir'),
    databaseUrl: text('database-url'),
    workerConcurrency: text('concurrency'),
  });
}

/** Runs until SIGINT or SIGTERM, then stops taking work, finishes what it can and exits. */
function stopOnSignal(logger: ReturnType<typeof consoleLogger>, stop: () => Promise<void>) {
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

function describeDatabase(config: Config) {
  return config.databaseUrl
    ? `PostgreSQL at ${redactUrl(config.databaseUrl)}`
    : `embedded database in ${config.dataDirectory}`;
}

async function serveUntilStopped(config: Config, what: string, workers: boolean) {
  const logger = consoleLogger();
  const platform = await createPlatform(config, { logger, workers });
  const server = await listen(platform);
  const runs = workers ? `, executing up to ${config.workerConcurrency} runs at once` : '';
  process.stdout.write(
    `Orca ${what} is running at ${server.url} (${describeDatabase(config)}${runs}). Press Ctrl+C to stop.\n`,
  );
  stopOnSignal(logger, async () => {
    await server.close();
    await platform.close();
  });
}

async function workUntilStopped(config: Config) {
  const logger = consoleLogger();
  const platform = await createPlatform(config, { logger, workers: true });
  process.stdout.write(
    `Orca worker is running (${describeDatabase(config)}, up to ${config.workerConcurrency} runs at once). Press Ctrl+C to stop.\n`,
  );
  stopOnSignal(logger, () => platform.close());
}

/** Where a client command finds Orca and who it is, from options or the environment. */
function clientSettings(values: Record<string, string | boolean | undefined>) {
  const workspace = typeof values.workspace === 'string' ? values.workspace : undefined;
  const token = (typeof values.token === 'string' ? values.token : undefined) ?? process.env.ORCA_TOKEN;
  if (!workspace) throw new UsageError('Name the workspace with --workspace <id or slug>.');
  if (!token) {
    throw new UsageError(
      'Give a token with --token or ORCA_TOKEN (a session token, or an API token of the workspace).',
    );
  }
  const url =
    (typeof values.url === 'string' ? values.url : undefined) ??
    process.env.ORCA_URL ??
    'http://127.0.0.1:4400';
  return { workspace, token, url };
}

async function readAnswer(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const lines = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY,
  });
  try {
    return await lines.question(question);
  } catch {
    return '';
  } finally {
    lines.close();
  }
}

async function chatCommand(values: Record<string, string | boolean | undefined>, positionals: string[]) {
  const text = positionals.join(' ').trim();
  if (!text)
    throw new UsageError(
      'Say what you want, in quotes: orca chat "pause the lead scraper" --workspace <slug>.',
    );
  if (values.yes && values.no) throw new UsageError('Give --yes or --no, not both.');
  process.exitCode = await chat({
    ...clientSettings(values),
    text,
    conversationId: typeof values.conversation === 'string' ? values.conversation : undefined,
    approve: values.yes ? true : values.no ? false : undefined,
    ask: readAnswer,
    write: (line) => process.stdout.write(`${line}\n`),
  });
}

async function runsCommand(values: Record<string, string | boolean | undefined>, positionals: string[]) {
  const [action, runId, ...extra] = positionals;
  const pipeline = action === 'pipeline' && runId !== undefined;
  if ((action !== 'watch' && !pipeline) || extra.length > 0) {
    throw new UsageError(
      'Usage: orca runs watch [runId] --workspace <id or slug>, or orca runs pipeline <runId> --workspace <id or slug>. Run orca runs --help.',
    );
  }
  const workspace = typeof values.workspace === 'string' ? values.workspace : undefined;
  const token = (typeof values.token === 'string' ? values.token : undefined) ?? process.env.ORCA_TOKEN;
  if (!workspace) throw new UsageError('Name the workspace with --workspace <id or slug>.');
  if (!token)
    throw new UsageError(
      'Give a token with --token or ORCA_TOKEN (a session token, or an API token of the workspace).',
    );
  const url =
    (typeof values.url === 'string' ? values.url : undefined) ??
    process.env.ORCA_URL ??
    'http://127.0.0.1:4400';
  const write = (line: string) => process.stdout.write(`${line}\n`);
  if (pipeline) {
    const succeeded = await printPipeline({ url, token, workspace, runId, write });
    if (!succeeded) process.exitCode = 1;
    return;
  }
  const status = await watchRuns({ url, token, workspace, runId, write });
  if (status !== undefined) process.stdout.write(`run ${status}\n`);
  if (status === 'failed' || status === 'cancelled') process.exitCode = 1;
}

async function main(argv: string[]): Promise<void> {
  const command = parseCommand(argv);
  if (!('spec' in command)) {
    process.stdout.write(overallHelp());
    return;
  }
  if (command.values.help) {
    process.stdout.write(commandHelp(command.name, command.spec));
    return;
  }
  if (command.name === 'runs') {
    await runsCommand(command.values, command.positionals);
    return;
  }
  if (command.name === 'chat') {
    await chatCommand(command.values, command.positionals);
    return;
  }
  const config = configFrom(command.values);
  // What a command that runs Orca creates (the data directory, deliverables, browser profiles,
  // temporary files) is for Orca's own user: no group or other bits, whatever the shell's umask.
  process.umask(0o077);
  switch (command.name) {
    case 'start':
      await serveUntilStopped(config, 'start', true);
      return;
    case 'serve':
      if (!config.databaseUrl) {
        throw new UsageError(
          'orca serve runs stateless API processes against a PostgreSQL server: set DATABASE_URL or --database-url. ' +
            'For the embedded database, use orca start.',
        );
      }
      await serveUntilStopped(config, 'API', false);
      return;
    case 'worker':
      if (!config.databaseUrl) {
        throw new UsageError(
          'orca worker runs alongside API processes on a shared PostgreSQL server: set DATABASE_URL or --database-url. ' +
            'With the embedded database, orca start runs the workers itself.',
        );
      }
      await workUntilStopped(config);
      return;
    case 'secrets': {
      if (command.positionals.join(' ') !== 'rewrap') {
        throw new UsageError('Usage: orca secrets rewrap. Run orca secrets --help.');
      }
      const platform = await createPlatform(config, { workers: false });
      try {
        const count = await platform.vault.rewrapAll();
        process.stdout.write(
          `Wrapped ${count} workspace key${count === 1 ? '' : 's'} with the current master key. The previous keys can now be retired.\n`,
        );
      } finally {
        await platform.close();
      }
      return;
    }
    case 'migrate': {
      const database = await openConfiguredDatabase(config);
      try {
        await migrateDatabase(database);
      } finally {
        await database.close();
      }
      process.stdout.write('The database is migrated.\n');
      return;
    }
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`orca: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof OrcaError) {
    process.stderr.write(`orca: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `orca: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
