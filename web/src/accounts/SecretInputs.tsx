// The secret fields of each kind of account: write-only, never filled in by the page.
import type { AccountKind } from './account-queries.ts';
import { SecretField } from './FormField.tsx';

export function SecretInputs({
  kind,
  replacing = false,
  optional = false,
}: {
  kind: AccountKind;
  replacing?: boolean;
  /** Beside a settings change: the secret is only needed when the change sends it somewhere new. */
  optional?: boolean;
}) {
  switch (kind) {
    case 'api_key':
      return (
        <SecretField
          label={replacing ? 'New API key' : 'API key'}
          name="apiKey"
          required={!optional}
          hint="Saved encrypted; nobody sees it again, you included."
        />
      );
    case 'login':
      return (
        <>
          <SecretField label={replacing ? 'New password' : 'Password'} name="password" required={!optional} />
          <SecretField
            label="One-time-code (TOTP) secret"
            name="totpSecret"
            hint={
              replacing
                ? 'The password and this secret are replaced together: give it again if the account signs in with codes.'
                : 'Only if the site asks for a code from an authenticator app: the setup key it showed (letters A–Z and digits 2–7).'
            }
          />
        </>
      );
    case 'oauth2':
      return (
        <SecretField
          label={replacing ? 'New client secret' : 'Client secret'}
          name="clientSecret"
          hint="Leave it empty for a public client (the provider gave no secret)."
        />
      );
  }
}
