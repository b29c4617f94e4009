// What a connection is made of, per kind: its settings (kept in the clear) and its secret fields
// (sealed). One schema per kind, shared by the API and the credentials given to tools.
import { z } from 'zod';

export const serviceSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,59}$/,
    'service must be a short name such as github or acme-portal: letters, digits and dashes',
  );

const hostPattern = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/;

const allowedHosts = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(hostPattern, 'each allowed host must be a host name such as api.github.com, or *.example.com'),
  )
  .min(1, 'name at least one host the credential may be sent to, such as api.github.com')
  .max(20)
  .describe('The hosts this credential may be sent to; requests elsewhere never carry it.');

export const apiKeyConnection = z.strictObject({
  kind: z.literal('api_key'),
  settings: z.strictObject({
    allowedHosts,
    headerName: z
      .string()
      .regex(
        /^[A-Za-z0-9-]{1,60}$/,
        'headerName must be an HTTP header name such as Authorization or X-Api-Key',
      )
      .default('Authorization'),
    prefix: z
      .string()
      .max(30)
      .default('Bearer ')
      .describe('Written before the key, e.g. "Bearer ", or "" for none.'),
    testUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('A GET that answers 2xx when the key works.'),
  }),
  secret: z.strictObject({ apiKey: z.string().min(1, 'apiKey must not be empty').max(4000) }),
});

export const loginConnection = z.strictObject({
  kind: z.literal('login'),
  settings: z.strictObject({
    allowedHosts,
    username: z.string().min(1, 'username must not be empty').max(200),
    loginUrl: z.url({ protocol: /^https?$/ }).optional(),
  }),
  secret: z.strictObject({
    password: z.string().min(1, 'password must not be empty').max(1000),
    totpSecret: z
      .string()
      .regex(/^[A-Z2-7]+=*$/i, 'totpSecret must be the base32 secret of the one-time codes')
      .optional(),
  }),
});

const providerUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `${what} must be an https:// address of the OAuth provider` });

// Scope tokens as RFC 6749 section 3.3 defines them: printable ASCII without spaces, quotes or backslashes.
const scopeToken = z
  .string()
  .regex(/^[\x21\x23-\x5b\x5d-\x7e]{1,200}$/, 'each scope must be one word such as repo or read:user');

const reservedAuthorizationParameters = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
];

/**
 * OAuth 2 (authorization code with PKCE). The client secret is optional: a public client proves
 * itself with PKCE alone. The tokens are never given: they come from the authorization flow.
 */
export const oauth2Connection = z.strictObject({
  kind: z.literal('oauth2'),
  settings: z.strictObject({
    allowedHosts,
    authorizationUrl: providerUrl('authorizationUrl'),
    tokenUrl: providerUrl('tokenUrl'),
    revocationUrl: providerUrl('revocationUrl')
      .optional()
      .describe('Where tokens are revoked when the account is disconnected (RFC 7009).'),
    clientId: z.string().min(1, 'clientId must not be empty').max(500),
    scopes: z.array(scopeToken).max(50).default([]),
    issuer: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .describe('The provider’s issuer identifier, when it sends one back (RFC 9207).'),
    authorizationParameters: z
      .record(
        z
          .string()
          .regex(/^[a-z][a-z0-9_]{0,39}$/, 'authorization parameter names are words such as access_type'),
        z.string().max(500),
      )
      .refine(
        (parameters) =>
          Object.keys(parameters).every((name) => !reservedAuthorizationParameters.includes(name)),
        `Orca sets ${reservedAuthorizationParameters.join(', ')} itself`,
      )
      // These settings are shown in the clear and go into the address the user opens: a secret
      // there would leak. Secrets belong in "secret".
      .refine(
        (parameters) =>
          Object.keys(parameters).every((name) => !/secret|password|token|assertion|verifier|key/.test(name)),
        'authorization parameters are shown in the clear and sent in the address: a secret (client_secret, a token, a key) belongs in "secret"',
      )
      .optional()
      .describe(
        'More parameters of the authorization request, such as {"access_type": "offline"} for Google.',
      ),
    clientAuthentication: z
      .enum(['client_secret_basic', 'client_secret_post'])
      .default('client_secret_basic')
      .describe('How the client secret is sent to the token endpoint.'),
    testUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('A GET that answers 2xx with the access token.'),
  }),
  secret: z
    .strictObject({ clientSecret: z.string().min(1, 'clientSecret must not be empty').max(4000).optional() })
    .default({}),
});

export const connectionDefinition = z.discriminatedUnion(
  'kind',
  [apiKeyConnection, loginConnection, oauth2Connection],
  { error: 'kind must be api_key, login or oauth2' },
);

export type ConnectionDefinition = z.infer<typeof connectionDefinition>;

/** Each kind's settings alone: what a plan may give, since a plan never carries a secret. */
export const connectionSettings = {
  api_key: apiKeyConnection.shape.settings,
  login: loginConnection.shape.settings,
  oauth2: oauth2Connection.shape.settings,
} as const;

/** Whether a URL's host is one the connection allows (`*.example.com` covers its subdomains). */
export function hostAllowed(url: URL, hosts: readonly string[]): boolean {
  const host = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  return hosts.some((allowed) =>
    allowed.startsWith('*.')
      ? host.endsWith(allowed.slice(1)) && host.length > allowed.length - 1
      : allowed === host || allowed === url.hostname,
  );
}
