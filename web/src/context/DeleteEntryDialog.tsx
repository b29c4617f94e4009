// Deleting an entry after saying what it means: agents reading its key stop finding it. The
// delete carries the version shown, so an entry changed meanwhile is not deleted unseen.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Dialog } from '../shared/Dialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import {
  entryActions,
  entryKey,
  type MemoryEntry,
  type MemorySurface,
  surfaceKey,
} from './context-queries.ts';

export function DeleteEntryDialog({
  surface,
  entry,
  open,
  onClose,
  onDeleted,
}: {
  surface: MemorySurface;
  entry: MemoryEntry;
  open: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { ws } = useWorkspace();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => entryActions.remove(ws, surface, entry.id, entry.version),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: entryKey(ws, surface, entry.id) });
      void queryClient.invalidateQueries({ queryKey: surfaceKey(ws, surface) });
      onDeleted();
    },
  });
  const readers =
    surface.kind === 'context'
      ? 'Agents that read this key will no longer find it.'
      : 'The agent will no longer remember it.';
  return (
    <Dialog
      open={open}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      title={`Delete “${entry.key}”?`}
      description={`${readers} This cannot be undone.`}
    >
      <ErrorMessage error={remove.error} />
      <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
        {remove.isPending ? 'Deleting…' : 'Delete entry'}
      </button>
    </Dialog>
  );
}
