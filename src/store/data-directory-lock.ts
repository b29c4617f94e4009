// One process owns a PGlite data directory. Two openers corrupt it silently (seen 3 times out of 3
// on this machine), so the second opener is refused with the holder's process id.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { OrcaError } from '../domain/errors.ts';
import { privateFileMode, protectDataDirectory } from '../private-directory.ts';

interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

// Locks this process holds. The lock file alone cannot tell "this process opened it a moment ago"
// from "a previous process that happened to have our pid (a restarted container's pid 1) left it".
const heldByThisProcess = new Set<string>();

export interface DataDirectoryLock {
  readonly path: string;
  release(): void;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

export function lockDataDirectory(directory: string): DataDirectoryLock {
  protectDataDirectory(directory);
  const path = join(directory, 'orca.lock');
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(holder), { flag: 'wx', mode: privateFileMode });
      heldByThisProcess.add(path);
      return {
        path,
        release: () => {
          heldByThisProcess.delete(path);
          if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readHolder(path);
      // A lock left by a process that died on this host is stale: take it over.
      // So is one bearing our own pid: a container restarted as pid 1 finds its previous life's lock.
      const stale =
        current !== undefined &&
        current.host === holder.host &&
        ((current.pid === process.pid && !heldByThisProcess.has(path)) || !processIsAlive(current.pid));
      if (stale) {
        rmSync(path, { force: true });
        continue;
      }
      const who = current
        ? `process ${current.pid} on ${current.host} (since ${current.startedAt})`
        : 'another process (the lock file cannot be read)';
      throw new OrcaError(
        'data_directory_locked',
        `The data directory ${directory} is already in use by ${who}. Stop that Orca first, or start this one ` +
          `with another directory (ORCA_DATA_DIR or --data-dir). To reach the running Orca, use its HTTP API. ` +
          `If no Orca is running, delete ${path}.`,
        { details: current },
      );
    }
  }
  throw new OrcaError('data_directory_locked', `Could not take the lock ${path}; try again.`);
}
