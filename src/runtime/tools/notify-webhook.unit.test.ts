// notify.webhook against a real HTTP receiver on 127.0.0.1 that records what it is sent.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolContext } from '../../../test/support/tool-context.ts';
import { outboundPolicy } from '../../network/outbound-policy.ts';
import type { ToolContext } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import { notifyWebhookTool, verifyWebhookSignature, webhookAddressInWords } from './notify-webhook.ts';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const workspaceSecret = 'workspace-secret-for-tests';
const received: Received[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body });
      if (path === '/broken') return response.writeHead(500).end('database down');
      if (path === '/gone') return response.writeHead(404).end('no such hook');
      if (path === '/busy') return response.writeHead(429).end('slow down');
      if (path === '/moved') return response.writeHead(302, { location: '/elsewhere' }).end();
      if (path === '/chatty') return response.writeHead(200).end('y'.repeat(10_000));
      response.writeHead(202, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const signingContext = (overrides: Partial<Omit<ToolContext, 'services'>> = {}) =>
  toolContext({ ...overrides, services: { webhookSigningSecret: async () => workspaceSecret } });

const send = (input: Record<string, unknown>, context = signingContext()) =>
  notifyWebhookTool.run(notifyWebhookTool.input.parse(input), context);

async function failure(promise: Promise<unknown>): Promise<ToolError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolError);
  return error as ToolError;
}

function signatureOf(delivery: Received | undefined): string {
  const header = delivery?.headers['orca-signature'];
  expect(typeof header).toBe('string');
  return header as string;
}

