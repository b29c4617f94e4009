// The records a run produced, as rows and columns a person can read: scrapers return lists of
// objects ({cells: [...]}, {name, link}), and a table says more than folded JSON.
export interface RecordTable {
  /** The output field the records came from ("records", "leads"), or "" for an output that is a list. */
  name: string;
  columns: string[];
  rows: string[][];
  total: number;
}

const maximumColumns = 8;

function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(plain).filter(Boolean).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function longestList(output: unknown): { name: string; items: unknown[] } | undefined {
  if (Array.isArray(output)) return { name: '', items: output };
  if (!output || typeof output !== 'object') return undefined;
  let best: { name: string; items: unknown[] } | undefined;
  for (const [name, value] of Object.entries(output)) {
    if (Array.isArray(value) && value.length > 0 && value.length > (best?.items.length ?? 0))
      best = { name, items: value };
  }
  return best;
}

/** The output's longest list as a table, or nothing when the output holds no list of records. */
export function recordTable(output: unknown, limit: number): RecordTable | undefined {
  const list = longestList(output);
  if (!list || list.items.length === 0) return undefined;
  const shown = list.items.slice(0, limit);
  const isObject = (item: unknown): item is Record<string, unknown> =>
    Boolean(item) && typeof item === 'object' && !Array.isArray(item);
  if (!shown.every(isObject)) {
    // A list of plain values or of arrays: one value per row, arrays spread into columns.
    const width = Math.min(
      maximumColumns,
      Math.max(1, ...shown.map((item) => (Array.isArray(item) ? item.length : 1))),
    );
    return {
      name: list.name,
      columns: width === 1 ? ['Value'] : Array.from({ length: width }, (_, index) => `Column ${index + 1}`),
      rows: shown.map((item) => (Array.isArray(item) ? item.slice(0, width).map(plain) : [plain(item)])),
      total: list.items.length,
    };
  }
  const keys = [...new Set(shown.flatMap((item) => Object.keys(item)))];
  // {cells: [...]} from a table extract: the one field is the row, so its values are the columns.
  const only = keys.length === 1 ? keys[0] : undefined;
  if (only && shown.every((item) => Array.isArray(item[only]))) {
    const spread = recordTable(
      shown.map((item) => item[only]),
      limit,
    ) as RecordTable;
    return { ...spread, name: list.name, total: list.items.length };
  }
  const columns = keys.slice(0, maximumColumns);
  return {
    name: list.name,
    columns,
    rows: shown.map((item) => columns.map((column) => plain(item[column]))),
    total: list.items.length,
  };
}
