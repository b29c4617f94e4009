// A deliverable's bytes from the file store, refused when missing or no longer matching the
// checksum recorded when it was kept.
import { createHash } from 'node:crypto';
import { OrcaError } from '../domain/errors.ts';
import type { FileStore } from '../files/file-store.ts';

export async function readStoredContent(
  files: FileStore,
  record: { name: string; storageKey: string; sha256: string },
): Promise<Buffer> {
  const content = await files.read(record.storageKey).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      throw new OrcaError('not_found', `The content of "${record.name}" is missing from the file store.`);
    }
    throw error;
  });
  // A file damaged on disk is refused rather than served as if it were the original.
  if (createHash('sha256').update(content).digest('hex') !== record.sha256) {
    throw new OrcaError('internal', `The stored content of "${record.name}" no longer matches its checksum.`);
  }
  return content;
}
