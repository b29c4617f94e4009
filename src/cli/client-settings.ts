// Where a client command finds Orca, who it is and which workspace it acts in: a flag first,
// then the environment (ORCA_URL, ORCA_TOKEN, ORCA_WORKSPACE), then what `orca login` stored.
import { type OptionValues, textOption } from './command-line.ts';
import { readConfigFile, serverKey } from './config-file.ts';
import { CliError, exitCodes, UsageError } from './exit-codes.ts';

export const defaultUrl = 'http://127.0.0.1:4400';

export interface ClientSettings {
  url: string;
  token: string;
}

export interface WorkspaceSettings extends ClientSettings {
  workspace: string;
}

const environmentValue = (name: string) => process.env[name]?.trim() || undefined;

export async function clientSettings(values: OptionValues): Promise<ClientSettings> {
  const config = await readConfigFile();
  const givenToken = textOption(values, 'token') ?? environmentValue('ORCA_TOKEN');
  const givenUrl = textOption(values, 'url') ?? environmentValue('ORCA_URL');
  // A token given by flag or environment goes only to a server given the same way (or the
  // default one): the server last logged in to may be another one (staging, not production).
  const url = serverKey(givenUrl ?? (givenToken ? defaultUrl : (config.currentServer ?? defaultUrl)));
  if (givenToken && !givenUrl && config.currentServer && serverKey(config.currentServer) !== url) {
    throw new UsageError(
      `A token was given (--token or ORCA_TOKEN) without a server, and orca login last chose ${config.currentServer}: say which server the token is for with --url or ORCA_URL.`,
    );
  }
  const token = givenToken ?? config.servers[url]?.token;
  if (!token) {
    throw new CliError(
      `No token for ${url}. Run orca login --url ${url}, or give one with --token or ORCA_TOKEN (a session token, or an API token of the workspace).`,
      exitCodes.auth,
      'no_token',
    );
  }
  return { url, token };
}

export async function workspaceSettings(values: OptionValues): Promise<WorkspaceSettings> {
  const settings = await clientSettings(values);
  const config = await readConfigFile();
  const workspace =
    textOption(values, 'workspace') ??
    environmentValue('ORCA_WORKSPACE') ??
    config.servers[settings.url]?.workspace;
  if (!workspace) {
    throw new UsageError(
      'Name the workspace with --workspace <id or slug> (or ORCA_WORKSPACE, or orca login --workspace <slug> to set a default).',
    );
  }
  return { ...settings, workspace };
}
