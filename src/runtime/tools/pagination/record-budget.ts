// How much a listing walk may hold. A walk keeps every record it read until the step ends, and a
// page decides what its records hold: up to 1000 pages of large, ever-new rows would grow the
// worker's memory without bound. Past the budget the step fails loudly, as at maxPages, rather
// than take the worker down or keep a partial listing silently.
import { ToolError } from '../../tool-error.ts';
import type { ListingRecord } from './record-ledger.ts';

/** The records a walk may keep, as JSON text: far above a real listing's (1000 pages of 100 rows of 300 characters is 30 MB). */
export const walkRecordBudgetBytes = 64 * 1024 * 1024;

export class RecordBudget {
  #used = 0;

  constructor(readonly limitBytes: number = walkRecordBudgetBytes) {}

  /** Counts records a page gave; fails once the walk holds more than the budget. */
  add(records: readonly ListingRecord[], pagesRead: number): void {
    for (const record of records) this.#used += JSON.stringify(record).length;
    if (this.#used <= this.limitBytes) return;
    const megabytes = Math.round(this.limitBytes / (1024 * 1024));
    throw new ToolError(
      'too_large',
      `The listing's records passed ${megabytes} MB after ${pagesRead} page${pagesRead === 1 ? '' : 's'}. Keep fewer or smaller fields in records, or read the listing in parts with a lower maxPages.`,
      { details: { pages: pagesRead, limitBytes: this.limitBytes } },
    );
  }
}
