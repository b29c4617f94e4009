// Outbound HTTP for tools, under the outbound policy. Every connection resolves its host through
// the policy at the moment it is made, so a name that resolves to a private address (or is
// re-pointed there between two requests) is refused; literal addresses, which skip DNS, are
// checked before each hop. Shared by http.request and notify.webhook so both police alike.
import type { LookupAddress } from 'node:dns';
import { Agent, fetch } from 'undici';
import { OrcaError } from '../domain/errors.ts';
import { ToolError } from '../runtime/tool-error.ts';
import type { OutboundPolicy } from './outbound-policy.ts';

export type FetchResponse = Awaited<ReturnType<typeof fetch>>;

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** An undici agent whose every connection resolves its host through the outbound policy. */
export function policedAgent(network: OutboundPolicy): Agent {
  const lookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    network.resolve(hostname).then(
      (resolved) =>
        options.all
          ? callback(null, [{ address: resolved.address, family: resolved.family }])
          : callback(null, resolved.address, resolved.family),
      (error: unknown) => callback(error as NodeJS.ErrnoException, ''),
    );
  };
  // undici types `lookup` as node's overloaded dns.lookup, which no plain function satisfies.
  return new Agent({ connect: { lookup: lookup as never } });
}

export interface HopRequest {
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
}

/**
 * Sends one request and answers with whatever comes back, a redirect included: callers decide
 * whether to follow it, and call again for the next hop so that it is policed too.
 */
export async function fetchOneHop(
  url: URL,
  request: HopRequest,
  network: OutboundPolicy,
  agent: Agent,
): Promise<FetchResponse> {
  // Literal IP addresses never reach the agent's lookup, so they are checked here.
  await network.resolve(url.hostname);
  return fetch(url, { ...request, dispatcher: agent, redirect: 'manual' });
}

/** The whole body, or a 'too_large' ToolError as soon as it passes `maxBytes`. */
export async function readLimited(response: FetchResponse, maxBytes: number): Promise<Buffer> {
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
        { details: { maxBytes } },
      );
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The first `maxBytes` of the body; the rest is not downloaded. */
export async function readTruncated(response: FetchResponse, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body) {
    chunks.push(Buffer.from(chunk));
    total += chunk.byteLength;
    if (total >= maxBytes) {
      await response.body.cancel().catch(() => undefined);
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, maxBytes);
}

/** Turns whatever a policed request threw into a ToolError that says what to do next. */
export function asToolError(
  error: unknown,
  url: string,
  timeoutMs: number,
  runSignal: AbortSignal,
): ToolError {
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
      { retryable: true, cause: error },
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

/** The first error in the `cause` chain that matches; undici wraps the reason a few levels deep. */
function findCause(error: unknown, matches: (cause: unknown) => boolean): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (matches(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
