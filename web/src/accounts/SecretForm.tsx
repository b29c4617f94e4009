// Adds or replaces an account's secret. The fields are write-only and emptied once saved: the page
// then says only that the secret is set.
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { secretFrom } from './account-form.ts';
import { type Account, accountActions } from './account-queries.ts';
import { secretWords } from './account-words.ts';
import { SecretInputs } from './SecretInputs.tsx';
import { useAccountChange } from './useAccountChange.ts';

export function SecretForm({ ws, account }: { ws: string; account: Account }) {
  const [saved, setSaved] = useState(false);
  const change = useAccountChange(ws, (secret: Record<string, string>) =>
    accountActions.change(ws, account.id, { secret }),
  );
  const adding = account.waitingForSecret;
  const title =
    account.kind === 'oauth2'
      ? 'Replace the client secret'
      : `${adding ? 'Add' : 'Replace'} the ${secretWords[account.kind]}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setSaved(false);
    change.mutate(secretFrom(account.kind, new FormData(form)), {
      onSuccess: () => {
        form.reset();
        setSaved(true);
      },
    });
  }

  return (
    <section className="account-section" aria-labelledby="secret-form-title">
      <h2 id="secret-form-title">{title}</h2>
      <form className="account-form" onSubmit={submit} aria-labelledby="secret-form-title">
        <SecretInputs kind={account.kind} replacing={!adding} />
        <ErrorMessage error={change.error} />
        <div className="form-actions">
          <button type="submit" disabled={change.isPending}>
            {change.isPending ? 'Saving…' : 'Save the secret'}
          </button>
          <span role="status" className="form-outcome">
            {saved ? 'Saved. It is not shown again; press Test to check it.' : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
