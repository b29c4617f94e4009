// A small portal for browser tests: a sign-in form (with a one-time code step when the account
// has a TOTP secret), a session cookie, a paginated table of documents and their downloads.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { totpCode } from '../../src/vault/totp.ts';

export interface PortalDocument {
  name: string;
  content: string;
}

export interface TestPortal {
  url: string;
  host: string;
  documents: PortalDocument[];
  /** How often each file was downloaded. */
  downloads: Map<string, number>;
  close(): Promise<void>;
}

const perPage = 2;

function page(title: string, body: string) {
  return `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

function loginForm(error?: string) {
  return page(
    'Sign in',
    `${error ? `<p class="error">${error}</p>` : ''}<form method="post" action="/login">
      <input name="username" type="text"><input name="password" type="password"><button type="submit">Sign in</button></form>`,
  );
}

async function formOf(request: IncomingMessage) {
  let body = '';
  for await (const chunk of request) body += chunk;
  return new URLSearchParams(body);
}

export async function startTestPortal(account: {
  username: string;
  password: string;
  totpSecret?: string;
}): Promise<TestPortal> {
  const sessions = new Set<string>();
  const pending = new Set<string>();
  const documents: PortalDocument[] = [
    { name: 'invoice-2026-09.pdf', content: 'September invoice' },
    { name: 'invoice-2026-10.pdf', content: 'October invoice' },
    { name: 'statement-q3.csv', content: 'date,amount\n2026-09-30,1200\n' },
  ];
  const downloads = new Map<string, number>();
  const cookie = (request: IncomingMessage, name: string) =>
    request.headers.cookie
      ?.split(/;\s*/)
      .find((part) => part.startsWith(`${name}=`))
      ?.slice(name.length + 1);

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://portal');
    const session = cookie(request, 'session');
    const signedIn = typeof session === 'string' && sessions.has(session);
    const html = (status: number, body: string, headers: Record<string, string> = {}) =>
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);

    if (url.pathname === '/login' && request.method === 'GET') return html(200, loginForm());
    if (url.pathname === '/login' && request.method === 'POST') {
      const form = await formOf(request);
      if (form.get('username') !== account.username || form.get('password') !== account.password) {
        return html(200, loginForm('Wrong user name or password.'));
      }
      const token = randomBytes(16).toString('hex');
      if (account.totpSecret) {
        pending.add(token);
        return html(302, '', { location: '/login/code', 'set-cookie': `pending=${token}; HttpOnly; Path=/` });
      }
      sessions.add(token);
      return html(302, '', { location: '/documents', 'set-cookie': `session=${token}; HttpOnly; Path=/` });
    }
    if (url.pathname === '/login/code' && request.method === 'GET') {
      return html(
        200,
        page(
          'One-time code',
          '<form method="post" action="/login/code"><input name="code" autocomplete="one-time-code"><button type="submit">Verify</button></form>',
        ),
      );
    }
    if (url.pathname === '/login/code' && request.method === 'POST') {
      const token = cookie(request, 'pending');
      const form = await formOf(request);
      const now = Date.now();
      const valid = [now, now - 30_000].map((at) => totpCode(account.totpSecret ?? '', new Date(at)));
      if (!token || !pending.has(token) || !valid.includes(form.get('code') ?? '')) {
        return html(
          200,
          page(
            'One-time code',
            '<p class="error">That code is not right.</p><form method="post" action="/login/code"><input name="code" autocomplete="one-time-code"><button type="submit">Verify</button></form>',
          ),
        );
      }
      pending.delete(token);
      sessions.add(token);
      return html(302, '', { location: '/documents', 'set-cookie': `session=${token}; HttpOnly; Path=/` });
    }
    if (!signedIn) return html(302, '', { location: '/login' });
    if (url.pathname === '/documents') {
      const number = Math.max(1, Number(url.searchParams.get('page') ?? 1));
      const pages = Math.max(1, Math.ceil(documents.length / perPage));
      const rows = documents
        .slice((number - 1) * perPage, number * perPage)
        .map(
          (document) =>
            `<tr class="document"><td class="name">${document.name}</td><td><a href="/files/${encodeURIComponent(document.name)}">Download</a></td></tr>`,
        )
        .join('');
      const links = Array.from(
        { length: pages },
        (_, index) => `<a href="/documents?page=${index + 1}">${index + 1}</a>`,
      ).join(' ');
      return html(
        200,
        page(
          'Documents',
          `<h1 id="documents">Documents</h1><table>${rows}</table><nav class="pagination">${links}</nav>`,
        ),
      );
    }
    const file = url.pathname.startsWith('/files/')
      ? documents.find((document) => document.name === decodeURIComponent(url.pathname.slice(7)))
      : undefined;
    if (file) {
      // A HEAD request (browser.download asking the name and size) transfers nothing.
      if (request.method !== 'HEAD') downloads.set(file.name, (downloads.get(file.name) ?? 0) + 1);
      return response
        .writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename="${file.name}"`,
          'content-length': String(Buffer.byteLength(file.content)),
        })
        .end(file.content);
    }
    html(404, page('Not found', 'Not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    host,
    documents,
    downloads,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
