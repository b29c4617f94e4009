// Compression over a real listening server, as browsers and HTTP clients see it: raw bytes are
// read with undici's `request` (which does not decode), decompressed here and compared with the
// identity answer. Event streams stay uncompressed and keep flowing; downloads keep their length.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../src/api/compression.ts';
import { listen, type RunningServer } from '../../src/platform.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let server: RunningServer;
let owner: TestUser;
let ws: string;
let webRoot: string;

const script = `// app\n${Array.from({ length: 400 }, (_, index) => `export const value${index} = "${index}";`).join('\n')}`;
const page = `<!doctype html><html><head><title>Orca</title></head><body>${'<p>Orca</p>'.repeat(200)}</body></html>`;
const image = randomBytes(4096);

beforeAll(async () => {
  webRoot = await mkdtemp(path.join(tmpdir(), 'orca-web-root-'));
  await mkdir(path.join(webRoot, 'assets'));
  await writeFile(path.join(webRoot, 'index.html'), page);
  await writeFile(path.join(webRoot, 'assets', 'app-1a2b3c.js'), script);
  await writeFile(path.join(webRoot, 'assets', 'logo-1a2b3c.png'), image);
  orca = await startTestPlatform({ configOverrides: { port: '0' }, webRoot });
  server = await listen(orca.platform);
  owner = await orca.signUp('Compression Owner');
  ws = (await orca.createWorkspace(owner, 'Squeeze')).slug;
});
afterAll(async () => {
  await server?.close();
  await orca?.close();
  await rm(webRoot, { recursive: true, force: true });
});

async function get(pathname: string, headers: Record<string, string> = {}) {
  const response = await request(`${server.url}${pathname}`, {
    headers: { authorization: `Bearer ${owner.token}`, ...headers },
  });
  const body = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, body };
}

function decode(encoding: unknown, body: Buffer): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  return body;
}

