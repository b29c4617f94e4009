// What each kind of advice is about, in a few words, for the Suggestions page's headings.
import type { Schemas } from '../api/client.ts';

export type SuggestionKind = Schemas['Suggestion']['kind'];

const kindWords: Record<SuggestionKind, string> = {
  repeated_failures: 'Keeps failing',
  never_runs: 'Has never run',
  split: 'Does too much at once',
  chain: 'Started by hand after another agent',
  cost: 'Costs more than it finds',
  never_changes: 'Finds nothing new',
  costly_step: 'One step costs the most',
  selector_changed: 'The page it works on changed',
  promotion_update: 'A newer version where it came from',
  learned_pattern: 'What you usually build',
};

export function kindInWords(kind: SuggestionKind): string {
  return kindWords[kind];
}

/** "1 change", "3 changes": how much the plan would do. */
export function changesInWords(operations: readonly unknown[]): string {
  return operations.length === 1 ? '1 change' : `${operations.length} changes`;
}
