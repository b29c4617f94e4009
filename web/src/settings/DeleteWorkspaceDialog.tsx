// Deleting the workspace, confirmed by typing its name: a slip of the mouse must not remove
// everything. The API asks for the slug; the person types the name they know.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../shared/Dialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import type { Me } from '../shell/session.ts';
import { settingsActions } from './settings-queries.ts';

export function DeleteWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const remove = useMutation({
    mutationFn: () => settingsActions.deleteWorkspace(workspace.id, workspace.slug),
    onSuccess: () => {
      window.localStorage.removeItem('orca.workspace');
      // Gone from the list at once, so the home page opens another workspace, not this one.
      queryClient.setQueryData<Me | null>(queryKeys.me, (me) =>
        me ? { ...me, workspaces: me.workspaces.filter((candidate) => candidate.id !== workspace.id) } : me,
      );
      navigate('/', { replace: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
  const close = () => {
    setTyped('');
    setMismatch(false);
    remove.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() !== workspace.name) {
      setMismatch(true);
      return;
    }
    remove.mutate();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Delete ${workspace.name}?`}
      description="Everything in it goes for everyone: agents, runs, files, context, connected accounts, members' access and API tokens. This cannot be undone."
    >
      <form onSubmit={submit} className="settings-form" aria-label="Confirm deletion">
        <label htmlFor="delete-confirmation">Type “{workspace.name}” to confirm</label>
        <input
          id="delete-confirmation"
          value={typed}
          autoComplete="off"
          onChange={(event) => {
            setTyped(event.target.value);
            setMismatch(false);
          }}
          aria-invalid={mismatch}
          aria-describedby={mismatch ? 'delete-mismatch' : undefined}
        />
        {mismatch ? (
          <p className="error" id="delete-mismatch" role="alert">
            That is not the workspace's name. Type “{workspace.name}” exactly to delete it.
          </p>
        ) : null}
        <ErrorMessage error={remove.error} />
        <button type="submit" className="danger" disabled={remove.isPending}>
          {remove.isPending ? 'Deleting…' : 'Delete this workspace'}
        </button>
      </form>
    </Dialog>
  );
}
