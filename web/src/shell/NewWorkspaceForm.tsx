// Creates a workspace and opens it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { client, unwrap } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';

export function NewWorkspaceForm({ onCreated }: { onCreated?: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: (body: { name: string }) => unwrap(client.POST('/api/workspaces', { body })),
    onSuccess: async (workspace) => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      onCreated?.();
      navigate(`/w/${workspace.slug}`);
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
      <button type="submit" disabled={create.isPending}>
        Create
      </button>
      <ErrorMessage error={create.error} />
    </form>
  );
}
