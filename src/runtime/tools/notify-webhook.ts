// notify.webhook: POST a signed JSON notification to a receiver. The signature follows Stripe's
// scheme (a timestamp signed along with the body), so a receiver can prove the message came
// from this workspace and was not replayed long after; verifyWebhookSignature is the check
// receivers (and our tests) run. Redirects are not followed: a POST that is redirected either
// loses its body or is re-sent somewhere its sender never named.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { asToolError, fetchOneHop, policedAgent, readTruncated } from '../../network/policed-fetch.ts';
import { signalWithTimeout } from '../timeout-signal.ts';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';

export const webhookSignatureHeader = 'orca-signature';

const responseBodyLimit = 2048;
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const input = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'url must be an http:// or https:// address' }),
  payload: z.json().describe('The JSON to send as the body.'),
  headers: z
    .record(
      z.string().regex(headerName, 'header names are letters, digits and - (such as X-Source)'),
      z.string().regex(/^[^\r\n]*$/, 'header values must be one line'),
    )
    .default({})
    .describe('Extra headers. The orca-*, idempotency-key and content-type headers are always set by Orca.'),
  secret: z
    .string()
    .min(1)
    .optional()
    .describe("The signing secret the receiver checks with. Without it, the workspace's own secret is used."),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  event: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'event must be a name such as lead.created (letters, digits, . _ : -)')
    .default('agent.notification')
    .describe('Sent as the orca-event header, so a receiver can tell notifications apart.'),
});

const output = z.object({
  status: z.number().int(),
  ok: z.boolean(),
  deliveredAt: z.string().describe('When the receiver answered, in ISO 8601.'),
  signatureHeader: z.string().describe('The header that carries the signature.'),
  responseBody: z.string().describe('The start of the answer, at most 2 KB.'),
});

function signatureOf(secret: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/** The orca-signature header value for `body` sent at `timestamp` (unix seconds). */
function signWebhook(body: string, secret: string, timestamp: number): string {
  const t = String(timestamp);
  return `t=${t},v1=${signatureOf(secret, t, body).toString('hex')}`;
}

/**
 * The parts of an orca-signature header: its timestamp (the last `t=` wins) and the v1 values.
 * A receiver that remembers calls it has taken (to refuse replays) keys them by this timestamp,
 * the one a valid signature was checked against.
 */
export function parseSignatureHeader(header: string): {
  timestamp: string | undefined;
  candidates: Buffer[];
} {
  let timestamp: string | undefined;
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = value;
    // Several v1 values may come while a secret is being rotated; any one of them may match.
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) candidates.push(Buffer.from(value, 'hex'));
  }
  return { timestamp, candidates };
}

/**
 * Whether an orca-signature header is valid for the raw body and secret, and was made within
 * `toleranceSeconds` of `now` (a replayed request carries an old timestamp). Verify the body
 * exactly as received, before parsing it: re-serialised JSON does not match.
 */
export function verifyWebhookSignature(check: {
  header: string;
  body: string | Uint8Array;
  secret: string;
  toleranceSeconds?: number;
  now?: Date;
}): boolean {
  const { header, body, secret, toleranceSeconds = 300, now = new Date() } = check;
  const { timestamp, candidates } = parseSignatureHeader(header);
  if (timestamp === undefined || candidates.length === 0) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = signatureOf(secret, timestamp, body);
  // timingSafeEqual, so that the time taken does not tell an attacker how much of a guess matched.
  return candidates.some((candidate) => timingSafeEqual(candidate, expected));
}

/**
 * The webhook's address as errors, run data and logs show it: its origin only. The path of a
 * Slack, Discord or Teams incoming webhook is its secret, and anyone who reads a run would have it.
 */
export function webhookAddressInWords(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname === '/' && !parsed.search ? parsed.origin : `${parsed.origin}/…`;
  } catch {
    return 'an address that is not a URL';
  }
}

/** A server error, a rate limit or a request timeout may pass; other 4xx answers will not. */
function retryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

export const notifyWebhookTool = defineTool({
  name: 'notify.webhook',
  description:
    'POST a JSON payload to a webhook, signed so the receiver can trust it. Headers: orca-event, orca-run-id, ' +
    'orca-delivery (this attempt), idempotency-key (the same on every retry of the step: drop duplicates by it) and ' +
    'orca-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the secret>. Receivers ' +
    "recompute v1 and reject old t values. Signed with the workspace's webhook secret unless a secret is given. " +
    'Redirects are not followed; private and local addresses are refused unless the operator allows them.',
  input,
  output,
  sideEffect: true,
  async run(request, context) {
    const secret = request.secret ?? (await context.services.webhookSigningSecret());
    const body = JSON.stringify(request.payload);
    const headers: Record<string, string> = {
      ...Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
      ),
      'content-type': 'application/json',
      // The step's key, not the attempt's: a retry after a timeout may follow a delivery that did
      // arrive, and the receiver can only recognise it as the same notification if the key matches.
      'idempotency-key': context.stepKey,
      'orca-event': request.event,
      'orca-run-id': context.runId,
      // Tells the attempts apart in the receiver's logs.
      'orca-delivery': context.idempotencyKey,
      [webhookSignatureHeader]: signWebhook(body, secret, Math.floor(Date.now() / 1000)),
    };

    const agent = policedAgent(context.network);
    const signal = signalWithTimeout(context.signal, request.timeoutMs);
    const shown = webhookAddressInWords(request.url);
    try {
      const response = await fetchOneHop(
        new URL(request.url),
        { method: 'POST', headers, body, signal },
        context.network,
        agent,
      );
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        throw new ToolError(
          'http_status',
          `The webhook at ${shown} answered ${response.status} and points to ${location ?? 'no address'}. ` +
            'Webhooks are not redirected: set url to the address the receiver really listens on.',
          { details: { status: response.status, location } },
        );
      }
      const responseBody = (await readTruncated(response, responseBodyLimit)).toString('utf8');
      if (!response.ok) {
        throw new ToolError(
          'http_status',
          `The webhook at ${shown} answered ${response.status} ${response.statusText}.`,
          {
            retryable: retryableStatus(response.status),
            details: { status: response.status, body: responseBody },
          },
        );
      }
      context.logger.info('Webhook delivered', { url: shown, status: response.status });
      return {
        status: response.status,
        ok: response.ok,
        deliveredAt: new Date().toISOString(),
        signatureHeader: webhookSignatureHeader,
        responseBody,
      };
    } catch (error) {
      throw asToolError(error, shown, request.timeoutMs, context.signal);
    } finally {
      await agent.close().catch(() => undefined);
    }
  },
});
