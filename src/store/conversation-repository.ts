// Conversations with the Orchestrator and their messages, oldest first.
import { and, asc, eq } from 'drizzle-orm';
import { isUuid } from '../domain/slug.ts';
import { conversationMessages, conversations } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export type ConversationRecord = typeof conversations.$inferSelect;
export type ConversationMessageRecord = typeof conversationMessages.$inferSelect;

export async function insertConversation(scope: WorkspaceScope, userId: string | null, title: string) {
  const [row] = await scope.db
    .insert(conversations)
    .values({ workspaceId: scope.workspaceId, userId, title: title.slice(0, 120) })
    .returning();
  if (!row) throw new Error('insert into conversations returned no row');
  return row;
}

export async function findConversation(scope: WorkspaceScope, conversationId: string) {
  if (!isUuid(conversationId)) return undefined;
  const [row] = await scope.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, scope.workspaceId), eq(conversations.id, conversationId)));
  return row;
}

export async function appendMessage(
  scope: WorkspaceScope,
  conversationId: string,
  message: { role: 'user' | 'assistant'; text: string; planId?: string | null },
) {
  const [row] = await scope.db
    .insert(conversationMessages)
    .values({ workspaceId: scope.workspaceId, conversationId, ...message })
    .returning();
  if (!row) throw new Error('insert into conversation_messages returned no row');
  return row;
}

export async function listMessages(scope: WorkspaceScope, conversationId: string) {
  return scope.db
    .select()
    .from(conversationMessages)
    .where(
      and(
        eq(conversationMessages.workspaceId, scope.workspaceId),
        eq(conversationMessages.conversationId, conversationId),
      ),
    )
    .orderBy(asc(conversationMessages.id));
}
