// Connecting an OAuth 2 account: Orca prepares the provider's sign-in address, which opens in a
// window of its own (or in this tab when windows are blocked). The provider sends the person
// back to Orca's callback, which stores the tokens; this page follows the account until it says
// so. (The app's pages isolate themselves from other windows, so the sign-in window cannot
// message back: the account's state on the server is what tells.)
import { useEffect, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { type Account, accountActions } from './account-queries.ts';
import { isAuthorized } from './account-words.ts';

interface Waiting {
  /** The account as it was when the sign-in began: a change from it is the outcome. */
  statusMessage: string | null;
  status: Account['status'];
  authorizationUrl: string;
  redirectUri: string;
  expiresAt: number;
}

export type ConnectOutcome = { connected: true } | { connected: false; message: string };

export function useOAuthConnect(ws: string, account: Account | undefined) {
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [outcome, setOutcome] = useState<ConnectOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!waiting || !account) return;
    const changed = account.statusMessage !== waiting.statusMessage || account.status !== waiting.status;
    if (changed && account.status === 'working' && isAuthorized(account)) {
      setWaiting(null);
      setOutcome({ connected: true });
    } else if (changed && account.status === 'failing') {
      setWaiting(null);
      setOutcome({ connected: false, message: account.statusMessage ?? 'The provider refused.' });
    }
  }, [account, waiting]);

  // The address works once, for a while: past that, nothing more can come of this sign-in.
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(
      () => {
        setWaiting(null);
        setOutcome({
          connected: false,
          message:
            'The sign-in address expired before the provider sent you back. Press Connect to try again.',
        });
      },
      Math.max(0, waiting.expiresAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [waiting]);

  async function start() {
    if (!account) return;
    setOutcome(null);
    setError(null);
    // Opened at once, while the click still counts, so that no pop-up blocker stops it.
    const popup = window.open('', 'orca-oauth', 'popup,width=560,height=720');
    try {
      const authorization = await accountActions.authorize(ws, account.id);
      const current = await accountActions.read(ws, account.id);
      if (popup && !popup.closed) {
        // The provider's page must not reach back into Orca's.
        popup.opener = null;
        popup.location.href = authorization.authorizationUrl;
      } else {
        window.location.assign(authorization.authorizationUrl);
      }
      setWaiting({
        statusMessage: current.statusMessage,
        status: current.status,
        authorizationUrl: authorization.authorizationUrl,
        redirectUri: authorization.redirectUri,
        expiresAt: new Date(authorization.expiresAt).getTime(),
      });
    } catch (caught) {
      popup?.close();
      setError(caught);
    }
  }

  return { start, waiting, outcome, error, cancel: () => setWaiting(null) };
}

export function OAuthConnect({
  account,
  connect,
}: {
  account: Account;
  connect: ReturnType<typeof useOAuthConnect>;
}) {
  const authorized = isAuthorized(account);
  return (
    <section className="account-section" aria-labelledby="connect-title">
      <h2 id="connect-title">{authorized ? 'Reconnect' : 'Connect'}</h2>
      <p>
        {authorized
          ? 'Sign in at the provider again to renew Orca’s access, for instance after changing the scopes or when the provider stopped accepting it.'
          : 'Sign in at the provider and allow Orca: the provider then gives Orca its access, and no password is stored.'}
      </p>
      <p>
        <button
          type="button"
          className="primary"
          onClick={() => void connect.start()}
          disabled={connect.waiting !== null}
        >
          {authorized ? 'Reconnect' : 'Connect'}
        </button>
      </p>
      <div role="status" className="connect-status" data-testid="connect-status">
        {connect.waiting ? (
          <>
            <p>
              Waiting for you to sign in at the provider, in the window that opened… If no window opened,{' '}
              <a href={connect.waiting.authorizationUrl} target="_blank" rel="noopener noreferrer">
                open the provider’s sign-in page
              </a>
              .
            </p>
            <p className="hint">
              The provider must know Orca’s callback address: <code>{connect.waiting.redirectUri}</code>{' '}
              <button type="button" className="link-button" onClick={connect.cancel}>
                Stop waiting
              </button>
            </p>
          </>
        ) : null}
        {connect.outcome?.connected ? (
          <p className="connect-outcome connect-connected">
            <strong>Connected.</strong> Agents can now use this account.
          </p>
        ) : null}
        {connect.outcome && !connect.outcome.connected ? (
          <p className="connect-outcome error">Not connected: {connect.outcome.message}</p>
        ) : null}
      </div>
      <ErrorMessage error={connect.error} />
    </section>
  );
}
