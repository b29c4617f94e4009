// Deleting a file (builders only), after a confirmation: the content goes from the file store and
// links to it in runs stop working.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { client, unwrap } from '../api/client.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import type { StoredFile } from './FileRow.tsx';

export function DeleteFileButton({ file }: { file: StoredFile }) {
  const { ws, canBuild } = useWorkspace();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        client.DELETE('/api/workspaces/{ws}/deliverables/{fileId}', {
          params: { path: { ws, fileId: file.id } },
        }),
      ),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.file(ws, file.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.agents(ws) });
      if (file.runId) void queryClient.invalidateQueries({ queryKey: queryKeys.runFiles(ws, file.runId) });
      navigate(`/w/${ws}/files`);
    },
  });
  if (!canBuild) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Delete ${file.name}?`}
        description="This cannot be undone: the file goes for everyone, and links to it from its run stop working."
      >
        <ErrorMessage error={remove.error} />
        <div className="file-actions">
          <button
            type="button"
            className="danger"
            onClick={() => remove.mutate()}
            disabled={remove.isPending}
          >
            {remove.isPending ? 'Deleting…' : `Delete ${file.name}`}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Keep it
          </button>
        </div>
      </Dialog>
    </>
  );
}
