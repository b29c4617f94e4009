// An oversized body over a real listening server, as Node's fetch sends it: the client must see
// the 413 answer every time, never a reset socket (the server used to answer before reading the
// body and close, so the client's upload failed with EPIPE/ECONNRESET about half the time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/platform.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let server: RunningServer;
let owner: TestUser;

beforeAll(async () => {
  orca = await startTestPlatform({ configOverrides: { port: '0' } });
  server = await listen(orca.platform);
  owner = await orca.signUp('Oversized Owner');
});
afterAll(async () => {
  await server?.close();
  await orca?.close();
});

const oversized = JSON.stringify({ name: 'x'.repeat(4 * 1024 * 1024) });

describe('oversized request bodies', () => {
  it('answers 413 to fetch 50 times in a row, with a declared length', async () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const response = await fetch(`${server.url}/api/workspaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
        body: oversized,
      });
      expect(response.status).toBe(413);
      expect((await response.json()).error.code).toBe('payload_too_large');
    }
  });

  it('answers 413 to a streamed body without a declared length, 20 times in a row', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const chunk = new TextEncoder().encode('x'.repeat(256 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ >= 16) controller.close();
          else controller.enqueue(chunk);
        },
      });
      const response = await fetch(`${server.url}/api/workspaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect((await response.json()).error.code).toBe('payload_too_large');
    }
  });

  it('answers a declared length past what is ever drained at once, closing without reading it', async () => {
    const { request } = await import('node:http');
    const url = new URL(`${server.url}/api/workspaces`);
    const answer = await new Promise<{ status: number; connection: string | undefined }>(
      (resolve, reject) => {
        const sending = request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            // 200 MiB declared; only a kilobyte is ever sent: the answer cannot wait for the rest.
            headers: { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) },
          },
          (response) => {
            response.resume();
            resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
            sending.destroy();
          },
        );
        sending.on('error', (error) => {
          if (!sending.destroyed) reject(error);
        });
        sending.write('x'.repeat(1024));
      },
    );
    expect(answer).toEqual({ status: 413, connection: 'close' });
  });

  it('keeps serving ordinary requests afterwards', async () => {
    const response = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(response.status).toBe(200);
  });
});
