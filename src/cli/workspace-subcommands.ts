// The commands whose subcommands act in one workspace (`orca agents …`, `orca runs …`, `orca
// hooks …`) run the same way: a subcommand must be named, the settings are read once, and each
// subcommand gets them with the command's output.
import { type WorkspaceSettings, workspaceSettings } from './client-settings.ts';
import type { ParsedCommand } from './command-line.ts';
import { UsageError } from './exit-codes.ts';
import { type Output, outputFor } from './output.ts';

export type WorkspaceSubcommand = (
  command: ParsedCommand,
  settings: WorkspaceSettings,
  output: Output,
) => Promise<void>;

/** A command's `run` that hands each of its subcommands (as named in commands.mjs) to its code. */
export function workspaceSubcommands(handlers: Record<string, WorkspaceSubcommand>) {
  return async (command: ParsedCommand): Promise<void> => {
    const handler = command.subcommand ? handlers[command.subcommand] : undefined;
    if (!handler) {
      throw new UsageError(`Say what to do: ${command.spec.usage}. Run orca ${command.name} --help.`);
    }
    const output = outputFor(command.values.json === true);
    await handler(command, await workspaceSettings(command.values), output);
  };
}
