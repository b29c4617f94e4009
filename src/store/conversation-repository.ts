// Conversations with the Orchestrator and their messages, oldest first. A conversation is its
// starter's own: every read takes the member it is read for, and finds nothing of anyone else's.
import { and, asc, eq } from 'drizzle-orm';
import { isUuid } from '../domain/slug.ts';
import { creationKeyset, type KeysetPage, keysetOrder, pastPosition } from './keyset.ts';
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

/** The conversation, if `userId` started it. */
export async function findConversation(scope: WorkspaceScope, conversationId: string, userId: string) {
  if (!isUuid(conversationId)) return undefined;
  const [row] = await scope.db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, scope.workspaceId),
        eq(conversations.id, conversationId),
        eq(conversations.userId, userId),
      ),
    );
  return row;
}

/** The conversations `userId` started, newest first. */
/** Newest first. */
export const conversationKeyset = creationKeyset<ConversationRecord>(conversations, 'desc');

/** The person's conversations in the workspace, newest first, a page at a time. */
export async function listConversations(scope: WorkspaceScope, userId: string, page: KeysetPage) {
  return scope.db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, scope.workspaceId),
        eq(conversations.userId, userId),
        pastPosition(conversationKeyset, page),
      ),
    )
    .orderBy(...keysetOrder(conversationKeyset))
    .limit(page.limit);
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

/** Keeps what the conversation remembers for its next message (decision 0015). */
export async function saveConversationState(
  scope: WorkspaceScope,
  conversationId: string,
  state: Record<string, unknown>,
) {
  await scope.db
    .update(conversations)
    .set({ state })
    .where(and(eq(conversations.workspaceId, scope.workspaceId), eq(conversations.id, conversationId)));
}
