import { describe, expect, it } from 'vitest';
import { totpCode } from './totp.ts';

describe('TOTP', () => {
  it('gives the codes of RFC 6238 (SHA-1, eight digits, its test secret)', () => {
    // The RFC's secret is the ASCII "12345678901234567890", here in base32.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, new Date(59_000), 30, 8)).toBe('94287082');
    expect(totpCode(secret, new Date(1_111_111_109_000), 30, 8)).toBe('07081804');
    expect(totpCode(secret, new Date(20_000_000_000_000), 30, 8)).toBe('65353130');
  });
});
