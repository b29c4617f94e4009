// Connected accounts' server state, through the typed client. Secrets only ever travel towards
// the server (create, replace); what comes back says which secret fields are set, never a value.
import { useQuery } from '@tanstack/react-query';
import { ApiError, client, type Schemas, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';

export type Account = Schemas['Connection'];
export type AccountCreate = Schemas['ConnectionCreate'];
export type AccountChange = Schemas['ConnectionChange'];
export type AccountKind = Account['kind'];

const refreshEvery = 10_000;

export function useAccounts(ws: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.connections(ws),
    enabled,
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/workspaces/{ws}/connections', { params: { path: { ws } }, signal })),
    refetchInterval: refreshEvery,
  });
}

/** One account; `pollEvery` follows it closely while something is expected (an authorization). */
export function useAccount(
  ws: string,
  connectionId: string,
  options: { enabled: boolean; pollEvery?: number },
) {
  return useQuery({
    queryKey: queryKeys.connection(ws, connectionId),
    enabled: options.enabled,
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/connections/{connectionId}', {
          params: { path: { ws, connectionId } },
          signal,
        }),
      ),
    refetchInterval: (query) => (isMissing(query.state.error) ? false : (options.pollEvery ?? refreshEvery)),
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
  });
}

export function isMissing(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export const accountActions = {
  read: (ws: string, connectionId: string) =>
    unwrap(
      client.GET('/api/workspaces/{ws}/connections/{connectionId}', {
        params: { path: { ws, connectionId } },
      }),
    ),
  create: (ws: string, body: AccountCreate) =>
    unwrap(client.POST('/api/workspaces/{ws}/connections', { params: { path: { ws } }, body })),
  change: (ws: string, connectionId: string, body: AccountChange) =>
    unwrap(
      client.PATCH('/api/workspaces/{ws}/connections/{connectionId}', {
        params: { path: { ws, connectionId } },
        body,
      }),
    ),
  test: (ws: string, connectionId: string) =>
    unwrap(
      client.POST('/api/workspaces/{ws}/connections/{connectionId}/test', {
        params: { path: { ws, connectionId } },
      }),
    ),
  authorize: (ws: string, connectionId: string) =>
    unwrap(
      client.POST('/api/workspaces/{ws}/connections/{connectionId}/authorize', {
        params: { path: { ws, connectionId } },
      }),
    ),
  remove: (ws: string, connectionId: string) =>
    unwrap(
      client.DELETE('/api/workspaces/{ws}/connections/{connectionId}', {
        params: { path: { ws, connectionId } },
      }),
    ),
};
