// `orca api <METHOD> <path>`: any route of the HTTP API with the stored token and URL, for what
// no command covers yet. The answer's body goes to standard output as it came (JSON indented;
// with --json, any other text as a JSON string);
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
  const parsed = text === '' ? undefined : parseJson(text);
  if (parsed !== undefined) {
    process.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
    return;
  }
  // With --json, standard output is one JSON document whatever the route answers (CSV, the
  // metrics' text, nothing): the text as a JSON string, so a script's parser never trips.
  if (command.values.json === true) process.stdout.write(`${JSON.stringify(text)}\n`);
  else process.stdout.write(text);
}
