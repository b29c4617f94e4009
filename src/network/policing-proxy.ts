// A forward proxy on 127.0.0.1 that every connection of Chromium goes through. Chromium resolves
// no names itself (see chromium-network-flags.ts): the proxy resolves each host once through the
// outbound policy and connects to exactly the address it checked, so a redirect hop, a WebSocket,
// a sub-resource or a name re-pointed between two lookups cannot reach an address the policy
// refuses. Plain http arrives as absolute-form requests; https, wss and ws arrive as CONNECT
// tunnels; a plain-http WebSocket upgrade sent to the proxy is relayed like a tunnel.
import { once } from 'node:events';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream';
import { OrcaError } from '../domain/errors.ts';
import type { OutboundPolicy } from './outbound-policy.ts';

export interface PolicingProxy {
  /** The address to give Chromium, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** Closes the listener and every connection still open through it. */
  close(): Promise<void>;
}

export interface PolicingProxyOptions {
  network: OutboundPolicy;
  /** Called with the URL (or host:port of a tunnel) that the policy refused, before the refusal is sent. */
  onRefused(target: string): void;
  /** Called with the URL (or host:port) whose host could not be resolved, before the 502 is sent. */
  onUnresolved(target: string): void;
}

// Hop-by-hop headers belong to one connection and are not passed on (RFC 9110, section 7.6.1).
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const listed = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase()),
  );
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!hopByHop.has(name) && !listed.has(name)) kept[name] = value;
  }
  return kept;
}

/** The target of a request to the proxy: absolute-form (http://host/...) or authority-form (host:port). */
function targetOf(requestTarget: string, defaultPort: number): { host: string; port: number } | undefined {
  try {
    const url = new URL(requestTarget.includes('://') ? requestTarget : `http://${requestTarget}`);
    if (url.protocol !== 'http:' && url.protocol !== 'ws:') return undefined;
    return { host: url.hostname, port: url.port === '' ? defaultPort : Number(url.port) };
  } catch {
    return undefined;
  }
}

/** The status and text a failed check is answered with: 403 for a refusal, 502 for a name that did not resolve. */
function failureAnswer(error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  return isRefusal(error)
    ? { status: 403, reason: 'Forbidden', text: `Orca refused this connection: ${message}\n` }
    : { status: 502, reason: 'Bad Gateway', text: `${message}\n` };
}

function isRefusal(error: unknown) {
  return error instanceof OrcaError && error.code === 'forbidden';
}

/** Writes a complete HTTP response on a raw socket (a refused tunnel or upgrade) and closes it. */
function answerRaw(socket: Duplex, status: string, text: string) {
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

/** Starts a policing proxy on an ephemeral port of 127.0.0.1. */
export async function startPolicingProxy(options: PolicingProxyOptions): Promise<PolicingProxy> {
  const { network, onRefused, onUnresolved } = options;
  const sockets = new Set<Duplex>();
  const track = (socket: Duplex) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A reset from either side ends that one connection; it must not take the process down.
    socket.on('error', () => socket.destroy());
  };
  // Upstream keep-alive pools are keyed by the checked address, so a pinned socket is reused only
  // for the address it was opened to.
  const upstreamAgent = new Agent({ keepAlive: true, maxFreeSockets: 16 });

  /** The checked address for a host; a refusal or failed lookup is reported (as `shown`) before it is thrown. */
  const check = async (host: string, shown: string) => {
    try {
      return await network.resolve(host);
    } catch (error) {
      if (isRefusal(error)) onRefused(shown);
      else onUnresolved(shown);
      throw error;
    }
  };

  const forward = async (request: IncomingMessage, response: ServerResponse) => {
    const target = targetOf(request.url ?? '', 80);
    if (!target || !request.url?.startsWith('http://')) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('This is a forward proxy: send absolute http:// requests, or CONNECT for https.\n');
      return;
    }
    let address: Awaited<ReturnType<typeof check>>;
    try {
      address = await check(target.host, request.url);
    } catch (error) {
      const answer = failureAnswer(error);
      response.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(answer.text);
      return;
    }
    const url = new URL(request.url);
    const upstream = httpRequest({
      agent: upstreamAgent,
      host: address.address,
      family: address.family,
      port: target.port,
      method: request.method,
      path: `${url.pathname}${url.search}`,
      headers: { ...endToEnd(request.headers), host: url.host },
      setHost: false,
    });
    upstream.once('response', (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
      pipeline(answer, response, () => undefined);
    });
    // `on`, not `once`: a request destroyed after an error may report another.
    upstream.on('error', (error) => {
      if (response.headersSent) response.destroy();
      else {
        response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`The upstream server could not be reached: ${error.message}\n`);
      }
    });
    // The browser gave up (navigation stopped, page closed): stop the upstream request too.
    response.once('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    pipeline(request, upstream, () => undefined);
  };

  /**
   * Opens a socket to the checked address and splices it onto the client's. A CONNECT tunnel is
   * answered with 200 once the socket is open; an upgrade replays its request (`prelude`) on it.
   */
  const tunnel = async (
    client: Duplex,
    target: { host: string; port: number },
    shown: string,
    head: Buffer,
    prelude: string | undefined,
  ) => {
    let address: Awaited<ReturnType<typeof check>>;
    try {
      address = await check(target.host, shown);
    } catch (error) {
      const answer = failureAnswer(error);
      answerRaw(client, `${answer.status} ${answer.reason}`, answer.text);
      return;
    }
    if (client.destroyed) return;
    // No Nagle delay on either side: TLS handshakes in a tunnel are small back-and-forth writes.
    const upstream: Socket = connect({
      host: address.address,
      port: target.port,
      family: address.family,
      noDelay: true,
    });
    if ('setNoDelay' in client) (client as Socket).setNoDelay(true);
    track(upstream);
    let connected = false;
    client.once('close', () => upstream.destroy());
    upstream.on('error', (error) => {
      if (connected) client.destroy();
      else
        answerRaw(client, '502 Bad Gateway', `The upstream server could not be reached: ${error.message}\n`);
    });
    upstream.once('connect', () => {
      connected = true;
      if (prelude === undefined) client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      else upstream.write(prelude);
      if (head.length > 0) upstream.write(head);
      pipeline(client, upstream, () => undefined);
      pipeline(upstream, client, () => undefined);
    });
  };

  const server = createServer((request, response) => {
    void forward(request, response);
  });
  server.on('connection', track);
  server.on('connect', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    const target = targetOf(request.url ?? '', 443);
    if (!target) {
      answerRaw(client, '400 Bad Request', 'CONNECT needs a host:port.\n');
      return;
    }
    void tunnel(client, target, request.url ?? '', head, undefined);
  });
  // A ws:// upgrade sent to the proxy in absolute form: the request is replayed on the pinned socket.
  server.on('upgrade', (request: IncomingMessage, client: Duplex, head: Buffer) => {
    const target = targetOf(request.url ?? '', 80);
    if (!target || !/^(http|ws):\/\//.test(request.url ?? '')) {
      answerRaw(client, '400 Bad Request', 'Send upgrades in absolute form, or use CONNECT.\n');
      return;
    }
    const url = new URL(request.url ?? '');
    const headers: IncomingHttpHeaders = { ...request.headers, host: url.host };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const lines = Object.entries(headers).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value ?? '']).map((one) => `${name}: ${one}`),
    );
    const prelude = `${request.method} ${url.pathname}${url.search} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
    void tunnel(client, target, request.url ?? '', head, prelude);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The proxy has no TCP address.');

  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      upstreamAgent.destroy();
      await closed;
    },
  };
}
