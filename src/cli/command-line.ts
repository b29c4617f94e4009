// Turns `orca <command> [subcommand] [options] [words]` into what a command's module runs with.
import { parseArgs } from 'node:util';
import { type CommandSpec, commands } from './commands.mjs';
import { UsageError } from './exit-codes.ts';

export type OptionValues = Record<string, string | boolean | undefined>;

export interface ParsedCommand {
  name: string;
  spec: CommandSpec;
  /** For a command with subcommands: the one named (undefined when none was). */
  subcommand?: string;
  values: OptionValues;
  /** The words after the command (and after its subcommand). */
  positionals: string[];
}

/** The command a command line names, with its options checked (help and --version are answered before). */
export function parseCommandLine(argv: string[]): ParsedCommand {
  const [name = '', ...rest] = argv;
  const spec = commands[name];
  if (!spec) {
    throw new UsageError(
      `Unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}. Run orca --help.`,
    );
  }
  let subcommand: string | undefined;
  let options = spec.options;
  if (spec.subcommands && rest[0] !== undefined && !rest[0].startsWith('-')) {
    subcommand = rest[0];
    const subspec = spec.subcommands[subcommand];
    if (!subspec) {
      throw new UsageError(
        `orca ${name} has no command "${subcommand}". Its commands: ${Object.keys(spec.subcommands).join(', ')}. Run orca ${name} --help.`,
      );
    }
    options = { ...spec.options, ...(subspec.options ?? {}) };
    rest.shift();
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options,
      strict: true,
      allowPositionals: spec.positionals ?? false,
    });
    return { name, spec, subcommand, values: values as OptionValues, positionals };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const where = subcommand ? `${name} ${subcommand}` : name;
    throw new UsageError(`${reason}\nRun orca ${where} --help for the options.`);
  }
}

/** The text of a string option, or undefined. */
export function textOption(values: OptionValues, key: string): string | undefined {
  const value = values[key];
  return typeof value === 'string' ? value : undefined;
}

/** A whole number option from `min` to `max`, or undefined when not given; anything else is a usage error. */
export function wholeNumberOption(
  values: OptionValues,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const value = textOption(values, key);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`--${key} must be a whole number from ${min} to ${max}, not "${value}".`);
  }
  return number;
}

/** The one word a subcommand takes, or a usage error that shows how to call it. */
export function oneWord(command: ParsedCommand, what: string): string {
  const [word, ...extra] = command.positionals;
  if (!word || extra.length > 0) {
    const usage = command.subcommand ? command.spec.subcommands?.[command.subcommand]?.usage : undefined;
    throw new UsageError(`Name ${what}. Usage: ${usage ?? command.spec.usage}`);
  }
  return word;
}

export function noWords(command: ParsedCommand) {
  if (command.positionals.length > 0) {
    throw new UsageError(
      `orca ${command.name} ${command.subcommand} takes no "${command.positionals[0]}". Run orca ${command.name} ${command.subcommand} --help.`,
    );
  }
}
