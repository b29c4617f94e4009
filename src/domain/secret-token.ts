// Bearer secrets (sessions, API tokens, invitations). Only their SHA-256 is stored: a database
// dump reveals no usable token, and a 256-bit random secret needs no slow hash.
import { createHash, randomBytes } from 'node:crypto';

export type SecretKind = 'session' | 'apiToken' | 'invitation';

const prefixes: Record<SecretKind, string> = {
  session: 'orca_s_',
  apiToken: 'orca_t_',
  invitation: 'orca_i_',
};

export function newSecret(kind: SecretKind): string {
  return prefixes[kind] + randomBytes(32).toString('base64url');
}

export function secretKind(secret: string): SecretKind | undefined {
  for (const [kind, prefix] of Object.entries(prefixes) as [SecretKind, string][]) {
    if (secret.startsWith(prefix)) return kind;
  }
  return undefined;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** The first characters of a token, shown in lists so a user can tell tokens apart. */
export function secretDisplayPrefix(secret: string): string {
  return `${secret.slice(0, 11)}…`;
}
