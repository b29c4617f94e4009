// The types of commands.mjs, which is plain JavaScript so that help needs no TypeScript loader.
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  description: string;
  /** The values it takes, when they are a closed set (offered by shell completion). */
  choices?: string[];
}

export interface SubcommandSpec {
  summary: string;
  usage: string;
  /** Options of this subcommand only; the command's own options apply too. */
  options?: Record<string, OptionSpec>;
}

export interface CommandSpec {
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Whether the command takes words after its name (`orca chat "…"`, `orca import <file>`). */
  positionals?: boolean;
  /** The words it takes, when they are a closed set (`orca completion bash|zsh`), for completion. */
  words?: string[];
  /** `orca runs list`, `orca runs start`…: each with its help and options. */
  subcommands?: Record<string, SubcommandSpec>;
  /** Where `orca --help` lists it: commands that run Orca, that use a running one, for the shell. */
  group: 'server' | 'client' | 'shell';
}

export const commands: Record<string, CommandSpec>;
export function commandHelp(name: string, spec: CommandSpec): string;
export function subcommandHelp(name: string, spec: CommandSpec, subcommand: string): string;
export function overallHelp(): string;
export function version(): string;
/** The text of help or --version for this command line, or undefined when it asks for more. */
export function quickAnswer(argv: string[]): string | undefined;
