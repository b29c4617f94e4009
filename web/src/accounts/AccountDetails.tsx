// What an account is made of, in the clear: where its secret may go and how it is sent, and which
// secret fields are set — never their values.
import { Link } from 'react-router';
import { dateTime, relativeTime } from '../shared/format.ts';
import type { Account, AccountKind } from './account-queries.ts';
import { hostsOf, kindWords, settingText } from './account-words.ts';

const secretNames: Record<AccountKind, [field: string, words: string][]> = {
  api_key: [['apiKey', 'API key']],
  login: [
    ['password', 'Password'],
    ['totpSecret', 'One-time-code secret'],
  ],
  oauth2: [
    ['clientSecret', 'Client secret'],
    ['accessToken', 'Access token (from signing in)'],
    ['refreshToken', 'Refresh token'],
  ],
};

function sentAs(account: Account): string {
  const header = settingText(account, 'headerName') ?? 'Authorization';
  const prefix = typeof account.settings.prefix === 'string' ? account.settings.prefix : 'Bearer ';
  return `${header}: ${prefix}<key>`;
}

export function AccountDetails({ ws, account }: { ws: string; account: Account }) {
  const scopes = Array.isArray(account.settings.scopes) ? account.settings.scopes.map(String) : [];
  const rows: [string, string][] = [
    ['Service', account.service],
    ['Label', account.label || '—'],
    ['Kind', kindWords[account.kind]],
    ['Sent only to', hostsOf(account).join(', ') || '—'],
  ];
  if (account.kind === 'api_key') rows.push(['Sent as', sentAs(account)]);
  if (account.kind === 'login') {
    rows.push(['User name', settingText(account, 'username') ?? '—']);
    rows.push(['Sign-in page', settingText(account, 'loginUrl') ?? '—']);
  }
  if (account.kind === 'oauth2') {
    rows.push(['Authorization address', settingText(account, 'authorizationUrl') ?? '—']);
    rows.push(['Token address', settingText(account, 'tokenUrl') ?? '—']);
    rows.push(['Client id', settingText(account, 'clientId') ?? '—']);
    rows.push(['Scopes', scopes.join(' ') || '—']);
  }
  if (account.kind !== 'login') rows.push(['Test address', settingText(account, 'testUrl') ?? '—']);
  rows.push(['Last used', account.lastUsedAt ? relativeTime(account.lastUsedAt) : 'never']);
  rows.push(['Last tested', account.lastTestedAt ? dateTime(account.lastTestedAt) : 'never']);
  rows.push(['Added', dateTime(account.createdAt)]);
  return (
    <>
      <dl className="facts account-facts">
        {rows.map(([term, value]) => (
          <div key={term} className="fact">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>Secret</h2>
      <ul className="secret-fields" data-testid="secret-fields">
        {secretNames[account.kind].map(([field, words]) => (
          <li key={field}>
            {words}: <strong>{account.secretFields.includes(field) ? 'set' : 'not set'}</strong>
          </li>
        ))}
      </ul>
      <h2>Used by</h2>
      {account.usedBy.length === 0 ? (
        <p className="muted">No agent uses it yet. A step uses it by naming its service, or service/label.</p>
      ) : (
        <ul data-testid="used-by">
          {account.usedBy.map((user) => (
            <li key={user.agentId}>
              <Link to={`/w/${ws}/agents/${user.agentId}`}>{user.agentName}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
