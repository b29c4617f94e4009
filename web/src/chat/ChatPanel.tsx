// The Orchestrator chat, on the left of every workspace page: the conversation (resumable, kept in
// the address), suggestions, and the message box.
import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useAcceptedPlans } from './accepted-plans.ts';
import { Composer } from './Composer.tsx';
import { ConversationHistory } from './ConversationHistory.tsx';
import { useConversation } from './conversation-queries.ts';
import { EmptyConversation } from './EmptyConversation.tsx';
import { MessageList } from './MessageList.tsx';
import { PlanCard } from './plan/PlanCard.tsx';
import { Suggestions } from './Suggestions.tsx';
import { useChatSender } from './useChatSender.ts';
import { useOpenConversation } from './useOpenConversation.ts';
import './chat.css';

export function ChatPanel() {
  const { ws } = useWorkspace();
  const [conversationId, openConversation] = useOpenConversation();
  const conversation = useConversation(ws, conversationId);
  const sender = useChatSender(ws, conversationId, openConversation);
  const [draft, setDraft] = useState('');
  const accepted = useAcceptedPlans(ws);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);

  const messageCount = conversation.data?.messages.length ?? 0;
  const streamed = sender.inFlight?.reply.length ?? 0;
  // Follow the conversation as it grows (a message, a streamed word), as a chat does.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the counts are when to scroll, not what.
  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [messageCount, streamed]);

  const startNew = () => {
    sender.clear();
    openConversation(null);
    textarea.current?.focus();
  };
  const fill = (text: string) => {
    setDraft(text);
    textarea.current?.focus();
  };
  const empty = !sender.inFlight && (conversationId === null || (conversation.data && messageCount === 0));

  return (
    <div className="chat">
      <div className="chat-bar">
        <h2 className="chat-title">{conversation.data?.title ?? 'New conversation'}</h2>
        <button type="button" onClick={startNew} disabled={conversationId === null && !sender.inFlight}>
          New conversation
        </button>
        <ConversationHistory ws={ws} current={conversationId} onOpen={openConversation} />
      </div>
      {/* Focusable so that keyboard users can scroll the conversation. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus. */}
      <div className="chat-log" ref={log} role="log" aria-label="Conversation" tabIndex={0}>
        <Suggestions hidden={accepted.hidden} onAccepted={accepted.add} />
        {accepted.plans.map(({ plan }) => (
          <PlanCard key={plan.id} plan={plan} onChanged={accepted.update} />
        ))}
        {empty ? <EmptyConversation onExample={fill} /> : null}
        {conversation.isPending && conversationId !== null ? (
          <p className="muted">Loading the conversation…</p>
        ) : null}
        {conversation.error ? (
          <ErrorMessage error={conversation.error} onRetry={() => void conversation.refetch()} />
        ) : null}
        <MessageList
          ws={ws}
          conversation={conversation.data}
          inFlight={sender.inFlight}
          onAnswer={(text) => void sender.send(text)}
        />
        {sender.stopped ? (
          <p className="muted">Stopped. Anything the Orchestrator already saved shows above.</p>
        ) : null}
        {sender.failure ? (
          <ErrorMessage
            error={sender.failure.error}
            onRetry={() => sender.failure && void sender.send(sender.failure.text)}
          />
        ) : null}
      </div>
      <Composer
        draft={draft}
        onDraft={setDraft}
        onSend={(text) => void sender.send(text)}
        onStop={sender.stop}
        inFlight={sender.inFlight !== null}
        textarea={textarea}
      />
    </div>
  );
}
