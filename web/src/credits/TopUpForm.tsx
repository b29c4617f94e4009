// Adding credits (admins and owners): an amount and an optional note. The server decides what
// amount is allowed and its message is shown as it is; the balance and the ledger refresh after.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { amountFromField, creditActions, credits, useCredits, useRefreshCredits } from './credit-queries.ts';

export function TopUpForm() {
  const { ws } = useWorkspace();
  const id = useId();
  const summary = useCredits(ws);
  const refresh = useRefreshCredits(ws);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const topUp = useMutation({
    mutationFn: (body: { amount: number; note?: string }) => creditActions.topUp(ws, body),
    onSuccess: async () => {
      setAmount('');
      setNote('');
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = amountFromField(amount);
    setUnreadable(value === null);
    if (value === null) return;
    const trimmedNote = note.trim();
    topUp.mutate({ amount: value, ...(trimmedNote ? { note: trimmedNote } : {}) });
  };
  const maximum = summary.data?.maximumTopup;
  return (
    <form className="topup-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add credits</h2>
      <label htmlFor={`${id}-amount`}>Amount (credits)</label>
      <input
        id={`${id}-amount`}
        inputMode="numeric"
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        aria-invalid={unreadable}
        aria-describedby={`${id}-amount-hint`}
        required
      />
      <span id={`${id}-amount-hint`} className={unreadable ? 'error' : 'hint'}>
        {unreadable
          ? 'Type a whole number of credits, such as 500.'
          : maximum
            ? `A whole number of credits, up to ${credits(maximum)} at a time.`
            : 'A whole number of credits.'}
      </span>
      <label htmlFor={`${id}-note`}>Note (optional)</label>
      <input
        id={`${id}-note`}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        maxLength={500}
      />
      <button type="submit" disabled={topUp.isPending}>
        {topUp.isPending ? 'Adding…' : 'Add credits'}
      </button>
      <ErrorMessage error={topUp.error} />
      {topUp.isSuccess ? (
        <p role="status" className="notice">
          Added {credits(topUp.data.entry.amount)}. The balance is now {credits(topUp.data.balance)}.
        </p>
      ) : null}
    </form>
  );
}
