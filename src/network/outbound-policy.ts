// Where agents may send requests. By default only public internet addresses: an agent must not
// reach the machine it runs on, the private network behind it, or cloud metadata services. The
// operator may allow addresses explicitly (ORCA_ALLOW_NETWORK, e.g. "127.0.0.1,10.0.0.0/8").
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { OrcaError } from '../domain/errors.ts';
import { embeddedIpv4 } from './embedded-ipv4.ts';

const refusedRanges: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  // Unspecified, loopback and IPv4-compatible (::a.b.c.d, which some stacks send as IPv4).
  ['::', 96, 'ipv6'],
  // IPv4-translated (::ffff:0:a.b.c.d); IPv4-mapped (::ffff:a.b.c.d) is checked as the IPv4 address.
  ['::ffff:0:0:0', 96, 'ipv6'],
  // Local-use NAT64, for the operator's own translators.
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  // Teredo: the IPv4 address inside is obscured and tunnelled through a relay.
  ['2001::', 32, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  // Site-local: deprecated, but still routed inside some networks.
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

export interface OutboundPolicy {
  /** Resolves a host and returns the address to connect to, or throws when it is refused. */
  resolve(host: string): Promise<{ address: string; family: 4 | 6 }>;
  /**
   * Whether the operator allowed the host's address explicitly (ORCA_ALLOW_NETWORK): a local
   * setup, where plain http to a service on this machine or the private network is expected.
   */
  allowedByOperator(host: string): Promise<boolean>;
}

function addEntry(list: BlockList, entry: string) {
  const [address = '', prefix] = entry.split('/');
  const family = isIP(address);
  if (family === 0) {
    throw new OrcaError(
      'configuration_invalid',
      `ORCA_ALLOW_NETWORK: "${entry}" is not an IP address or CIDR range such as 10.0.0.0/8.`,
    );
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) list.addAddress(address, type);
  else list.addSubnet(address, Number(prefix), type);
}

/** Maps an IPv4-mapped IPv6 address (::ffff:127.0.0.1) to the IPv4 address it stands for. */
function unmapped(address: string): { address: string; family: 4 | 6 } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: 4 };
  return { address, family: isIP(address) === 6 ? 6 : 4 };
}

export function outboundPolicy(allowed: string[] = []): OutboundPolicy {
  const refused = new BlockList();
  for (const [address, prefix, type] of refusedRanges) refused.addSubnet(address, prefix, type);
  const allowList = new BlockList();
  for (const entry of allowed) addEntry(allowList, entry);

  const isRefused = (address: string, type: 'ipv4' | 'ipv6') =>
    !allowList.check(address, type) && refused.check(address, type);

  const check = (host: string, address: string, family: 4 | 6) => {
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (allowList.check(address, type)) return;
    // A NAT64 or 6to4 address reaches the IPv4 address inside it, which is judged as itself.
    const inside = family === 6 ? embeddedIpv4(address) : undefined;
    if (refused.check(address, type) || (inside !== undefined && isRefused(inside, 'ipv4'))) {
      throw new OrcaError(
        'forbidden',
        `Requests to ${host} (${address}) are refused: it is a private, loopback or link-local address. ` +
          'An operator can allow it with ORCA_ALLOW_NETWORK.',
        { details: { host, address } },
      );
    }
  };

  const addressOf = async (host: string) => {
    const bare = host.replace(/^\[|\]$/g, '');
    if (isIP(bare)) return unmapped(bare);
    try {
      return unmapped((await lookup(bare)).address);
    } catch (error) {
      throw new OrcaError(
        'bad_request',
        `The host ${host} could not be resolved: ${(error as Error).message}. Check the address.`,
      );
    }
  };

  return {
    async resolve(host) {
      const address = await addressOf(host);
      check(host, address.address, address.family);
      return address;
    },
    async allowedByOperator(host) {
      if (allowed.length === 0) return false;
      const address = await addressOf(host);
      return allowList.check(address.address, address.family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
