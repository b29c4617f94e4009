// A button for something that cannot be taken back (remove a schedule, delete a chain or a hook,
// give a hook a new address): it asks first, in a dialog that says what will happen, and shows
// the server's refusal there in words.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog } from '../shared/Dialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';

export function ConfirmAction({
  label,
  title,
  consequence,
  confirmLabel,
  action,
  danger = true,
  accessibleLabel,
}: {
  label: string;
  title: string;
  consequence: string;
  confirmLabel: string;
  action: () => Promise<unknown>;
  danger?: boolean;
  /** A fuller name for the button, when several like it are on the page. */
  accessibleLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  const run = useMutation({ mutationFn: action, onSuccess: () => setOpen(false) });
  return (
    <>
      <button
        type="button"
        className={danger ? 'danger' : undefined}
        aria-label={accessibleLabel}
        onClick={() => {
          run.reset();
          setOpen(true);
        }}
      >
        {label}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title} description={consequence}>
        <ErrorMessage error={run.error} />
        <button
          type="button"
          className={danger ? 'danger' : 'primary'}
          onClick={() => run.mutate()}
          disabled={run.isPending}
        >
          {run.isPending ? 'Working…' : confirmLabel}
        </button>
      </Dialog>
    </>
  );
}
