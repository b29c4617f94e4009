// Where a credential may travel: never over plain http, where anyone on the path reads it,
// unless the operator allowed the address explicitly (ORCA_ALLOW_NETWORK): a service on this
// machine or the private network, where http is what there is.
import type { OutboundPolicy } from '../network/outbound-policy.ts';
import { ToolError } from './tool-error.ts';

/** Throws unless a credential may be sent to `url`: https, or http to an address the operator allowed. */
export async function assertCredentialTransport(
  url: URL,
  network: OutboundPolicy,
  what: string,
): Promise<void> {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && (await network.allowedByOperator(url.hostname).catch(() => false))) return;
  throw new ToolError(
    'refused_address',
    `${what} is only sent over https, and ${url.origin} is plain ${url.protocol.replace(':', '')}: use the https:// address of the service (an operator may allow http for an address on their own network with ORCA_ALLOW_NETWORK).`,
  );
}
