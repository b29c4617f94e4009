// One entry, open: its value as text (JSON indented), who wrote it and when, its tags and size;
// for builders, edit and delete. Values are shown as text, never as markup.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { CopyButton } from '../shared/CopyButton.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { type MemoryEntry, type MemorySurface, useEntry } from './context-queries.ts';
import { DeleteEntryDialog } from './DeleteEntryDialog.tsx';
import { EntryEditor } from './EntryEditor.tsx';
import { byteSize, lastWriter, valueText } from './entry-words.ts';

export function EntryView({
  surface,
  entryId,
  headingLevel,
  onBack,
  onDeleted,
}: {
  surface: MemorySurface;
  entryId: string;
  headingLevel: 2 | 3;
  onBack: () => void;
  onDeleted: (entry: MemoryEntry) => void;
}) {
  const { ws, canBuild } = useWorkspace();
  const entry = useEntry(ws, surface, entryId);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // The button that opened the entry is gone: the focus moves to the entry, not to the page's top.
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = entry.isSuccess;
  useEffect(() => {
    if (loaded && !editing) heading.current?.focus();
  }, [loaded, editing]);
  const back = (
    <button type="button" className="link-button" onClick={onBack}>
      ← All entries
    </button>
  );

  if (entry.isPending) return <p className="muted">Loading the entry…</p>;
  if (entry.error) {
    const missing = entry.error instanceof ApiError && entry.error.status === 404;
    return (
      <div className="entry-view">
        {back}
        {missing ? (
          <p className="empty">
            This entry does not exist any more: it was deleted, or its address is wrong.
          </p>
        ) : (
          <ErrorMessage error={entry.error} onRetry={() => void entry.refetch()} />
        )}
      </div>
    );
  }
  const data = entry.data;
  const valueId = `entry-value-${data.id}`;
  return (
    <article className="entry-view" aria-labelledby={`entry-key-${data.id}`}>
      {back}
      <Heading id={`entry-key-${data.id}`} className="entry-key" ref={heading} tabIndex={-1}>
        {data.key}
      </Heading>
      {editing ? (
        <EntryEditor
          surface={surface}
          entry={data}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <dl className="facts">
            <dt>Written by</dt>
            <dd>
              {data.sourceRunId && !data.updatedBy ? (
                <Link to={`/w/${ws}/runs/${data.sourceRunId}`}>{lastWriter(data)}</Link>
              ) : (
                lastWriter(data)
              )}
              , <time dateTime={data.updatedAt}>{relativeTime(data.updatedAt)}</time>
            </dd>
            <dt>Created</dt>
            <dd>
              {dateTime(data.createdAt)}
              {data.createdByName ? ` by ${data.createdByName}` : ''}
            </dd>
            <dt>Version</dt>
            <dd>{data.version}</dd>
            <dt>Size</dt>
            <dd>{byteSize(data.sizeBytes)}</dd>
            <dt>Tags</dt>
            <dd>
              {data.tags.length > 0 ? (
                <span className="entry-tags">
                  {data.tags.map((tag) => (
                    <span key={tag} className="entry-tag">
                      {tag}
                    </span>
                  ))}
                </span>
              ) : (
                <span className="muted">none</span>
              )}
            </dd>
          </dl>
          <div className="entry-value-heading">
            <strong>{typeof data.value === 'string' ? 'Text' : 'JSON'}</strong>
            <CopyButton value={valueText(data.value)} label="Copy value" targetId={valueId} />
          </div>
          <pre className="entry-value" id={valueId} data-testid="entry-value">
            {valueText(data.value)}
          </pre>
          {data.customText ? (
            <details className="entry-search-text">
              <summary>Search text</summary>
              <p>{data.text}</p>
            </details>
          ) : null}
          {canBuild ? (
            <div className="entry-buttons">
              <button type="button" onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" className="danger" onClick={() => setDeleting(true)}>
                Delete…
              </button>
            </div>
          ) : null}
          <DeleteEntryDialog
            surface={surface}
            entry={data}
            open={deleting}
            onClose={() => setDeleting(false)}
            onDeleted={() => {
              setDeleting(false);
              onDeleted(data);
            }}
          />
        </>
      )}
    </article>
  );
}
