// The periods the usage table offers, as the from/to the usage API takes. Days are the browser's
// own (a person in Tokyo means their month); the API gets the instants.

export type UsagePeriodChoice = 'last30' | 'last7' | 'thisMonth' | 'lastMonth' | 'custom';

export const usagePeriodChoices: { value: UsagePeriodChoice; label: string }[] = [
  { value: 'last30', label: 'Last 30 days' },
  { value: 'last7', label: 'Last 7 days' },
  { value: 'thisMonth', label: 'This month' },
  { value: 'lastMonth', label: 'Last month' },
  { value: 'custom', label: 'Dates…' },
];

export interface UsagePeriod {
  from: string;
  to: string;
}

/** A day's start in local time, from an `<input type="date">` value (YYYY-MM-DD). */
function startOfLocalDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const day = new Date(year, month, date);
  // Date rolls "13-45" over into a later month: a day that does not read back is not one.
  return day.getMonth() === month && day.getDate() === date ? day : undefined;
}

/**
 * The period chosen, or why it cannot be asked for (custom dates missing or in the wrong order).
 * Custom dates include both days: "to" is the end of its day.
 */
export function usagePeriod(
  choice: UsagePeriodChoice,
  custom: { from: string; to: string },
  now = new Date(),
): UsagePeriod | { problem: string } {
  const days = (count: number) => new Date(now.getTime() - count * 24 * 3600 * 1000);
  switch (choice) {
    case 'last30':
      return { from: days(30).toISOString(), to: now.toISOString() };
    case 'last7':
      return { from: days(7).toISOString(), to: now.toISOString() };
    case 'thisMonth':
      return { from: new Date(now.getFullYear(), now.getMonth(), 1).toISOString(), to: now.toISOString() };
    case 'lastMonth':
      return {
        from: new Date(now.getFullYear(), now.getMonth() - 1, 1).toISOString(),
        to: new Date(now.getFullYear(), now.getMonth(), 1).toISOString(),
      };
    case 'custom': {
      const from = startOfLocalDay(custom.from);
      const to = startOfLocalDay(custom.to);
      if (!from || !to) return { problem: 'Pick both dates to see the usage between them.' };
      const end = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1);
      if (from.getTime() >= end.getTime()) return { problem: 'The first date must not be after the second.' };
      return { from: from.toISOString(), to: end.toISOString() };
    }
  }
}
