// Issue 11, item 10: the data directory (database, generated master key, lock, deliverables) was
// readable by every user of the machine. Boots an embedded Orca as `orca start` does, on a
// directory an older Orca left world-readable, under the usual 022 umask, and reads the modes.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createPlatform, type Platform } from '../../src/platform.ts';

const mode = (path: string) => statSync(path).mode & 0o777;

let parent: string;
let dataDirectory: string;
let platform: Platform;
let previousUmask: number;

beforeAll(async () => {
  previousUmask = process.umask(0o022);
  parent = mkdtempSync(join(tmpdir(), 'orca-data-modes-'));
  dataDirectory = join(parent, 'orca-data');
  // As an older Orca left it: a world-readable directory with a world-readable file inside.
  mkdirSync(dataDirectory, { mode: 0o755 });
  chmodSync(dataDirectory, 0o755);
  writeFileSync(join(dataDirectory, 'notes.txt'), 'left by an older Orca', { mode: 0o644 });
  chmodSync(join(dataDirectory, 'notes.txt'), 0o644);
  platform = await createPlatform(loadConfig({ dataDirectory, port: 0 }, {}), {
    workers: false,
    logger: { info: () => undefined, error: () => undefined },
  });
}, 120_000);

afterAll(async () => {
  await platform?.close();
  process.umask(previousUmask);
  rmSync(parent, { recursive: true, force: true });
});

describe('the data directory', () => {
  it('is private to Orca’s user: 0700, and what Orca keeps at its top is 0700 or 0600', async () => {
    expect(mode(dataDirectory).toString(8)).toBe('700');
    expect(mode(join(dataDirectory, 'secret.key')).toString(8)).toBe('600');
    expect(mode(join(dataDirectory, 'orca.lock')).toString(8)).toBe('600');
    expect(mode(join(dataDirectory, 'pgdata')).toString(8)).toBe('700');
    expect(mode(join(dataDirectory, 'notes.txt')).toString(8)).toBe('600');
  });

  it('keeps deliverables in 0700 directories as 0600 files', async () => {
    const written = await platform.services.files.write(
      '00000000-0000-4000-8000-000000000001',
      new TextEncoder().encode('a report'),
    );
    const filesDirectory = join(dataDirectory, 'files');
    const workspaceDirectory = join(filesDirectory, '00000000-0000-4000-8000-000000000001');
    expect(mode(filesDirectory).toString(8)).toBe('700');
    expect(mode(workspaceDirectory).toString(8)).toBe('700');
    expect(mode(join(filesDirectory, written.storageKey)).toString(8)).toBe('600');
  });

  it('leaves no file in the database directory readable by others', () => {
    const loose: string[] = [];
    const walk = (directory: string) => {
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        const path = join(directory, entry.name);
        if (mode(path) & 0o077) loose.push(`${path} ${mode(path).toString(8)}`);
        if (entry.isDirectory()) walk(path);
      }
    };
    walk(join(dataDirectory, 'pgdata'));
    expect(loose).toEqual([]);
  });
});
