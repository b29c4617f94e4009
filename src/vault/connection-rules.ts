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

export const connectionDefinition = z.discriminatedUnion('kind', [apiKeyConnection, loginConnection], {
  error: 'kind must be api_key or login (OAuth 2 connections are not available yet)',
});

export type ConnectionDefinition = z.infer<typeof connectionDefinition>;

/** Whether a URL's host is one the connection allows (`*.example.com` covers its subdomains). */
export function hostAllowed(url: URL, hosts: readonly string[]): boolean {
  const host = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  return hosts.some((allowed) =>
    allowed.startsWith('*.')
      ? host.endsWith(allowed.slice(1)) && host.length > allowed.length - 1
      : allowed === host || allowed === url.hostname,
  );
}
