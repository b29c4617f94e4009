// Where the person is signed in: each session's browser, when it signed in and was last used,
// this device marked. Sign one out, every other one, or all of them (this one too, after a
// confirmation; the sign-in page follows).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../shared/Dialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { type AccountSession, accountActions, useSessions } from './account-queries.ts';

export function SessionList() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const sessions = useSessions();
  const [outcome, setOutcome] = useState('');
  const [confirmAll, setConfirmAll] = useState(false);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.accountSessions }),
      queryClient.invalidateQueries({ queryKey: queryKeys.accountEvents }),
    ]);

  const revokeOne = useMutation({
    mutationFn: (session: AccountSession) => accountActions.revokeSession(session.id),
    onSuccess: (_, session) => setOutcome(`Signed out ${session.device}.`),
    onSettled: refresh,
  });
  const revokeOthers = useMutation({
    mutationFn: accountActions.revokeOthers,
    onSuccess: (result) => setOutcome(result.message),
    onSettled: refresh,
  });
  const revokeAll = useMutation({
    mutationFn: accountActions.revokeAll,
    onSuccess: () => {
      // Nothing of this account may stay on screen: the sign-in page shows next (the app shows it
      // when `me` is null), and it leads to the home page, not back here.
      navigate('/');
      queryClient.setQueryData(queryKeys.me, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
    },
  });

  // This device first, then the others as the server orders them (most recently used first).
  const items = [...(sessions.data?.items ?? [])].sort(
    (left, right) => Number(right.current) - Number(left.current),
  );
  const others = items.filter((session) => !session.current);
  const busy = revokeOne.isPending || revokeOthers.isPending || revokeAll.isPending;

  return (
    <div className="sessions">
      <ErrorMessage error={sessions.error} onRetry={() => void sessions.refetch()} />
      <ErrorMessage error={revokeOne.error ?? revokeOthers.error} />
      {sessions.isPending ? <p className="loading-inline">Loading your sessions…</p> : null}
      {items.length > 0 ? (
        <ul className="session-list" aria-label="Your sessions">
          {items.map((session) => (
            <li key={session.id} className={session.current ? 'session current' : 'session'}>
              <div className="session-what">
                <strong>{session.device}</strong>
                {session.current ? <span className="this-device">This device</span> : null}
              </div>
              <div className="session-when muted">
                Signed in {dateTime(session.createdAt)} · last seen{' '}
                <time dateTime={session.lastSeenAt} title={dateTime(session.lastSeenAt)}>
                  {session.current ? 'now' : relativeTime(session.lastSeenAt)}
                </time>
              </div>
              {session.current ? null : (
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`Sign out ${session.device}, signed in ${dateTime(session.createdAt)}`}
                  onClick={() => revokeOne.mutate(session)}
                >
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {sessions.isSuccess && others.length === 0 ? (
        <p className="my-account-empty">You are signed in on this device only.</p>
      ) : null}
      <div className="form-actions wrap">
        <button type="button" disabled={busy || others.length === 0} onClick={() => revokeOthers.mutate()}>
          Sign out everywhere else
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => setConfirmAll(true)}>
          Sign out everywhere
        </button>
      </div>
      <p className={outcome ? 'notice' : undefined} role="status">
        {outcome}
      </p>
      <Dialog
        open={confirmAll}
        onClose={() => setConfirmAll(false)}
        title="Sign out everywhere?"
        description="Every session ends, this one too: you will need your password to sign in again, on every device."
      >
        <ErrorMessage error={revokeAll.error} />
        <button
          type="button"
          className="danger"
          disabled={revokeAll.isPending}
          onClick={() => revokeAll.mutate()}
        >
          {revokeAll.isPending ? 'Signing out…' : 'Sign out everywhere'}
        </button>
      </Dialog>
    </div>
  );
}
