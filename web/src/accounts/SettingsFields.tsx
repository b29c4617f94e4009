// The settings of each kind of account, shown in the clear: where its secret may be sent, how it
// is sent, where it signs in, which provider it authorizes at.
import { useState } from 'react';
import type { KeyScheme } from './account-form.ts';
import type { AccountKind } from './account-queries.ts';
import { FormField } from './FormField.tsx';

const hostsHint =
  'The secret is only ever sent to these hosts, e.g. api.github.com (several: separate them with commas; *.example.com covers its subdomains). Requests anywhere else never carry it.';

export function SettingsFields({ kind }: { kind: AccountKind }) {
  return (
    <>
      <FormField
        label="Allowed hosts"
        name="allowedHosts"
        required
        hint={hostsHint}
        placeholder="api.example.com"
      />
      {kind === 'api_key' ? <KeySettings /> : null}
      {kind === 'login' ? <LoginSettings /> : null}
      {kind === 'oauth2' ? <OAuthSettings /> : null}
    </>
  );
}

function KeySettings() {
  const [scheme, setScheme] = useState<KeyScheme>('bearer');
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
          defaultValue={scheme === 'custom' ? 'Authorization' : undefined}
          hint="The API’s documentation names it."
        />
      ) : null}
      {scheme === 'custom' ? (
        <FormField label="Word before the key" name="prefix" required placeholder="Token" />
      ) : null}
      <FormField
        label="Test address"
        name="testUrl"
        type="url"
        placeholder="https://api.example.com/me"
        hint="An address the key can read (a GET that answers 2xx when the key works), so that Test can check it."
      />
    </>
  );
}

function LoginSettings() {
  return (
    <>
      <FormField label="User name or e-mail" name="username" required />
      <FormField
        label="Sign-in page"
        name="loginUrl"
        type="url"
        placeholder="https://portal.example.com/login"
        hint="Where the browser signs in; Test signs in there to check the password."
      />
    </>
  );
}

function OAuthSettings() {
  return (
    <>
      <FormField
        label="Authorization address"
        name="authorizationUrl"
        type="url"
        required
        placeholder="https://provider.example.com/oauth/authorize"
      />
      <FormField
        label="Token address"
        name="tokenUrl"
        type="url"
        required
        placeholder="https://provider.example.com/oauth/token"
      />
      <FormField
        label="Client id"
        name="clientId"
        required
        hint={`From the app you registered with the provider. Register this callback address there: ${window.location.origin}/api/oauth/callback`}
      />
      <FormField
        label="Scopes"
        name="scopes"
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
        type="url"
        hint="Where Orca gives the tokens back when the account is removed."
      />
      <FormField
        label="Test address"
        name="testUrl"
        type="url"
        hint="An address the access token can read, so that Test can check it."
      />
      <FormField
        label="Extra authorization parameters"
        name="authorizationParameters"
        multiline
        hint="One name=value a line, e.g. access_type=offline for Google."
      />
    </>
  );
}
