// Where `orca login` keeps its tokens: one JSON file, a token (and a default workspace) per
// server, readable by its owner only. Flags and ORCA_URL / ORCA_TOKEN / ORCA_WORKSPACE win over it.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError, exitCodes } from './exit-codes.ts';

export interface ServerEntry {
  token: string;
  /** The workspace commands use when none is named. */
  workspace?: string;
  /** Who the token belongs to, to show in `orca login`'s answer and to tell entries apart. */
  user?: string;
}

export interface ConfigFile {
  /** The server of the last login: commands use it when neither --url nor ORCA_URL names one. */
  currentServer?: string;
  servers: Record<string, ServerEntry>;
}

/** `$XDG_CONFIG_HOME/orca/config.json`, or `~/.config/orca/config.json`. */
export function configFilePath(environment: NodeJS.ProcessEnv = process.env): string {
  const base = environment.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(base, 'orca', 'config.json');
}

/** Trailing slashes do not make another server. */
export function serverKey(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export async function readConfigFile(path = configFilePath()): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { servers: {} };
    throw new CliError(
      `Cannot read ${path}: ${(error as Error).message}.`,
      exitCodes.failed,
      'config_unreadable',
    );
  }
  try {
    const parsed = JSON.parse(text) as Partial<ConfigFile>;
    return { currentServer: parsed.currentServer, servers: parsed.servers ?? {} };
  } catch {
    throw new CliError(
      `${path} is not valid JSON. Fix it, or delete it and run orca login again.`,
      exitCodes.failed,
      'config_invalid',
    );
  }
}

/** Writes the file whole through a temporary one, so a crash never leaves half a file. */
export async function writeConfigFile(config: ConfigFile, path = configFilePath()): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // The mode given to writeFile passes through the umask and does not apply to an existing file.
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}
