// `orca export` and `orca import` on the command line.
import { clientSettings, workspaceSettings } from './client-settings.ts';
import { type ParsedCommand, textOption } from './command-line.ts';
import { UsageError } from './exit-codes.ts';
import { outputFor } from './output.ts';
import { exportBundle, importBundle } from './workspace-bundle.ts';

export async function run(command: ParsedCommand): Promise<void> {
  const { values } = command;
  const output = outputFor(values.json === true);
  if (command.name === 'export') {
    await exportBundle(await workspaceSettings(values), textOption(values, 'out'), output);
    return;
  }
  const [file, ...extra] = command.positionals;
  const newWorkspace = textOption(values, 'new-workspace');
  if (!file || extra.length > 0) {
    throw new UsageError('Usage: orca import <file> --workspace <id or slug> (or --new-workspace "Name").');
  }
  if (newWorkspace !== undefined && values.workspace !== undefined) {
    throw new UsageError('Give --workspace or --new-workspace, not both.');
  }
  const settings =
    newWorkspace === undefined ? await workspaceSettings(values) : await clientSettings(values);
  await importBundle(settings, { file, newWorkspace }, output);
}
