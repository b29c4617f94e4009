// The user's conversations in this workspace, newest first; choosing one resumes it.
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { relativeTime } from '../shared/format.ts';
import { useConversations } from './conversation-queries.ts';

export function ConversationHistory({
  ws,
  current,
  onOpen,
}: {
  ws: string;
  current: string | null;
  onOpen(conversationId: string): void;
}) {
  const conversations = useConversations(ws);
  return (
    <details className="history">
      <summary>Conversations{conversations.data ? ` (${conversations.data.length})` : ''}</summary>
      {conversations.error ? (
        <ErrorMessage error={conversations.error} onRetry={() => void conversations.refetch()} />
      ) : null}
      {conversations.data?.length === 0 ? <p className="muted">No conversations yet.</p> : null}
      <ul className="history-list">
        {conversations.data?.map((conversation) => (
          <li key={conversation.id}>
            <button
              type="button"
              className="history-item"
              aria-current={conversation.id === current ? 'true' : undefined}
              onClick={(event) => {
                event.currentTarget.closest('details')?.removeAttribute('open');
                onOpen(conversation.id);
              }}
            >
              <span className="history-title">{conversation.title}</span>
              <time dateTime={conversation.createdAt}>{relativeTime(conversation.createdAt)}</time>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
