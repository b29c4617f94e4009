// `orca api <METHOD> <path>`: any route of the HTTP API with the stored token and URL, for what
// no command covers yet. The answer's body goes to standard output as it came (JSON indented);
// a refusal goes to standard error with the exit code its status means.
import { callApiText, jsonArgument, parseJson } from './api-client.ts';
import { clientSettings } from './client-settings.ts';
import { type ParsedCommand, textOption } from './command-line.ts';
import { UsageError } from './exit-codes.ts';

export async function run(command: ParsedCommand): Promise<void> {
  const [rawMethod, path, ...extra] = command.positionals;
  const method = rawMethod?.toUpperCase();
  // The methods are the command's words in commands.mjs, which completion offers too.
  const methods = command.spec.words ?? [];
  if (!method || !path || extra.length > 0 || !methods.includes(method)) {
    throw new UsageError(`Usage: ${command.spec.usage}; METHOD is one of ${methods.join(', ')}.`);
  }
  if (!path.startsWith('/')) throw new UsageError(`The path starts with /, such as /api/me; not "${path}".`);
  const data = textOption(command.values, 'data');
  const body = data === undefined ? undefined : await jsonArgument(data, '--data');
  const text = await callApiText(await clientSettings(command.values), method, path, { body });
  if (text === '') return;
  const parsed = parseJson(text);
  process.stdout.write(parsed === undefined ? text : `${JSON.stringify(parsed, null, 2)}\n`);
}
