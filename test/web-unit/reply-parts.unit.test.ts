import { describe, expect, it } from 'vitest';
import { replyParts } from '../../web/src/chat/reply-parts.ts';

describe('replyParts', () => {
  it('links addresses and app pages the reply itself writes, without the sentence punctuation', () => {
    expect(replyParts('Open https://example.com/pricing. Or see /w/acme/agents/1, then reply.')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', href: 'https://example.com/pricing' },
      { kind: 'text', text: '. Or see ' },
      { kind: 'page', path: '/w/acme/agents/1' },
      { kind: 'text', text: ', then reply.' },
    ]);
  });

  it('never links an address inside quoted run data or code', () => {
    const parts = replyParts(
      'It got 2 records: “Grace, http://evil.example/phish”; “Ada, /w/other/agents/9”. Its output: `{"url":"https://evil.example"}`',
    );
    expect(parts.filter((part) => part.kind === 'link' || part.kind === 'page')).toEqual([]);
    expect(parts.map((part) => ('text' in part ? part.text : '')).join('')).toContain(
      '“Grace, http://evil.example/phish”',
    );
  });

  it('links an address after a quotation ends', () => {
    const parts = replyParts('It said “sold out”; see https://example.com/stock');
    expect(parts.at(-1)).toEqual({ kind: 'link', href: 'https://example.com/stock' });
  });
});
