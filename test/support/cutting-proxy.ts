// A loopback HTTP proxy that cuts event streams, as a proxy or load balancer that restarts does:
// each event stream that passes through it can be cut after a number of events, either abruptly
// (the connection reset in the middle of the next event) or cleanly (the response ended, with no
// `end` event). It records the Last-Event-ID each stream was opened with, so a test can check
// where a client asked to resume.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StreamCut =
  | {
      /** Complete events passed on before the cut. */
      afterEvents: number;
      /**
       * `reset`: half of the next event, then the connection destroyed. `end`: the response ended.
       * `stall`: nothing more is passed on, not even heartbeats, and the connection stays open (a
       * connection that died without closing).
       */
      how: 'reset' | 'end' | 'stall';
    }
  /** The stream is not opened: 503, as a proxy answers while what is behind it restarts. */
  | { how: 'unavailable' };

export interface OpenedStream {
  path: string;
  lastEventId: string | undefined;
}

export interface CuttingProxy {
  url: string;
  /** Every event stream opened through the proxy, in order. */
  readonly streams: OpenedStream[];
  /** Resolves when `count` event streams have been opened. */
  streamsOpened(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Passes the stream's blocks on until the cut, then cuts as planned. */
function cutStream(
  upstream: IncomingMessage,
  response: ServerResponse,
  cut: { afterEvents: number; how: 'reset' | 'end' | 'stall' },
) {
  let buffer = '';
  let events = 0;
  let stalled = false;
  upstream.setEncoding('utf8');
  upstream.on('data', (chunk: string) => {
    if (stalled) return;
    buffer += chunk;
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary + 2);
      buffer = buffer.slice(boundary + 2);
      if (/^data:/m.test(block)) {
        if (events === cut.afterEvents) {
          if (cut.how === 'stall') {
            stalled = true;
            return;
          }
          upstream.destroy();
          if (cut.how === 'end') {
            response.end();
          } else {
            // Flushed before the reset, so the client has read a partial event it must not show.
            response.write(block.slice(0, Math.ceil(block.length / 2)), () => response.socket?.destroy());
          }
          return;
        }
        events += 1;
      }
      response.write(block);
      boundary = buffer.indexOf('\n\n');
    }
  });
  upstream.on('end', () => {
    if (!stalled) response.end();
  });
}

/** Starts a proxy to `upstream`; the n-th event stream opened is cut by `cuts[n]` (none if absent). */
export async function startCuttingProxy(upstream: string, cuts: StreamCut[]): Promise<CuttingProxy> {
  const streams: OpenedStream[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((request, response) => {
    const isStream = (request.headers.accept ?? '').includes('text/event-stream');
    const cut = isStream ? cuts[streams.length] : undefined;
    if (isStream) {
      streams.push({ path: request.url ?? '', lastEventId: request.headers['last-event-id'] as string });
      for (const waiter of waiters) if (streams.length >= waiter.count) waiter.resolve();
    }
    if (cut?.how === 'unavailable') {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('restarting');
      return;
    }
    const forwarded = httpRequest(
      `${upstream}${request.url}`,
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        if (cut) cutStream(answer, response, cut);
        else answer.pipe(response);
      },
    );
    forwarded.on('error', () => response.socket?.destroy());
    response.on('close', () => forwarded.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    streams,
    streamsOpened: (count) =>
      streams.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
