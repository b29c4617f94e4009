// CSV and JSON read into a table: a list of records becomes one row per record, an object a
// two-column table of its fields, anything else its pretty-printed JSON as code.
import type { Block, Inline } from './document-blocks.ts';

/** Past this many rows a table export says how many were left out: a document, not a database dump. */
export const maximumTableRows = 2000;

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"' && field === '') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += character;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const cell = (value: unknown): Inline[] => [
  {
    text:
      value === null || value === undefined
        ? ''
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value),
  },
];

function tableBlocks(header: unknown[], rows: unknown[][]): Block[] {
  const shown = rows.slice(0, maximumTableRows);
  const blocks: Block[] = [
    { kind: 'table', header: header.map(cell), rows: shown.map((row) => row.map(cell)) },
  ];
  if (rows.length > shown.length) {
    blocks.push({
      kind: 'paragraph',
      inlines: [
        { text: `${rows.length - shown.length} more rows are in the file and not shown here.`, italic: true },
      ],
    });
  }
  return blocks;
}

export function csvBlocks(text: string): Block[] {
  const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return tableBlocks(header, rows);
}

export function jsonBlocks(text: string): Block[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [{ kind: 'code', text }];
  }
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => item && typeof item === 'object' && !Array.isArray(item))
  ) {
    const records = value as Record<string, unknown>[];
    const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
    return tableBlocks(
      columns,
      records.map((record) => columns.map((column) => record[column])),
    );
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return tableBlocks(['Field', 'Value'], Object.entries(value));
  }
  return [{ kind: 'code', text: JSON.stringify(value, null, 2) }];
}
