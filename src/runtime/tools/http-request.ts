// http.request: call any HTTP endpoint. Every connection, redirects included, goes through the
// outbound policy (policed-fetch.ts), so a name that resolves to a private address (or is
// re-pointed there) is refused.

import { z } from 'zod';
import { asToolError, fetchOneHop, policedAgent, readLimited } from '../../network/policed-fetch.ts';
import { assertCredentialTransport } from '../credential-transport.ts';
import { signalWithTimeout } from '../timeout-signal.ts';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';

const maximumRedirects = 10;

const input = z
  .strictObject({
    url: z.url({ protocol: /^https?$/, error: 'url must be an http:// or https:// address' }),
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).default('GET'),
    headers: z.record(z.string(), z.string()).default({}),
    query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    json: z.unknown().optional().describe('A JSON body.'),
    text: z.string().optional().describe('A text body.'),
    form: z.record(z.string(), z.string()).optional().describe('A URL-encoded form body.'),
    responseType: z.enum(['auto', 'json', 'text']).default('auto'),
    timeoutMs: z.number().int().min(100).max(300_000).default(30_000),
    maxBytes: z
      .number()
      .int()
      .min(1)
      .max(50 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    failOnStatus: z.boolean().default(true).describe('Fail the step on a 4xx or 5xx answer.'),
    followRedirects: z.boolean().default(true),
    auth: z
      .strictObject({
        connection: z
          .string()
          .min(1)
          .max(200)
          .describe('A connected account: its service (its default account), service/label, or id.'),
      })
      .optional()
      .describe('Authenticate with a connected account; its secret is added to the request, never shown.'),
  })
  .refine(
    (value) => [value.json, value.text, value.form].filter((body) => body !== undefined).length <= 1,
    'give at most one of json, text and form',
  );

const output = z.object({
  status: z.number().int(),
  ok: z.boolean(),
  url: z.string().describe('The final address, after redirects.'),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
  bytes: z.number().int(),
  durationMs: z.number(),
});

function requestBody(request: z.output<typeof input>, headers: Record<string, string>) {
  if (request.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    return JSON.stringify(request.json);
  }
  if (request.form !== undefined) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    return new URLSearchParams(request.form).toString();
  }
  if (request.text !== undefined) {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    return request.text;
  }
  return undefined;
}

export const httpRequestTool = defineTool({
  name: 'http.request',
  description:
    'Call an HTTP endpoint: any method, headers, a JSON, text or form body, optionally authenticated with a connected account (auth.connection). Returns status, headers and the body (parsed JSON when the answer is JSON). Private and local addresses are refused unless the operator allows them.',
  input,
  output,
  sideEffect: true,
  async run(request, context) {
    const started = performance.now();
    const headers: Record<string, string> = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const body = requestBody(request, headers);
    // Reading is safe to repeat; anything else carries the key that identifies this attempt.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method))
      headers['idempotency-key'] ??= context.idempotencyKey;
    let url = new URL(request.url);
    for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, String(value));

    // The credential goes only to the hosts its connection allows, redirects included.
    const credential = request.auth
      ? await context.services.connections.credential(request.auth.connection, { stepId: context.stepId })
      : undefined;
    if (credential && !credential.allows(url)) {
      throw new ToolError(
        'refused_address',
        `The connected account "${credential.service}" may only be used with ${credential.allowedHosts.join(', ')}, not ${url.host}. Add the host to the connection's allowedHosts if it belongs to the service.`,
      );
    }
    // ...and never over plain http (a redirect may lead there too) unless the operator allowed it.
    const hopHeaders = async () => {
      if (!credential?.allows(url)) return headers;
      await assertCredentialTransport(url, context.network, `The credential of "${credential.service}"`);
      return { ...headers, ...credential.headers };
    };
    const agent = policedAgent(context.network);
    const signal = signalWithTimeout(context.signal, request.timeoutMs);
    try {
      let method = request.method;
      let currentBody = body;
      for (let redirects = 0; ; redirects++) {
        const response = await fetchOneHop(
          url,
          { method, headers: await hopHeaders(), body: currentBody, signal },
          context.network,
          agent,
        );
        const location = response.headers.get('location');
        if (request.followRedirects && response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel().catch(() => undefined);
          if (redirects >= maximumRedirects) {
            throw new ToolError('network', `More than ${maximumRedirects} redirects from ${request.url}.`);
          }
          url = new URL(location, url);
          if (
            response.status === 303 ||
            ((response.status === 301 || response.status === 302) && method === 'POST')
          ) {
            method = 'GET';
            currentBody = undefined;
            delete headers['content-type'];
          }
          continue;
        }
        const raw = await readLimited(response, request.maxBytes);
        const text = raw.toString('utf8');
        const contentType = response.headers.get('content-type') ?? '';
        const wantsJson =
          request.responseType === 'json' ||
          (request.responseType === 'auto' && /\bjson\b/i.test(contentType));
        let parsed: unknown = text;
        if (wantsJson && text.length > 0) {
          try {
            parsed = JSON.parse(text);
          } catch {
            if (request.responseType === 'json') {
              throw new ToolError(
                'invalid_input',
                `The answer from ${url} is not valid JSON (content-type ${contentType || 'none'}).`,
              );
            }
          }
        }
        if (request.failOnStatus && response.status >= 400) {
          throw new ToolError(
            'http_status',
            `${method} ${url} answered ${response.status} ${response.statusText}.`,
            {
              retryable: response.status >= 500 || response.status === 429,
              details: { status: response.status, body: text.slice(0, 2000) },
            },
          );
        }
        return {
          status: response.status,
          ok: response.ok,
          url: url.toString(),
          headers: Object.fromEntries(response.headers.entries()),
          body: parsed,
          bytes: raw.byteLength,
          durationMs: Math.round(performance.now() - started),
        };
      }
    } catch (error) {
      throw asToolError(error, request.url, request.timeoutMs, context.signal);
    } finally {
      await agent.close().catch(() => undefined);
    }
  },
});
