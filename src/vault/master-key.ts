// The master key wraps every workspace's data key. It comes from ORCA_SECRET_KEY (64 hex digits
// or 32 bytes in base64); the embedded mode makes one into the data directory on first start.
// Keys replaced by a rotation stay readable from ORCA_PREVIOUS_SECRET_KEYS until every data key
// has been wrapped anew.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OrcaError } from '../domain/errors.ts';
import { privateFileMode } from '../private-directory.ts';

export interface MasterKey {
  /** Names the key without revealing it: stored next to what it wrapped. */
  id: string;
  key: Buffer;
}

export function parseMasterKey(text: string, variable = 'ORCA_SECRET_KEY'): MasterKey {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new OrcaError(
      'configuration_invalid',
      `${variable} must be 32 random bytes, as 64 hex digits or base64 (make one with: openssl rand -hex 32).`,
    );
  }
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 12), key };
}

export const generatedKeyFile = 'secret.key';

/** The embedded mode's key: read from the data directory, or made there (readable by the owner only). */
export async function dataDirectoryMasterKey(dataDirectory: string): Promise<MasterKey> {
  const file = path.join(dataDirectory, generatedKeyFile);
  try {
    return parseMasterKey(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const made = randomBytes(32).toString('hex');
  await writeFile(file, `${made}\n`, { mode: privateFileMode, flag: 'wx' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  await chmod(file, privateFileMode);
  return parseMasterKey(await readFile(file, 'utf8'), file);
}
