// Creating an API token: a name, a role no higher than the creator's, an expiry. The secret is
// shown once, with a copy button, until the person says they are done; it is never shown again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CopyButton } from '../shared/CopyButton.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { type ApiToken, type CreatedApiToken, settingsActions } from './settings-queries.ts';

const roles: ApiToken['role'][] = ['viewer', 'builder', 'admin', 'owner'];
const expiries = [
  { days: '7', label: 'In 7 days' },
  { days: '30', label: 'In 30 days' },
  { days: '90', label: 'In 90 days' },
  { days: '365', label: 'In a year' },
  { days: 'never', label: 'Never' },
];

export function CreateTokenForm() {
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const allowed = roles.slice(0, roles.indexOf(workspace.role as ApiToken['role']) + 1);
  const create = useMutation({
    mutationFn: (body: { name: string; role: ApiToken['role']; expiresInDays?: number }) =>
      settingsActions.createToken(workspace.id, body),
    onSuccess: (token) => {
      setCreated(token);
      void queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens(workspace.id) });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const days = String(form.get('expiry'));
    create.mutate(
      {
        name: String(form.get('name') ?? ''),
        role: String(form.get('role')) as ApiToken['role'],
        expiresInDays: days === 'never' ? undefined : Number(days),
      },
      { onSuccess: () => formElement.reset() },
    );
  };
  return (
    <>
      <h3>New token</h3>
      <form className="settings-form token-form" onSubmit={submit} aria-label="New API token">
        <label>
          Token name
          <input name="name" required maxLength={80} placeholder="e.g. Deploy script" />
        </label>
        <label>
          Role
          <select name="role" defaultValue="builder">
            {allowed.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label>
          Expires
          <select name="expiry" defaultValue="90">
            {expiries.map((expiry) => (
              <option key={expiry.days} value={expiry.days}>
                {expiry.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      <ErrorMessage error={create.error} />
      {created ? (
        <div className="notice shown-once" data-testid="created-token">
          <p>
            <strong>Copy the token “{created.name}” now.</strong> It is shown only this once; Orca keeps no
            copy it could show again. If you lose it, revoke it and create another.
          </p>
          <code id="created-token-value">{created.token}</code>
          <div className="settings-row">
            <CopyButton value={created.token} label="Copy token" targetId="created-token-value" />
            <button type="button" onClick={() => setCreated(null)}>
              I have copied it
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
