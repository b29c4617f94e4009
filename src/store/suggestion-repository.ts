// Which of the Orchestrator's suggestions the workspace has dismissed.
import { eq } from 'drizzle-orm';
import { suggestionDismissals } from './schema.ts';
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