describe('notify.webhook', () => {
  it('posts the payload as JSON with the run, event and delivery headers', async () => {
    const payload = { lead: { name: 'Ada', score: 0.9 }, tags: ['hot'] };
    const result = await send({
      url: `${base}/hook`,
      payload,
      event: 'lead.created',
      headers: { 'X-Source': 'crm', 'Orca-Event': 'spoofed' },
    });
    expect(result).toMatchObject({
      status: 202,
      ok: true,
      signatureHeader: 'orca-signature',
      responseBody: '{"received":true}',
    });
    expect(Date.parse(result.deliveredAt)).not.toBeNaN();
    const delivery = received.at(-1);
    expect(JSON.parse(delivery?.body ?? '')).toEqual(payload);
    expect(delivery?.headers).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'run-1:step',
      'orca-event': 'lead.created',
      'orca-run-id': '00000000-0000-4000-8000-000000000002',
      'orca-delivery': 'run-1:step:1',
      'x-source': 'crm',
    });
    expect(signatureOf(delivery)).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('sends the same idempotency key on every attempt of the step, and a new delivery id', async () => {
    await send({ url: `${base}/hook`, payload: { n: 1 } }, signingContext({ attempt: 1 }));
    const first = received.at(-1);
    await send(
      { url: `${base}/hook`, payload: { n: 1 } },
      signingContext({ attempt: 2, idempotencyKey: 'run-1:step:2' }),
    );
    const second = received.at(-1);
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(second?.headers['orca-delivery']).toBe('run-1:step:2');
    expect(first?.headers['orca-delivery']).toBe('run-1:step:1');
    expect(first?.headers['orca-event']).toBe('agent.notification');
  });

  it("signs with the workspace's secret, or the one given, so that only the holder verifies", async () => {
    await send({ url: `${base}/hook`, payload: { order: 42 } });
    const delivery = received.at(-1);
    const header = signatureOf(delivery);
    const body = delivery?.body ?? '';
    const sentAt = new Date(Number(/t=(\d+)/.exec(header)?.[1]) * 1000);
    expect(verifyWebhookSignature({ header, body, secret: workspaceSecret })).toBe(true);
    expect(verifyWebhookSignature({ header, body: Buffer.from(body), secret: workspaceSecret })).toBe(true);
    expect(verifyWebhookSignature({ header, body, secret: 'another-secret' })).toBe(false);
    expect(verifyWebhookSignature({ header, body: body.replace('42', '43'), secret: workspaceSecret })).toBe(
      false,
    );
    const later = new Date(sentAt.getTime() + 600_000);
    expect(verifyWebhookSignature({ header, body, secret: workspaceSecret, now: later })).toBe(false);
    expect(
      verifyWebhookSignature({ header, body, secret: workspaceSecret, now: later, toleranceSeconds: 900 }),
    ).toBe(true);
    expect(verifyWebhookSignature({ header: 'v1=abc', body, secret: workspaceSecret })).toBe(false);
    expect(verifyWebhookSignature({ header: '', body, secret: workspaceSecret })).toBe(false);

    await send({ url: `${base}/hook`, payload: { order: 42 }, secret: 'receiver-secret' });
    const own = received.at(-1);
    expect(
      verifyWebhookSignature({ header: signatureOf(own), body: own?.body ?? '', secret: 'receiver-secret' }),
    ).toBe(true);
    expect(
      verifyWebhookSignature({ header: signatureOf(own), body: own?.body ?? '', secret: workspaceSecret }),
    ).toBe(false);
  });

  it('keeps only the first 2 KB of the answer', async () => {
    const result = await send({ url: `${base}/chatty`, payload: null });
    expect(result.responseBody).toBe('y'.repeat(2048));
  });

  it('fails retryably on 5xx and 429, and for good on other 4xx', async () => {
    const broken = await failure(send({ url: `${base}/broken`, payload: {} }));
    expect(broken).toMatchObject({
      code: 'http_status',
      retryable: true,
      details: { status: 500, body: 'database down' },
    });
    const busy = await failure(send({ url: `${base}/busy`, payload: {} }));
    expect(busy).toMatchObject({ code: 'http_status', retryable: true });
    const gone = await failure(send({ url: `${base}/gone`, payload: {} }));
    expect(gone).toMatchObject({ code: 'http_status', retryable: false, details: { status: 404 } });
  });

  it('does not follow a redirect, and says where it pointed', async () => {
    const before = received.length;
    const moved = await failure(send({ url: `${base}/moved`, payload: { a: 1 } }));
    expect(moved).toMatchObject({ code: 'http_status', retryable: false });
    expect(moved.message).toMatch(/302.*\/elsewhere/);
    expect(received.slice(before).map((delivery) => delivery.path)).toEqual(['/moved']);
  });

  it('refuses addresses the outbound policy does not allow, before sending anything', async () => {
    const before = received.length;
    const strict = signingContext({ network: outboundPolicy([]) });
    const literal = await failure(send({ url: `${base}/hook`, payload: {} }, strict));
    expect(literal.code).toBe('refused_address');
    expect(literal.message).toMatch(/127\.0\.0\.1.*ORCA_ALLOW_NETWORK/);
    const named = await failure(
      send({ url: `http://localhost:${new URL(base).port}/hook`, payload: {} }, strict),
    );
    expect(named.code).toBe('refused_address');
    expect(received.length).toBe(before);
  });

  it('validates its input with messages that say what to fix', () => {
    const result = notifyWebhookTool.input.safeParse({
      url: 'ftp://example.com',
      payload: { fine: true },
      event: 'has spaces',
      headers: { 'X-Bad': 'two\nlines' },
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message).join('; ');
    expect(messages).toMatch(/http:\/\/ or https:\/\//);
    expect(messages).toMatch(/event must be a name/);
    expect(messages).toMatch(/one line/);
    expect(notifyWebhookTool.input.safeParse({ url: 'https://example.com' }).success).toBe(false);
  });
});

describe('the webhook address in errors, run data and logs', () => {
  it('shows the origin only: an incoming webhook’s path is its secret', () => {
    expect(webhookAddressInWords('https://hooks.slack.com/services/T000/B000/XXXXSECRET')).toBe(
      'https://hooks.slack.com/…',
    );
    expect(webhookAddressInWords('https://example.com/?token=abc')).toBe('https://example.com/…');
    expect(webhookAddressInWords('https://example.com/')).toBe('https://example.com');
    expect(webhookAddressInWords('not a url')).toBe('an address that is not a URL');
  });
});
