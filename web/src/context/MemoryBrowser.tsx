// Browsing entries of the shared context or of an agent's memory: full-text search (best match
// first, matched words marked), a tag filter, newest first otherwise, older entries a page at a
// time; one entry opens in place. The search, the tag and the open entry live in the page address,
// so a reload or a shared link shows the same, and Back closes the entry.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { count, relativeTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { type MemoryEntry, type MemorySurface, useEntries, useTags } from './context-queries.ts';
import { EntryEditor } from './EntryEditor.tsx';
import { EntryView } from './EntryView.tsx';
import { byteSize, lastWriter, preview } from './entry-words.ts';
import { Snippet } from './Snippet.tsx';
import './context.css';

export interface BrowserWords {
  /** What the entries are, for labels: "shared context", "memory". */
  what: string;
  /** What to say when there are none at all. */
  empty: string;
}

export function MemoryBrowser({
  surface,
  paramPrefix,
  headingLevel,
  words,
}: {
  surface: MemorySurface;
  /** Prefix of this browser's page-address parameters, so two browsers never share them. */
  paramPrefix: string;
  headingLevel: 2 | 3;
  words: BrowserWords;
}) {
  const { ws, canBuild } = useWorkspace();
  const ids = useId();
  const [params, setParams] = useSearchParams();
  const names = { q: `${paramPrefix}q`, tag: `${paramPrefix}tag`, entry: `${paramPrefix}entry` };
  const q = params.get(names.q)?.trim() || undefined;
  const tag = params.get(names.tag) || undefined;
  const open = params.get(names.entry) || undefined;
  const [typed, setTyped] = useState(q ?? '');
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // Back in the list, the focus returns to the entry that was open (the list's top if it is gone).
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);

  const setParam = (name: string, value: string | undefined, push = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: !push },
    );

  // Searching as the person types, once they pause; Enter searches at once.
  useEffect(() => {
    const wanted = typed.trim() || undefined;
    if (wanted === q) return;
    const timer = setTimeout(() => setParam(names.q, wanted), 350);
    return () => clearTimeout(timer);
  });
  // A search changed from outside (Back, a link) shows in the box.
  useEffect(() => setTyped(q ?? ''), [q]);

  const entries = useEntries(ws, surface, { q, tag });
  const listed = entries.isSuccess;
  useEffect(() => {
    if (returnTo === null || open || !listed) return;
    const button = list.current?.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(returnTo)}"]`);
    (button ?? list.current?.querySelector<HTMLElement>('input[type="search"]'))?.focus();
    setReturnTo(null);
  }, [returnTo, open, listed]);
  const tags = useTags(ws, surface);
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParam(names.q, typed.trim() || undefined);
  }

  const openEntry = (entry: MemoryEntry) => {
    setAnnouncement('');
    setParam(names.entry, entry.id, true);
  };

  if (open)
    return (
      <EntryView
        surface={surface}
        entryId={open}
        headingLevel={headingLevel}
        onBack={() => {
          setReturnTo(open);
          setParam(names.entry, undefined);
        }}
        onDeleted={(entry) => {
          setAnnouncement(`Deleted “${entry.key}”.`);
          setReturnTo(entry.id);
          setParam(names.entry, undefined);
        }}
      />
    );

  if (adding)
    return (
      <EntryEditor
        surface={surface}
        onSaved={(entry) => {
          setAdding(false);
          openEntry(entry);
        }}
        onCancel={() => setAdding(false)}
      />
    );

  const filtered = Boolean(q || tag);
  return (
    <div className="memory-browser" ref={list}>
      <p role="status" className="entry-announcement">
        {announcement}
      </p>
      <div className="memory-tools">
        <search className="memory-search">
          <form onSubmit={search} aria-label={`Search the ${words.what}`}>
            <label htmlFor={`${ids}-q`} className="visually-hidden">
              Search the {words.what}
            </label>
            <input
              id={`${ids}-q`}
              type="search"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              placeholder={`Search the ${words.what}`}
              maxLength={500}
            />
            <button type="submit">Search</button>
          </form>
        </search>
        <div className="memory-tag-filter">
          <label htmlFor={`${ids}-tag`}>Tag</label>
          <select
            id={`${ids}-tag`}
            value={tag ?? ''}
            onChange={(event) => setParam(names.tag, event.target.value || undefined)}
          >
            <option value="">All tags</option>
            {tag && !(tags.data ?? []).some((item) => item.tag === tag) ? (
              <option value={tag}>{tag}</option>
            ) : null}
            {(tags.data ?? []).map((item) => (
              <option key={item.tag} value={item.tag}>
                {item.tag} ({item.count})
              </option>
            ))}
          </select>
        </div>
        {canBuild ? (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            New entry
          </button>
        ) : null}
      </div>
      <ErrorMessage error={tags.error} onRetry={() => void tags.refetch()} />
      {entries.isPending ? <p className="loading">Loading entries…</p> : null}
      <ErrorMessage error={entries.error} onRetry={() => void entries.refetch()} />
      {entries.isSuccess && items.length === 0 ? (
        filtered ? (
          <p className="empty">
            {q
              ? `Nothing matches “${q}”${tag ? ` with the tag “${tag}”` : ''}.`
              : `No entries have the tag “${tag}”.`}{' '}
            {q ? 'Try other or fewer words. ' : ''}
            <button
              type="button"
              className="link-button"
              onClick={() =>
                setParams(
                  (current) => {
                    const next = new URLSearchParams(current);
                    next.delete(names.q);
                    next.delete(names.tag);
                    return next;
                  },
                  { replace: true },
                )
              }
            >
              Show all entries
            </button>
          </p>
        ) : (
          <p className="empty">
            {words.empty}
            {canBuild ? ' You can add one yourself with “New entry”.' : ''}
          </p>
        )
      ) : null}
      {items.length > 0 ? (
        <>
          <p className="muted" aria-live="polite">
            {q ? `Best matches for “${q}” first` : 'Newest first'}
            {entries.hasNextPage ? '' : ` · ${count(items.length, 'entry', 'entries')}`}
          </p>
          <ul className="entry-list" aria-label={q ? 'Search results' : 'Entries'}>
            {items.map((entry) => (
              <li key={entry.id} className="entry-card" data-testid="entry-card">
                <button
                  type="button"
                  className="link-button entry-open"
                  data-entry-id={entry.id}
                  onClick={() => openEntry(entry)}
                >
                  {entry.key}
                </button>
                <p className="entry-preview">
                  {entry.snippet ? (
                    <Snippet html={entry.snippet} />
                  ) : (
                    preview(entry) || <span className="muted">empty</span>
                  )}
                </p>
                <p className="entry-meta muted">
                  {entry.tags.map((name) => (
                    <span key={name} className="entry-tag">
                      {name}
                    </span>
                  ))}
                  <span>
                    by {lastWriter(entry)},{' '}
                    <time dateTime={entry.updatedAt}>{relativeTime(entry.updatedAt)}</time>
                  </span>
                  <span>{byteSize(entry.sizeBytes)}</span>
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {entries.hasNextPage ? (
        <button
          type="button"
          onClick={() => void entries.fetchNextPage()}
          disabled={entries.isFetchingNextPage}
        >
          {entries.isFetchingNextPage ? 'Loading more…' : 'Load more entries'}
        </button>
      ) : null}
    </div>
  );
}
