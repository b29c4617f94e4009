// Authenticated encryption for the vault: AES-256-GCM with a fresh 12-byte nonce per message.
// A sealed value is `v1.<nonce>.<tag>.<ciphertext>` in base64url, with the purpose bound in as
// additional data, so a value sealed for one workspace or field cannot be moved to another.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const version = 'v1';

export function seal(key: Buffer, plaintext: Buffer, purpose: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [version, nonce, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export class SealedValueError extends Error {}

export function open(key: Buffer, sealed: string, purpose: string): Buffer {
  const [marker, nonce, tag, ciphertext] = sealed.split('.');
  if (marker !== version || nonce === undefined || tag === undefined || ciphertext === undefined) {
    throw new SealedValueError('The sealed value is not in a format this Orca knows.');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  } catch {
    throw new SealedValueError('The sealed value does not open with this key (wrong key, or tampered with).');
  }
}
