// `orca runs watch`: follows a run (or every run of a workspace) live through a running Orca's
// HTTP API, one line per event.
import { OrcaError } from '../domain/errors.ts';

export interface WatchOptions {
  url: string;
  token: string;
  workspace: string;
  runId?: string;
  write: (line: string) => void;
}

interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Splits a server-sent-event stream into events. */
async function* serverSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (data !== undefined) yield { event, data: JSON.parse(data) as Record<string, unknown> };
      boundary = buffer.indexOf('\n\n');
    }
  }
}

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

/** Prints events until the run ends; resolves with the run's final status. */
export async function watchRuns(options: WatchOptions): Promise<string | undefined> {
  const base = options.url.replace(/\/+$/, '');
  const path = options.runId
    ? `/api/workspaces/${encodeURIComponent(options.workspace)}/runs/${encodeURIComponent(options.runId)}/events`
    : `/api/workspaces/${encodeURIComponent(options.workspace)}/events`;
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
    });
  } catch (error) {
    throw new OrcaError(
      'bad_request',
      `Cannot reach Orca at ${base} (${(error as Error).message}). Is it running? Pass --url if it listens elsewhere.`,
    );
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new OrcaError(
      'bad_request',
      `Orca answered ${response.status}: ${body.error?.message ?? response.statusText}`,
    );
  }
  for await (const event of serverSentEvents(response.body)) {
    if (event.event === 'end') return String(event.data.status);
    // The server closes the stream when the token stops giving access (revoked, member removed).
    if (event.event === 'access-revoked') {
      throw new OrcaError('unauthenticated', `Orca stopped the stream: ${String(event.data.message)}`);
    }
    options.write(describe(event, !options.runId));
  }
  return undefined;
}
