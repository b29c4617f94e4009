// "Use as style sample for…" on a text file: keeps the file's text as a writing sample of the
// agent the user picks.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useAgents } from '../agents/agent-queries.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { styleActions, styleKey } from './style-queries.ts';

const textTypes = /^(?:text\/|application\/(?:json|xml|markdown|x-markdown)\b)/;

export function UseAsStyleSample({
  fileId,
  fileName,
  contentType,
}: {
  fileId: string;
  fileName: string;
  contentType: string;
}) {
  const { ws, canBuild } = useWorkspace();
  const ids = useId();
  const queryClient = useQueryClient();
  const agents = useAgents(ws);
  const [agentId, setAgentId] = useState('');
  const use = useMutation({
    mutationFn: () => styleActions.sampleFromFile(ws, fileId, agentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: styleKey(ws, agentId) }),
  });
  if (!canBuild || !textTypes.test(contentType)) return null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    use.mutate();
  }

  return (
    <details className="use-as-style">
      <summary>Use as style sample for…</summary>
      <form onSubmit={submit} aria-label={`Use ${fileName} as a style sample`}>
        <label htmlFor={`${ids}-agent`}>Teach the style of</label>
        <select
          id={`${ids}-agent`}
          value={agentId}
          onChange={(event) => setAgentId(event.target.value)}
          required
        >
          <option value="">Choose one of your agents</option>
          {agents.data?.items.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={use.isPending || agentId === ''}>
          Use as sample
        </button>
        {use.isSuccess ? <span role="status"> Added to the agent’s samples.</span> : null}
        <ErrorMessage error={use.error} />
      </form>
    </details>
  );
}
