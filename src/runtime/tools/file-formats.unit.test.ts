import { describe, expect, it } from 'vitest';
import { contentTypeFor, toCsv } from './file-formats.ts';

describe('toCsv', () => {
  it('lines up records with different fields, quotes what needs it, and defuses formulas', () => {
    expect(
      toCsv([
        { name: 'Ada', note: 'says "hi", twice' },
        { name: '=HYPERLINK("http://evil.example")', city: 'London', delta: '-5' },
      ]),
    ).toBe(
      'name,note,city,delta\r\nAda,"says ""hi"", twice",,\r\n"\'=HYPERLINK(""http://evil.example"")",,London,-5\r\n',
    );
  });
});

describe('contentTypeFor', () => {
  it('knows common extensions and falls back to octet-stream', () => {
    expect(contentTypeFor('Report.CSV')).toBe('text/csv; charset=utf-8');
    expect(contentTypeFor('archive.unknown')).toBe('application/octet-stream');
  });
});
