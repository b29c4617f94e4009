// A portal whose files are linked every awkward way, for browser.download's tests: links without
// an extension named only by Content-Disposition (quoted with a semicolon, or RFC 5987's
// filename*) or by nothing at all, tokens of the sign-in in every link, a file listed on two
// pages, a button whose script downloads, a form POST that answers with a file, a link with the
// download attribute, and links that open a new tab. It counts what it serves.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DownloadPortalFile {
  id: number;
  /** The statement number the listing shows. */
  number: string;
  content: string;
  contentType: string;
  /** The Content-Disposition header, if the server sends one. */
  disposition?: string;
  /** Sent without Content-Length (HEAD tells no size), with ranges answered. */
  streamed?: boolean;
}

export interface DownloadPortal {
  url: string;
  host: string;
  account: { username: string; password: string };
  /** The files the listing shows, in order; add one between runs. */
  files: DownloadPortalFile[];
  /** File bodies served (GET or POST), by route key such as "file:3" or "report". */
  served: Map<string, number>;
  /** HEAD requests answered, by route key. */
  heads: Map<string, number>;
  /** Range requests answered (a few bytes each), by route key. */
  ranges: Map<string, number>;
  /** Sign-ins so far (each gives links a new token). */
  signIns(): number;
  close(): Promise<void>;
}

const perPage = 2;

