import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDirectory } from './data-directory-lock.ts';

const directories: string[] = [];
function temporaryDirectory() {
  const directory = mkdtempSync(join(tmpdir(), 'orca-lock-'));
  directories.push(directory);
  return directory;
}
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('refuses a second opener and names the process that holds the directory', () => {
    const directory = temporaryDirectory();
    const lock = lockDataDirectory(directory);
    expect(() => lockDataDirectory(directory)).toThrow(
      new RegExp(`in use by process ${process.pid} on ${hostname()}`),
    );
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lockDataDirectory(directory).release();
  });

  it('takes over a lock left by a process that died', async () => {
    const directory = temporaryDirectory();
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid ?? 0)));
    writeFileSync(
      join(directory, 'orca.lock'),
      JSON.stringify({ pid: deadPid, host: hostname(), startedAt: 'then' }),
    );
    const lock = lockDataDirectory(directory);
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});

describe('data directory lock after a restart', () => {
  it('takes over a lock bearing our own pid that this process did not take (a restarted container)', () => {
    const directory = temporaryDirectory();
    writeFileSync(
      join(directory, 'orca.lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), startedAt: 'before' }),
    );
    const lock = lockDataDirectory(directory);
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).startedAt).not.toBe('before');
    expect(() => lockDataDirectory(directory)).toThrow(/already in use/);
    lock.release();
  });
});
