// The policing proxy on its own, driven by node:http as Chromium would drive it: absolute-form
// requests, CONNECT tunnels and upgrades; bodies streamed both ways; refusals answered with 403
// and reported; nothing left open after an abort or close. Loopback only: the policy allows
// 127.0.0.3, where the upstream servers run, and refuses the rest of 127/8.
import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import {
  type AddressInfo,
  connect,
  createServer as createTcpServer,
  type Socket,
  type Server as TcpServer,
} from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type OutboundPolicy, outboundPolicy } from './outbound-policy.ts';
import { type PolicingProxy, startPolicingProxy } from './policing-proxy.ts';

const upstreamHost = '127.0.0.3';
let upstream: Server;
let upstreamPort: number;
/** Hooks a test sets to see what the upstream server got. */
let onUpstreamRequest: (request: IncomingMessage, respond: import('node:http').ServerResponse) => void;
let echo: TcpServer;
let echoPort: number;
const upstreamSockets = new Set<Socket>();
let proxy: PolicingProxy;
let refused: string[];
let unresolved: string[];

async function listen(server: Server | TcpServer) {
  server.listen(0, upstreamHost);
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  upstream = createServer((incoming, response) => onUpstreamRequest(incoming, response));
  upstream.on('connection', (socket) => {
    upstreamSockets.add(socket);
    socket.once('close', () => upstreamSockets.delete(socket));
  });
  upstream.on('upgrade', (incoming: IncomingMessage, socket: Socket) => {
    socket.end(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: ${incoming.headers.upgrade}\r\nConnection: Upgrade\r\nX-Seen-Host: ${incoming.headers.host}\r\n\r\n`,
    );
  });
  upstreamPort = await listen(upstream);
  echo = createTcpServer((socket) => {
    upstreamSockets.add(socket);
    socket.once('close', () => upstreamSockets.delete(socket));
    socket.pipe(socket);
  });
  echoPort = await listen(echo);
});

afterAll(async () => {
  for (const socket of upstreamSockets) socket.destroy();
  await new Promise((resolve) => upstream.close(resolve));
  await new Promise((resolve) => echo.close(resolve));
});

async function startProxy(network: OutboundPolicy = outboundPolicy([upstreamHost])) {
  refused = [];
  unresolved = [];
  proxy = await startPolicingProxy({
    network,
    onRefused: (target) => refused.push(target),
    onUnresolved: (target) => unresolved.push(target),
  });
  return new URL(proxy.url);
}

afterEach(async () => {
  await proxy?.close();
  await expect.poll(() => upstreamSockets.size).toBe(0);
});

function viaProxy(
  proxyUrl: URL,
  target: string,
  options: { method?: string; headers?: Record<string, string> } = {},
) {
  return request({
    host: proxyUrl.hostname,
    port: Number(proxyUrl.port),
    path: target,
    method: options.method ?? 'GET',
    headers: options.headers,
    agent: false,
  });
}

/** A promise and its resolve function (Promise.withResolvers arrives in Node 22). */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

async function text(response: IncomingMessage) {
  let body = '';
  for await (const chunk of response) body += chunk;
  return body;
}

describe('the policing proxy', () => {
  it('forwards an allowed request, streaming the body each way before it is complete', async () => {
    const proxyUrl = await startProxy();
    const firstChunkArrived = deferred<void>();
    const upstreamRequest = deferred<IncomingMessage>();
    onUpstreamRequest = (incoming, response) => {
      upstreamRequest.resolve(incoming);
      incoming.once('data', () => firstChunkArrived.resolve());
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('first;');
      incoming.on('end', () => response.end('last'));
      incoming.resume();
    };
    const outgoing = viaProxy(proxyUrl, `http://${upstreamHost}:${upstreamPort}/upload?x=1`, {
      method: 'POST',
      headers: { host: `${upstreamHost}:${upstreamPort}`, 'proxy-connection': 'keep-alive' },
    });
    outgoing.write('part one;');
    // The upstream server has the first part (and has answered with its first) while the client
    // still holds the rest: nothing waited for a whole body.
    await firstChunkArrived.promise;
    const response = (await once(outgoing, 'response'))[0] as IncomingMessage;
    const firstAnswer = (await once(response, 'data'))[0] as Buffer;
    expect(String(firstAnswer)).toBe('first;');
    outgoing.end('part two');
    let rest = '';
    for await (const chunk of response) rest += chunk;
    expect(rest).toBe('last');
    const seen = await upstreamRequest.promise;
    expect(seen.url).toBe('/upload?x=1');
    expect(seen.headers.host).toBe(`${upstreamHost}:${upstreamPort}`);
    expect(seen.headers['proxy-connection']).toBeUndefined();
  });

  it('refuses a request to an address the policy refuses with 403, and reports it', async () => {
    const proxyUrl = await startProxy();
    const target = `http://127.0.0.2:${upstreamPort}/admin`;
    const outgoing = viaProxy(proxyUrl, target);
    outgoing.end();
    const response = (await once(outgoing, 'response'))[0] as IncomingMessage;
    expect(response.statusCode).toBe(403);
    expect(await text(response)).toMatch(/Orca refused this connection: .*127\.0\.0\.2/);
    expect(refused).toEqual([target]);
  });

  it('tunnels CONNECT to an allowed address, and refuses it to another', async () => {
    const proxyUrl = await startProxy();
    const allowed = viaProxy(proxyUrl, `${upstreamHost}:${echoPort}`, { method: 'CONNECT' });
    allowed.end();
    const [answer, socket] = (await once(allowed, 'connect')) as [IncomingMessage, Socket];
    expect(answer.statusCode).toBe(200);
    socket.write('ping');
    expect(String((await once(socket, 'data'))[0])).toBe('ping');
    socket.destroy();

    const denied = viaProxy(proxyUrl, `[::1]:${echoPort}`, { method: 'CONNECT' });
    denied.end();
    const [refusal] = (await once(denied, 'connect')) as [IncomingMessage, Socket];
    expect(refusal.statusCode).toBe(403);
    expect(refused).toEqual([`[::1]:${echoPort}`]);
  });

  it('connects to the address the policy checked, never looking the name up again', async () => {
    const pinned: OutboundPolicy = {
      resolve: async (host) => {
        if (host === 'portal.orca-test') return { address: upstreamHost, family: 4 };
        throw new Error(`unexpected lookup of ${host}`);
      },
      allowedByOperator: async () => false,
    };
    const proxyUrl = await startProxy(pinned);
    onUpstreamRequest = (incoming, response) => response.end(`host ${incoming.headers.host}`);
    const outgoing = viaProxy(proxyUrl, `http://portal.orca-test:${upstreamPort}/`);
    outgoing.end();
    const response = (await once(outgoing, 'response'))[0] as IncomingMessage;
    expect(await text(response)).toBe(`host portal.orca-test:${upstreamPort}`);
  });

  it('relays a plain-http upgrade sent in absolute form, and refuses one to a refused address', async () => {
    const proxyUrl = await startProxy();
    const headers = { connection: 'Upgrade', upgrade: 'websocket', host: `${upstreamHost}:${upstreamPort}` };
    const allowed = viaProxy(proxyUrl, `ws://${upstreamHost}:${upstreamPort}/socket`, { headers });
    allowed.end();
    const [answer, socket] = (await once(allowed, 'upgrade')) as [IncomingMessage, Socket];
    expect(answer.statusCode).toBe(101);
    expect(answer.headers['x-seen-host']).toBe(`${upstreamHost}:${upstreamPort}`);
    socket.destroy();

    const denied = viaProxy(proxyUrl, `ws://127.0.0.2:${upstreamPort}/socket`, { headers });
    denied.end();
    const response = (await once(denied, 'response'))[0] as IncomingMessage;
    expect(response.statusCode).toBe(403);
    response.resume();
    expect(refused).toEqual([`ws://127.0.0.2:${upstreamPort}/socket`]);
  });

  it('answers a name that does not resolve with 502, reported apart from refusals', async () => {
    const proxyUrl = await startProxy();
    const outgoing = viaProxy(proxyUrl, 'http://no-such-host.invalid/');
    outgoing.end();
    const response = (await once(outgoing, 'response'))[0] as IncomingMessage;
    expect(response.statusCode).toBe(502);
    expect(await text(response)).toMatch(/could not be resolved/);
    const tunnel = viaProxy(proxyUrl, 'no-such-host.invalid:443', { method: 'CONNECT' });
    tunnel.end();
    const [answer] = (await once(tunnel, 'connect')) as [IncomingMessage, Socket];
    expect(answer.statusCode).toBe(502);
    expect(unresolved).toEqual(['http://no-such-host.invalid/', 'no-such-host.invalid:443']);
    expect(refused).toEqual([]);
  });

  it('answers requests that are not for a proxy with 400', async () => {
    const proxyUrl = await startProxy();
    const outgoing = viaProxy(proxyUrl, '/relative');
    outgoing.end();
    const response = (await once(outgoing, 'response'))[0] as IncomingMessage;
    expect(response.statusCode).toBe(400);
    response.resume();
  });

  it('closes the upstream request when the browser gives up, and every tunnel when it closes', async () => {
    const proxyUrl = await startProxy();
    const upstreamClosed = deferred<void>();
    onUpstreamRequest = (incoming, response) => {
      response.writeHead(200);
      response.write('a long answer begins');
      incoming.socket.once('close', () => upstreamClosed.resolve());
    };
    const outgoing = viaProxy(proxyUrl, `http://${upstreamHost}:${upstreamPort}/slow`);
    outgoing.end();
    const response = (await once(outgoing, 'response'))[0] as IncomingMessage;
    await once(response, 'data');
    outgoing.destroy();
    await upstreamClosed.promise;

    const tunnel = viaProxy(proxyUrl, `${upstreamHost}:${echoPort}`, { method: 'CONNECT' });
    tunnel.end();
    const [, socket] = (await once(tunnel, 'connect')) as [IncomingMessage, Socket];
    const clientClosed = once(socket, 'close');
    await proxy.close();
    await clientClosed;
    await expect(
      new Promise((resolve, reject) =>
        connect(Number(proxyUrl.port), proxyUrl.hostname).on('connect', resolve).on('error', reject),
      ),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
