// A hook's two secrets. The token is the last part of the hook's address and is all a caller
// needs: like other bearer secrets, only its SHA-256 is stored. The signing secret, when the hook
// has one, keys the HMAC a sender signs the body with; it must be read back to check signatures,
// so it is sealed by the vault instead of hashed.
import { randomBytes } from 'node:crypto';

const tokenPrefix = 'orca_h_';

export function newHookToken(): string {
  return tokenPrefix + randomBytes(32).toString('base64url');
}

/** Whether a path segment can be a hook token at all; anything else is not looked up. */
export function looksLikeHookToken(candidate: string): boolean {
  return candidate.startsWith(tokenPrefix) && /^[A-Za-z0-9_-]{40,60}$/.test(candidate);
}

export function newHookSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
