// Issue 11, item 4, without a database: the redactor finds a secret in every form a server
// plausibly echoes it in, leaves short secrets alone, and http.request never sends a credential
// over plain http to an address the operator did not allow.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundPolicy } from '../../src/network/outbound-policy.ts';
import { minimumSecretLength, SecretRedactor } from '../../src/runtime/secret-redactor.ts';
import { ToolError } from '../../src/runtime/tool-error.ts';
import type { Credential } from '../../src/runtime/tool-services.ts';
import { httpRequestTool } from '../../src/runtime/tools/http-request.ts';
import { hostAllowed } from '../../src/vault/connection-rules.ts';
import { toolContext } from '../support/tool-context.ts';

const secret = 'k3y:with/odd+chars="&<x>';

function redactorOf(...secrets: string[]) {
  const redactor = new SecretRedactor();
  for (const value of secrets) redactor.add(value);
  return redactor;
}

describe('the secret redactor', () => {
  const redactor = redactorOf(secret);

  it("redacts the JSON other servers' encoders write, and percent-encoding in lower case", () => {
    // Found by the review: PHP's json_encode writes / as \/ and non-ASCII as \u00e9, Go's
    // encoding/json writes <, > and & as \u003c, \u003e and \u0026; some encoders write %2f.
    const accented = 'clé/secrète<&>x';
    const withAccents = redactorOf(accented);
    const unicode = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
    const forms = [
      [
        'PHP',
        JSON.stringify(accented)
          .slice(1, -1)
          .replace(/\//g, '\\/')
          .replace(/[^\x20-\x7e]/g, unicode),
      ],
      ['Go', JSON.stringify(accented).slice(1, -1).replace(/[<>&]/g, unicode)],
      [
        'Python',
        JSON.stringify(accented)
          .slice(1, -1)
          .replace(/[^\x20-\x7e]/g, unicode),
      ],
      [
        'lower-case percent',
        encodeURIComponent(accented).replace(/%[0-9A-F]{2}/g, (code) => code.toLowerCase()),
      ],
    ];
    for (const [writer, form = ''] of forms) {
      expect(form, writer).not.toContain(accented);
      expect(withAccents.redactText(`{"echo":"${form}"}`), writer).toBe('{"echo":"[redacted]"}');
    }
  });

  it('redacts the value as is, URL- and form-encoded, JSON- and HTML-escaped, and in base64', () => {
    const forms = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ k: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
      secret.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('base64url'),
      `Bearer ${secret}`,
    ];
    for (const form of forms) {
      expect(redactor.redactText(`before ${form} after`), form).not.toContain(form);
      expect(redactor.redactText(`before ${form} after`)).toMatch(/^before .*\[redacted\].* after$/);
    }
  });

  it('finds the base64 of a secret inside a longer base64 text, at every alignment', () => {
    for (const prefix of ['', 'a', 'ab', 'abc', 'abcd']) {
      const encoded = Buffer.from(`${prefix}${secret} and more`).toString('base64');
      const redacted = redactor.redactText(encoded);
      expect(redacted).toContain('[redacted]');
      expect(Buffer.from(redacted.replace('[redacted]', ''), 'base64').toString('latin1')).not.toContain(
        secret,
      );
    }
  });

  it('redacts a Basic pair whose base64 is the header', () => {
    const basic = redactorOf('buyer@example.com:hunter22');
    const header = `Basic ${Buffer.from('buyer@example.com:hunter22').toString('base64')}`;
    expect(basic.redactText(header)).toBe('Basic [redacted]');
  });

  it('walks JSON values: strings, object keys and numbers; other values are kept', () => {
    const numeric = redactorOf('987654321');
    expect(
      numeric.redact({ 'key-987654321': ['x 987654321 y', 987654321, 12, true, null], nested: { n: 1 } }),
    ).toEqual({ 'key-[redacted]': ['x [redacted] y', '[redacted]', 12, true, null], nested: { n: 1 } });
  });

  it('redacts file bytes, text or binary, and leaves other bytes as they were', () => {
    const binary = Buffer.concat([Buffer.from([0, 255, 1]), Buffer.from(secret), Buffer.from([254, 0])]);
    const redacted = Buffer.from(redactor.redactBytes(binary));
    expect(redacted.includes(Buffer.from(secret))).toBe(false);
    expect(redacted).toEqual(
      Buffer.concat([Buffer.from([0, 255, 1]), Buffer.from('[redacted]'), Buffer.from([254, 0])]),
    );
  });

  it('ignores secrets too short to redact safely, and changes nothing without a secret', () => {
    const short = redactorOf('abc'.slice(0, minimumSecretLength - 1), '');
    expect(short.empty).toBe(true);
    const value = { text: 'abc abcde' };
    expect(short.redact(value)).toBe(value);
  });
});

describe('credentials over plain http', () => {
  let server: Server;
  let port: number;
  const received: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      received.push(request.headers);
      if (request.url === '/to-public')
        return response.writeHead(302, { location: `http://service.example:${port}/echo` }).end();
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // A public service as far as the rules go (the operator did not allow it), reached on loopback
  // so that no test traffic leaves this machine: every name is pinned to 127.0.0.1, and only
  // 127.0.0.1 itself counts as allowed by the operator.
  const publicService: OutboundPolicy = {
    resolve: async () => ({ address: '127.0.0.1', family: 4 }),
    allowedByOperator: async (host) => host === '127.0.0.1',
  };
  const credential = (): Credential => {
    const allowedHosts = [`service.example:${port}`, `127.0.0.1:${port}`];
    return {
      connectionId: 'c',
      service: 'service',
      label: 'main',
      headers: { authorization: 'Bearer the-api-key-123' },
      allowedHosts,
      allows: (url) => hostAllowed(url, allowedHosts),
    };
  };
  const call = (url: string) =>
    httpRequestTool.run(
      httpRequestTool.input.parse({ url, auth: { connection: 'service' } }),
      toolContext({
        network: publicService,
        services: { connections: { credential: async () => credential(), login: () => Promise.reject() } },
      }),
    );

  it('refuses to send a credential to an http:// address the operator did not allow', async () => {
    received.length = 0;
    const error = await call(`http://service.example:${port}/echo`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).code).toBe('refused_address');
    expect((error as ToolError).message).toMatch(/only sent over https/);
    expect(received).toHaveLength(0);
  });

  it('refuses a redirect that leads a credential to plain http, and sends it where the operator allowed http', async () => {
    received.length = 0;
    const error = await call(`http://127.0.0.1:${port}/to-public`).catch((caught: unknown) => caught);
    expect((error as ToolError).code).toBe('refused_address');
    // The first hop, to the address the operator allowed, carried it; the second never happened.
    expect(received).toHaveLength(1);
    expect(received[0]?.authorization).toBe('Bearer the-api-key-123');
  });
});
