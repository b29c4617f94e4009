// IPv6 forms that lead to an internal IPv4 address, or to networks an agent has no business in,
// are refused by the outbound policy; public addresses inside NAT64 and 6to4 still pass. Only the
// policy's own functions are called: no traffic is sent to any of these addresses.
import { describe, expect, it } from 'vitest';
import { embeddedIpv4, ipv6Groups } from '../../src/network/embedded-ipv4.ts';
import { outboundPolicy } from '../../src/network/outbound-policy.ts';

const policy = outboundPolicy();

describe('the outbound deny list', () => {
  it.each([
    ['IPv4-compatible loopback', '::127.0.0.1'],
    ['IPv4-compatible loopback, hex', '::7f00:1'],
    ['IPv4-compatible private', '::10.0.0.1'],
    ['IPv4-compatible public (a deprecated form, refused whole)', '::8.8.8.8'],
    ['IPv4-mapped metadata', '::ffff:169.254.169.254'],
    ['IPv4-mapped loopback, hex', '::ffff:7f00:2'],
    ['IPv4-translated', '::ffff:0:127.0.0.1'],
    ['NAT64 to loopback', '64:ff9b::127.0.0.1'],
    ['NAT64 to metadata, hex', '64:ff9b::a9fe:a9fe'],
    ['NAT64 to a private network', '64:ff9b::10.1.2.3'],
    ['local-use NAT64', '64:ff9b:1::8.8.8.8'],
    ['6to4 of loopback', '2002:7f00:1::1'],
    ['6to4 of metadata', '2002:a9fe:a9fe::1'],
    ['6to4 of a private network', '2002:c0a8:0101::'],
    ['Teredo', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['site-local', 'fec0::1'],
    ['site-local, upper end', 'feff::1'],
    ['discard-only', '100::1'],
    ['documentation', '2001:db8::1'],
    ['unique local', 'fd00::1'],
    ['link-local', 'fe80::1'],
  ])('refuses %s (%s)', async (_name, address) => {
    await expect(policy.resolve(`[${address}]`)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it.each([
    ['a public IPv6 address', '2606:4700:4700::1111'],
    ['NAT64 to a public address', '64:ff9b::8.8.8.8'],
    ['6to4 of a public address', '2002:808:808::1'],
  ])('passes %s (%s)', async (_name, address) => {
    await expect(policy.resolve(`[${address}]`)).resolves.toMatchObject({ family: 6 });
  });

  it('judges the IPv4 address inside NAT64 and 6to4 by the operator allow list too', async () => {
    const allowing = outboundPolicy(['10.0.0.0/8']);
    await expect(allowing.resolve('64:ff9b::10.1.2.3')).resolves.toEqual({
      address: '64:ff9b::10.1.2.3',
      family: 6,
    });
    await expect(allowing.resolve('2002:a01:203::')).resolves.toMatchObject({ family: 6 });
    await expect(allowing.resolve('64:ff9b::127.0.0.1')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('reads the groups of every IPv6 spelling, and the IPv4 address NAT64 and 6to4 carry', () => {
    expect(ipv6Groups('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(ipv6Groups('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('1::')).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(ipv6Groups('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ipv6Groups('fe80::1%eth0')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(ipv6Groups('127.0.0.1')).toBeUndefined();
    expect(embeddedIpv4('64:ff9b::a9fe:a9fe')).toBe('169.254.169.254');
    expect(embeddedIpv4('64:FF9B::192.168.0.1')).toBe('192.168.0.1');
    expect(embeddedIpv4('2002:c0a8:101::42')).toBe('192.168.1.1');
    expect(embeddedIpv4('2606:4700::1')).toBeUndefined();
  });
});
