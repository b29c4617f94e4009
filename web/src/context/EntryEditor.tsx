// Writing an entry: a new one, or a change to one that is open. The change carries the version
// it started from; when someone (or a run) changed the entry meanwhile, the server refuses it in
// words and everything typed stays here, with a way to look at their version before saving over it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import {
  type EntryFields,
  entryActions,
  entryKey,
  fetchEntry,
  type MemoryEntry,
  type MemorySurface,
  surfaceKey,
} from './context-queries.ts';
import { lastWriter, parseTags, valueText } from './entry-words.ts';

type Format = 'text' | 'json';

/** The version a refusal says the entry is at now, when the refusal is about a stale copy. */
function staleVersion(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const current = (error.details as { currentVersion?: unknown } | undefined)?.currentVersion;
  return typeof current === 'number' ? current : undefined;
}

export function EntryEditor({
  surface,
  entry,
  onSaved,
  onCancel,
}: {
  surface: MemorySurface;
  /** The entry as it was opened; none for a new entry. */
  entry?: MemoryEntry;
  onSaved: (entry: MemoryEntry) => void;
  onCancel: () => void;
}) {
  const { ws } = useWorkspace();
  const queryClient = useQueryClient();
  const ids = useId();
  const [key, setKey] = useState(entry?.key ?? '');
  const [format, setFormat] = useState<Format>(entry && typeof entry.value !== 'string' ? 'json' : 'text');
  const [value, setValue] = useState(entry ? valueText(entry.value) : '');
  const [tags, setTags] = useState(entry?.tags.join(', ') ?? '');
  const [text, setText] = useState(entry?.customText ? entry.text : '');
  const [problem, setProblem] = useState<string | null>(null);
  // The version this edit replaces; it moves on only when the person loads the newer one.
  const [base, setBase] = useState(entry);
  const [theirs, setTheirs] = useState<MemoryEntry | null>(null);

  const save = useMutation({
    mutationFn: (fields: EntryFields) =>
      base
        ? entryActions.edit(ws, surface, base.id, fields, base.version)
        : entryActions.create(ws, surface, fields),
    onSuccess: (saved) => {
      queryClient.setQueryData(entryKey(ws, surface, saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: surfaceKey(ws, surface) });
      onSaved(saved);
    },
  });
  const loadTheirs = useMutation({
    mutationFn: () => fetchEntry(ws, surface, base?.id ?? ''),
    onSuccess: (current) => {
      setTheirs(current);
      setBase(current);
      save.reset();
      queryClient.setQueryData(entryKey(ws, surface, current.id), current);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    let parsed: unknown = value;
    if (format === 'json') {
      try {
        parsed = JSON.parse(value);
      } catch (error) {
        setProblem(
          `The value is not valid JSON (${error instanceof Error ? error.message : String(error)}). Fix it, or choose “Text” to keep it as plain text.`,
        );
        return;
      }
    }
    save.mutate({ key: key.trim(), value: parsed, tags: parseTags(tags), text: text.trim() || undefined });
  }

  const stale = staleVersion(save.error) !== undefined;
  return (
    <form className="entry-editor" onSubmit={submit} aria-label={entry ? `Edit ${entry.key}` : 'New entry'}>
      <label htmlFor={`${ids}-key`}>Key</label>
      <input
        id={`${ids}-key`}
        value={key}
        onChange={(event) => setKey(event.target.value)}
        required
        maxLength={200}
        aria-describedby={`${ids}-key-hint`}
        placeholder="clients/acme"
      />
      <p className="hint" id={`${ids}-key-hint`}>
        The name agents read it by, e.g. clients/acme. Writing a key again replaces its entry.
      </p>
      <fieldset className="entry-format">
        <legend>The value is</legend>
        <label>
          <input
            type="radio"
            name={`${ids}-format`}
            checked={format === 'text'}
            onChange={() => setFormat('text')}
          />{' '}
          Text
        </label>
        <label>
          <input
            type="radio"
            name={`${ids}-format`}
            checked={format === 'json'}
            onChange={() => setFormat('json')}
          />{' '}
          JSON
        </label>
      </fieldset>
      <label htmlFor={`${ids}-value`}>Value</label>
      <textarea
        id={`${ids}-value`}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        rows={Math.min(16, Math.max(4, value.split('\n').length + 1))}
        required={format === 'json'}
        spellCheck={format === 'text'}
      />
      <label htmlFor={`${ids}-tags`}>Tags</label>
      <input
        id={`${ids}-tags`}
        value={tags}
        onChange={(event) => setTags(event.target.value)}
        aria-describedby={`${ids}-tags-hint`}
        placeholder="client, pricing"
      />
      <p className="hint" id={`${ids}-tags-hint`}>
        Separated by commas; agents and this page filter by them.
      </p>
      <label htmlFor={`${ids}-text`}>Search text (optional)</label>
      <textarea
        id={`${ids}-text`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={2}
        aria-describedby={`${ids}-text-hint`}
      />
      <p className="hint" id={`${ids}-text-hint`}>
        What search matches. Leave it empty to search the words of the value.
      </p>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      <ErrorMessage error={save.error} />
      {stale ? (
        <p className="entry-stale">
          What you typed is kept here.{' '}
          <button type="button" onClick={() => loadTheirs.mutate()} disabled={loadTheirs.isPending}>
            {loadTheirs.isPending ? 'Loading…' : 'Show their version'}
          </button>
        </p>
      ) : null}
      <ErrorMessage error={loadTheirs.error} />
      {theirs ? (
        <div className="entry-theirs" data-testid="their-version">
          <p>
            Version {theirs.version}, written by {lastWriter(theirs)}, is saved now:
          </p>
          <pre className="entry-value">{valueText(theirs.value)}</pre>
          <p className="hint">Saving replaces it with what you typed.</p>
        </div>
      ) : null}
      <div className="entry-buttons">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : entry ? 'Save changes' : 'Add entry'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
