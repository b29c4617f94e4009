// Creates a workspace and opens it: empty, or at its settings' import, to fill it from a workspace
// file another Orca exported.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { client, unwrap } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';

export function NewWorkspaceForm({ onCreated }: { onCreated?: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  // Which button submitted: read when the workspace exists, so a ref rather than a render's state.
  const fromFile = useRef(false);
  const create = useMutation({
    mutationFn: (body: { name: string }) => unwrap(client.POST('/api/workspaces', { body })),
    onSuccess: async (workspace) => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      onCreated?.();
      navigate(fromFile.current ? `/w/${workspace.slug}/settings?tab=bundle` : `/w/${workspace.slug}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name });
  };
  return (
    <form onSubmit={submit} className="new-workspace" aria-label="New workspace">
      <input
        name="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        placeholder="New workspace name"
        aria-label="New workspace name"
        required
        maxLength={80}
      />
      <button
        type="submit"
        disabled={create.isPending}
        onClick={() => {
          fromFile.current = false;
        }}
      >
        Create
      </button>
      <button
        type="submit"
        disabled={create.isPending}
        onClick={() => {
          fromFile.current = true;
        }}
      >
        Create from a workspace file
      </button>
      <ErrorMessage error={create.error} />
    </form>
  );
}
