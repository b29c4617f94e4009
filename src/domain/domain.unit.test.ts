import { describe, expect, it } from 'vitest';
import { decoyPasswordHash, hashPassword, passwordWeakness, verifyPassword } from './password.ts';
import { can, roleAtLeast, roles } from './roles.ts';
import { hashSecret, newSecret, secretKind } from './secret-token.ts';
import { isUuid, slugCandidate, slugFromName, slugPattern } from './slug.ts';

describe('slugs', () => {
  it.each([
    ['Acme Corp', 'acme-corp'],
    ['  Crème Brûlée  Ltd. ', 'creme-brulee-ltd'],
    ['!!!', 'workspace'],
    ['日本語', 'workspace'],
    ['a'.repeat(100), 'a'.repeat(40)],
  ])('makes %j into %j, which is a valid slug', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
    expect(slugPattern.test(slug)).toBe(true);
  });

  it('numbers candidates from 2', () => {
    expect([0, 1, 2].map((attempt) => slugCandidate('acme', attempt))).toEqual(['acme', 'acme-2', 'acme-3']);
  });

  it('tells ids from slugs', () => {
    expect(isUuid('3f2b8c1e-1d2a-4b3c-9d8e-7f6a5b4c3d2e')).toBe(true);
    expect(isUuid('acme')).toBe(false);
  });
});

describe('roles', () => {
  it('orders owner > admin > builder > viewer', () => {
    expect(roles.filter((role) => roleAtLeast(role, 'builder'))).toEqual(['owner', 'admin', 'builder']);
  });

  it('reserves deletion to owners and management to admins', () => {
    expect(roles.filter((role) => can(role, 'workspace.delete'))).toEqual(['owner']);
    expect(roles.filter((role) => can(role, 'members.manage'))).toEqual(['owner', 'admin']);
    expect(roles.filter((role) => can(role, 'workspace.read'))).toEqual(roles);
  });
});

describe('passwords', () => {
  it('hashes with a salt and verifies', async () => {
    const first = await hashPassword('a long passphrase');
    const second = await hashPassword('a long passphrase');
    expect(first).not.toBe(second);
    expect(await verifyPassword('a long passphrase', first)).toBe(true);
    expect(await verifyPassword('a long passphrasE', first)).toBe(false);
    expect(await verifyPassword('anything at all', decoyPasswordHash)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('explains why a password is weak', () => {
    expect(passwordWeakness('short')).toMatch(/at least 10/);
    expect(passwordWeakness('ababababab')).toMatch(/Repeated|repeat/);
    expect(passwordWeakness('Password123')).toMatch(/common/);
    expect(passwordWeakness('marguerite-1999', ['marguerite@example.com'])).toMatch(/e-mail/);
    expect(passwordWeakness('a decent passphrase')).toBeUndefined();
  });
});

describe('secret tokens', () => {
  it('are random, typed by prefix, and hashed deterministically', () => {
    const token = newSecret('apiToken');
    expect(secretKind(token)).toBe('apiToken');
    expect(secretKind(newSecret('session'))).toBe('session');
    expect(secretKind('random')).toBeUndefined();
    expect(newSecret('apiToken')).not.toBe(token);
    expect(hashSecret(token)).toBe(hashSecret(token));
    expect(hashSecret(token)).not.toContain(token.slice(7));
  });
});
