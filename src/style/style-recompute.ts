// Recomputes an agent's measured style from its samples, in the transaction that changed them.
// The word lists follow the measurement unless the user pinned them by editing.
import type { StyleField } from '../domain/style-memory.ts';
import { measureStyle } from '../domain/style-profile.ts';
import type { WorkspaceScope } from '../store/store.ts';
import {
  listStyleSamples,
  lockStyleProfile,
  type StyleProfileChanges,
  type StyleProfileRecord,
  updateStyleProfile,
} from '../store/style-repository.ts';

/** Measures the agent's samples anew and keeps the figures, leaving pinned fields as the user set them. */
export async function recomputeStyle(scope: WorkspaceScope, agentId: string): Promise<StyleProfileRecord> {
  const profile = await lockStyleProfile(scope, agentId);
  const samples = await listStyleSamples(scope, agentId);
  const corrections = samples.flatMap((sample) =>
    sample.original === null ? [] : [{ original: sample.original, corrected: sample.text }],
  );
  const measured = measureStyle(
    samples.map((sample) => sample.text),
    corrections,
  );
  const pinned = new Set<StyleField>(profile.pinned);
  const changes: StyleProfileChanges = { measured };
  if (!pinned.has('useWords')) changes.useWords = measured.useWords;
  if (!pinned.has('avoidWords')) changes.avoidWords = measured.avoidWords;
  return updateStyleProfile(scope, agentId, changes);
}
