// A connectAccount operation: which account, where its credential may be sent, and what a person
// must add after approving (the plan never carries a secret; it is added on the connection).
import { Link } from 'react-router';
import { usePane } from '../../shell/pane.tsx';
import { asText, type PlanOperation } from './spec-shape.ts';

type ConnectOperation = Extract<PlanOperation, { type: 'connectAccount' }>;

const kindWords: Record<ConnectOperation['kind'], string> = {
  api_key: 'an API key',
  login: 'a sign-in (user name and password)',
  oauth2: 'an OAuth 2 authorization',
};

function secretNeeded(operation: ConnectOperation): string {
  switch (operation.kind) {
    case 'api_key':
      return 'An admin adds the API key to the connection (never in this chat).';
    case 'login':
      return 'An admin adds the password to the connection (and the one-time code secret if the account signs in with codes), never in this chat.';
    case 'oauth2':
      return 'An admin signs in at the provider to authorize Orca (a confidential client first gets its client secret).';
  }
}

/** What the link to the account's page offers, once the plan made (or found) the account. */
const nextStepWords: Record<ConnectOperation['kind'], string> = {
  api_key: 'Add the API key on the account’s page',
  login: 'Add the password on the account’s page',
  oauth2: 'Connect it on the account’s page',
};

export function ConnectAccountView({
  ws,
  operation,
  note,
  connectionId,
}: {
  ws: string;
  operation: ConnectOperation;
  note?: string;
  /** The account, once the plan is applied: its page is where the secret goes. */
  connectionId?: string;
}) {
  const { showPanel } = usePane();
  const settings = operation.settings ?? {};
  const hosts = Array.isArray(settings.allowedHosts) ? settings.allowedHosts.map(String) : [];
  const scopes = Array.isArray(settings.scopes) ? settings.scopes.map(String) : [];
  return (
    <div>
      <p>
        Connect <strong>{operation.service}</strong>
        {operation.label ? ` (${operation.label})` : ''} with {kindWords[operation.kind]}.
      </p>
      <dl className="facts">
        <dt>Sent only to</dt>
        <dd>{hosts.length ? hosts.join(', ') : 'no host yet'}</dd>
        {asText(settings.username) ? (
          <>
            <dt>User name</dt>
            <dd>{asText(settings.username)}</dd>
          </>
        ) : null}
        {asText(settings.loginUrl) ? (
          <>
            <dt>Sign-in page</dt>
            <dd>{asText(settings.loginUrl)}</dd>
          </>
        ) : null}
        {operation.kind === 'api_key' ? (
          <>
            <dt>Sent as</dt>
            <dd>
              the {asText(settings.headerName) ?? 'Authorization'} header
              {asText(settings.prefix) ? `, after “${asText(settings.prefix)}”` : ''}
            </dd>
          </>
        ) : null}
        {asText(settings.clientId) ? (
          <>
            <dt>Client id</dt>
            <dd>{asText(settings.clientId)}</dd>
          </>
        ) : null}
        {scopes.length ? (
          <>
            <dt>Scopes</dt>
            <dd>{scopes.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {connectionId ? (
        <p className="secret-needed">
          <Link to={`/w/${ws}/accounts/${connectionId}`} onClick={showPanel}>
            {nextStepWords[operation.kind]}
          </Link>{' '}
          (never in this chat).
        </p>
      ) : (
        <p className="secret-needed">{note ?? secretNeeded(operation)}</p>
      )}
    </div>
  );
}
