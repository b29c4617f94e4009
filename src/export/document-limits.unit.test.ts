import { describe, expect, it } from 'vitest';
import { csvBlocks } from './data-blocks.ts';
import type { Block } from './document-blocks.ts';
import { checkExportable, exportLimits } from './document-limits.ts';
import { markdownBlocks } from './markdown-blocks.ts';

function nestedList(depth: number): Block[] {
  let blocks: Block[] = [{ kind: 'paragraph', inlines: [{ text: 'deepest' }] }];
  for (let level = 0; level < depth; level += 1) {
    blocks = [{ kind: 'list', ordered: false, start: 1, items: [blocks] }];
  }
  return blocks;
}

describe('what an export may hold', () => {
  it('takes an ordinary report', () => {
    const report = markdownBlocks(
      '# Report\n\nSome text.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- one\n  - two\n',
    );
    expect(() => checkExportable(report)).not.toThrow();
  });

  it('refuses a table wider than the limit, saying how many columns it has', () => {
    const wide = csvBlocks(
      `${Array.from({ length: 5000 }, (_, index) => `c${index}`).join(',')}\n${'1,'.repeat(4999)}1\n`,
    );
    expect(() => checkExportable(wide)).toThrow(/5000 columns; an export lays out at most 50/);
  });

  it('refuses a Markdown table longer than the limit', () => {
    const rows = Array.from({ length: exportLimits.tableRows + 1 }, (_, index) => `| ${index} |`).join('\n');
    expect(() => checkExportable(markdownBlocks(`| n |\n| - |\n${rows}\n`))).toThrow(/2001 rows/);
  });

  it('refuses lists nested deeper than the limit, and takes them at the limit', () => {
    expect(() => checkExportable(nestedList(exportLimits.nesting))).not.toThrow();
    expect(() => checkExportable(nestedList(exportLimits.nesting + 1))).toThrow(/nests lists or quotes/);
  });

  it('refuses more text than the limit', () => {
    const long: Block[] = [{ kind: 'code', text: 'x'.repeat(exportLimits.characters + 1) }];
    expect(() => checkExportable(long)).toThrow(/characters of text/);
  });
});

describe('what a Markdown source may be before it is parsed', () => {
  it('refuses a list indented far past the nesting limit, before the parser sees it', () => {
    const deep = Array.from({ length: 500 }, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n');
    expect(() => markdownBlocks(deep)).toThrow(/indented or quoted \d+ columns deep/);
  });

  it('takes ordinary indentation, code blocks included', () => {
    expect(markdownBlocks('- a\n  - b\n    - c\n\n        code\n').length).toBeGreaterThan(0);
  });
});
