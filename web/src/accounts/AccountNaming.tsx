// The account's label and whether it is its service's default: the account agents get when a step
// names only the service.
import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { type Account, accountActions } from './account-queries.ts';
import { FormField, formText } from './FormField.tsx';
import { useAccountChange } from './useAccountChange.ts';

export function AccountNaming({ ws, account }: { ws: string; account: Account }) {
  const [saved, setSaved] = useState('');
  const relabel = useAccountChange(ws, (label: string) => accountActions.change(ws, account.id, { label }));
  const makeDefault = useAccountChange(ws, () => accountActions.change(ws, account.id, { isDefault: true }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved('');
    relabel.mutate(formText(new FormData(event.currentTarget), 'label') ?? '', {
      onSuccess: (changed) =>
        setSaved(changed.label ? `Now labelled “${changed.label}”.` : 'The label is removed.'),
    });
  }

  return (
    <section className="account-section" aria-labelledby="naming-title">
      <h2 id="naming-title">Label and default</h2>
      <form className="account-form inline-form" onSubmit={submit} aria-labelledby="naming-title">
        <FormField
          key={account.label}
          label="Label"
          name="label"
          defaultValue={account.label}
          hint={`Steps name it “${account.service}/label”; the label tells apart several ${account.service} accounts.`}
        />
        <div className="form-actions">
          <button type="submit" disabled={relabel.isPending}>
            Save the label
          </button>
          <span role="status" className="form-outcome">
            {saved}
          </span>
        </div>
      </form>
      <ErrorMessage error={relabel.error} />
      {account.isDefault ? (
        <p>
          This is the default <strong>{account.service}</strong> account: steps that name only “
          {account.service}” use it.
        </p>
      ) : (
        <p>
          <button
            type="button"
            onClick={() => makeDefault.mutate(undefined)}
            disabled={makeDefault.isPending}
          >
            Make it the default {account.service} account
          </button>{' '}
          <span className="hint">Steps that name only “{account.service}” then use it.</span>
        </p>
      )}
      <ErrorMessage error={makeDefault.error} />
    </section>
  );
}
