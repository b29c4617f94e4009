import { describe, expect, it } from 'vitest';
import {
  downloadName,
  extensionFor,
  keptContentType,
  nameFromAddress,
  nameFromDisposition,
  safeFileName,
} from './download-names.ts';

describe('nameFromDisposition', () => {
  it('reads quoted names with spaces and semicolons, and escaped quotes', () => {
    expect(nameFromDisposition('attachment; filename="Statement; March 2026.pdf"')).toBe(
      'Statement; March 2026.pdf',
    );
    expect(nameFromDisposition('attachment; filename="say \\"hi\\".txt"; size=3')).toBe('say "hi".txt');
    expect(nameFromDisposition('attachment;filename=plain.csv')).toBe('plain.csv');
    expect(nameFromDisposition('ATTACHMENT; FILENAME = "upper.pdf"')).toBe('upper.pdf');
  });

  it("prefers RFC 5987's filename*, in UTF-8 or ISO-8859-1, wherever it stands", () => {
    expect(
      nameFromDisposition(`attachment; filename*=UTF-8''R%C3%A9sum%C3%A9%20Q3.csv; filename="Resume Q3.csv"`),
    ).toBe('Résumé Q3.csv');
    expect(
      nameFromDisposition(`attachment; filename="Resume Q3.csv"; filename*=utf-8'en'R%C3%A9sum%C3%A9.csv`),
    ).toBe('Résumé.csv');
    expect(nameFromDisposition(`attachment; filename*=iso-8859-1''caf%E9.txt`)).toBe('café.txt');
    // A broken filename* falls back to filename.
    expect(nameFromDisposition(`attachment; filename*=UTF-8''%E0%A4%A.pdf; filename="fallback.pdf"`)).toBe(
      'fallback.pdf',
    );
  });

  it('keeps only the last part of a path, and nothing for no name', () => {
    expect(nameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(nameFromDisposition('attachment; filename="C:\\\\reports\\\\q3.pdf"')).toBe('q3.pdf');
    expect(nameFromDisposition(`attachment; filename*=UTF-8''..%2F..%2Fsecret.txt`)).toBe('secret.txt');
    expect(nameFromDisposition('attachment; filename=".."')).toBeUndefined();
    expect(nameFromDisposition('attachment')).toBeUndefined();
    expect(nameFromDisposition(undefined)).toBeUndefined();
  });
});

describe('nameFromAddress', () => {
  it('names a link without an extension by its path, its id and its type', () => {
    expect(nameFromAddress('https://portal.example.com/download?id=7', 'application/pdf')).toBe(
      'download-7.pdf',
    );
    expect(
      nameFromAddress('https://portal.example.com/download?id=7&session=abc123', 'application/pdf'),
    ).toBe('download-7.pdf');
    expect(nameFromAddress('https://portal.example.com/get?file=report%20Q3.xlsx&token=x')).toBe(
      'report Q3.xlsx',
    );
    expect(nameFromAddress('https://portal.example.com/files/q3%20statement.csv?sig=1', 'text/csv')).toBe(
      'q3 statement.csv',
    );
    expect(nameFromAddress('https://portal.example.com/', 'text/plain')).toBe('portal.example.com.txt');
    expect(nameFromAddress('https://portal.example.com/export', 'application/octet-stream')).toBe('export');
  });

  it('never lets a token of the session into the name', () => {
    const first = nameFromAddress('https://p.example/doc?id=9&session=aaa', 'application/pdf');
    const second = nameFromAddress('https://p.example/doc?id=9&session=bbb', 'application/pdf');
    expect(first).toBe(second);
  });
});

describe('downloadName and keptContentType', () => {
  it('gives a server name without extension the extension of its type', () => {
    expect(
      downloadName({
        disposition: 'attachment; filename="invoice"',
        address: 'https://p.example/x',
        contentType: 'application/pdf',
      }),
    ).toBe('invoice.pdf');
    expect(
      downloadName({ address: 'https://p.example/statement', contentType: 'text/csv; charset=utf-8' }),
    ).toBe('statement.csv');
  });

  it('keeps the server type unless it is generic, with its charset', () => {
    expect(keptContentType('application/octet-stream', 'a.csv')).toBe('text/csv; charset=utf-8');
    expect(keptContentType(undefined, 'a.pdf')).toBe('application/pdf');
    expect(keptContentType('text/csv', 'a.csv')).toBe('text/csv; charset=utf-8');
    expect(keptContentType('text/plain; charset=ISO-8859-1', 'a.txt')).toBe('text/plain; charset=iso-8859-1');
    expect(keptContentType('application/pdf', 'a')).toBe('application/pdf');
    expect(keptContentType('not a type', 'a.zip')).toBe('application/zip');
    expect(extensionFor('IMAGE/JPEG')).toBe('.jpg');
  });

  it('makes any name safe to keep', () => {
    expect(safeFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(safeFileName(`${'x'.repeat(300)}.pdf`)).toHaveLength(255);
    expect(safeFileName(`${'x'.repeat(300)}.pdf`)?.endsWith('.pdf')).toBe(true);
    expect(safeFileName('   ')).toBeUndefined();
  });
});
