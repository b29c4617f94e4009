// The user's conversations with the Orchestrator in this workspace, and one conversation's
// messages with their plans.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';

export type Conversation = Schemas['Conversation'];
export type ConversationMessage = Conversation['messages'][number];

export function useConversations(ws: string) {
  return useQuery({
    queryKey: queryKeys.conversations(ws),
    queryFn: () =>
      // The hundred newest: the list is for going back to a recent conversation.
      unwrap(
        client.GET('/api/workspaces/{ws}/orchestrator/conversations', {
          params: { path: { ws }, query: { limit: 100 } },
        }),
      ),
    select: (data) => data.items,
  });
}

export function conversationQuery(ws: string, conversationId: string) {
  return queryOptions({
    queryKey: queryKeys.conversation(ws, conversationId),
    queryFn: () =>
      unwrap(
        client.GET('/api/workspaces/{ws}/orchestrator/conversations/{conversationId}', {
          params: { path: { ws, conversationId } },
        }),
      ),
  });
}

export function useConversation(ws: string, conversationId: string | null) {
  return useQuery({ ...conversationQuery(ws, conversationId ?? ''), enabled: conversationId !== null });
}
