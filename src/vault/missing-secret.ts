// A connection a plan made waits for its secret: plans never carry one (secrets do not pass
// through chat), so an admin adds it on the account's page in the web app, or sends it to the
// connection API. Until then every use refuses, and says where (the page first: most people never
// use the API) and the exact call.
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

/** The account's page in the web app (the app finds a workspace by its id as by its slug). */
export function connectionPagePath(connection: Pick<ConnectionNaming, 'id' | 'workspaceId'>): string {
  return `/w/${connection.workspaceId}/accounts/${connection.id}`;
}

function nameOf(connection: ConnectionNaming) {
  return connection.label ? `${connection.service}/${connection.label}` : connection.service;
}

/** Whether an api_key or login connection still lacks the secret it authenticates with. */
export function waitsForSecret(connection: Pick<ConnectionNaming, 'kind'>, secret: SecretFields): boolean {
  if (connection.kind === 'oauth2') return false;
  return !secret[neededSecret[connection.kind].field];
}

/** The one next step that makes the connection usable: on its page, or as the exact API calls. */
export function nextStepFor(connection: ConnectionNaming): string {
  const path = connectionPath(connection);
  const page = connectionPagePath(connection);
  if (connection.kind === 'oauth2') {
    return `an admin presses Connect on the account's page, ${page}, to sign in at the provider (through the API: POST ${path}/authorize and open the authorizationUrl it answers; a confidential client first gets its client secret with PATCH ${path} {"secret": {"clientSecret": "…"}})`;
  }
  return `an admin adds it on the account's page, ${page}, and tests it there (through the API: PATCH ${path} ${neededSecret[connection.kind].body}, then POST ${path}/test)`;
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
