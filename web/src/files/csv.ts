// CSV as a spreadsheet reads it (RFC 4180): quoted fields may hold the separator, line breaks and
// doubled quotes; the separator is a comma, a semicolon (what European spreadsheets write) or a
// tab, whichever splits the first lines into the same number of columns.

export type Delimiter = ',' | ';' | '\t';

const candidates: Delimiter[] = [',', ';', '\t'];

export interface ParsedCsv {
  delimiter: Delimiter;
  /** The first `maxRows` rows, each a list of fields (the first row is usually the header). */
  rows: string[][];
  /** How many rows the text holds in all. */
  totalRows: number;
}

/** Splits CSV text into rows of fields; stops keeping rows after `maxRows` but counts them all. */
export function parseCsvRows(text: string, delimiter: Delimiter, maxRows = Number.POSITIVE_INFINITY) {
  const rows: string[][] = [];
  let totalRows = 0;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let rowStarted = false;
  const endRow = () => {
    row.push(field);
    if (totalRows < maxRows) rows.push(row);
    totalRows++;
    row = [];
    field = '';
    rowStarted = false;
  };
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let index = 0; index < source.length; index++) {
    const character = source[index];
    if (quoted) {
      if (character === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index++;
        } else quoted = false;
      } else field += character;
      continue;
    }
    if (character === '"' && field === '') {
      quoted = true;
      rowStarted = true;
    } else if (character === delimiter) {
      row.push(field);
      field = '';
      rowStarted = true;
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && source[index + 1] === '\n') index++;
      endRow();
    } else {
      field += character;
      rowStarted = true;
    }
  }
  // The last line needs no line break after it; a final empty line is not a row.
  if (rowStarted || row.length > 0) endRow();
  return { rows, totalRows };
}

/** The separator that splits the first lines into the same number (more than one) of columns. */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 20_000);
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of candidates) {
    const { rows } = parseCsvRows(sample, delimiter, 10);
    // The last sampled row may be cut off by the sample's end.
    const whole = rows.length > 1 && sample.length < text.length ? rows.slice(0, -1) : rows;
    const widths = whole.map((row) => row.length);
    const narrowest = Math.min(...widths);
    if (widths.length === 0 || narrowest < 2) continue;
    const consistent = widths.every((width) => width === widths[0]);
    const score = consistent ? narrowest * 2 : narrowest;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

export function parseCsv(text: string, maxRows = Number.POSITIVE_INFINITY): ParsedCsv {
  const delimiter = detectDelimiter(text);
  return { delimiter, ...parseCsvRows(text, delimiter, maxRows) };
}

/**
 * The text up to its last complete line, for a preview cut off after so many bytes: a row cut in
 * half would show wrong values. A line break inside quotes is not a row's end.
 */
export function wholeRows(text: string): string {
  let quoted = false;
  let lastEnd = -1;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (character === '\n' && !quoted) lastEnd = index;
  }
  return lastEnd === -1 ? text : text.slice(0, lastEnd + 1);
}
