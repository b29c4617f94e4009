import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open, SealedValueError, seal } from './envelope.ts';
import { dataDirectoryMasterKey, parseMasterKey } from './master-key.ts';

describe('envelope', () => {
  it('opens what it sealed, only with the same key and purpose, and refuses tampering', () => {
    const key = randomBytes(32);
    const sealed = seal(key, Buffer.from('the secret'), 'workspace A');
    expect(sealed).not.toContain('the secret');
    expect(open(key, sealed, 'workspace A').toString()).toBe('the secret');
    expect(() => open(key, sealed, 'workspace B')).toThrow(SealedValueError);
    expect(() => open(randomBytes(32), sealed, 'workspace A')).toThrow(SealedValueError);
    const [version, nonce, tag, body] = sealed.split('.');
    const flipped = `${version}.${nonce}.${tag}.${Buffer.from(Buffer.from(body ?? '', 'base64url').map((byte) => byte ^ 1)).toString('base64url')}`;
    expect(() => open(key, flipped, 'workspace A')).toThrow(SealedValueError);
  });
});

describe('master key', () => {
  it('takes 64 hex digits or 32 bytes of base64, and says how to make one otherwise', () => {
    expect(parseMasterKey('ab'.repeat(32)).key).toHaveLength(32);
    expect(parseMasterKey(randomBytes(32).toString('base64')).key).toHaveLength(32);
    expect(() => parseMasterKey('too short')).toThrow(/openssl rand -hex 32/);
  });

  it('makes the embedded key once, readable by its owner only, and reads it back', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'orca-key-'));
    try {
      const first = await dataDirectoryMasterKey(directory);
      const again = await dataDirectoryMasterKey(directory);
      expect(again.id).toBe(first.id);
      expect((await stat(path.join(directory, 'secret.key'))).mode & 0o777).toBe(0o600);
      expect((await readFile(path.join(directory, 'secret.key'), 'utf8')).trim()).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
