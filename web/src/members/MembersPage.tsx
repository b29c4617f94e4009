// The selected workspace's members and invitations: who is in it, with which role; invite, change
// a role, remove, leave, revoke.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import type { User, Workspace } from '../shared/workspace-context.tsx';
import {
  type CreatedInvitation,
  memberActions,
  type Role,
  useInvitations,
  useMembers,
} from './member-queries.ts';

const managers = new Set(['owner', 'admin']);
const roles: Role[] = ['owner', 'admin', 'builder', 'viewer'];

export function MembersPage({
  workspace,
  user,
  onChanged,
}: {
  workspace: Workspace;
  user: User;
  onChanged: () => Promise<void>;
}) {
  const ws = workspace.id;
  const canManage = managers.has(workspace.role);
  const queryClient = useQueryClient();
  const memberList = useMembers(ws);
  const invitationList = useInvitations(ws, canManage);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const members = memberList.data?.items ?? [];
  const invitations = invitationList.data?.items ?? [];

  // Every change re-reads both lists: a role change or an acceptance can move people between them.
  const change = useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.members(ws) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.invitations(ws) }),
      ]),
  });
  const run = (action: () => Promise<unknown>) => change.mutate(action);

  function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    run(async () => {
      const invitation = await memberActions.invite(
        ws,
        String(form.get('email') ?? ''),
        String(form.get('role') ?? 'builder') as Role,
      );
      setCreated(invitation);
      formElement.reset();
    });
  }

  return (
    <section className="workspace">
      <h1>{workspace.name}</h1>
      <p className="muted">
        Slug <code>{workspace.slug}</code> · your role: {workspace.role}
      </p>
      <ErrorMessage error={memberList.error} onRetry={() => void memberList.refetch()} />
      <ErrorMessage error={invitationList.error} onRetry={() => void invitationList.refetch()} />
      <ErrorMessage error={change.error} />

      <h2>Members</h2>
      <table className="members">
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Role</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <td>{member.name}</td>
              <td>{member.email}</td>
              <td>
                {canManage && member.userId !== user.id ? (
                  <select
                    aria-label={`Role of ${member.email}`}
                    value={member.role}
                    onChange={(event) =>
                      run(() => memberActions.changeRole(ws, member.userId, event.target.value as Role))
                    }
                  >
                    {roles.map((role) => (
                      <option key={role}>{role}</option>
                    ))}
                  </select>
                ) : (
                  member.role
                )}
              </td>
              <td>
                {member.userId === user.id ? (
                  <button
                    type="button"
                    onClick={() =>
                      run(async () => {
                        await memberActions.remove(ws, member.userId);
                        await onChanged();
                      })
                    }
                  >
                    Leave
                  </button>
                ) : canManage ? (
                  <button type="button" onClick={() => run(() => memberActions.remove(ws, member.userId))}>
                    Remove
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {canManage ? (
        <>
          <h2>Invite someone</h2>
          <form onSubmit={invite} className="invite" aria-label="Invite">
            <input
              name="email"
              type="email"
              placeholder="name@example.com"
              aria-label="E-mail to invite"
              required
            />
            <select name="role" aria-label="Role" defaultValue="builder">
              {(workspace.role === 'owner' ? roles : roles.filter((role) => role !== 'owner')).map((role) => (
                <option key={role}>{role}</option>
              ))}
            </select>
            <button type="submit">Invite</button>
          </form>
          {created ? (
            <p className="notice" data-testid="invitation-link">
              {created.emailSent
                ? `An e-mail went to ${created.email}. `
                : 'No e-mail server is configured: share this link. '}
              The link works once, until {new Date(created.expiresAt).toLocaleString()}:{' '}
              <code>{created.acceptUrl}</code>
            </p>
          ) : null}
          {invitations.length > 0 ? (
            <ul className="invitations">
              {invitations.map((invitation) => (
                <li key={invitation.id}>
                  {invitation.email} as {invitation.role} {invitation.expired ? '(expired)' : ''}
                  <button type="button" onClick={() => run(() => memberActions.revoke(ws, invitation.id))}>
                    Revoke
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
