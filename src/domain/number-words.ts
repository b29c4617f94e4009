// Numbers written as words, as people write them in requests ("every two hours", "half seven",
// "the last three runs"): one table, so every reader of words agrees on what a word is worth.

export const numberWords: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/** The number words from `lowest` to `highest`, both included (the hours of a clock: 1 to 12). */
export function numberWordsBetween(lowest: number, highest: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(numberWords).filter(([, value]) => value >= lowest && value <= highest),
  );
}
