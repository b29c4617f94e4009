// A small parser of server-sent events for a fetch response body. EventSource cannot be used: the
// Orchestrator's reply streams from a POST.

export interface ServerSentEvent {
  event: string;
  data: string;
}

/** Turns chunks of an event stream into events, keeping a partial event until its blank line. */
export class SseParser {
  private buffer = '';
  /** A chunk ended in \r: whether a \n follows decides if that was one line end or two. */
  private carriageReturn = false;

  /** The events completed by this chunk of text. */
  push(chunk: string): ServerSentEvent[] {
    let text = this.carriageReturn ? `\r${chunk}` : chunk;
    this.carriageReturn = text.endsWith('\r');
    if (this.carriageReturn) text = text.slice(0, -1);
    this.buffer += text.replace(/\r\n?/g, '\n');
    const events: ServerSentEvent[] = [];
    let boundary = this.buffer.indexOf('\n\n');
    while (boundary !== -1) {
      const block = this.buffer.slice(0, boundary);
      this.buffer = this.buffer.slice(boundary + 2);
      const event = parseBlock(block);
      if (event) events.push(event);
      boundary = this.buffer.indexOf('\n\n');
    }
    return events;
  }
}

function parseBlock(block: string): ServerSentEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, data: data.join('\n') } : undefined;
}
