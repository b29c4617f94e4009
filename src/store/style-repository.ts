// Style memory: each agent's writing samples and the profile learned from them.
import { and, count, eq, sql } from 'drizzle-orm';
import { isUuid } from '../domain/slug.ts';
import { creationKeyset, type KeysetPage, keysetOrder, pastPosition } from './keyset.ts';
import { styleProfiles, styleSamples } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export type StyleSampleRecord = typeof styleSamples.$inferSelect;
export type StyleProfileRecord = typeof styleProfiles.$inferSelect;
export type StyleProfileChanges = Partial<
  Omit<typeof styleProfiles.$inferInsert, 'agentId' | 'workspaceId' | 'updatedAt'>
>;

/** The agent's samples, newest first. */
/** Newest first. */
export const styleSampleKeyset = creationKeyset<StyleSampleRecord>(styleSamples, 'desc');

/** The agent's samples, newest first: the first 1000, or a page past a position. */
export async function listStyleSamples(
  scope: WorkspaceScope,
  agentId: string,
  page: KeysetPage | number = 1000,
): Promise<StyleSampleRecord[]> {
  const { limit, after } = typeof page === 'number' ? { limit: page, after: undefined } : page;
  return scope.db
    .select()
    .from(styleSamples)
    .where(
      and(
        eq(styleSamples.workspaceId, scope.workspaceId),
        eq(styleSamples.agentId, agentId),
        pastPosition(styleSampleKeyset, { limit, after }),
      ),
    )
    .orderBy(...keysetOrder(styleSampleKeyset))
    .limit(limit);
}

export async function countStyleSamples(scope: WorkspaceScope, agentId: string): Promise<number> {
  const [row] = await scope.db
    .select({ samples: count() })
    .from(styleSamples)
    .where(and(eq(styleSamples.workspaceId, scope.workspaceId), eq(styleSamples.agentId, agentId)));
  return row?.samples ?? 0;
}

export async function insertStyleSample(
  scope: WorkspaceScope,
  values: Omit<typeof styleSamples.$inferInsert, 'workspaceId' | 'id' | 'createdAt'>,
): Promise<StyleSampleRecord> {
  const [row] = await scope.db
    .insert(styleSamples)
    .values({ ...values, workspaceId: scope.workspaceId })
    .returning();
  if (!row) throw new Error('the style sample was not inserted');
  return row;
}

/** Deletes one of the agent's samples; undefined when it has none by that id. */
export async function deleteStyleSample(
  scope: WorkspaceScope,
  agentId: string,
  sampleId: string,
): Promise<StyleSampleRecord | undefined> {
  if (!isUuid(sampleId)) return undefined;
  const [row] = await scope.db
    .delete(styleSamples)
    .where(
      and(
        eq(styleSamples.workspaceId, scope.workspaceId),
        eq(styleSamples.agentId, agentId),
        eq(styleSamples.id, sampleId),
      ),
    )
    .returning();
  return row;
}

export async function findStyleProfile(
  scope: WorkspaceScope,
  agentId: string,
): Promise<StyleProfileRecord | undefined> {
  const [row] = await scope.db
    .select()
    .from(styleProfiles)
    .where(and(eq(styleProfiles.workspaceId, scope.workspaceId), eq(styleProfiles.agentId, agentId)));
  return row;
}

/**
 * The agent's profile row, made empty when missing and locked until the transaction ends: changes
 * to one agent's style (a sample added while another is deleted) are then recomputed one at a time.
 */
export async function lockStyleProfile(scope: WorkspaceScope, agentId: string): Promise<StyleProfileRecord> {
  await scope.db
    .insert(styleProfiles)
    .values({ agentId, workspaceId: scope.workspaceId })
    .onConflictDoNothing({ target: styleProfiles.agentId });
  const [row] = await scope.db
    .select()
    .from(styleProfiles)
    .where(and(eq(styleProfiles.workspaceId, scope.workspaceId), eq(styleProfiles.agentId, agentId)))
    .for('update');
  if (!row) throw new Error('the style profile was not found after it was made');
  return row;
}

export async function updateStyleProfile(
  scope: WorkspaceScope,
  agentId: string,
  changes: StyleProfileChanges,
): Promise<StyleProfileRecord> {
  const [row] = await scope.db
    .update(styleProfiles)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(styleProfiles.workspaceId, scope.workspaceId), eq(styleProfiles.agentId, agentId)))
    .returning();
  if (!row) throw new Error('the style profile to update was not found');
  return row;
}
