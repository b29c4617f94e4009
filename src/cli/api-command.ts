// `orca api <METHOD> <path>`: any route of the HTTP API with the stored token and URL, for what
// no command covers yet. The answer's body goes to standard output as it came (JSON indented);
// a refusal goes to standard error with the exit code its status means.
import { type ErrorBody, jsonArgument, parseJson, refusal, send } from './api-client.ts';
import { clientSettings } from './client-settings.ts';
import { type ParsedCommand, textOption } from './command-line.ts';
import { UsageError } from './exit-codes.ts';

const methods = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export async function run(command: ParsedCommand): Promise<void> {
  const [rawMethod, path, ...extra] = command.positionals;
  const method = rawMethod?.toUpperCase();
  if (!method || !path || extra.length > 0 || !methods.has(method)) {
    throw new UsageError(`Usage: ${command.spec.usage}; METHOD is one of ${[...methods].join(', ')}.`);
  }
  if (!path.startsWith('/')) throw new UsageError(`The path starts with /, such as /api/me; not "${path}".`);
  const data = textOption(command.values, 'data');
  const body = data === undefined ? undefined : await jsonArgument(data, '--data');
  const response = await send(await clientSettings(command.values), method, path, { body });
  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) throw refusal(response.status, (parsed ?? {}) as ErrorBody, response.statusText);
  if (text === '') return;
  process.stdout.write(parsed === undefined ? text : `${JSON.stringify(parsed, null, 2)}\n`);
}
