// The server-sent-event responses that follow runs as they go. They poll the store and can stay
// open for hours, so they close as soon as their caller loses access (stream-access.ts): the last
// event then is `access-revoked` with the reason, and nothing is sent after the change is known.
import type { Context } from 'hono';
import { type SSEMessage, streamSSE } from 'hono/streaming';
import type { Action } from '../domain/roles.ts';
import { requirePrincipal } from './authentication.ts';
import type { ApiEnv } from './context.ts';
import { watchAccess } from './stream-access.ts';
import { requireAction } from './workspace-access.ts';

export interface GuardedStream {
  /** Whether to go on: the client is still there and still allowed. */
  readonly open: boolean;
  /** Sends an event, unless the stream has stopped; says whether it was sent. */
  send(message: SSEMessage): Promise<boolean>;
  /** Waits, ending early if the caller loses access or the client goes away. */
  pause(milliseconds: number): Promise<void>;
}

/** Checks the action now, then runs `follow` in a stream that closes when access ends. */
export function guardedEventStream(
  c: Context<ApiEnv>,
  action: Action,
  follow: (stream: GuardedStream) => Promise<void>,
): Response {
  const access = requireAction(c, action);
  const principal = requirePrincipal(c);
  const services = c.get('services');
  return streamSSE(c, async (stream) => {
    const watch = watchAccess(services, { principal, access, action });
    let resolveGone: () => void = () => undefined;
    const gone = new Promise<void>((resolve) => {
      resolveGone = resolve;
    });
    stream.onAbort(resolveGone);
    const guarded: GuardedStream = {
      get open() {
        return !stream.aborted && !watch.end;
      },
      send: async (message) => {
        await watch.settled();
        if (!guarded.open) return false;
        await stream.writeSSE(message);
        return true;
      },
      pause: async (milliseconds) => {
        await Promise.race([stream.sleep(milliseconds), watch.ended, gone]);
      },
    };
    try {
      await follow(guarded);
      const end = watch.end;
      if (end && !stream.aborted)
        await stream.writeSSE({ event: 'access-revoked', data: JSON.stringify(end) });
    } finally {
      watch.stop();
    }
  });
}
