// The walk's record budget: records are counted as JSON text, and the first page that takes the
// walk past the budget fails it with too_large, naming the pages read and what to change.
import { describe, expect, it } from 'vitest';
import { ToolError } from '../../tool-error.ts';
import { RecordBudget, walkRecordBudgetBytes } from './record-budget.ts';

const rows = (count: number, size: number) =>
  Array.from({ length: count }, (_, index) => ({ name: `${index}`.padEnd(size, 'x') }));

describe('RecordBudget', () => {
  it('lets a walk hold records up to the budget, then fails it loudly', () => {
    const budget = new RecordBudget(10_000);
    budget.add(rows(40, 100), 1);
    budget.add(rows(40, 100), 2);
    let refused: unknown;
    try {
      budget.add(rows(40, 100), 3);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ToolError);
    expect((refused as ToolError).code).toBe('too_large');
    expect((refused as ToolError).message).toMatch(
      /passed \d+ MB after 3 pages\. Keep fewer or smaller fields/,
    );
  });

  it('leaves a large real listing well inside the default budget', () => {
    const budget = new RecordBudget();
    for (let page = 1; page <= 1000; page++) budget.add(rows(100, 200), page);
    expect(budget.limitBytes).toBe(walkRecordBudgetBytes);
  });
});
