// User memory: per account, across workspaces. It holds the user's own facts and preferences.
import { eq } from 'drizzle-orm';
import { userMemories } from './schema.ts';
import type { AccountScope } from './store.ts';

export type UserMemoryRecord = typeof userMemories.$inferSelect;

export async function getUserMemory(scope: AccountScope): Promise<UserMemoryRecord | undefined> {
  const [row] = await scope.db.select().from(userMemories).where(eq(userMemories.userId, scope.userId));
  return row;
}

export async function saveUserMemory(
  scope: AccountScope,
  memory: Pick<UserMemoryRecord, 'timezone' | 'locale' | 'preferences' | 'facts'>,
): Promise<UserMemoryRecord> {
  const values = { ...memory, updatedAt: new Date() };
  const [row] = await scope.db
    .insert(userMemories)
    .values({ userId: scope.userId, ...values })
    .onConflictDoUpdate({ target: userMemories.userId, set: values })
    .returning();
  if (!row) throw new Error('upsert into user_memories returned no row');
  return row;
}
