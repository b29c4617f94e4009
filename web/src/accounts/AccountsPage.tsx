// The workspace's connected accounts, grouped by service: what each is, where its secret may go,
// whether it works, when it was last used. Admins add accounts from here; builders read.
import { Link } from 'react-router';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { relativeTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { accountAccess } from './account-access.ts';
import { type Account, useAccounts } from './account-queries.ts';
import { accountState, hostsOf, kindWords, stateWords } from './account-words.ts';
import { NoAccountAccess } from './NoAccountAccess.tsx';
import './accounts.css';

function byService(accounts: Account[]): [string, Account[]][] {
  const groups = new Map<string, Account[]>();
  for (const account of accounts)
    groups.set(account.service, [...(groups.get(account.service) ?? []), account]);
  return [...groups.entries()].sort(([first], [second]) => first.localeCompare(second));
}

export function AccountsPage() {
  const { ws, workspace } = useWorkspace();
  const access = accountAccess(workspace.role);
  const accounts = useAccounts(ws, access.canRead);
  if (!access.canRead) return <NoAccountAccess />;
  const items = accounts.data?.items ?? [];
  return (
    <section className="accounts" aria-labelledby="accounts-title">
      <div className="accounts-heading">
        <h1 id="accounts-title">Connected accounts</h1>
        {access.canManage ? (
          <Link className="button-link primary" to={`/w/${ws}/accounts/new`}>
            Add an account
          </Link>
        ) : null}
      </div>
      <p className="muted">
        Agents sign in to other services with these accounts. Their secrets are kept encrypted and never shown
        again once saved{access.canManage ? '' : '; only admins can add or change them'}.
      </p>
      {accounts.isPending ? <p className="muted">Loading the accounts…</p> : null}
      <ErrorMessage error={accounts.error} onRetry={() => void accounts.refetch()} />
      {accounts.data && items.length === 0 ? <EmptyAccounts ws={ws} canManage={access.canManage} /> : null}
      {byService(items).map(([service, group]) => (
        <section key={service} className="account-service" aria-labelledby={`service-${service}`}>
          <h2 id={`service-${service}`}>{service}</h2>
          <ul className="account-list">
            {group.map((account) => (
              <AccountRow key={account.id} ws={ws} account={account} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function AccountRow({ ws, account }: { ws: string; account: Account }) {
  const state = stateWords(account);
  const hosts = hostsOf(account);
  return (
    <li className="account-card" data-testid="account-card">
      <div className="account-card-title">
        <Link to={`/w/${ws}/accounts/${account.id}`}>{account.label || `${account.service} account`}</Link>
        {account.isDefault ? <span className="account-default">Default</span> : null}
        <span className="account-kind">{kindWords[account.kind]}</span>
      </div>
      <p className={`account-state account-state-${accountState(account)}`}>
        <strong>{state.title}</strong>
        {state.detail ? <span>: {state.detail}</span> : null}
      </p>
      <dl className="facts">
        <dt>Sent only to</dt>
        <dd>{hosts.join(', ') || '—'}</dd>
        <dt>Last used</dt>
        <dd>{account.lastUsedAt ? relativeTime(account.lastUsedAt) : 'never'}</dd>
        <dt>Used by</dt>
        <dd>
          {account.usedBy.length === 0 ? 'no agent' : account.usedBy.map((user) => user.agentName).join(', ')}
        </dd>
      </dl>
    </li>
  );
}

function EmptyAccounts({ ws, canManage }: { ws: string; canManage: boolean }) {
  return (
    <div className="welcome-empty accounts-empty">
      <p className="welcome-title">No connected accounts yet</p>
      <p>
        An agent that calls an API or signs in to a portal needs an account: an API key, a user name and
        password (with its one-time-code secret if the site asks for codes), or an OAuth 2 sign-in. You
        connect it once here; agents then use it by its service name, and its secret is only ever sent to the
        hosts you allow.
      </p>
      {canManage ? (
        <p>
          <Link to={`/w/${ws}/accounts/new`}>Add your first account</Link>, or ask the Orchestrator in the
          chat to connect one: it prepares the account and sends you here for the secret.
        </p>
      ) : (
        <p>Ask an admin of this workspace to connect the accounts your agents need.</p>
      )}
    </div>
  );
}