function page(title: string, body: string) {
  return `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

const loginForm = (error = '') =>
  page(
    'Sign in',
    `${error}<form method="post" action="/login"><input name="username" type="text"><input name="password" type="password"><button type="submit">Sign in</button></form>`,
  );

async function formOf(request: IncomingMessage) {
  let body = '';
  for await (const chunk of request) body += chunk;
  return new URLSearchParams(body);
}

// The tools page: each way to start a download, by clicking.
const toolsPage = page(
  'Tools',
  `<button id="export" type="button">Export</button>
  <script>
    document.getElementById('export').addEventListener('click', async () => {
      const response = await fetch('/export');
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = 'export 2026.csv';
      document.body.appendChild(link);
      link.click();
    });
  </script>
  <form method="post" action="/report"><input type="hidden" name="year" value="2026"><button id="report" type="submit">Yearly report</button></form>
  <a id="archive" href="/archive/7" download="archive-7.zip">Archive</a>
  <a id="tab-download" href="/tab-file" target="_blank">Terms (new tab, saved)</a>
  <a id="tab-view" href="/view/notes" target="_blank">Notes (new tab, shown)</a>
  <a id="same-tab" href="/view/notes">Notes (this tab, shown)</a>
  <a id="nothing" href="#">Does nothing</a>`,
);

export async function startDownloadPortal(): Promise<DownloadPortal> {
  const account = { username: 'clerk@example.com', password: 'paper trail 42' };
  const sessions = new Map<string, string>();
  let signIns = 0;
  const files: DownloadPortalFile[] = [
    {
      id: 1,
      number: 'S-001',
      content: '%PDF-1.7 March statement',
      contentType: 'application/pdf',
      disposition: 'attachment; filename="Statement; March 2026.pdf"',
    },
    {
      id: 2,
      number: 'S-002',
      content: 'date,amount\n2026-09-30,1200\n',
      contentType: 'text/csv',
      disposition: `attachment; filename="Resume Q3.csv"; filename*=UTF-8''R%C3%A9sum%C3%A9%20Q3.csv`,
    },
    // No name from the server at all: the address and the type name it.
    {
      id: 3,
      number: 'S-003',
      content: '%PDF-1.7 unnamed',
      contentType: 'application/pdf',
      streamed: true,
    },
  ];
  const served = new Map<string, number>();
  const heads = new Map<string, number>();
  const ranges = new Map<string, number>();
  const cookie = (request: IncomingMessage, name: string) =>
    request.headers.cookie
      ?.split(/;\s*/)
      .find((part) => part.startsWith(`${name}=`))
      ?.slice(name.length + 1);

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://portal');
    const session = cookie(request, 'session');
    const token = session ? sessions.get(session) : undefined;
    const html = (status: number, body: string, headers: Record<string, string> = {}) =>
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
    // A file is sent with its Content-Length, or (`streamed`) without it, as a stream; a
    // streamed file answers a range request with that range and its whole size.
    const send = (key: string, body: string, headers: Record<string, string>, streamed = false) => {
      const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
      if (streamed && range && request.method === 'GET') {
        ranges.set(key, (ranges.get(key) ?? 0) + 1);
        const bytes = Buffer.from(body);
        const [from, to] = [Number(range[1]), Math.min(Number(range[2]), bytes.length - 1)];
        return response
          .writeHead(206, { ...headers, 'content-range': `bytes ${from}-${to}/${bytes.length}` })
          .end(bytes.subarray(from, to + 1));
      }
      const counts = request.method === 'HEAD' ? heads : served;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      response
        .writeHead(
          200,
          streamed ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        )
        .end(request.method === 'HEAD' ? undefined : body);
    };

    if (url.pathname === '/login' && request.method === 'GET') return html(200, loginForm());
    if (url.pathname === '/login' && request.method === 'POST') {
      const form = await formOf(request);
      if (form.get('username') !== account.username || form.get('password') !== account.password)
        return html(200, loginForm('<p class="error">Wrong user name or password.</p>'));
      const id = randomBytes(16).toString('hex');
      signIns++;
      // Links carry a token of this sign-in: the same file has a new address every time.
      sessions.set(id, randomBytes(6).toString('hex'));
      return html(302, '', { location: '/documents', 'set-cookie': `session=${id}; HttpOnly; Path=/` });
    }
    if (!token) return html(302, '', { location: '/login' });

    if (url.pathname === '/documents') {
      const number = Math.max(1, Number(url.searchParams.get('page') ?? 1));
      const pages = Math.max(1, Math.ceil(files.length / perPage));
      const shown = files.slice((number - 1) * perPage, number * perPage);
      // The first file is listed again on the last page ("pinned"), under the same link.
      const first = files[0];
      if (number === pages && number > 1 && first) shown.push(first);
      const rows = shown
        .map(
          (file) =>
            `<tr class="document"><td class="number">${file.number}</td><td><a href="/download?id=${file.id}&amp;session=${token}">Download</a></td></tr>`,
        )
        .join('');
      const links = Array.from(
        { length: pages },
        (_, index) => `<a href="/documents?page=${index + 1}">${index + 1}</a>`,
      ).join(' ');
      return html(200, page('Documents', `<table>${rows}</table><nav class="pagination">${links}</nav>`));
    }
    if (url.pathname === '/download') {
      // A link of an earlier sign-in no longer works, as on portals with per-session links.
      if (url.searchParams.get('session') !== token) return html(403, page('Expired', 'This link expired.'));
      const file = files.find((candidate) => String(candidate.id) === url.searchParams.get('id'));
      if (!file) return html(404, page('Not found', 'Not found'));
      return send(
        `file:${file.id}`,
        file.content,
        {
          'content-type': file.contentType,
          ...(file.disposition ? { 'content-disposition': file.disposition } : {}),
        },
        file.streamed,
      );
    }
    if (url.pathname === '/tools') return html(200, toolsPage);
    if (url.pathname === '/export')
      return send('export', 'month,total\n2026-01,10\n', { 'content-type': 'text/csv' });
    if (url.pathname === '/report' && request.method === 'POST') {
      const year = (await formOf(request)).get('year');
      return send('report', `%PDF-1.7 report ${year}`, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="report-${year}.pdf"`,
      });
    }
    if (url.pathname === '/archive/7')
      return send('archive', 'PK archive bytes', { 'content-type': 'application/zip' });
    if (url.pathname === '/tab-file')
      return send('tab-file', 'Terms, saved from a new tab', {
        'content-type': 'application/octet-stream',
        'content-disposition': 'attachment; filename="terms.txt"',
      });
    if (url.pathname === '/view/notes')
      return send('notes', 'Notes shown in a new tab', { 'content-type': 'text/plain; charset=utf-8' });
    html(404, page('Not found', 'Not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    host,
    account,
    files,
    served,
    heads,
    ranges,
    signIns: () => signIns,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
