import { describe, expect, it } from 'vitest';
import { previewKind, sizeInWords, typeInWords } from '../../web/src/files/file-words.ts';
import { changesInWords, kindInWords } from '../../web/src/suggestions/suggestion-words.ts';

describe('files in words', () => {
  it('says sizes as people do', () => {
    expect(sizeInWords(0)).toBe('0 bytes');
    expect(sizeInWords(1)).toBe('1 byte');
    expect(sizeInWords(1023)).toBe('1,023 bytes');
    expect(sizeInWords(12 * 1024)).toBe('12 KB');
    expect(sizeInWords(1536)).toBe('1.5 KB');
    expect(sizeInWords(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(sizeInWords(5 * 1024 ** 3)).toBe('5 GB');
  });

  it('names types and picks the preview, never rendering HTML or SVG', () => {
    expect(typeInWords('text/csv; charset=utf-8')).toBe('CSV table');
    expect(typeInWords('application/x-custom')).toBe('application/x-custom');
    expect(previewKind('text/csv; charset=utf-8', 'a.csv')).toBe('csv');
    expect(previewKind('application/octet-stream', 'export.csv')).toBe('csv');
    expect(previewKind('application/json', 'a.json')).toBe('json');
    expect(previewKind('application/ld+json', 'a')).toBe('json');
    expect(previewKind('image/png', 'a.png')).toBe('image');
    expect(previewKind('image/svg+xml', 'a.svg')).toBe('html');
    expect(previewKind('text/html; charset=utf-8', 'a.html')).toBe('html');
    expect(previewKind('application/pdf', 'a.pdf')).toBe('pdf');
    expect(previewKind('text/markdown; charset=utf-8', 'a.md')).toBe('text');
    expect(previewKind('application/zip', 'a.zip')).toBe('other');
  });

  it('never frames or pictures a file whose type names a second one after a comma (browsers read that one)', () => {
    expect(previewKind('application/pdf; a=1, text/html', 'report.pdf')).toBe('other');
    expect(previewKind('image/png; x=1, text/html', 'dot.png')).toBe('other');
    expect(previewKind('text/plain, text/html', 'note.txt')).toBe('other');
    // Shown as text by its name, which runs nothing.
    expect(previewKind('text/csv, text/html', 'a.csv')).toBe('csv');
  });

  it('says what a suggestion is about and how much its plan changes', () => {
    expect(kindInWords('repeated_failures')).toBe('Keeps failing');
    expect(changesInWords([{}])).toBe('1 change');
    expect(changesInWords([{}, {}])).toBe('2 changes');
  });
});
