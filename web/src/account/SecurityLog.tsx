// The account's recent security events (password changes and sign-outs), so the person can notice
// something they did not do.
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime } from '../shared/format.ts';
import { type AccountEvent, useAccountEvents } from './account-queries.ts';

function sessionsWord(count: unknown): string {
  const number = typeof count === 'number' ? count : 0;
  return number === 1 ? '1 session' : `${number} sessions`;
}

function eventInWords(event: AccountEvent): string {
  switch (event.action) {
    case 'password_changed':
      return `Password changed; ${sessionsWord(event.details.signedOutSessions)} signed out`;
    case 'signed_out':
      return 'Signed out';
    case 'session_revoked':
      return 'A session was signed out from this page';
    case 'other_sessions_revoked':
      return `Signed out everywhere else (${sessionsWord(event.details.signedOutSessions)})`;
    case 'all_sessions_revoked':
      return `Signed out everywhere (${sessionsWord(event.details.signedOutSessions)})`;
  }
}

export function SecurityLog() {
  const events = useAccountEvents();
  const items = events.data?.items ?? [];
  return (
    <div className="security-log">
      <ErrorMessage error={events.error} onRetry={() => void events.refetch()} />
      {events.isPending ? <p className="loading-inline">Loading…</p> : null}
      {events.isSuccess && items.length === 0 ? (
        <p className="my-account-empty">Nothing yet. Password changes and sign-outs will show here.</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="event-list" aria-label="Recent security activity">
          {items.slice(0, 10).map((event) => (
            <li key={event.id}>
              <span>{eventInWords(event)}</span>
              <time className="muted" dateTime={event.createdAt}>
                {dateTime(event.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
