// Asks before something that cannot be taken back (remove a member, revoke a token, rotate a
// secret): says what happens, shows the refusal in place if the server says no, and closes once
// done.
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Dialog } from './Dialog.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

export function ConfirmDialog({
  open,
  onClose,
  title,
  description,
  confirmLabel,
  pendingLabel,
  onConfirm,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  /** The action; the dialog closes when it succeeds and stays open with the error when not. */
  onConfirm: () => Promise<unknown>;
  children?: ReactNode;
}) {
  const action = useMutation({ mutationFn: onConfirm, onSuccess: onClose });
  const close = () => {
    action.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={title} description={description}>
      {children}
      <ErrorMessage error={action.error} />
      <button type="button" className="danger" onClick={() => action.mutate()} disabled={action.isPending}>
        {action.isPending ? pendingLabel : confirmLabel}
      </button>
    </Dialog>
  );
}
