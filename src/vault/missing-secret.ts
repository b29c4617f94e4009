// A connection a plan made waits for its secret: plans never carry one (secrets do not pass
// through chat), so an admin sends it to the connection API. Until then every use refuses, and
// says the exact call that adds it.
import type { ConnectionKind } from '../store/schema.ts';
import type { SecretFields } from './vault.ts';

interface ConnectionNaming {
  id: string;
  workspaceId: string;
  service: string;
  label: string;
  kind: ConnectionKind;
}

/** The secret field without which each kind cannot authenticate, and how people call it. */
const neededSecret: Record<
  Exclude<ConnectionKind, 'oauth2'>,
  { field: string; words: string; body: string }
> = {
  api_key: { field: 'apiKey', words: 'API key', body: '{"secret": {"apiKey": "…"}}' },
  login: {
    field: 'password',
    words: 'password',
    body: '{"secret": {"password": "…"}} (with "totpSecret" too when it signs in with one-time codes)',
  },
};

export function connectionPath(connection: Pick<ConnectionNaming, 'id' | 'workspaceId'>): string {
  return `/api/workspaces/${connection.workspaceId}/connections/${connection.id}`;
}

function nameOf(connection: ConnectionNaming) {
  return connection.label ? `${connection.service}/${connection.label}` : connection.service;
}

/** Whether an api_key or login connection still lacks the secret it authenticates with. */
export function waitsForSecret(connection: Pick<ConnectionNaming, 'kind'>, secret: SecretFields): boolean {
  if (connection.kind === 'oauth2') return false;
  return !secret[neededSecret[connection.kind].field];
}

/** The one next step that makes the connection usable, as the exact API calls. */
export function nextStepFor(connection: ConnectionNaming): string {
  const path = connectionPath(connection);
  if (connection.kind === 'oauth2') {
    return `an admin calls POST ${path}/authorize and opens the authorizationUrl it answers to sign in at the provider (a confidential client first gets its client secret with PATCH ${path} {"secret": {"clientSecret": "…"}})`;
  }
  return `an admin sends it with PATCH ${path} ${neededSecret[connection.kind].body}, then checks it with POST ${path}/test`;
}

/** The status message of a connection made without its secret. */
export function waitingMessage(connection: ConnectionNaming): string {
  const waitsFor =
    connection.kind === 'oauth2' ? 'authorization' : `its ${neededSecret[connection.kind].words}`;
  return `Waiting for ${waitsFor}: ${nextStepFor(connection)}.`;
}

/** What a step that needs the secret is told. */
export function missingSecretMessage(connection: ConnectionNaming): string {
  const words = connection.kind === 'oauth2' ? 'authorization' : neededSecret[connection.kind].words;
  return `The "${nameOf(connection)}" account has no ${words} yet: ${nextStepFor(connection)}.`;
}
