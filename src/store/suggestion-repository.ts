// Which of the Orchestrator's suggestions the workspace has dismissed, and which each person has
// been shown.
import { and, eq, inArray } from 'drizzle-orm';
import { suggestionDismissals, suggestionViews } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export async function dismissedSuggestions(scope: WorkspaceScope): Promise<Set<string>> {
  const rows = await scope.db
    .select({ id: suggestionDismissals.suggestionId })
    .from(suggestionDismissals)
    .where(eq(suggestionDismissals.workspaceId, scope.workspaceId));
  return new Set(rows.map((row) => row.id));
}

export async function dismissSuggestion(scope: WorkspaceScope, suggestionId: string, userId: string) {
  await scope.db
    .insert(suggestionDismissals)
    .values({ workspaceId: scope.workspaceId, suggestionId, dismissedBy: userId })
    .onConflictDoNothing();
}

/** Of these suggestions, the ones this person has already been shown. */
export async function seenSuggestions(
  scope: WorkspaceScope,
  userId: string,
  suggestionIds: readonly string[],
): Promise<Set<string>> {
  if (suggestionIds.length === 0) return new Set();
  const rows = await scope.db
    .select({ id: suggestionViews.suggestionId })
    .from(suggestionViews)
    .where(
      and(
        eq(suggestionViews.workspaceId, scope.workspaceId),
        eq(suggestionViews.userId, userId),
        inArray(suggestionViews.suggestionId, [...suggestionIds]),
      ),
    );
  return new Set(rows.map((row) => row.id));
}

/** Notes that this person has been shown these suggestions (again is harmless). */
export async function markSuggestionsSeen(
  scope: WorkspaceScope,
  userId: string,
  suggestionIds: readonly string[],
): Promise<void> {
  if (suggestionIds.length === 0) return;
  await scope.db
    .insert(suggestionViews)
    .values(suggestionIds.map((suggestionId) => ({ workspaceId: scope.workspaceId, userId, suggestionId })))
    .onConflictDoNothing();
}
