// What the account forms send: each kind's settings and secret, read from the form's fields, in
// the shapes the connection API takes (src/vault/connection-rules.ts). Empty optional fields are
// left out, so the API's defaults apply.
import type { AccountKind } from './account-queries.ts';
import { parseHosts } from './account-words.ts';
import { formSecret, formText } from './FormField.tsx';

export type KeyScheme = 'bearer' | 'header' | 'custom';

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

function keyHeader(form: FormData): { headerName?: string; prefix?: string } {
  const scheme = (formText(form, 'scheme') ?? 'bearer') as KeyScheme;
  if (scheme === 'bearer') return { headerName: 'Authorization', prefix: 'Bearer ' };
  const headerName = formText(form, 'headerName');
  if (scheme === 'header') return { headerName, prefix: '' };
  // Typed as the person means it: "Token" is written "Token " before the key.
  const prefix = formText(form, 'prefix');
  return { headerName, prefix: prefix ? `${prefix} ` : '' };
}

/** name=value lines, for the extra parameters of an OAuth 2 authorization request. */
function parameterLines(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf('=');
      return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    });
  return Object.fromEntries(entries);
}

export function settingsFrom(kind: AccountKind, form: FormData): Record<string, unknown> {
  const allowedHosts = parseHosts(String(form.get('allowedHosts') ?? ''));
  switch (kind) {
    case 'api_key':
      return defined({ allowedHosts, ...keyHeader(form), testUrl: formText(form, 'testUrl') });
    case 'login':
      return defined({
        allowedHosts,
        username: formText(form, 'username'),
        loginUrl: formText(form, 'loginUrl'),
      });
    case 'oauth2':
      return defined({
        allowedHosts,
        authorizationUrl: formText(form, 'authorizationUrl'),
        tokenUrl: formText(form, 'tokenUrl'),
        clientId: formText(form, 'clientId'),
        scopes: (formText(form, 'scopes') ?? '').split(/[\s,]+/).filter(Boolean),
        revocationUrl: formText(form, 'revocationUrl'),
        testUrl: formText(form, 'testUrl'),
        clientAuthentication: formText(form, 'clientAuthentication'),
        authorizationParameters: parameterLines(formText(form, 'authorizationParameters')),
      });
  }
}

export function secretFrom(kind: AccountKind, form: FormData): Record<string, string> {
  switch (kind) {
    case 'api_key':
      return defined({ apiKey: formSecret(form, 'apiKey') }) as Record<string, string>;
    case 'login':
      return defined({
        password: formSecret(form, 'password'),
        // Authenticator apps show the secret in groups of four: the spaces are not part of it.
        totpSecret: formSecret(form, 'totpSecret')?.replace(/\s+/g, '').toUpperCase(),
      }) as Record<string, string>;
    case 'oauth2':
      return defined({ clientSecret: formSecret(form, 'clientSecret') }) as Record<string, string>;
  }
}
