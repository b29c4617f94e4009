// One connected account: what it is, whether it works and who uses it; for admins, adding or
// replacing its secret, testing it, connecting it at the provider (OAuth 2), its label and
// default, and removing it. The Orchestrator's replies link here when an account needs a secret.
import { type ReactNode, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { AccountDetails } from './AccountDetails.tsx';
import { AccountNaming } from './AccountNaming.tsx';
import { AccountSettingsForm } from './AccountSettingsForm.tsx';
import { accountAccess } from './account-access.ts';
import { type Account, isMissing, useAccount } from './account-queries.ts';
import { accountName, accountState, kindWords, stateWords } from './account-words.ts';
import { NoAccountAccess } from './NoAccountAccess.tsx';
import { OAuthConnect, useOAuthConnect } from './OAuthConnect.tsx';
import { RemoveAccountDialog } from './RemoveAccountDialog.tsx';
import { SecretForm } from './SecretForm.tsx';
import { TestAccount } from './TestAccount.tsx';
import './accounts.css';

export function AccountPage() {
  const { connectionId = '' } = useParams();
  const { ws, workspace } = useWorkspace();
  const access = accountAccess(workspace.role);
  const [following, setFollowing] = useState(false);
  const account = useAccount(ws, connectionId, {
    enabled: access.canRead,
    // Followed closely while a sign-in at the provider is under way.
    pollEvery: following ? 1000 : undefined,
  });
  const connect = useOAuthConnect(ws, account.data);
  const waiting = connect.waiting !== null;
  if (following !== waiting) setFollowing(waiting);

  if (!access.canRead) return <NoAccountAccess />;
  const back = (
    <p>
      <Link to={`/w/${ws}/accounts`}>← All accounts</Link>
    </p>
  );
  if (account.isPending) return <p className="muted">Loading the account…</p>;
  if (account.error)
    return (
      <section className="accounts">
        {back}
        {isMissing(account.error) ? (
          <>
            <h1>Account not found</h1>
            <p>There is no such account in this workspace: it may have been removed.</p>
          </>
        ) : (
          <ErrorMessage error={account.error} onRetry={() => void account.refetch()} />
        )}
      </section>
    );
  return (
    <AccountView ws={ws} account={account.data} canManage={access.canManage} back={back} connect={connect} />
  );
}

function AccountView({
  ws,
  account,
  canManage,
  back,
  connect,
}: {
  ws: string;
  account: Account;
  canManage: boolean;
  back: ReactNode;
  connect: ReturnType<typeof useOAuthConnect>;
}) {
  const location = useLocation();
  const justAdded = (location.state as { justAdded?: boolean } | null)?.justAdded === true;
  const [removing, setRemoving] = useState(false);
  // An account waiting for its secret shows the form first; it stays in place once the secret is
  // saved, so its "Saved" is still there to read.
  const [secretFirst] = useState(account.waitingForSecret);
  const state = stateWords(account);
  return (
    <article className="accounts account-page" aria-labelledby="account-title">
      {back}
      <div className="accounts-heading">
        <h1 id="account-title">{accountName(account)}</h1>
        {account.isDefault ? <span className="account-default">Default</span> : null}
        <span className="account-kind">{kindWords[account.kind]}</span>
      </div>
      {justAdded ? (
        <p className="notice" role="status">
          Saved.{' '}
          {account.kind === 'oauth2'
            ? 'Now connect it: press Connect and sign in at the provider.'
            : 'Its secret is stored encrypted and is not shown again. Press Test to check it works.'}
        </p>
      ) : null}
      <p className={`account-state account-state-${accountState(account)}`} data-testid="account-state">
        <strong>{state.title}</strong>
        {state.detail ? <span>: {state.detail}</span> : null}
      </p>
      {!canManage ? (
        <p className="muted">Only admins and owners can change this account or give it a secret.</p>
      ) : null}
      {canManage && account.kind === 'oauth2' ? <OAuthConnect account={account} connect={connect} /> : null}
      {canManage && secretFirst ? <SecretForm ws={ws} account={account} /> : null}
      <AccountDetails ws={ws} account={account} />
      {canManage ? (
        <>
          <TestAccount ws={ws} account={account} />
          {secretFirst ? null : <SecretForm ws={ws} account={account} />}
          <AccountSettingsForm ws={ws} account={account} />
          <AccountNaming ws={ws} account={account} />
          <section className="account-section" aria-labelledby="remove-title">
            <h2 id="remove-title">Remove</h2>
            <p>
              <button type="button" className="danger" onClick={() => setRemoving(true)}>
                Remove this account
              </button>
            </p>
            <RemoveAccountDialog
              ws={ws}
              account={account}
              open={removing}
              onClose={() => setRemoving(false)}
            />
          </section>
        </>
      ) : null}
    </article>
  );
}
