// Months in a schedule said in words: "every weekday in december only", "during june and july",
// "from april to september" are cron's month field. A month is read only after a word that makes
// it one ("in", "during", "every", "from"), so "may" the verb and "march" the walk stay words.

const monthNumbers: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const month = `(?:${Object.keys(monthNumbers)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/** Whether a text names a month at all (a quick test before the phrases below). */
export const monthWord = new RegExp(`\\b${month}\\b`);

/** "from june to august", "between april and september", "in june-august": a range of months. */
export const monthRange = new RegExp(
  `\\b(?:only )?(?:(?:from|in|during) (${month}) ?(?:to|through|thru|till|until|-) ?(${month})|between (${month}) and (${month}))(?: only)?\\b`,
);

/** "in december", "only during june and july", "every january", "in dec only": listed months. */
export const monthList = new RegExp(
  `\\b(?:only )?(?:in|during|throughout|every|each)(?: the month of)? (${month}(?:(?: and| &| or|) ${month})*)(?: only)?\\b`,
);

function numberOf(name: string): number {
  return monthNumbers[name] ?? 0;
}

/**
 * The cron month field of matched months: "12", "6,7", "4-9". A range that wraps the year
 * ("november to february") is listed month by month, since a cron range cannot wrap.
 */
export function monthField(match: RegExpMatchArray, range: boolean): string {
  if (range) {
    const first = numberOf(match[1] ?? match[3] ?? '');
    const last = numberOf(match[2] ?? match[4] ?? '');
    if (first === last) return String(first);
    if (first < last) return `${first}-${last}`;
    const months: number[] = [];
    for (let at = first; at !== last; at = (at % 12) + 1) months.push(at);
    months.push(last);
    return months.sort((a, b) => a - b).join(',');
  }
  const names = (match[1] ?? '').split(/ (?:and |& |or )?/).filter((name) => name in monthNumbers);
  return [...new Set(names.map(numberOf))].sort((a, b) => a - b).join(',');
}

/** The cron with its month field set (five fields, or six with seconds first). */
export function withMonths(cron: string, months: string | undefined): string {
  if (!months) return cron;
  const fields = cron.split(' ');
  fields[fields.length - 2] = months;
  return fields.join(' ');
}
