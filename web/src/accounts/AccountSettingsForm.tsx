// Changing an account's settings: where its secret may go, how it is sent, where it signs in. A
// change of where the secret goes needs the secret again (Orca never sends a stored secret to a
// place it was not given for), so the secret fields sit beside the settings, empty.
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { secretFrom, settingsFrom } from './account-form.ts';
import { type Account, accountActions } from './account-queries.ts';
import { SecretInputs } from './SecretInputs.tsx';
import { SettingsFields } from './SettingsFields.tsx';
import { useAccountChange } from './useAccountChange.ts';

export function AccountSettingsForm({ ws, account }: { ws: string; account: Account }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const change = useAccountChange(ws, (form: FormData) => {
    const secret = secretFrom(account.kind, form);
    return accountActions.change(ws, account.id, {
      settings: settingsFrom(account.kind, form),
      ...(Object.keys(secret).length > 0 ? { secret } : {}),
    });
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    change.mutate(new FormData(event.currentTarget), {
      onSuccess: () => {
        setOpen(false);
        setSaved(true);
      },
    });
  }

  return (
    <section className="account-section" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {open ? (
        <form className="account-form" onSubmit={submit} aria-labelledby="settings-title">
          <SettingsFields kind={account.kind} current={account} />
          <p className="hint">
            Changing the allowed hosts or an address changes where the secret is sent: give the secret again
            below. Otherwise leave it empty.
          </p>
          <SecretInputs kind={account.kind} replacing optional />
          <ErrorMessage error={change.error} />
          <div className="form-actions">
            <button type="submit" disabled={change.isPending}>
              {change.isPending ? 'Saving…' : 'Save the settings'}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p>
          <button type="button" onClick={() => setOpen(true)}>
            Change the settings
          </button>{' '}
          <span role="status" className="form-outcome">
            {saved ? 'The settings are saved.' : ''}
          </span>
        </p>
      )}
    </section>
  );
}
