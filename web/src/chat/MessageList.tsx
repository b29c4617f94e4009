// A conversation's messages: the user's on one side, the Orchestrator's replies (with their plans)
// on the other, then the message in flight with its reply as it streams.
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../shared/query-keys.ts';
import type { Conversation, ConversationMessage } from './conversation-queries.ts';
import { PlanCard } from './plan/PlanCard.tsx';
import type { Plan } from './plan/plan-mutations.ts';
import { ReplyText } from './ReplyText.tsx';
import type { InFlight } from './useChatSender.ts';

/** Puts a plan's new state into the cached conversation that shows it. */
function replacePlan(queryClient: QueryClient, ws: string, conversationId: string, plan: Plan) {
  queryClient.setQueryData<Conversation>(queryKeys.conversation(ws, conversationId), (conversation) =>
    conversation
      ? {
          ...conversation,
          messages: conversation.messages.map((message) =>
            message.plan?.id === plan.id ? { ...message, plan } : message,
          ),
        }
      : conversation,
  );
}

function Message({
  message,
  ws,
  conversationId,
  onAnswer,
  busy,
  showPlan,
}: {
  message: ConversationMessage;
  ws: string;
  conversationId: string;
  onAnswer(text: string): void;
  busy: boolean;
  /** False where an earlier message shows the same plan (a test run's report refers to its plan). */
  showPlan: boolean;
}) {
  const queryClient = useQueryClient();
  const mine = message.role === 'user';
  return (
    <li className={`message message-${message.role}`}>
      <span className="visually-hidden">{mine ? 'You said:' : 'The Orchestrator answered:'}</span>
      <ReplyText text={message.text} />
      {message.plan && showPlan ? (
        <PlanCard
          plan={message.plan}
          onChanged={(plan) => replacePlan(queryClient, ws, conversationId, plan)}
          onAnswer={onAnswer}
          busy={busy}
        />
      ) : null}
    </li>
  );
}

export function MessageList({
  ws,
  conversation,
  inFlight,
  onAnswer,
}: {
  ws: string;
  conversation: Conversation | undefined;
  inFlight: InFlight | null;
  onAnswer(text: string): void;
}) {
  const firstMention = new Map<string, number>();
  for (const message of conversation?.messages ?? [])
    if (message.plan && !firstMention.has(message.plan.id)) firstMention.set(message.plan.id, message.id);
  return (
    <ol className="messages">
      {conversation?.messages.map((message) => (
        <Message
          key={message.id}
          message={message}
          ws={ws}
          conversationId={conversation.id}
          onAnswer={onAnswer}
          busy={inFlight !== null}
          showPlan={message.plan ? firstMention.get(message.plan.id) === message.id : false}
        />
      ))}
      {inFlight ? (
        <>
          <li className="message message-user">
            <span className="visually-hidden">You said:</span>
            <ReplyText text={inFlight.text} />
          </li>
          <li className="message message-assistant" aria-busy="true">
            <span className="visually-hidden">The Orchestrator answers:</span>
            {inFlight.reply ? <ReplyText text={inFlight.reply} /> : <p className="muted">Thinking…</p>}
          </li>
        </>
      ) : null}
    </ol>
  );
}
