import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, parseCsvRows, wholeRows } from '../../web/src/files/csv.ts';

describe('CSV parsing for the file preview', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'name,quote\n"Lovelace, Ada","She said ""hi""\nthen left"\nBabbage,plain\n';
    expect(parseCsv(text)).toEqual({
      delimiter: ',',
      rows: [
        ['name', 'quote'],
        ['Lovelace, Ada', 'She said "hi"\nthen left'],
        ['Babbage', 'plain'],
      ],
      totalRows: 3,
    });
  });

  it('reads CRLF line ends, a byte-order mark, empty fields and a last line without a break', () => {
    expect(parseCsvRows('\uFEFFa,b,c\r\n1,,3\r\n,,', ',').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['', '', ''],
    ]);
  });

  it('detects semicolon and tab separated files, and commas by default', () => {
    expect(detectDelimiter('name;price\n"Tea; green";2,50\nCoffee;3,10\n')).toBe(';');
    expect(detectDelimiter('name\tcity\nAda\tLondon\n')).toBe('\t');
    expect(detectDelimiter('a,b\n1,2\n')).toBe(',');
    expect(detectDelimiter('just one column\nof words\n')).toBe(',');
    const semicolons = parseCsv('name;price\n"Tea; green";2,50\n');
    expect(semicolons.rows[1]).toEqual(['Tea; green', '2,50']);
  });

  it('keeps only the first rows asked for but counts them all', () => {
    const text = ['n', ...Array.from({ length: 1200 }, (_, index) => String(index))].join('\n');
    const parsed = parseCsv(text, 501);
    expect(parsed.rows).toHaveLength(501);
    expect(parsed.totalRows).toBe(1201);
  });

  it('drops a row cut in half at the end of a preview, not a line break inside quotes', () => {
    expect(wholeRows('a,b\n1,2\n3,"x\ny')).toBe('a,b\n1,2\n');
    expect(wholeRows('a,b\n1,"two\nlines"\n4,')).toBe('a,b\n1,"two\nlines"\n');
    expect(wholeRows('no break at all')).toBe('no break at all');
  });
});
