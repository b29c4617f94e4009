// The settings of each kind of account, shown in the clear: where its secret may be sent, how it
// is sent, where it signs in, which provider it authorizes at.
import { useState } from 'react';
import type { KeyScheme } from './account-form.ts';
import type { Account, AccountKind } from './account-queries.ts';
import { hostsOf, settingText } from './account-words.ts';
import { FormField } from './FormField.tsx';

/** The settings an existing account starts the form with (none for a new one). */
type Current = Pick<Account, 'settings'> | undefined;

/** How an existing key is sent, as the form's three choices. */
function schemeOf(current: Current): KeyScheme {
  if (!current) return 'bearer';
  const header = settingText(current, 'headerName') ?? 'Authorization';
  const prefix = typeof current.settings.prefix === 'string' ? current.settings.prefix : 'Bearer ';
  if (header.toLowerCase() === 'authorization' && prefix === 'Bearer ') return 'bearer';
  return prefix === '' ? 'header' : 'custom';
}

function parametersText(current: Current): string | undefined {
  const parameters = current?.settings.authorizationParameters;
  if (!parameters || typeof parameters !== 'object') return undefined;
  return Object.entries(parameters as Record<string, unknown>)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('\n');
}

const hostsHint =
  'The secret is only ever sent to these hosts, e.g. api.github.com (several: separate them with commas; *.example.com covers its subdomains). Requests anywhere else never carry it.';

export function SettingsFields({ kind, current }: { kind: AccountKind; current?: Current }) {
  return (
    <>
      <FormField
        label="Allowed hosts"
        name="allowedHosts"
        required
        hint={hostsHint}
        placeholder="api.example.com"
        defaultValue={current ? hostsOf(current).join(', ') : undefined}
      />
      {kind === 'api_key' ? <KeySettings current={current} /> : null}
      {kind === 'login' ? <LoginSettings current={current} /> : null}
      {kind === 'oauth2' ? <OAuthSettings current={current} /> : null}
    </>
  );
}

const text = (current: Current, name: string) => (current ? settingText(current, name) : undefined);

function KeySettings({ current }: { current: Current }) {
  const [scheme, setScheme] = useState<KeyScheme>(schemeOf(current));
  return (
    <>
      <div className="form-field">
        <label htmlFor="account-scheme">How the API expects the key</label>
        <select
          id="account-scheme"
          name="scheme"
          value={scheme}
          onChange={(event) => setScheme(event.target.value as KeyScheme)}
        >
          <option value="bearer">Authorization: Bearer &lt;key&gt; (most APIs)</option>
          <option value="header">In a header of its own, e.g. X-Api-Key: &lt;key&gt;</option>
          <option value="custom">In a header, after a word, e.g. Authorization: Token &lt;key&gt;</option>
        </select>
      </div>
      {scheme !== 'bearer' ? (
        <FormField
          label="Header name"
          name="headerName"
          required
          placeholder={scheme === 'header' ? 'X-Api-Key' : 'Authorization'}
          defaultValue={text(current, 'headerName') ?? (scheme === 'custom' ? 'Authorization' : undefined)}
          hint="The API’s documentation names it."
        />
      ) : null}
      {scheme === 'custom' ? (
        <FormField
          label="Word before the key"
          name="prefix"
          required
          placeholder="Token"
          defaultValue={text(current, 'prefix')?.trim()}
        />
      ) : null}
      <FormField
        label="Test address"
        name="testUrl"
        type="url"
        placeholder="https://api.example.com/me"
        defaultValue={text(current, 'testUrl')}
        hint="An address the key can read (a GET that answers 2xx when the key works), so that Test can check it."
      />
    </>
  );
}

function LoginSettings({ current }: { current: Current }) {
  return (
    <>
      <FormField
        label="User name or e-mail"
        name="username"
        required
        defaultValue={text(current, 'username')}
      />
      <FormField
        label="Sign-in page"
        name="loginUrl"
        type="url"
        placeholder="https://portal.example.com/login"
        defaultValue={text(current, 'loginUrl')}
        hint="Where the browser signs in; Test signs in there to check the password."
      />
    </>
  );
}

function OAuthSettings({ current }: { current: Current }) {
  const scopes = Array.isArray(current?.settings.scopes) ? current.settings.scopes.join(' ') : undefined;
  return (
    <>
      <FormField
        label="Authorization address"
        name="authorizationUrl"
        defaultValue={text(current, 'authorizationUrl')}
        type="url"
        required
        placeholder="https://provider.example.com/oauth/authorize"
      />
      <FormField
        label="Token address"
        name="tokenUrl"
        defaultValue={text(current, 'tokenUrl')}
        type="url"
        required
        placeholder="https://provider.example.com/oauth/token"
      />
      <FormField
        label="Client id"
        name="clientId"
        required
        defaultValue={text(current, 'clientId')}
        hint={`From the app you registered with the provider. Register this callback address there: ${window.location.origin}/api/oauth/callback`}
      />
      <FormField
        label="Scopes"
        name="scopes"
        defaultValue={scopes}
        hint="What Orca may do, separated by spaces, e.g. read:user repo."
      />
      <div className="form-field">
        <label htmlFor="account-client-authentication">How the client secret is sent</label>
        <select
          id="account-client-authentication"
          name="clientAuthentication"
          defaultValue="client_secret_basic"
        >
          <option value="client_secret_basic">In the Authorization header (most providers)</option>
          <option value="client_secret_post">In the form body</option>
        </select>
      </div>
      <FormField
        label="Revocation address"
        name="revocationUrl"
        defaultValue={text(current, 'revocationUrl')}
        type="url"
        hint="Where Orca gives the tokens back when the account is removed."
      />
      <FormField
        label="Test address"
        name="testUrl"
        type="url"
        defaultValue={text(current, 'testUrl')}
        hint="An address the access token can read, so that Test can check it."
      />
      <FormField
        label="Extra authorization parameters"
        name="authorizationParameters"
        multiline
        defaultValue={parametersText(current)}
        hint="One name=value a line, e.g. access_type=offline for Google."
      />
    </>
  );
}
