// Connecting an account: which kind, which service, where its secret may go, how it is sent, and
// the secret itself (written once, never shown again). An OAuth 2 account is connected on its page
// next, by signing in at the provider.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { accountAccess } from './account-access.ts';
import { secretFrom, settingsFrom } from './account-form.ts';
import { type AccountKind, accountActions } from './account-queries.ts';
import { FormField, formText } from './FormField.tsx';
import { NoAccountAccess } from './NoAccountAccess.tsx';
import { SecretInputs } from './SecretInputs.tsx';
import { SettingsFields } from './SettingsFields.tsx';
import './accounts.css';

const kinds: { kind: AccountKind; title: string; description: string }[] = [
  {
    kind: 'api_key',
    title: 'API key',
    description: 'A key or token the service gave you, sent with each request.',
  },
  {
    kind: 'login',
    title: 'Login',
    description: 'A user name and password the browser signs in with, and a one-time-code secret if needed.',
  },
  {
    kind: 'oauth2',
    title: 'OAuth 2',
    description: 'You sign in at the provider (Google, GitHub, …) and allow Orca; no password is stored.',
  },
];

export function AddAccountPage() {
  const { ws, workspace } = useWorkspace();
  const access = accountAccess(workspace.role);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<AccountKind>('api_key');
  const create = useMutation({
    mutationFn: (form: FormData) =>
      accountActions.create(ws, {
        service: formText(form, 'service') ?? '',
        label: formText(form, 'label') ?? '',
        kind,
        settings: settingsFrom(kind, form),
        secret: secretFrom(kind, form),
        isDefault: form.get('isDefault') === 'on' ? true : undefined,
      }),
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.connection(ws, created.id), created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.connections(ws), exact: true });
      navigate(`/w/${ws}/accounts/${created.id}`, { state: { justAdded: true } });
    },
  });
  if (!access.canRead) return <NoAccountAccess />;
  if (!access.canManage)
    return (
      <section className="accounts">
        <h1>Add an account</h1>
        <p>
          Only admins and owners of this workspace can connect accounts: they hand Orca a credential. Ask one
          of them, or <Link to={`/w/${ws}/accounts`}>see the accounts connected so far</Link>.
        </p>
      </section>
    );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(new FormData(event.currentTarget));
  }

  return (
    <section className="accounts" aria-labelledby="add-account-title">
      <p>
        <Link to={`/w/${ws}/accounts`}>← All accounts</Link>
      </p>
      <h1 id="add-account-title">Add an account</h1>
      <form className="account-form" onSubmit={submit} aria-labelledby="add-account-title">
        <fieldset className="kind-choice">
          <legend>What kind of account?</legend>
          {kinds.map((choice) => (
            <label key={choice.kind} className="kind-option">
              <input
                type="radio"
                name="kind"
                value={choice.kind}
                checked={kind === choice.kind}
                onChange={() => setKind(choice.kind)}
              />
              <span>
                <strong>{choice.title}</strong>
                <span className="hint"> {choice.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <FormField
          label="Service"
          name="service"
          required
          placeholder="github"
          hint="A short name agents use to find it, such as github or acme-portal: letters, digits and dashes."
        />
        <FormField
          label="Label"
          name="label"
          hint="Tells apart several accounts of one service, such as work or client-a."
        />
        <SettingsFields key={kind} kind={kind} />
        <SecretInputs kind={kind} />
        <label className="checkbox">
          <input type="checkbox" name="isDefault" /> Make it the service’s default account (the first account
          of a service always is)
        </label>
        <ErrorMessage error={create.error} />
        <div className="form-actions">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Saving…' : kind === 'oauth2' ? 'Save, then connect' : 'Save the account'}
          </button>
          <Link to={`/w/${ws}/accounts`}>Cancel</Link>
        </div>
      </form>
    </section>
  );
}
