// The agent's writing samples: add one by pasting or from a text file, delete one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { type StyleSample, styleActions, styleKey, useStyleSamples } from './style-queries.ts';

const sourceWords: Record<StyleSample['source'], string> = {
  upload: 'pasted',
  deliverable: 'from a file',
  correction: 'a correction',
};
const maximumCharacters = 20_000;

function SampleItem({ sample, agentId }: { sample: StyleSample; agentId: string }) {
  const { ws, canBuild } = useWorkspace();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => styleActions.removeSample(ws, agentId, sample.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: styleKey(ws, agentId) }),
  });
  const title = sample.name || `${sample.text.slice(0, 40)}${sample.text.length > 40 ? '…' : ''}`;
  return (
    <li className="style-sample" data-testid="style-sample">
      <div>
        <strong>{title}</strong>{' '}
        <span className="muted">
          {sourceWords[sample.source]}, {sample.characters.toLocaleString()} characters
        </span>
        <p className="style-sample-text">{sample.text.slice(0, 240)}</p>
        <ErrorMessage error={remove.error} />
      </div>
      {canBuild ? (
        <button
          type="button"
          onClick={() => remove.mutate()}
          disabled={remove.isPending}
          aria-label={`Delete sample ${title}`}
        >
          Delete
        </button>
      ) : null}
    </li>
  );
}

function AddSample({ agentId }: { agentId: string }) {
  const { ws } = useWorkspace();
  const ids = useId();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => styleActions.addSample(ws, agentId, { text, name: name.trim() || undefined }),
    onSuccess: () => {
      setText('');
      setName('');
      void queryClient.invalidateQueries({ queryKey: styleKey(ws, agentId) });
    },
  });

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setProblem(null);
    if (!file) return;
    const content = await file.text();
    if (content.length > maximumCharacters) {
      setProblem(
        `“${file.name}” has ${content.length.toLocaleString()} characters; a sample holds at most ${maximumCharacters.toLocaleString()}. Paste the part that shows your voice best.`,
      );
      return;
    }
    setText(content);
    setName(file.name);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate();
  }

  return (
    <form className="style-add" onSubmit={submit} aria-label="Add a writing sample">
      <label htmlFor={`${ids}-text`}>Your writing</label>
      <textarea
        id={`${ids}-text`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={6}
        required
        maxLength={maximumCharacters}
        placeholder="Paste an e-mail, a post or a report you wrote"
      />
      <label htmlFor={`${ids}-file`}>Or read a text or Markdown file</label>
      <input
        id={`${ids}-file`}
        type="file"
        accept=".txt,.md,.markdown,text/plain,text/markdown"
        onChange={(event) => void readFile(event)}
      />
      <label htmlFor={`${ids}-name`}>Name (optional)</label>
      <input
        id={`${ids}-name`}
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={200}
      />
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      <ErrorMessage error={add.error} />
      <button type="submit" className="primary" disabled={add.isPending || text.trim() === ''}>
        Add sample
      </button>
    </form>
  );
}

export function StyleSamples({ agentId }: { agentId: string }) {
  const { ws, canBuild } = useWorkspace();
  const samples = useStyleSamples(ws, agentId);
  return (
    <div className="style-samples">
      <h3>Samples</h3>
      {samples.error ? <ErrorMessage error={samples.error} onRetry={() => void samples.refetch()} /> : null}
      {samples.data && samples.data.items.length === 0 ? (
        <p className="muted">No samples yet.</p>
      ) : (
        <ul>
          {samples.data?.items.map((sample) => (
            <SampleItem key={sample.id} sample={sample} agentId={agentId} />
          ))}
        </ul>
      )}
      {canBuild ? <AddSample agentId={agentId} /> : null}
    </div>
  );
}
