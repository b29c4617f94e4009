// The address a request comes from, for rate limits and sign-in throttling. The socket's peer is
// the client unless that peer is one of the operator's trusted proxies (ORCA_TRUSTED_PROXIES):
// then X-Forwarded-For is read from the right, skipping trusted hops, and the first address no
// trusted proxy vouches for is the client. Entries left of it were written by the client itself
// and could be anything, so they are never used. Counters key a client by its network
// (clientNetwork): an IPv4 address, or the /64 of an IPv6 one.
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ApiContext } from './context.ts';

/** The address of in-process requests (tests calling `app.request`), which have no socket. */
export const inProcessAddress = 'in-process';

const matchers = new WeakMap<readonly string[], BlockList>();

/** One BlockList per configured list: built on first use, reused for every request after. */
function trustedProxyList(entries: readonly string[]): BlockList {
  let list = matchers.get(entries);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [address = '', prefix] = entry.split('/');
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) list.addAddress(address, family);
      else list.addSubnet(address, Number(prefix), family);
    }
    matchers.set(entries, list);
  }
  return list;
}

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is written as `192.0.2.1`. */
function normalized(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

function socketAddress(c: ApiContext): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** The client's address: see the comment at the top of this file. */
export function clientAddress(c: ApiContext): string {
  const peer = socketAddress(c);
  if (peer === undefined) return inProcessAddress;
  const list = trustedProxyList(c.get('services').config.trustedProxies);
  let client = normalized(peer);
  if (!isTrusted(list, client)) return client;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => normalized(entry.trim()))
    .filter(Boolean);
  for (const hop of forwarded.reverse()) {
    // A malformed entry cannot be believed or counted on: the trusted hop after it is the client.
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!isTrusted(list, hop)) return client;
  }
  return client;
}

/** The 64-bit prefix of an IPv6 address, as `2001:db8:0:1::/64`. */
function ipv6Network(address: string): string {
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [];
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groupsOf(head);
  // A dotted IPv4 tail fills the last 32 bits, far from the prefix: only where it stands counts.
  const right =
    tail === undefined ? [] : groupsOf(tail).flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * The network the client stands for, which sign-in and sign-up counters key on: its IPv4
 * address, or the /64 its IPv6 address is in. One subscriber (a home, a phone, a rented server)
 * is given a whole /64 or more and may use any address in it, so counting IPv6 addresses one by
 * one would let a single host count as millions of clients.
 */
export function clientNetwork(c: ApiContext): string {
  const address = clientAddress(c);
  return isIP(address) === 6 ? ipv6Network(address) : address;
}
