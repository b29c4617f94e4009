import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolContext } from '../../../test/support/tool-context.ts';
import { outboundPolicy } from '../../network/outbound-policy.ts';
import { ToolError } from '../tool-error.ts';
import { httpRequestTool } from './http-request.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const received: Received[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path === '/json')
        return response.writeHead(200, { 'content-type': 'application/json' }).end('{"leads":[1,2]}');
      if (path === '/slow') return void setTimeout(() => response.end('late'), 2000);
      if (path === '/big') return response.end('x'.repeat(10_000));
      if (path === '/fail') return response.writeHead(503).end('try later');
      if (path === '/missing') return response.writeHead(404).end('no such page');
      if (path === '/hop') return response.writeHead(302, { location: '/json' }).end();
      if (path === '/to-private') {
        const port = (server.address() as AddressInfo).port;
        return response.writeHead(302, { location: `http://127.0.0.2:${port}/json` }).end();
      }
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`echo ${request.method}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const run = (input: Record<string, unknown>, context = toolContext()) =>
  httpRequestTool.run(httpRequestTool.input.parse(input), context);

async function failure(promise: Promise<unknown>): Promise<ToolError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolError);
  return error as ToolError;
}

describe('http.request', () => {
  it('reads JSON answers as data, and follows redirects', async () => {
    const result = await run({ url: `${base}/hop`, query: { page: 2 } });
    expect(result).toMatchObject({ status: 200, ok: true, url: `${base}/json`, body: { leads: [1, 2] } });
    expect(received.at(-2)?.url).toBe('/hop?page=2');
  });

  it('sends JSON, form and text bodies, with the idempotency key on writes only', async () => {
    await run({ url: `${base}/echo`, method: 'POST', json: { name: 'Ada' } });
    expect(received.at(-1)).toMatchObject({
      method: 'POST',
      body: '{"name":"Ada"}',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'run-1:step:1' },
    });
    await run({ url: `${base}/echo`, method: 'PUT', form: { a: '1', b: 'x y' } });
    expect(received.at(-1)).toMatchObject({
      body: 'a=1&b=x+y',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const text = await run({
      url: `${base}/echo`,
      method: 'PATCH',
      text: 'hello',
      headers: { 'X-Trace': 't1' },
    });
    expect(text.body).toBe('echo PATCH');
    expect(received.at(-1)?.headers['x-trace']).toBe('t1');
    await run({ url: `${base}/echo` });
    expect(received.at(-1)?.headers['idempotency-key']).toBeUndefined();
  });

  it('refuses loopback and private addresses unless the operator allows them, after redirects too', async () => {
    const strict = toolContext({ network: outboundPolicy() });
    const literal = await failure(run({ url: `${base}/json` }, strict));
    expect(literal.code).toBe('refused_address');
    expect(literal.message).toMatch(/127\.0\.0\.1.*ORCA_ALLOW_NETWORK/);
    const named = await failure(run({ url: `http://localhost:${new URL(base).port}/json` }, strict));
    expect(named.code).toBe('refused_address');
    const before = received.length;
    const redirected = await failure(run({ url: `${base}/to-private` }));
    expect(redirected.code).toBe('refused_address');
    expect(redirected.message).toMatch(/127\.0\.0\.2/);
    expect(received.length).toBe(before + 1);
    for (const address of ['10.1.2.3', '169.254.169.254', '192.168.1.1', '[::1]', '[::ffff:127.0.0.1]']) {
      const refused = await failure(run({ url: `http://${address}/` }, strict));
      expect(refused.code).toBe('refused_address');
    }
  });

  it('ends with clear errors on timeouts, oversize answers and failing statuses', async () => {
    const slow = await failure(run({ url: `${base}/slow`, timeoutMs: 200 }));
    expect(slow).toMatchObject({ code: 'timeout', retryable: true });
    const big = await failure(run({ url: `${base}/big`, maxBytes: 1000 }));
    expect(big.code).toBe('too_large');
    const unavailable = await failure(run({ url: `${base}/fail` }));
    expect(unavailable).toMatchObject({
      code: 'http_status',
      retryable: true,
      details: { status: 503, body: 'try later' },
    });
    const missing = await failure(run({ url: `${base}/missing` }));
    expect(missing).toMatchObject({ code: 'http_status', retryable: false });
    const tolerated = await run({ url: `${base}/missing`, failOnStatus: false });
    expect(tolerated).toMatchObject({ status: 404, ok: false, body: 'no such page' });
  });

  it('stops when the run is cancelled', async () => {
    const controller = new AbortController();
    const pending = run({ url: `${base}/slow` }, toolContext({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 100);
    const cancelled = await failure(pending);
    expect(cancelled.code).toBe('cancelled');
  });

  it('validates its input with messages that say what to fix', () => {
    const result = httpRequestTool.input.safeParse({ url: 'ftp://example.com', json: {}, text: 'x' });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message).join('; ');
    expect(messages).toMatch(/http:\/\/ or https:\/\//);
  });
});
