// What one export may hold. The PDF is laid out synchronously on the serving process, and its
// table and wrapping work grows faster than the file: a 45 KB CSV of 5,000 columns took three
// minutes of a core, and a list nested thousands deep did not finish. Such a document is refused
// before any layout, with what to change, instead of stalling every other request.
import { ruleViolated } from '../domain/errors.ts';
import type { Block, Inline } from './document-blocks.ts';

export const exportLimits = {
  tableColumns: 50,
  tableRows: 2000,
  nesting: 20,
  characters: 2_000_000,
};

interface Tally {
  characters: number;
}

function countInlines(inlines: readonly Inline[], tally: Tally) {
  for (const inline of inlines) tally.characters += inline.text.length + (inline.href?.length ?? 0);
}

function checkBlocks(blocks: readonly Block[], depth: number, tally: Tally) {
  if (depth > exportLimits.nesting) {
    throw ruleViolated(
      `The document nests lists or quotes more than ${exportLimits.nesting} deep; flatten it to export it.`,
    );
  }
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        countInlines(block.inlines, tally);
        break;
      case 'code':
        tally.characters += block.text.length;
        break;
      case 'list':
        for (const item of block.items) checkBlocks(item, depth + 1, tally);
        break;
      case 'quote':
        checkBlocks(block.blocks, depth + 1, tally);
        break;
      case 'table': {
        const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
        if (columns > exportLimits.tableColumns) {
          throw ruleViolated(
            `A table has ${columns} columns; an export lays out at most ${exportLimits.tableColumns}. Keep the columns that matter (e.g. with transform.map) and export again.`,
          );
        }
        if (block.rows.length > exportLimits.tableRows) {
          throw ruleViolated(
            `A table has ${block.rows.length} rows; an export lays out at most ${exportLimits.tableRows}. Split it or download the data file itself.`,
          );
        }
        for (const row of [block.header, ...block.rows]) for (const cell of row) countInlines(cell, tally);
        break;
      }
      case 'rule':
        break;
    }
  }
  if (tally.characters > exportLimits.characters) {
    throw ruleViolated(
      `The document holds more than ${exportLimits.characters.toLocaleString('en')} characters of text; export it in parts.`,
    );
  }
}

/** Refuses a document too large or too deep to export (see exportLimits), before any layout. */
export function checkExportable(blocks: readonly Block[]): void {
  checkBlocks(blocks, 0, { characters: 0 });
}
