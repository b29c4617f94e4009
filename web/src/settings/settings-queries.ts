// The workspace settings' data: API tokens, the audit log (paged, filtered), the webhook signing
// secret's state, and the calls that change them, through the typed client.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';

export type ApiToken = Schemas['ApiToken'];
export type CreatedApiToken = Schemas['CreatedApiToken'];
export type AuditEvent = Schemas['AuditEvent'];

export interface AuditFilters {
  action?: string;
  actor?: string;
  since?: string;
  until?: string;
}

export function useApiTokens(ws: string) {
  return useQuery({
    queryKey: queryKeys.apiTokens(ws),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/workspaces/{ws}/tokens', { params: { path: { ws } }, signal })),
  });
}

export function useAuditLog(ws: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditLog(ws, { ...filters }),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/audit', {
          params: { path: { ws }, query: { limit: 25, cursor: pageParam, ...filters } },
          signal,
        }),
      ),
    getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined,
  });
}

export function useAuditActions(ws: string) {
  return useQuery({
    queryKey: queryKeys.auditActions(ws),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/workspaces/{ws}/audit/actions', { params: { path: { ws } }, signal })),
  });
}

export function useWebhookSecretStatus(ws: string) {
  return useQuery({
    queryKey: queryKeys.webhookSecret(ws),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/webhook-signing-secret/status', {
          params: { path: { ws } },
          signal,
        }),
      ),
  });
}

export const settingsActions = {
  updateWorkspace: (ws: string, changes: { name?: string; slug?: string }) =>
    unwrap(client.PATCH('/api/workspaces/{ws}', { params: { path: { ws } }, body: changes })),
  deleteWorkspace: (ws: string, slug: string) =>
    unwrap(client.DELETE('/api/workspaces/{ws}', { params: { path: { ws }, query: { confirm: slug } } })),
  createToken: (ws: string, body: { name: string; role: ApiToken['role']; expiresInDays?: number }) =>
    unwrap(client.POST('/api/workspaces/{ws}/tokens', { params: { path: { ws } }, body })),
  revokeToken: (ws: string, tokenId: string) =>
    unwrap(client.DELETE('/api/workspaces/{ws}/tokens/{tokenId}', { params: { path: { ws, tokenId } } })),
  rotateWebhookSecret: (ws: string) =>
    unwrap(client.POST('/api/workspaces/{ws}/webhook-signing-secret/rotate', { params: { path: { ws } } })),
};
