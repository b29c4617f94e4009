// `orca runs watch`: follows a run (or every run of a workspace) live through a running Orca's
// HTTP API, one line per event (one JSON object per line with --json). When the stream drops (a
// proxy restarts, the server goes away for a moment), it reconnects with Last-Event-ID, so the
// server goes on after the last event shown: none is shown twice or skipped.
import { refusal, send, unreachable, workspacePath } from './api-client.ts';
import type { WorkspaceSettings } from './client-settings.ts';
import { CliError, exitCodes } from './exit-codes.ts';
import { type StreamEvent, serverSentEvents } from './server-sent-events.ts';

export interface WatchOptions {
  settings: WorkspaceSettings;
  runId?: string;
  json: boolean;
  write: (line: string) => void;
  /** Says on standard error that the stream dropped and is being resumed. */
  notice: (line: string) => void;
  /** Waits between reconnections, in milliseconds; the last one repeats. */
  retryDelays?: number[];
  /** Reconnections in a row, without an event in between, before giving up. */
  maxReconnections?: number;
  /**
   * How long a connection may stay silent (no event, not even a heartbeat) before it is taken for
   * dead and replaced. A connection can die without closing (a NAT forgets it, a laptop sleeps);
   * without this limit the watch would wait on it for ever.
   */
  idleLimitMs?: number;
}

const defaultDelays = [250, 500, 1000, 2000, 5000];
/** Three heartbeats missed at Orca's default interval (ORCA_STREAM_HEARTBEAT_MS, 20 s). */
export const defaultIdleLimitMs = 60_000;

function describe(event: StreamEvent, showRun: boolean): string {
  const time = typeof event.data.at === 'string' ? event.data.at.slice(11, 19) : '        ';
  const run = showRun && typeof event.data.runId === 'string' ? `${event.data.runId.slice(0, 8)} ` : '';
  const data = event.data;
  switch (event.event) {
    case 'status': {
      const error = data.error as { message?: string } | undefined;
      const until = typeof data.until === 'string' ? ` until ${data.until}` : '';
      return `${time} ${run}run ${data.status}${until}${error?.message ? `: ${error.message}` : ''}`;
    }
    case 'step': {
      const duration = typeof data.durationMs === 'number' ? ` in ${data.durationMs} ms` : '';
      const attempt =
        typeof data.attempt === 'number' && data.attempt > 1 ? ` (attempt ${data.attempt})` : '';
      const error = (data.error as { message?: string } | undefined)?.message;
      const retry = data.willRetry ? ', will retry' : '';
      const until = typeof data.until === 'string' ? ` until ${data.until}` : '';
      return `${time} ${run}  ${data.stepId} ${data.status}${until}${attempt}${duration}${error ? `: ${error}${retry}` : ''}`;
    }
    case 'log':
      return `${time} ${run}  ${data.stepId} ${data.level}: ${data.message}`;
    default:
      return `${time} ${run}${event.event}`;
  }
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Aborts the connection once nothing (no answer, then no byte) has arrived for `limitMs`. */
function abortWhenSilent(connection: AbortController, limitMs: number): NodeJS.Timeout {
  const silence = setTimeout(
    () => connection.abort(new Error(`nothing arrived for ${limitMs / 1000} s`)),
    limitMs,
  );
  // Never the reason the process stays up once the run has ended.
  silence.unref();
  connection.signal.addEventListener('abort', () => clearTimeout(silence));
  return silence;
}

/** The body, each chunk of which restarts the silence's count. */
function restartingSilence(
  body: ReadableStream<Uint8Array>,
  silence: NodeJS.Timeout,
  connection: AbortController,
): ReadableStream<Uint8Array> {
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        silence.refresh();
        controller.enqueue(chunk);
      },
      flush: () => clearTimeout(silence),
    }),
    { signal: connection.signal },
  );
}

/** The event stream, or (on a reconnection) why it did not open this time. */
async function connect(
  settings: WorkspaceSettings,
  path: string,
  lastEventId: string | undefined,
  first: boolean,
  connection: AbortController,
): Promise<ReadableStream<Uint8Array> | string> {
  let response: Response;
  try {
    response = await send(settings, 'GET', path, {
      headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      signal: connection.signal,
    });
  } catch (error) {
    const silent: unknown = connection.signal.reason;
    // The first connection failing means Orca is not there at all: say so at once.
    if (first) throw silent instanceof Error ? unreachable(settings.url, silent) : error;
    return (silent instanceof Error ? silent : (error as Error)).message;
  }
  if (response.ok && response.body) return response.body;
  const body = await response.json().catch(() => ({}));
  // While Orca or a proxy in front of it restarts, a reconnection can meet 502, 503 or 504: that
  // is the drop going on, not a refusal. The first answer is taken as it is.
  if (first || response.status < 500) throw refusal(response.status, body, response.statusText);
  return `Orca answered ${response.status}`;
}

/** Prints events until the run ends; resolves with the run's final status. */
export async function watchRuns(options: WatchOptions): Promise<string | undefined> {
  const { settings } = options;
  const path = options.runId
    ? `${workspacePath(settings.workspace)}/runs/${encodeURIComponent(options.runId)}/events`
    : `${workspacePath(settings.workspace)}/events`;
  const delays = options.retryDelays ?? defaultDelays;
  const maxReconnections = options.maxReconnections ?? 12;
  let lastEventId: string | undefined;
  let reconnections = 0;
  let lastProblem = '';
  const idleLimitMs = options.idleLimitMs ?? defaultIdleLimitMs;
  for (;;) {
    const connection = new AbortController();
    const silence = abortWhenSilent(connection, idleLimitMs);
    const stream = await connect(settings, path, lastEventId, reconnections === 0, connection);
    if (typeof stream === 'string') {
      connection.abort();
      lastProblem = stream;
    } else {
      try {
        for await (const event of serverSentEvents(restartingSilence(stream, silence, connection))) {
          reconnections = 0;
          if (event.id) lastEventId = event.id;
          if (event.event === 'end') return String(event.data.status);
          // The server closes the stream when the token stops giving access (revoked, member removed).
          if (event.event === 'access-revoked') {
            throw new CliError(
              `Orca stopped the stream: ${String(event.data.message)}`,
              exitCodes.auth,
              'access_revoked',
            );
          }
          options.write(
            options.json
              ? JSON.stringify({ event: event.event, id: event.id ?? null, data: event.data })
              : describe(event, !options.runId),
          );
        }
        lastProblem = 'the stream ended before the run did';
      } catch (error) {
        if (error instanceof CliError) throw error;
        const reason: unknown = connection.signal.reason;
        lastProblem = (reason instanceof Error ? reason : (error as Error)).message;
      } finally {
        connection.abort();
      }
    }
    reconnections += 1;
    if (reconnections > maxReconnections) {
      throw unreachable(
        settings.url,
        new Error(`the event stream dropped and did not come back: ${lastProblem}`),
      );
    }
    const delay = delays[Math.min(reconnections - 1, delays.length - 1)] ?? 1000;
    options.notice(
      `orca: the event stream dropped (${lastProblem}); reconnecting in ${delay} ms${lastEventId ? ` after event ${lastEventId}` : ''}…`,
    );
    await pause(delay);
  }
}
