// `orca login` and `orca logout`: keep (or forget) a token per server in the config file, after
// checking it against the server, so that the other commands need no --token.
import { callApi, send } from './api-client.ts';
import { defaultUrl } from './client-settings.ts';
import { type ParsedCommand, textOption } from './command-line.ts';
import { configFilePath, readConfigFile, serverKey, writeConfigFile } from './config-file.ts';
import { CliError, exitCodes, UsageError } from './exit-codes.ts';
import { outputFor } from './output.ts';
import { ask, interactive } from './prompt.ts';

interface Me {
  user: { id: string; email: string; name: string };
  workspaces: { id: string; slug: string; name: string; role: string }[];
  via: 'session' | 'apiToken';
}

async function serverUrl(command: ParsedCommand, current: string | undefined): Promise<string> {
  const given = textOption(command.values, 'url') ?? (process.env.ORCA_URL?.trim() || undefined);
  if (given) return serverKey(given);
  const fallback = current ?? defaultUrl;
  if (!interactive()) return fallback;
  return serverKey((await ask(`Orca URL [${fallback}]: `)) || fallback);
}

async function tokenFor(command: ParsedCommand, url: string): Promise<string> {
  const email = textOption(command.values, 'email');
  const given = textOption(command.values, 'token');
  if (email !== undefined && given !== undefined) throw new UsageError('Give --token or --email, not both.');
  if (email !== undefined) {
    const password = await ask(`Password for ${email} at ${url}: `, { secret: true });
    if (!password) throw new UsageError('No password given: type it at the prompt, or pipe it in.');
    const answer = await callApi<{ token: string }>({ url, token: '' }, 'POST', '/api/auth/login', {
      body: { email, password },
    });
    return answer.token;
  }
  const token =
    given ??
    (process.env.ORCA_TOKEN?.trim() || undefined) ??
    (await ask(`Token for ${url}: `, { secret: true }));
  if (!token) {
    throw new UsageError(
      'No token given. Pass --token, type it at the prompt, pipe it in, or sign in with --email <address>.',
    );
  }
  return token;
}

async function login(command: ParsedCommand) {
  const output = outputFor(command.values.json === true);
  const config = await readConfigFile();
  const url = await serverUrl(command, config.currentServer);
  const token = await tokenFor(command, url);
  const me = await callApi<Me>({ url, token }, 'GET', '/api/me');
  const named = textOption(command.values, 'workspace');
  let workspace: string | undefined;
  if (named !== undefined) {
    const found = me.workspaces.find((item) => item.slug === named || item.id === named);
    if (!found) {
      throw new CliError(
        `The workspace "${named}" is not one this token reaches. It reaches: ${me.workspaces.map((item) => item.slug).join(', ') || 'none'}.`,
        exitCodes.notFound,
        'workspace_not_found',
      );
    }
    workspace = found.slug;
  } else if (me.workspaces.length === 1) {
    workspace = me.workspaces[0]?.slug;
  } else {
    workspace = config.servers[url]?.workspace;
  }
  config.servers[url] = { token, user: me.user.email, ...(workspace ? { workspace } : {}) };
  config.currentServer = url;
  const path = configFilePath();
  await writeConfigFile(config, path);
  output.result({
    url,
    user: me.user,
    via: me.via,
    workspace: workspace ?? null,
    workspaces: me.workspaces,
    configFile: path,
  });
  const kind = me.via === 'apiToken' ? 'an API token' : 'a session token';
  output.line(`Signed in to ${url} as ${me.user.name} <${me.user.email}> with ${kind}; kept in ${path}.`);
  output.line(
    workspace
      ? `Commands use the workspace "${workspace}" unless told otherwise (--workspace).`
      : `Name a workspace with --workspace on each command, or set a default: orca login --workspace <slug>. Yours: ${me.workspaces.map((item) => item.slug).join(', ') || 'none yet'}.`,
  );
}

async function logout(command: ParsedCommand) {
  const output = outputFor(command.values.json === true);
  const config = await readConfigFile();
  const given = textOption(command.values, 'url') ?? (process.env.ORCA_URL?.trim() || undefined);
  const url = serverKey(given ?? config.currentServer ?? defaultUrl);
  const entry = config.servers[url];
  let endedSession = false;
  if (entry) {
    // A session token is ended on the server too; an API token stays valid until it is revoked.
    try {
      const response = await send({ url, token: entry.token }, 'POST', '/api/auth/logout');
      endedSession = response.ok;
    } catch {
      endedSession = false;
    }
    delete config.servers[url];
    if (config.currentServer === url) delete config.currentServer;
    await writeConfigFile(config);
  }
  output.result({ url, forgotten: entry !== undefined, endedSession });
  output.line(
    entry
      ? `Forgot the token for ${url}.${endedSession ? '' : ' Orca did not answer, so a session token stays valid until it expires.'}`
      : `No token was kept for ${url}.`,
  );
}

export async function run(command: ParsedCommand): Promise<void> {
  await (command.name === 'login' ? login(command) : logout(command));
}
