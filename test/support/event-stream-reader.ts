// Reads a server-sent-event response as it arrives, keeping its events, its comments (the
// heartbeats) and the `retry:` it asked for; every wait is bounded.
import { expect } from 'vitest';
import type { TestPlatform } from './test-platform.ts';

export interface StreamEvent {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

export class EventStreamReader {
  readonly events: StreamEvent[] = [];
  readonly comments: string[] = [];
  retry: number | undefined;
  ended = false;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';

  constructor(response: Response) {
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    this.#reader = (response.body as ReadableStream<Uint8Array>).getReader();
  }

  /** Reads until `condition` holds over what arrived so far, or the stream ends. */
  async until(condition: (reader: EventStreamReader) => boolean, timeoutMs: number, what: string) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no ${what} within ${timeoutMs} ms; events: ${JSON.stringify(this.events)}`)),
        timeoutMs,
      );
    });
    try {
      while (!condition(this) && !this.ended) {
        const { value, done } = await Promise.race([this.#reader.read(), timeout]);
        if (done) this.ended = true;
        else this.#take(this.#decoder.decode(value, { stream: true }));
      }
    } finally {
      clearTimeout(timer);
    }
  }

  toEnd(timeoutMs: number) {
    return this.until(() => false, timeoutMs, 'end of the stream');
  }

  async close() {
    if (!this.ended) await this.#reader.cancel();
  }

  #take(text: string) {
    this.#buffer += text;
    let boundary = this.#buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = this.#buffer.slice(0, boundary);
      this.#buffer = this.#buffer.slice(boundary + 2);
      for (const line of block.split('\n'))
        if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      const retry = /^retry: (\d+)$/m.exec(block)?.[1];
      if (retry !== undefined) this.retry = Number(retry);
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (data !== undefined) {
        this.events.push({
          event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
          id: /^id: (.*)$/m.exec(block)?.[1],
          data: JSON.parse(data) as Record<string, unknown>,
        });
      }
      boundary = this.#buffer.indexOf('\n\n');
    }
  }
}

/** Opens an event stream of the platform in-process, resuming after `lastEventId` if given. */
export async function openEventStream(orca: TestPlatform, path: string, token: string, lastEventId?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const response = await orca.platform.app.request(path, { headers });
  if (response.status !== 200) throw new Error(`stream refused: ${response.status} ${await response.text()}`);
  return new EventStreamReader(response);
}
