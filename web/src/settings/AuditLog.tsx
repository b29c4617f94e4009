// The audit log: who changed what and when, newest first, filtered by action, person and dates,
// a page at a time ("Load more").
import { useState } from 'react';
import { useMembers } from '../members/member-queries.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { actionInWords, actorInWords } from './audit-words.ts';
import { type AuditFilters, useAuditActions, useAuditLog } from './settings-queries.ts';

/** The start of a day picked in a date field, in the reader's time zone, as an instant. */
function startOfDay(date: string, daysLater = 0): string | undefined {
  if (!date) return undefined;
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, (day ?? 1) + daysLater).toISOString();
}

export function AuditLog() {
  const { workspace } = useWorkspace();
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const datesBackwards = from !== '' && until !== '' && from > until;
  const filters: AuditFilters = {
    action: action || undefined,
    actor: actor || undefined,
    since: datesBackwards ? undefined : startOfDay(from),
    // The end date counts whole: events before the next day's start.
    until: datesBackwards ? undefined : startOfDay(until, 1),
  };
  const log = useAuditLog(workspace.id, filters);
  const actions = useAuditActions(workspace.id);
  const members = useMembers(workspace.id);
  const events = log.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(action || actor || from || until);
  return (
    <div className="settings-section">
      <h2>Audit log</h2>
      <p className="muted">
        Changes to members, invitations, tokens, settings and automations, newest first.
      </p>
      <form
        className="settings-form audit-filters"
        aria-label="Filter the audit log"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Action
          <select value={action} onChange={(event) => setAction(event.target.value)}>
            <option value="">All actions</option>
            {(actions.data?.items ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Who
          <select value={actor} onChange={(event) => setActor(event.target.value)}>
            <option value="">Anyone</option>
            {(members.data?.items ?? []).map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name} ({member.email})
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          Until
          <input type="date" value={until} onChange={(event) => setUntil(event.target.value)} />
        </label>
        {filtered ? (
          <button
            type="button"
            onClick={() => {
              setAction('');
              setActor('');
              setFrom('');
              setUntil('');
            }}
          >
            Clear filters
          </button>
        ) : null}
      </form>
      {datesBackwards ? (
        <p className="error" role="alert">
          The “From” date is after the “Until” date: choose a start before the end.
        </p>
      ) : null}
      <ErrorMessage error={actions.error} />
      <ErrorMessage error={log.error} onRetry={() => void log.refetch()} />
      {log.isPending ? <p className="loading">Loading the audit log…</p> : null}
      {log.isSuccess && events.length === 0 ? (
        <p className="muted">
          {filtered
            ? 'Nothing matches these filters. Widen the dates or clear the filters.'
            : 'Nothing recorded yet.'}
        </p>
      ) : null}
      {events.length > 0 ? (
        <table className="settings-table" aria-label="Audit events">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td data-label="When">
                  <time dateTime={event.createdAt} title={relativeTime(event.createdAt)}>
                    {dateTime(event.createdAt)}
                  </time>
                </td>
                <td data-label="Who">{actorInWords(event)}</td>
                <td data-label="What">
                  {actionInWords(event)} <span className="muted audit-action">{event.action}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {log.hasNextPage ? (
        <button type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </div>
  );
}
