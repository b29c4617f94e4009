import { describe, expect, it } from 'vitest';
import { recordTable } from '../../web/src/runs/output-records.ts';

describe('a run output as a table of records', () => {
  it('spreads a table extract’s cells into columns', () => {
    const output = {
      file: 'f1',
      count: 3,
      records: [
        { cells: ['Katherine Johnson', 'Mathematician'] },
        { cells: ['Dorothy Vaughan', 'Programmer'] },
      ],
    };
    expect(recordTable(output, 50)).toEqual({
      name: 'records',
      columns: ['Column 1', 'Column 2'],
      rows: [
        ['Katherine Johnson', 'Mathematician'],
        ['Dorothy Vaughan', 'Programmer'],
      ],
      total: 2,
    });
  });

  it('uses the fields of objects as columns, and shows at most the limit', () => {
    const leads = Array.from({ length: 5 }, (_, index) => ({ name: `Lead ${index}`, tags: ['a', 'b'] }));
    const table = recordTable({ leads }, 2);
    expect(table?.columns).toEqual(['name', 'tags']);
    expect(table?.rows).toEqual([
      ['Lead 0', 'a, b'],
      ['Lead 1', 'a, b'],
    ]);
    expect(table?.total).toBe(5);
    expect(table?.name).toBe('leads');
  });

  it('shows a list of plain values one per row', () => {
    expect(recordTable(['x', 'y'], 10)).toEqual({
      name: '',
      columns: ['Value'],
      rows: [['x'], ['y']],
      total: 2,
    });
  });

  it('has no table for an output without a list', () => {
    expect(recordTable({ changed: true }, 10)).toBeUndefined();
    expect(recordTable(null, 10)).toBeUndefined();
    expect(recordTable({ items: [] }, 10)).toBeUndefined();
  });
});
