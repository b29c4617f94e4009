// Where deliverables' bytes live: a directory on disk (under the data directory by default).
// Each file is written under a new name and moved into place whole, so a reader never sees half
// a file and a crash leaves at worst an unreferenced file, never a referenced partial one.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { privateDirectoryMode, privateFileMode } from '../private-directory.ts';

export interface WrittenFile {
  storageKey: string;
  sizeBytes: number;
  sha256: string;
}

export interface FileStore {
  write(workspaceId: string, content: Uint8Array): Promise<WrittenFile>;
  read(storageKey: string): Promise<Buffer>;
  remove(storageKey: string): Promise<void>;
}

const storageKeyPattern = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

export function diskFileStore(root: string): FileStore {
  const resolve = (storageKey: string) => {
    // Keys come from our own rows, but a key that could climb out of the root is never followed.
    if (!storageKeyPattern.test(storageKey)) throw new Error(`Not a file store key: ${storageKey}`);
    return path.join(root, storageKey);
  };
  return {
    async write(workspaceId, content) {
      const storageKey = `${workspaceId}/${randomUUID()}`;
      const target = resolve(storageKey);
      // Readable by Orca's user only, like the rest of the data directory.
      await mkdir(path.dirname(target), { recursive: true, mode: privateDirectoryMode });
      const partial = `${target}.partial`;
      await writeFile(partial, content, { mode: privateFileMode });
      await rename(partial, target);
      return {
        storageKey,
        sizeBytes: content.byteLength,
        sha256: createHash('sha256').update(content).digest('hex'),
      };
    },
    read: (storageKey) => readFile(resolve(storageKey)),
    remove: (storageKey) => rm(resolve(storageKey), { force: true }),
  };
}
