// Orca's data directory holds the database, the generated master key and deliverables: only the
// user Orca runs as may read it. Directories are made 0700 and files 0600, and an existing
// directory made looser by an older Orca (or a umask of 022) is narrowed at start.
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const privateDirectoryMode = 0o700;
export const privateFileMode = 0o600;

/**
 * Narrows `path` to `mode` when it grants more than that and belongs to the user this process
 * runs as (another user's path cannot be changed, and is left for its owner to decide).
 */
function narrow(path: string, mode: number) {
  const stats = statSync(path);
  if (stats.uid !== process.getuid?.()) return;
  if ((stats.mode & 0o777 & ~mode) !== 0) chmodSync(path, stats.mode & mode);
}

/** Creates `directory` (and missing parents) private to its owner, or narrows it if it exists. */
export function makePrivateDirectory(directory: string) {
  mkdirSync(directory, { recursive: true, mode: privateDirectoryMode });
  narrow(directory, privateDirectoryMode);
}

/**
 * Makes the data directory private, and narrows what sits at its top (the database directory, the
 * key, the lock, the files directory). The directory's own 0700 already keeps everyone else out of
 * everything below, so deeper files are not walked (a large files directory would slow starts).
 */
export function protectDataDirectory(directory: string) {
  makePrivateDirectory(directory);
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    narrow(join(directory, entry.name), entry.isDirectory() ? privateDirectoryMode : privateFileMode);
  }
}

/**
 * Narrows every directory and file below `directory`. For PGlite's database directory: its file
 * layer sets 0666 on the files it creates whatever the umask, so each start narrows them again
 * (the data directory's 0700 keeps other users out of files made since).
 */
export function protectTree(directory: string) {
  narrow(directory, privateDirectoryMode);
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) protectTree(path);
    else if (entry.isFile()) narrow(path, privateFileMode);
  }
}
