// The selected workspace's members and invitations: who is in it, with which role; invite, change
// a role, remove, leave (both after a confirmation), revoke. A new invitation's link shows with a
// copy button, and says when it replaced an earlier link to the same address.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { CopyButton } from '../shared/CopyButton.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import type { User, Workspace } from '../shared/workspace-context.tsx';
import {
  type CreatedInvitation,
  type Member,
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
  const [removing, setRemoving] = useState<Member | null>(null);
  const leaving = removing?.userId === user.id;
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
      {/* Named like its link in the navigation, as every other page is; the workspace's name and
          address are on the Settings page. */}
      <h1>Members</h1>
      <p className="muted">
        Who is in {workspace.name}, and what each person can do. Your role: {workspace.role}.
      </p>
      <ErrorMessage error={memberList.error} onRetry={() => void memberList.refetch()} />
      <ErrorMessage error={invitationList.error} onRetry={() => void invitationList.refetch()} />
      <ErrorMessage error={change.error} />

      <table className="members" aria-label="Members">
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
                  <button type="button" onClick={() => setRemoving(member)}>
                    Leave
                  </button>
                ) : canManage ? (
                  <button
                    type="button"
                    aria-label={`Remove ${member.name}`}
                    onClick={() => setRemoving(member)}
                  >
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
            <div className="notice" data-testid="invitation-link">
              {created.replacedEarlier ? (
                <p>
                  <strong>This replaces the earlier invitation to {created.email}:</strong> its link no longer
                  works. Send the new one.
                </p>
              ) : null}
              <p>
                {created.emailSent
                  ? `An e-mail went to ${created.email}. You can also share this link. `
                  : 'No e-mail server is configured: share this link. '}
                It works once, until {new Date(created.expiresAt).toLocaleString()}, and is shown only now.
              </p>
              <code id="invitation-link-value">{created.acceptUrl}</code>{' '}
              <CopyButton value={created.acceptUrl} label="Copy link" targetId="invitation-link-value" />
            </div>
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
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={leaving ? `Leave ${workspace.name}?` : `Remove ${removing?.name ?? ''}?`}
        description={
          leaving
            ? 'You lose access to its agents, runs and files at once; the API tokens you created stop working. To come back, someone must invite you again.'
            : `${removing?.name ?? ''} (${removing?.email ?? ''}) loses access at once; the API tokens and open invitations they created stop working.`
        }
        confirmLabel={leaving ? 'Leave workspace' : 'Remove member'}
        pendingLabel={leaving ? 'Leaving…' : 'Removing…'}
        onConfirm={async () => {
          if (!removing) return;
          await memberActions.remove(ws, removing.userId);
          // Someone who left can read nothing here any more: only their workspace list changes.
          if (leaving) return onChanged();
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: queryKeys.members(ws) }),
            queryClient.invalidateQueries({ queryKey: queryKeys.invitations(ws) }),
          ]);
        }}
      />
    </section>
  );
}
