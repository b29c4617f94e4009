// The `orca` command line. This module loads only the command table: each command's code (and
// the server, database and queue behind `start`) is imported when that command runs. (Help and
// --version are answered before this module loads, by bin/orca.mjs; here too, for a caller that
// imports it directly.)
import { OrcaError } from '../domain/errors.ts';
import { type ParsedCommand, parseCommandLine } from './command-line.ts';
import { commandHelp, quickAnswer, subcommandHelp } from './commands.mjs';
import { CliError, exitCodes } from './exit-codes.ts';
import { errorJson } from './output.ts';

interface CommandModule {
  run(command: ParsedCommand): Promise<void>;
}

const modules: Record<string, () => Promise<CommandModule>> = {
  start: () => import('./server-commands.ts'),
  serve: () => import('./server-commands.ts'),
  worker: () => import('./server-commands.ts'),
  migrate: () => import('./server-commands.ts'),
  secrets: () => import('./server-commands.ts'),
  login: () => import('./login-commands.ts'),
  logout: () => import('./login-commands.ts'),
  agents: () => import('./agent-commands.ts'),
  runs: () => import('./run-commands.ts'),
  hooks: () => import('./hook-commands.ts'),
  chat: () => import('./chat-command.ts'),
  export: () => import('./bundle-commands.ts'),
  import: () => import('./bundle-commands.ts'),
  api: () => import('./api-command.ts'),
  completion: () => import('./completion.ts'),
};

async function main(argv: string[]): Promise<void> {
  const answer = quickAnswer(argv);
  if (answer !== undefined) {
    process.stdout.write(answer);
    return;
  }
  const command = parseCommandLine(argv);
  // Help the quick answer did not see, such as -h among other short flags (-wh).
  if (command.values.help) {
    process.stdout.write(
      command.subcommand
        ? subcommandHelp(command.name, command.spec, command.subcommand)
        : commandHelp(command.name, command.spec),
    );
    return;
  }
  const load = modules[command.name];
  if (!load) throw new CliError(`orca ${command.name} has no code to run.`, exitCodes.failed, 'internal');
  await (await load()).run(command);
}

/**
 * A setting that is wrong (an option, an environment variable) is a usage error, which a script
 * fixes rather than retries; a database that does not answer is unreachable, like an API that does
 * not: worth retrying once it is up.
 */
function exitCodeFor(error: OrcaError) {
  if (error.code !== 'configuration_invalid') return exitCodes.failed;
  const unreachable = (error.details as { unreachable?: unknown } | undefined)?.unreachable === true;
  return unreachable ? exitCodes.unreachable : exitCodes.usage;
}

/** Any failure as one CliError: its words, its code and the exit code it means. */
function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof OrcaError)
    return new CliError(error.message, exitCodeFor(error), error.code, error.details);
  return new CliError(
    `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    exitCodes.failed,
    'internal',
  );
}

const argv = process.argv.slice(2);
main(argv).catch((thrown: unknown) => {
  const error = asCliError(thrown);
  process.stderr.write(argv.includes('--json') ? errorJson(error) : `orca: ${error.message}\n`);
  process.exit(error.exitCode);
});
