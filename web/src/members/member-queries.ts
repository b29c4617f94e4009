// The workspace's members and open invitations, read and changed through the typed client.
import { useQuery } from '@tanstack/react-query';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';

export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
export type CreatedInvitation = Schemas['CreatedInvitation'];
export type Role = Member['role'];

export function useMembers(ws: string) {
  return useQuery({
    queryKey: queryKeys.members(ws),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/workspaces/{ws}/members', { params: { path: { ws } }, signal })),
  });
}

/** Open invitations: only admins and owners may read them, so the query waits for `enabled`. */
export function useInvitations(ws: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.invitations(ws),
    enabled,
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/workspaces/{ws}/invitations', { params: { path: { ws } }, signal })),
  });
}

export const memberActions = {
  changeRole: (ws: string, userId: string, role: Role) =>
    unwrap(
      client.PATCH('/api/workspaces/{ws}/members/{userId}', {
        params: { path: { ws, userId } },
        body: { role },
      }),
    ),
  remove: (ws: string, userId: string) =>
    unwrap(client.DELETE('/api/workspaces/{ws}/members/{userId}', { params: { path: { ws, userId } } })),
  invite: (ws: string, email: string, role: Role) =>
    unwrap(
      client.POST('/api/workspaces/{ws}/invitations', { params: { path: { ws } }, body: { email, role } }),
    ),
  revoke: (ws: string, invitationId: string) =>
    unwrap(
      client.DELETE('/api/workspaces/{ws}/invitations/{invitationId}', {
        params: { path: { ws, invitationId } },
      }),
    ),
};
