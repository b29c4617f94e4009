import { describe, expect, it } from 'vitest';
import { outboundPolicy } from './outbound-policy.ts';

describe('outbound policy', () => {
  it('tells which hosts the operator allowed explicitly, and refuses private ones otherwise', async () => {
    const policy = outboundPolicy(['127.0.0.1', '10.1.0.0/16']);
    expect(await policy.allowedByOperator('127.0.0.1')).toBe(true);
    expect(await policy.allowedByOperator('10.1.2.3')).toBe(true);
    expect(await policy.allowedByOperator('10.2.0.1')).toBe(false);
    expect(await policy.allowedByOperator('192.0.2.10')).toBe(false);
    expect(await outboundPolicy().allowedByOperator('127.0.0.1')).toBe(false);
    await expect(outboundPolicy().resolve('127.0.0.1')).rejects.toThrow(/ORCA_ALLOW_NETWORK/);
    await expect(policy.resolve('[::ffff:127.0.0.1]')).resolves.toEqual({ address: '127.0.0.1', family: 4 });
  });
});
