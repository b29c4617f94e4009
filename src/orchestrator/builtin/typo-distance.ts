// The Damerau-Levenshtein distance (optimal string alignment) between two words: how many
// letters were typed wrong, left out, added or swapped ("reprot" is one slip from "report").
// Written here rather than taken from a package: it is twenty lines, and names are short.

export function typoDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rows of the table are all it needs: the one two above is for a swap. Kept as numbers in
  // typed arrays, so a call allocates three small rows rather than a table of arrays.
  let before = new Int32Array(b.length + 1);
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let column = 0; column <= b.length; column++) previous[column] = column;
  for (let row = 1; row <= a.length; row++) {
    current[0] = row;
    for (let column = 1; column <= b.length; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let best = Math.min(
        (previous[column] as number) + 1,
        (current[column - 1] as number) + 1,
        (previous[column - 1] as number) + cost,
      );
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1])
        best = Math.min(best, (before[column - 2] as number) + 1);
      current[column] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] as number;
}
