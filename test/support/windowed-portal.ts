// A portal whose listing shows only a window of page links, as many do: page 1 links to 1, 2
// and "Next ›"; page 2 to 1, 2, 3 and "Next ›"; and so on. An agent that reads only the links of
// the first page misses every page after the second; one that follows "Next" reads them all.
// Signs in with a user name and a password; files are counted as they are downloaded.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WindowedPortal {
  url: string;
  host: string;
  /** The files listed, in order, `perPage` to a page. */
  files: string[];
  downloads: Map<string, number>;
  /**
   * The listing moves to `path`, reached from /documents through a tab named `tab` (as portals
   * reorganise): /documents then shows only the tabs.
   */
  moveListing(path: string, tab: string): void;
  close(): Promise<void>;
}

const perPage = 2;

function page(title: string, body: string) {
  return `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

const loginForm = (error = '') =>
  page(
    'Sign in',
    `${error && `<p class="error">${error}</p>`}<form method="post" action="/login"><input name="username" type="text"><input name="password" type="password"><button type="submit">Sign in</button></form>`,
  );

async function formOf(request: IncomingMessage) {
  let body = '';
  for await (const chunk of request) body += chunk;
  return new URLSearchParams(body);
}

/** Page `number`'s links: the pages next to it, and "Next ›" while there is a next page. */
function pageLinks(listing: string, number: number, pages: number) {
  const href = (target: number) => (target === 1 ? listing : `${listing}?page=${target}`);
  const near = [number - 1, number, number + 1].filter((target) => target >= 1 && target <= pages);
  const links = near.map((target) =>
    target === number ? `<span class="current">${target}</span>` : `<a href="${href(target)}">${target}</a>`,
  );
  if (number < pages) links.push(`<a rel="next" href="${href(number + 1)}">Next ›</a>`);
  return `<nav class="pagination">${links.join(' ')}</nav>`;
}

export async function startWindowedPortal(
  account: { username: string; password: string },
  fileCount = 7,
): Promise<WindowedPortal> {
  const sessions = new Set<string>();
  const files = Array.from({ length: fileCount }, (_, index) => `invoice-${index + 1}.pdf`);
  const downloads = new Map<string, number>();
  let listing = '/documents';
  let tab: string | undefined;

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://portal');
    const session = request.headers.cookie?.match(/(?:^|;\s*)session=([^;]+)/)?.[1];
    const html = (status: number, body: string, headers: Record<string, string> = {}) =>
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);

    if (url.pathname === '/login' && request.method === 'GET') return html(200, loginForm());
    if (url.pathname === '/login' && request.method === 'POST') {
      const form = await formOf(request);
      if (form.get('username') !== account.username || form.get('password') !== account.password)
        return html(200, loginForm('Wrong user name or password.'));
      const token = randomBytes(16).toString('hex');
      sessions.add(token);
      return html(302, '', { location: '/documents', 'set-cookie': `session=${token}; HttpOnly; Path=/` });
    }
    if (!session || !sessions.has(session)) return html(302, '', { location: '/login' });
    if (url.pathname === '/documents' && tab) {
      const tabs = `<nav class="tabs"><a href="/documents">Overview</a> <a href="${listing}">${tab}</a></nav>`;
      return html(200, page('Documents', `${tabs}<h1>Overview</h1><p>Your files are under ${tab}.</p>`));
    }
    if (url.pathname === listing) {
      const pages = Math.max(1, Math.ceil(files.length / perPage));
      const number = Math.min(pages, Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1));
      const rows = files
        .slice((number - 1) * perPage, number * perPage)
        .map(
          (name) =>
            `<tr class="document"><td>${name}</td><td><a href="/files/${encodeURIComponent(name)}">Download</a></td></tr>`,
        )
        .join('');
      return html(
        200,
        page(
          `Documents, page ${number}`,
          `<h1>Documents</h1><table>${rows}</table>${pageLinks(listing, number, pages)}`,
        ),
      );
    }
    const name = url.pathname.startsWith('/files/') ? decodeURIComponent(url.pathname.slice(7)) : undefined;
    if (name && files.includes(name)) {
      downloads.set(name, (downloads.get(name) ?? 0) + 1);
      return response
        .writeHead(200, {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="${name}"`,
        })
        .end(`%PDF-1.4\n% ${name}\n`);
    }
    html(404, page('Not found', 'Not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    host,
    files,
    downloads,
    moveListing(path, name) {
      listing = path;
      tab = name;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
