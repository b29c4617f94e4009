// The ledger gives each record of a listing once per address: a page read again ("Load more",
// a loop) gives only what is new, equal rows on one page stay two records, and a new address
// that holds only records taken elsewhere is recognised as the listing come round again.
import { describe, expect, it } from 'vitest';
import { RecordLedger } from './record-ledger.ts';

const row = (name: string) => ({ name, href: `https://portal.example.com/files/${name}.pdf` });

describe('RecordLedger', () => {
  it('gives a page read again only the records it did not give before, in page order', () => {
    const ledger = new RecordLedger();
    expect(ledger.take('https://portal.example.com/list', [row('a'), row('b')])).toEqual([
      row('a'),
      row('b'),
    ]);
    expect(ledger.take('https://portal.example.com/list', [row('a'), row('b'), row('c'), row('d')])).toEqual([
      row('c'),
      row('d'),
    ]);
    expect(ledger.take('https://portal.example.com/list', [row('a'), row('b'), row('c'), row('d')])).toEqual(
      [],
    );
  });

  it('keeps two equal rows of one page, and counts equal rows per address', () => {
    const ledger = new RecordLedger();
    expect(ledger.take('https://portal.example.com/list', [row('a'), row('a')])).toHaveLength(2);
    expect(ledger.take('https://portal.example.com/list', [row('a'), row('a'), row('a')])).toEqual([
      row('a'),
    ]);
    expect(ledger.take('https://portal.example.com/list?page=2', [row('a')])).toEqual([row('a')]);
  });

  it('knows a new address that only repeats records taken elsewhere', () => {
    const ledger = new RecordLedger();
    ledger.take('https://portal.example.com/list', [row('a'), row('b')]);
    expect(ledger.repeatsEarlierPages('https://portal.example.com/list?page=1', [row('a'), row('b')])).toBe(
      true,
    );
    expect(ledger.repeatsEarlierPages('https://portal.example.com/list?page=2', [row('b'), row('c')])).toBe(
      false,
    );
    expect(ledger.repeatsEarlierPages('https://portal.example.com/list?page=3', [])).toBe(false);
    // An address already read is the ledger's to answer with take(), not a repeat.
    expect(ledger.repeatsEarlierPages('https://portal.example.com/list', [row('a')])).toBe(false);
  });
});
