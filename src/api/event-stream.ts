// The server-sent-event responses that follow runs as they go. They read the store when a
// run-event notice wakes them (store/run-event-signals.ts) and, as a safety net, every
// ORCA_STREAM_RECHECK_MS; they send a comment every ORCA_STREAM_HEARTBEAT_MS so proxies keep an
// idle stream open, and start with `retry:` so EventSource clients know how soon to come back.
// They can stay open for hours, so they close as soon as their caller loses access
// (stream-access.ts): the last event then is `access-revoked` with the reason, and nothing is
// sent after the change is known.
import type { Context } from 'hono';
import { type SSEMessage, streamSSE } from 'hono/streaming';
import type { Action } from '../domain/roles.ts';
import type { RunEventFilter } from '../store/run-event-signals.ts';
import { requirePrincipal } from './authentication.ts';
import type { ApiEnv } from './context.ts';
import { watchAccess } from './stream-access.ts';
import { requireAction } from './workspace-access.ts';

export interface GuardedStream {
  /** Whether to go on: the client is still there and still allowed. */
  readonly open: boolean;
  /** Sends an event, unless the stream has stopped; says whether it was sent. */
  send(message: SSEMessage): Promise<boolean>;
  /**
   * Waits until run events the stream follows have committed since the last call (at once if
   * some did meanwhile), or the safety re-check is due; ends early if the caller loses access or
   * the client goes away.
   */
  nextChange(): Promise<void>;
}

/** Checks the action now, then runs `follow` in a stream that closes when access ends. */
export function guardedEventStream(
  c: Context<ApiEnv>,
  action: Action,
  follows: RunEventFilter,
  follow: (stream: GuardedStream) => Promise<void>,
): Response {
  const access = requireAction(c, action);
  const principal = requirePrincipal(c);
  const services = c.get('services');
  const { config } = services;
  return streamSSE(c, async (stream) => {
    const closed = services.metrics.eventStreamOpened();
    const watch = watchAccess(services, { principal, access, action });
    // Watching starts before the first read, so an event committed during it is not slept through.
    const changes = services.runEvents.watch(follows);
    const closing = new AbortController();
    stream.onAbort(() => closing.abort());
    void watch.ended.then(() => closing.abort());
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
      nextChange: () => changes.next(config.streamRecheckMs, closing.signal),
    };
    // A comment line: EventSource ignores it, but it keeps proxies from closing an idle stream.
    const heartbeat = setInterval(() => {
      if (guarded.open) void stream.write(': heartbeat\n\n');
    }, config.streamHeartbeatMs);
    heartbeat.unref();
    try {
      await stream.write(`retry: ${config.streamRetryMs}\n\n`);
      await follow(guarded);
      const end = watch.end;
      if (end && !stream.aborted)
        await stream.writeSSE({ event: 'access-revoked', data: JSON.stringify(end) });
    } finally {
      clearInterval(heartbeat);
      changes.stop();
      closing.abort();
      watch.stop();
      closed();
    }
  });
}
