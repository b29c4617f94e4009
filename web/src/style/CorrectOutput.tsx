// "Correct this output" on a run's page: the user rewrites the run's text output as they would
// have written it, and the agent's style memory learns from the difference.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { client, unwrap } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { styleKey } from './style-queries.ts';

/** The output's text: the output itself when it is text, or its `text` field (llm.generate's). */
export function outputText(output: unknown): string | undefined {
  if (typeof output === 'string') return output;
  if (output !== null && typeof output === 'object') {
    const text = (output as { text?: unknown }).text;
    if (typeof text === 'string') return text;
  }
  return undefined;
}

export function CorrectOutput({
  runId,
  agentId,
  output,
}: {
  runId: string;
  agentId: string;
  output: unknown;
}) {
  const { ws } = useWorkspace();
  const ids = useId();
  const queryClient = useQueryClient();
  const original = outputText(output);
  const [corrected, setCorrected] = useState(original ?? '');
  const teach = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/workspaces/{ws}/agents/{agentId}/style/corrections', {
          params: { path: { ws, agentId } },
          body: { runId, corrected },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: styleKey(ws, agentId) }),
  });
  if (original === undefined || original.trim() === '') return null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    teach.mutate();
  }

  return (
    <details className="correct-output">
      <summary>Correct this output</summary>
      <form onSubmit={submit} aria-label="Correct this output">
        <label htmlFor={`${ids}-corrected`}>The output as you would have written it</label>
        <textarea
          id={`${ids}-corrected`}
          value={corrected}
          onChange={(event) => setCorrected(event.target.value)}
          rows={8}
        />
        <p className="hint">
          The agent’s writing style learns from what you change: words you remove are avoided.
        </p>
        <ErrorMessage error={teach.error} />
        <button
          type="submit"
          className="primary"
          disabled={teach.isPending || corrected.trim() === original.trim()}
        >
          Teach the style
        </button>
        {teach.isSuccess ? <span role="status"> Learned.</span> : null}
      </form>
    </details>
  );
}
