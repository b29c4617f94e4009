import { describe, expect, it } from 'vitest';
import { browserDownloadTool } from './browser-download.ts';
import { identitySaveKey, nameAndSize } from './download-identity.ts';

const parse = (input: Record<string, unknown>) =>
  browserDownloadTool.input.safeParse({ url: 'https://portal.example.com/download?id=7', ...input });

describe('browser.download’s identity inputs', () => {
  it('reads a missing memory (null), one identity, numbers and nulls in the list as known identities', () => {
    const known = (value: unknown) => {
      const parsed = parse({ known: value });
      if (!parsed.success) throw parsed.error;
      return [...(parsed.data.known ?? [])];
    };
    expect(known(null)).toEqual([]);
    expect(known('S-001')).toEqual(['S-001']);
    expect(known(['S-001', null, 42])).toEqual(['S-001', '42']);
  });

  it('takes a rule or a value of its own, and refuses an empty one with what to do', () => {
    expect(parse({ identity: 'name+size' }).data?.identity).toBe('name+size');
    expect(parse({ identity: 2026001 }).data?.identity).toBe('2026001');
    expect(parse({ identity: ' S-001 ' }).data?.identity).toBe('S-001');
    const empty = parse({ identity: '' });
    expect(empty.success).toBe(false);
    expect(JSON.stringify(empty.error?.issues)).toMatch(/empty for a row cannot tell files apart/);
  });

  it('keeps one save key per agent and identity', () => {
    const identity = nameAndSize('Statement; March 2026.pdf', 24);
    expect(identity).toBe('name+size:Statement; March 2026.pdf:24');
    expect(identitySaveKey('agent-1', identity)).toBe(identitySaveKey('agent-1', identity));
    expect(identitySaveKey('agent-1', identity)).not.toBe(identitySaveKey('agent-2', identity));
    expect(identitySaveKey('agent-1', identity)).toMatch(/^agent-1:download:[0-9a-f]{64}$/);
  });
});
