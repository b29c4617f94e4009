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
}

const defaultDelays = [250, 500, 1000, 2000, 5000];

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

/** The event stream, or (on a reconnection) why it did not open this time. */
async function connect(
  settings: WorkspaceSettings,
  path: string,
  lastEventId: string | undefined,
  first: boolean,
): Promise<ReadableStream<Uint8Array> | string> {
  let response: Response;
  try {
    response = await send(settings, 'GET', path, {
      headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
    });
  } catch (error) {
    // The first connection failing means Orca is not there at all: say so at once.
    if (first) throw error;
    return (error as Error).message;
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
  for (;;) {
    const stream = await connect(settings, path, lastEventId, reconnections === 0);
    if (typeof stream === 'string') lastProblem = stream;
    else {
      try {
        for await (const event of serverSentEvents(stream)) {
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
        lastProblem = (error as Error).message;
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
