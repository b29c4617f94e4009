// How to put a connected account right: on its page in the web app first (most people never use
// the API), then in the exact API calls an admin makes: authorize an OAuth 2 account again, send a
// new secret for the others, or connect one that is missing.
import { connectionPagePath } from '../vault/missing-secret.ts';
import type { ConnectionSnapshot, WorkspaceSnapshot } from './planner.ts';

/** The secret field each kind of account is given, for the PATCH that replaces it. */
const secretFields: Record<Exclude<ConnectionSnapshot['kind'], 'oauth2'>, string> = {
  api_key: '{"secret": {"apiKey": "…"}}',
  login: '{"secret": {"password": "…"}} (and "totpSecret" when it signs in with a one-time code)',
};

/** The account a step names (its id, its service, or service/label), as the vault finds it. */
export function connectionNamed(
  snapshot: WorkspaceSnapshot,
  reference: string,
): ConnectionSnapshot | undefined {
  const connections = snapshot.connections ?? [];
  const byId = connections.find((connection) => connection.id === reference);
  if (byId) return byId;
  const [service = '', label] = reference.trim().toLowerCase().split('/', 2);
  const candidates = connections.filter((connection) => connection.service.toLowerCase() === service);
  if (label !== undefined) return candidates.find((connection) => connection.label.toLowerCase() === label);
  return (
    candidates.find((connection) => connection.isDefault) ??
    (candidates.length === 1 ? candidates[0] : undefined)
  );
}

/** The connection a step signs in or authenticates with, as the step names it. */
export function connectionReferenceOf(
  step: { with: Record<string, unknown> } | undefined,
): string | undefined {
  const named =
    step?.with.connection ?? (step?.with.auth as { connection?: unknown } | undefined)?.connection;
  return typeof named === 'string' ? named : undefined;
}

/** What an admin does to make the account work again: on its page, or as API calls. */
export function reconnectInstructions(connection: ConnectionSnapshot): string {
  const path = `/api/workspaces/${connection.workspaceId}/connections/${connection.id}`;
  const page = connectionPagePath(connection);
  const name = connection.label ? `${connection.service}/${connection.label}` : connection.service;
  if (connection.kind === 'oauth2') {
    return `To reconnect "${name}", an admin presses Connect on its page, ${page}, and signs in at the provider again (through the API: POST ${path}/authorize and open the authorizationUrl it answers).`;
  }
  return `To reconnect "${name}", an admin gives it its new secret on its page, ${page}, and tests it there (through the API: PATCH ${path} ${secretFields[connection.kind]}, then POST ${path}/test).`;
}

/** What an admin does when the account a step names does not exist. */
export function connectInstructions(
  workspaceId: string | undefined,
  reference: string,
  kind: 'login' | 'api_key',
) {
  const service = reference.split('/')[0];
  const body =
    kind === 'login'
      ? `{"service": "${service}", "kind": "login", "settings": {"username": "…", "allowedHosts": ["…"]}, "secret": {"password": "…"}}`
      : `{"service": "${service}", "kind": "api_key", "settings": {"allowedHosts": ["…"]}, "secret": {"apiKey": "…"}}`;
  const page = workspaceId ? `on the Accounts page, /w/${workspaceId}/accounts, or ` : '';
  return `There is no connected account "${reference}": an admin connects one ${page}with POST /api/workspaces/${workspaceId ?? '…'}/connections ${body}.`;
}
