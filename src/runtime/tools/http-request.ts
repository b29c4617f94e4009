// http.request: call any HTTP endpoint. Every connection, redirects included, goes through the
// outbound policy at the moment its address is resolved, so a name that resolves to a private
// address (or is re-pointed there) is refused.
import type { LookupAddress } from 'node:dns';
import { Agent, fetch } from 'undici';
import { z } from 'zod';
import { OrcaError } from '../../domain/errors.ts';
import { defineTool, type ToolContext } from '../tool.ts';
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

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** An undici agent whose every connection resolves its host through the outbound policy. */
function policedAgent(context: ToolContext) {
  const lookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    context.network.resolve(hostname).then(
      (resolved) =>
        options.all
          ? callback(null, [{ address: resolved.address, family: resolved.family }])
          : callback(null, resolved.address, resolved.family),
      (error: unknown) => callback(error as NodeJS.ErrnoException, ''),
    );
  };
  return new Agent({ connect: { lookup: lookup as never } });
}

async function readLimited(response: Awaited<ReturnType<typeof fetch>>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new ToolError(
        'too_large',
        `The response is larger than maxBytes (${maxBytes} bytes). Raise maxBytes or fetch less.`,
        {
          details: { maxBytes },
        },
      );
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

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
    'Call an HTTP endpoint: any method, headers, a JSON, text or form body. Returns status, headers and the body (parsed JSON when the answer is JSON). Private and local addresses are refused unless the operator allows them.',
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

    const agent = policedAgent(context);
    const signal = AbortSignal.any([context.signal, AbortSignal.timeout(request.timeoutMs)]);
    try {
      let method = request.method;
      let currentBody = body;
      for (let redirects = 0; ; redirects++) {
        // Literal IP addresses skip DNS, so they are checked here, on every hop.
        await context.network.resolve(url.hostname);
        const response = await fetch(url, {
          method,
          headers,
          body: currentBody,
          dispatcher: agent,
          redirect: 'manual',
          signal,
        });
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

function asToolError(error: unknown, url: string, timeoutMs: number, runSignal: AbortSignal): ToolError {
  if (error instanceof ToolError) return error;
  const refused = findCause(error, (cause) => cause instanceof OrcaError);
  if (refused instanceof OrcaError) {
    return new ToolError(refused.code === 'forbidden' ? 'refused_address' : 'network', refused.message, {
      cause: error,
    });
  }
  if (runSignal.aborted)
    return new ToolError('cancelled', `The request to ${url} was cancelled.`, { cause: error });
  if (findCause(error, (cause) => (cause as { name?: string }).name === 'TimeoutError')) {
    return new ToolError(
      'timeout',
      `${url} did not answer within ${timeoutMs} ms. Raise timeoutMs, or retry later.`,
      {
        retryable: true,
        cause: error,
      },
    );
  }
  const reason = (
    findCause(error, (cause) => (cause as { code?: string }).code !== undefined) as Error | undefined
  )?.message;
  return new ToolError('network', `The request to ${url} failed: ${reason ?? (error as Error).message}.`, {
    retryable: true,
    cause: error,
  });
}

function findCause(error: unknown, matches: (cause: unknown) => boolean): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (matches(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
