// What user memory learned from what the person built: one row per thing seen, with how often
// and when last. Account scope only (RLS keeps each person to their own rows).
import { and, desc, eq, sql } from 'drizzle-orm';
import { learnedItems, userMemories, users } from './schema.ts';
import type { AccountScope } from './store.ts';

export type LearnedItemRecord = typeof learnedItems.$inferSelect;

/** One thing seen once: its category, its key, and where it was seen. */
export interface Observation {
  category: string;
  key: string;
  source: string;
}

/** How many things are kept per person: the oldest-seen give way to new ones past it. */
export const learnedItemLimit = 200;

export async function listLearnedItems(scope: AccountScope): Promise<LearnedItemRecord[]> {
  return scope.db
    .select()
    .from(learnedItems)
    .where(eq(learnedItems.userId, scope.userId))
    .orderBy(desc(learnedItems.count), desc(learnedItems.lastSeenAt), learnedItems.key);
}

/** Whether the person lets Orca learn; on until they turn it off. */
export async function learningEnabled(scope: AccountScope): Promise<boolean> {
  const [row] = await scope.db
    .select({ learning: userMemories.learning })
    .from(userMemories)
    .where(eq(userMemories.userId, scope.userId));
  return row?.learning ?? true;
}

export async function setLearning(scope: AccountScope, learning: boolean): Promise<void> {
  await scope.db
    .insert(userMemories)
    .values({ userId: scope.userId, learning })
    .onConflictDoUpdate({ target: userMemories.userId, set: { learning, updatedAt: new Date() } });
}

/** Counts each observation once more (the first time, once), unless learning is off. */
export async function recordObservations(
  scope: AccountScope,
  observations: readonly Observation[],
  at: Date = new Date(),
): Promise<number> {
  if (observations.length === 0 || !(await learningEnabled(scope))) return 0;
  for (const observation of observations) {
    await scope.db
      .insert(learnedItems)
      .values({ userId: scope.userId, ...observation, firstSeenAt: at, lastSeenAt: at })
      .onConflictDoUpdate({
        target: [learnedItems.userId, learnedItems.category, learnedItems.key],
        set: { count: sql`${learnedItems.count} + 1`, source: observation.source, lastSeenAt: at },
      });
  }
  await scope.db.execute(sql`
    delete from learned_items where user_id = ${scope.userId} and id not in (
      select id from learned_items where user_id = ${scope.userId}
      order by last_seen_at desc limit ${learnedItemLimit})`);
  return observations.length;
}

export async function deleteLearnedItem(scope: AccountScope, itemId: string): Promise<boolean> {
  const deleted = await scope.db
    .delete(learnedItems)
    .where(and(eq(learnedItems.userId, scope.userId), eq(learnedItems.id, itemId)))
    .returning({ id: learnedItems.id });
  return deleted.length > 0;
}

export async function deleteLearnedItems(scope: AccountScope): Promise<number> {
  const deleted = await scope.db
    .delete(learnedItems)
    .where(eq(learnedItems.userId, scope.userId))
    .returning({ id: learnedItems.id });
  return deleted.length;
}

/** What the Orchestrator reads of a person to offer what they usually build. */
export interface LearningProfile {
  learning: boolean;
  items: LearnedItemRecord[];
  email: string | undefined;
  timezone: string | null;
}

export async function learningProfile(scope: AccountScope): Promise<LearningProfile> {
  const [memory] = await scope.db
    .select({ learning: userMemories.learning, timezone: userMemories.timezone })
    .from(userMemories)
    .where(eq(userMemories.userId, scope.userId));
  const [user] = await scope.db.select({ email: users.email }).from(users).where(eq(users.id, scope.userId));
  const learning = memory?.learning ?? true;
  return {
    learning,
    items: learning ? await listLearnedItems(scope) : [],
    email: user?.email,
    timezone: memory?.timezone ?? null,
  };
}
