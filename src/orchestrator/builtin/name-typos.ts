// Agent names typed with a slip ("lead scrapr", "prcie monitor"): when no agent's name words
// are in a request, its words one or two letters away from a name's word are read as that word.
import { agentsMentioned, type NameMatch, nameWords } from './agent-names.ts';

/** Edits between two words: insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      row[j] = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** Short words tolerate one slip, long ones two; words of three letters or fewer none. */
function allowedEdits(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2;
}

/**
 * The agents a text mentions, as agentsMentioned finds them; when it finds none, the same with
 * the text's misspelt name words corrected to the nearest word of some agent's name.
 */
export function agentsMentionedWithTypos<T extends { name: string }>(
  text: string,
  agents: readonly T[],
): NameMatch<T>[] {
  const exact = agentsMentioned(text, agents);
  if (exact.length > 0) return exact;
  const vocabulary = new Set(agents.flatMap((agent) => nameWords(agent.name)));
  let corrected = false;
  const words = nameWords(text).map((word) => {
    if (vocabulary.has(word) || allowedEdits(word) === 0) return word;
    let best: { word: string; distance: number } | undefined;
    for (const known of vocabulary) {
      if (Math.abs(known.length - word.length) > allowedEdits(word)) continue;
      const distance = editDistance(word, known);
      if (distance <= allowedEdits(word) && (!best || distance < best.distance))
        best = { word: known, distance };
    }
    if (!best) return word;
    corrected = true;
    return best.word;
  });
  return corrected ? agentsMentioned(words.join(' '), agents) : [];
}
