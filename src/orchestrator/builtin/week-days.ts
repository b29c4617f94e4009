// The week days of a cron's day-of-week field, as a set, and back: "1-5" is Monday to Friday;
// without Wednesday it is "1,2,4,5".
import { cronDayNames } from './vocabulary/schedule-stop-vocabulary.ts';

const everyDay = [0, 1, 2, 3, 4, 5, 6];

function dayNumber(token: string): number | undefined {
  const named = cronDayNames[token.toLowerCase().slice(0, 3)];
  if (named !== undefined) return named;
  if (!/^\d$/.test(token)) return undefined;
  return Number(token) % 7;
}

/** The days a day-of-week field fires on; undefined when the field is not one this reads. */
export function daysOfField(field: string): number[] | undefined {
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const [range = '', stepWords] = part.split('/');
    const step = stepWords === undefined ? 1 : Number(stepWords);
    if (!Number.isInteger(step) || step < 1) return undefined;
    let first: number | undefined;
    let last: number | undefined;
    if (range === '*' || range === '?') [first, last] = [0, 6];
    else {
      const [from = '', to] = range.split('-');
      first = dayNumber(from);
      // Cron's 7 is Sunday too: "5-7" is Friday to Sunday.
      last = to === undefined ? (stepWords === undefined ? first : 6) : to === '7' ? 7 : dayNumber(to);
    }
    if (first === undefined || last === undefined || last < first) return undefined;
    for (let day = first; day <= last; day += step) days.add(day % 7);
  }
  return everyDay.filter((day) => days.has(day));
}

/** A day-of-week field for these days, runs written as ranges: [1,2,3,5] is "1-3,5". */
export function fieldOfDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return '*';
  const parts: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    let end = index;
    while (end + 1 < sorted.length && (sorted[end + 1] as number) === (sorted[end] as number) + 1) end++;
    const [first, last] = [sorted[index] as number, sorted[end] as number];
    parts.push(last - first >= 2 ? `${first}-${last}` : sorted.slice(index, end + 1).join(','));
    index = end + 1;
  }
  return parts.join(',');
}
