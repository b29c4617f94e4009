// Which records of a listing were already taken, per address. A page read again (a "Load more"
// page holds the earlier rows too; a loop comes back to a page) gives only what it did not give
// before; two equal rows on one page are still two records, since a page may list one thing twice.
// A page at a new address whose every record was taken elsewhere is the listing come round again
// ("Next" on the last page leading to "?page=1" when the first page was read as "/list").
export type ListingRecord = Record<string, unknown>;

export class RecordLedger {
  readonly #taken = new Map<string, Map<string, number>>();
  readonly #everywhere = new Set<string>();

  /** Whether a first reading of an address holds records, all of them taken before elsewhere. */
  repeatsEarlierPages(address: string, records: readonly ListingRecord[]): boolean {
    if (this.#taken.has(address) || records.length === 0) return false;
    return records.every((record) => this.#everywhere.has(JSON.stringify(record)));
  }

  /** The records of this reading of `address` that no earlier reading of it gave, in page order. */
  take(address: string, records: readonly ListingRecord[]): ListingRecord[] {
    const taken = this.#taken.get(address) ?? new Map<string, number>();
    this.#taken.set(address, taken);
    const seenNow = new Map<string, number>();
    const fresh: ListingRecord[] = [];
    for (const record of records) {
      const key = JSON.stringify(record);
      const occurrence = (seenNow.get(key) ?? 0) + 1;
      seenNow.set(key, occurrence);
      if (occurrence > (taken.get(key) ?? 0)) {
        taken.set(key, occurrence);
        this.#everywhere.add(key);
        fresh.push(record);
      }
    }
    return fresh;
  }
}
