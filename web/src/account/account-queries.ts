// The signed-in person's memory, sessions and security log, read and changed through the typed client.
import { useQuery } from '@tanstack/react-query';
import { client, type Schemas, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema';
import { queryKeys } from '../shared/query-keys.ts';

export type UserMemory = Schemas['UserMemory'];
export type AccountSession = Schemas['AccountSession'];
export type AccountEvent = Schemas['AccountEvent'];
export type MemoryPatch = NonNullable<
  paths['/api/me/memory']['patch']['requestBody']
>['content']['application/json'];

export function useMemory() {
  return useQuery({
    queryKey: queryKeys.accountMemory,
    queryFn: ({ signal }) => unwrap(client.GET('/api/me/memory', { signal })),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: queryKeys.accountSessions,
    queryFn: ({ signal }) => unwrap(client.GET('/api/me/sessions', { signal })),
  });
}

export function useAccountEvents() {
  return useQuery({
    queryKey: queryKeys.accountEvents,
    queryFn: ({ signal }) => unwrap(client.GET('/api/me/account-events', { signal })),
  });
}

export const accountActions = {
  saveMemory: (body: MemoryPatch) => unwrap(client.PATCH('/api/me/memory', { body })),
  changePassword: (currentPassword: string, newPassword: string) =>
    unwrap(client.POST('/api/me/password', { body: { currentPassword, newPassword } })),
  revokeSession: (sessionId: string) =>
    unwrap(client.DELETE('/api/me/sessions/{sessionId}', { params: { path: { sessionId } } })),
  revokeOthers: () => unwrap(client.POST('/api/me/sessions/revoke-others')),
  revokeAll: () => unwrap(client.POST('/api/me/sessions/revoke-all')),
};
