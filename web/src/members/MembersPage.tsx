// The selected workspace: members, invitations and settings. Agents and the Orchestrator join
// this page in later issues.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, type Invitation, type Member } from '../api/request.ts';
import type { User, Workspace } from '../shared/workspace-context.tsx';

interface CreatedInvitation extends Invitation {
  acceptUrl: string;
  emailSent: boolean;
}

const managers = new Set(['owner', 'admin']);

export function MembersPage({
  workspace,
  user,
  onChanged,
}: {
  workspace: Workspace;
  user: User;
  onChanged: () => Promise<void>;
}) {
  const [members, setMembers] = useState<Member[]>([]);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canManage = managers.has(workspace.role);
  const base = `/api/workspaces/${workspace.id}`;

  const load = useCallback(async () => {
    const [memberList, invitationList] = await Promise.all([
      api<{ items: Member[] }>('GET', `${base}/members`),
      api<{ items: Invitation[] }>('GET', `${base}/invitations`),
    ]);
    setMembers(memberList.items);
    setInvitations(invitationList.items);
  }, [base]);

  useEffect(() => {
    void load().catch((caught: Error) => setError(caught.message));
  }, [load]);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      await load();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    await run(async () => {
      const invitation = await api<CreatedInvitation>('POST', `${base}/invitations`, {
        email: String(form.get('email') ?? ''),
        role: String(form.get('role') ?? 'builder'),
      });
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
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}

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
                      void run(() =>
                        api('PATCH', `${base}/members/${member.userId}`, { role: event.target.value }),
                      )
                    }
                  >
                    {['owner', 'admin', 'builder', 'viewer'].map((role) => (
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
                      void run(async () => {
                        await api('DELETE', `${base}/members/${member.userId}`);
                        await onChanged();
                      })
                    }
                  >
                    Leave
                  </button>
                ) : canManage ? (
                  <button
                    type="button"
                    onClick={() => void run(() => api('DELETE', `${base}/members/${member.userId}`))}
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
              {(workspace.role === 'owner'
                ? ['owner', 'admin', 'builder', 'viewer']
                : ['admin', 'builder', 'viewer']
              ).map((role) => (
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
                  <button
                    type="button"
                    onClick={() => void run(() => api('DELETE', `${base}/invitations/${invitation.id}`))}
                  >
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
