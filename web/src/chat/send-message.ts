// Sends a message to the Orchestrator and follows its streamed answer: `reply` events carry the
// reply as it is written (`restart` drops what came before), then `message` carries the whole
// answer, or `error` says what went wrong.
import { ApiError, type Schemas, toApiError, unreachableMessage } from '../api/client.ts';
import { SseParser } from './sse-parser.ts';

export type OrchestratorAnswer = Schemas['OrchestratorAnswer'];

export interface SendOptions {
  ws: string;
  text: string;
  conversationId?: string;
  signal: AbortSignal;
  /** The reply so far, each time it grows (or starts again). */
  onReply(reply: string): void;
}

export async function sendMessage(options: SendOptions): Promise<OrchestratorAnswer> {
  let response: Response;
  try {
    response = await fetch(`/api/workspaces/${encodeURIComponent(options.ws)}/orchestrator/messages`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        text: options.text,
        ...(options.conversationId ? { conversationId: options.conversationId } : {}),
      }),
      signal: options.signal,
    });
  } catch (error) {
    throw isAbort(error) ? error : new ApiError(0, 'unreachable', unreachableMessage);
  }
  // Refusals before the answer starts (validation, rights, session) come as plain JSON.
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  if (!response.body) throw new ApiError(0, 'unreachable', unreachableMessage);

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  let reply = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const event of parser.push(value)) {
        const data = JSON.parse(event.data) as unknown;
        if (event.event === 'reply') {
          const part = data as { delta: string; restart: boolean };
          reply = part.restart ? part.delta : reply + part.delta;
          options.onReply(reply);
        } else if (event.event === 'message') {
          return data as OrchestratorAnswer;
        } else if (event.event === 'error') {
          throw toApiError(500, data);
        }
      }
    }
  } catch (error) {
    if (error instanceof ApiError || isAbort(error)) throw error;
    throw new ApiError(0, 'unreachable', unreachableMessage);
  } finally {
    // Nothing more is read: let the connection go (it may already be closed or aborted).
    reader.cancel().catch(() => undefined);
  }
  throw new ApiError(0, 'interrupted', 'The answer stopped before it was complete. Send your message again.');
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
