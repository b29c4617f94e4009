// One message in flight at a time: its text, the reply as it streams, Stop, and what went wrong.
// When the answer is complete the conversation is fetched again, so the stored messages (and the
// plan) replace the in-flight ones without a gap.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { queryKeys } from '../shared/query-keys.ts';
import { conversationQuery } from './conversation-queries.ts';
import { isAbort, sendMessage } from './send-message.ts';

export interface InFlight {
  text: string;
  reply: string;
}

export interface SendFailure {
  text: string;
  error: unknown;
}

export function useChatSender(
  ws: string,
  conversationId: string | null,
  openConversation: (conversationId: string) => void,
) {
  const queryClient = useQueryClient();
  const [inFlight, setInFlight] = useState<InFlight | null>(null);
  const [failure, setFailure] = useState<SendFailure | null>(null);
  const [stopped, setStopped] = useState(false);
  const controller = useRef<AbortController | null>(null);

  // Leaving the workspace (or the page) abandons the message in flight.
  useEffect(() => () => controller.current?.abort(), []);

  const send = useCallback(
    async (text: string) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setInFlight({ text, reply: '' });
      setFailure(null);
      setStopped(false);
      try {
        const answer = await sendMessage({
          ws,
          text,
          conversationId: conversationId ?? undefined,
          signal: abort.signal,
          onReply: (reply) => setInFlight({ text, reply }),
        });
        await queryClient.fetchQuery({ ...conversationQuery(ws, answer.conversationId), staleTime: 0 });
        if (answer.conversationId !== conversationId) openConversation(answer.conversationId);
      } catch (error) {
        if (isAbort(error)) setStopped(true);
        else setFailure({ text, error });
        // The server may have stored the message (and may still answer it): show what it has.
        if (conversationId)
          void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(ws, conversationId) });
      } finally {
        controller.current = null;
        setInFlight(null);
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversations(ws), exact: true });
      }
    },
    [ws, conversationId, openConversation, queryClient],
  );

  const stop = useCallback(() => controller.current?.abort(), []);
  const clear = useCallback(() => {
    setFailure(null);
    setStopped(false);
  }, []);

  return { send, stop, clear, inFlight, failure, stopped };
}