describe('compression', () => {
  it('compresses API JSON with brotli or gzip as asked, and says it varies on Accept-Encoding', async () => {
    const plain = await get('/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    for (const encoding of ['br', 'gzip']) {
      const answer = await get('/api/openapi.json', { 'accept-encoding': encoding });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers.vary).toMatch(/Accept-Encoding/);
      expect(Number(answer.headers['content-length'])).toBe(answer.body.byteLength);
      expect(answer.body.byteLength).toBeLessThan(plain.body.byteLength / 4);
      expect(decode(encoding, answer.body).equals(plain.body)).toBe(true);
    }
    // Browsers send both; brotli is preferred.
    const both = await get('/api/openapi.json', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(both.headers['content-encoding']).toBe('br');
    // And node's fetch decodes what it is sent.
    const fetched = await fetch(`${server.url}/api/openapi.json`);
    expect(await fetched.text()).toBe(plain.body.toString());
  });

  it('picks the encoding from the weights, and refuses none that q=0 refuses', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });

  it('leaves small bodies and error answers under 1 KB as they are', async () => {
    const health = await get('/api/health', { 'accept-encoding': 'br, gzip' });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(Number(health.headers['content-length'])).toBe(health.body.byteLength);
    expect(JSON.parse(health.body.toString())).toMatchObject({ status: 'ok' });
    const missing = await get('/api/nothing-here', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString()).error.code).toBe('not_found');
  });

  it('serves the web app compressed once, hashed assets for a year, index.html revalidated by ETag', async () => {
    for (const encoding of ['br', 'gzip']) {
      const asset = await get('/assets/app-1a2b3c.js', { 'accept-encoding': encoding });
      expect(asset.headers['content-encoding']).toBe(encoding);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.vary).toBe('Accept-Encoding');
      expect(asset.headers['content-type']).toMatch(/javascript/);
      expect(Number(asset.headers['content-length'])).toBe(asset.body.byteLength);
      expect(decode(encoding, asset.body).toString()).toBe(script);
      // The same bytes again: kept, not compressed anew.
      const again = await get('/assets/app-1a2b3c.js', { 'accept-encoding': encoding });
      expect(again.body.equals(asset.body)).toBe(true);
    }
    const identity = await get('/assets/app-1a2b3c.js');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.toString()).toBe(script);

    const index = await get('/w/anything/runs', { 'accept-encoding': 'br' });
    expect(index.headers['content-encoding']).toBe('br');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(decode('br', index.body).toString()).toBe(page);
    const etag = String(index.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const unchanged = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body.byteLength).toBe(0);
    expect(unchanged.headers.etag).toBe(etag);
    // A tag of another encoding of the same version also proves the browser has it.
    const viaGzip = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': `W/${etag}` });
    expect(viaGzip.status).toBe(304);
    const stale = await get('/', { 'accept-encoding': 'br', 'if-none-match': '"an-old-build"' });
    expect(stale.status).toBe(200);

    await writeFile(path.join(webRoot, 'index.html'), page.replace('<title>Orca', '<title>Orca 2'));
    const rebuilt = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(rebuilt.status).toBe(200);
    expect(decode('br', rebuilt.body).toString()).toContain('Orca 2');
  });

  it('never compresses images', async () => {
    const logo = await get('/assets/logo-1a2b3c.png', { 'accept-encoding': 'br, gzip' });
    expect(logo.headers['content-encoding']).toBeUndefined();
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.body.equals(image)).toBe(true);
  });

  it('keeps downloads whole: a deliverable keeps its bytes, length and ETag; an agent export decodes', async () => {
    const content = 'name,price\n'.concat(
      Array.from({ length: 200 }, (_, i) => `item ${i},${i}.00`).join('\n'),
    );
    const uploaded = await orca.request('POST', `/api/workspaces/${ws}/deliverables?name=prices.csv`, {
      token: owner.token,
      rawBody: content,
      headers: { 'content-type': 'text/csv' },
    });
    expect(uploaded.status).toBe(201);
    const download = await get(`/api/workspaces/${ws}/deliverables/${uploaded.body.id}/content`, {
      'accept-encoding': 'br, gzip',
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/attachment/);
    expect(Number(download.headers['content-length'])).toBe(Buffer.byteLength(content));
    expect(download.body.toString()).toBe(content);
    const cached = await get(`/api/workspaces/${ws}/deliverables/${uploaded.body.id}/content`, {
      'accept-encoding': 'br, gzip',
      'if-none-match': String(download.headers.etag),
    });
    expect(cached.status).toBe(304);

    const agent = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Long Rememberer',
          goal: 'Remember a great many things. '.repeat(40),
          steps: [{ id: 'remember', tool: 'memory.write', with: { key: 'note', value: 'kept' } }],
        },
      },
    });
    expect(agent.status).toBe(201);
    const exported = await get(`/api/workspaces/${ws}/agents/${agent.body.id}/export`, {
      'accept-encoding': 'gzip',
    });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="Long-Rememberer/);
    expect(exported.headers['content-encoding']).toBe('gzip');
    expect(Number(exported.headers['content-length'])).toBe(exported.body.byteLength);
    expect(JSON.parse(decode('gzip', exported.body).toString()).agent.name).toBe('Long Rememberer');
  });

  it('sends an event stream uncompressed, event by event while it stays open', async () => {
    const agent = await orca.request('POST', `/api/workspaces/${ws}/agents`, {
      token: owner.token,
      body: {
        spec: {
          name: 'Quick Rememberer',
          steps: [{ id: 'remember', tool: 'memory.write', with: { key: 'note', value: 'kept' } }],
        },
      },
    });
    const stream = await request(`${server.url}/api/workspaces/${ws}/events`, {
      headers: {
        authorization: `Bearer ${owner.token}`,
        'accept-encoding': 'br, gzip',
        accept: 'text/event-stream',
      },
    });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toMatch(/text\/event-stream/);
    expect(stream.headers['content-encoding']).toBeUndefined();
    const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agent.body.id}/runs`, {
      token: owner.token,
      body: {},
    });
    expect(started.status).toBe(202);
    let text = '';
    const finished = new RegExp(`"runId":"${started.body.id}"[^\n]*"status":"succeeded"`);
    for await (const chunk of stream.body) {
      text += chunk.toString();
      // Read while the stream is still open: each event arrives on its own, not at the end.
      if (finished.test(text)) break;
    }
    stream.body.destroy();
    expect(text).toMatch(/^(event|id|data|retry|:)/m);
    expect(text).toMatch(finished);
  });
});
