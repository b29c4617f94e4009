// Loopback servers for the browser network suite. An "internal" target listens on one port of
// 127.0.0.1, 127.0.0.2 and [::1] (TCP and UDP) and counts every connection and datagram it gets:
// a test that the browser cannot reach it asserts the count stays 0. A "public" page server on
// 127.0.0.3 (the only address the suite's policy allows) serves pages that try to reach it.
import { createHash } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface InternalTarget {
  readonly port: number;
  /** TCP connections and UDP datagrams received, on any of its addresses. */
  hits(): number;
  close(): Promise<void>;
}

const internalAddresses = ['127.0.0.2', '127.0.0.1', '::1'];

function listen(server: Server, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function closeServer(server: Server, sockets: Set<Socket>) {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** An internal service that answers anything (pages, WebSockets) and records each contact. */
export async function startInternalTarget(): Promise<InternalTarget> {
  let hits = 0;
  const sockets = new Set<Socket>();
  const answer = (server: Server) => {
    server.on('connection', (socket) => {
      hits++;
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    server.on('request', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<title>Internal admin</title><p id="secret">internal secret</p>');
    });
    server.on('upgrade', (request: IncomingMessage, socket: Duplex) => acceptWebSocket(request, socket));
  };
  // One port free on every internal address: tried until one is (ports are taken only rarely).
  for (let attempt = 0; attempt < 20; attempt++) {
    const servers: Server[] = [];
    const udp: UdpSocket[] = [];
    try {
      const first = createServer();
      servers.push(first);
      await listen(first, 0, '127.0.0.2');
      const port = (first.address() as AddressInfo).port;
      for (const host of internalAddresses.slice(1)) {
        const server = createServer();
        servers.push(server);
        await listen(server, port, host);
      }
      for (const host of internalAddresses) {
        const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
        udp.push(socket);
        socket.on('message', () => hits++);
        socket.bind(port, host);
        await once(socket, 'listening');
      }
      for (const server of servers) answer(server);
      return {
        port,
        hits: () => hits,
        async close() {
          await Promise.all(servers.map((server) => closeServer(server, sockets)));
          await Promise.all(
            udp.map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))),
          );
        },
      };
    } catch {
      await Promise.all(servers.map((server) => closeServer(server, sockets)));
      for (const socket of udp) socket.close();
    }
  }
  throw new Error('No port was free on 127.0.0.1, 127.0.0.2 and [::1] at once.');
}

/** Completes a WebSocket handshake and echoes nothing: enough for a page's `onopen`. */
function acceptWebSocket(request: IncomingMessage, socket: Duplex) {
  const key = request.headers['sec-websocket-key'] ?? '';
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  socket.on('error', () => socket.destroy());
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
}

export interface PageServer {
  /** http://127.0.0.3:port */
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The allowed page server. Routes: `/page` (a plain page), `/redirect?status=302&to=URL`,
 * `/html?body=…` (serves the given HTML, scripts included), and WebSocket upgrades on any path.
 */
export async function startPageServer(host = '127.0.0.3'): Promise<PageServer> {
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://page.test');
    if (url.pathname === '/redirect') {
      response.writeHead(Number(url.searchParams.get('status') ?? 302), {
        location: url.searchParams.get('to') ?? '/',
      });
      response.end();
    } else if (url.pathname === '/html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(url.searchParams.get('body') ?? '');
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<title>Allowed page</title><p id="greeting">public content</p>');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex) => acceptWebSocket(request, socket));
  await listen(server, 0, host);
  const port = (server.address() as AddressInfo).port;
  return { origin: `http://${host}:${port}`, port, close: () => closeServer(server, sockets) };
}
