// The context page's words and snippets: tags as typed, sizes, who wrote an entry, and search
// snippets read back as text with only the matched words marked.
import { describe, expect, it } from 'vitest';
import type { MemoryEntry } from '../../web/src/context/context-queries.ts';
import { byteSize, lastWriter, parseTags, preview, valueText } from '../../web/src/context/entry-words.ts';
import { snippetPieces } from '../../web/src/context/snippet-pieces.ts';

const entry = (fields: Partial<MemoryEntry>): MemoryEntry => ({
  id: 'e1',
  scope: 'workspace',
  agentId: null,
  key: 'k',
  value: 'v',
  text: 'v',
  customText: false,
  tags: [],
  version: 1,
  sizeBytes: 3,
  sourceRunId: null,
  sourceAgentId: null,
  sourceAgentName: null,
  createdBy: null,
  createdByName: null,
  updatedBy: null,
  updatedByName: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

describe('context words', () => {
  it('reads tags as typed, without empty ones or repeats', () => {
    expect(parseTags(' client, vip,, client ,')).toEqual(['client', 'vip']);
    expect(parseTags('')).toEqual([]);
  });

  it('says sizes in bytes, KB and MB', () => {
    expect(byteSize(1)).toBe('1 byte');
    expect(byteSize(900)).toBe('900 bytes');
    expect(byteSize(2048)).toBe('2.0 KB');
    expect(byteSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('names the last writer: a person, a former member, or the agent whose run wrote it', () => {
    expect(lastWriter(entry({ updatedBy: 'u1', updatedByName: 'Ada' }))).toBe('Ada');
    expect(lastWriter(entry({ updatedBy: 'u1' }))).toBe('a former member');
    expect(lastWriter(entry({ sourceRunId: 'r1', sourceAgentName: 'Note Taker' }))).toBe(
      'a run of Note Taker',
    );
    expect(lastWriter(entry({ sourceRunId: 'r1' }))).toBe('a run');
  });

  it('shows text as it is and anything else as indented JSON, and previews on one line', () => {
    expect(valueText('a\nb')).toBe('a\nb');
    expect(valueText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(preview(entry({ text: 'one\n\ntwo   three' }))).toBe('one two three');
    expect(preview(entry({ text: 'x'.repeat(300) }), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('reads a snippet back as text, marking only the matched words', () => {
    expect(snippetPieces('the &lt;b&gt;old&lt;/b&gt; <b>lighthouse</b> &amp; sea')).toEqual([
      { key: '0', marked: false, text: 'the <b>old</b> ' },
      { key: '27', marked: true, text: 'lighthouse' },
      { key: '44', marked: false, text: ' & sea' },
    ]);
  });
});
