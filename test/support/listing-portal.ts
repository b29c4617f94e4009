// Listings that page in each of the ways sites do, for browser.paginate's tests: a "Next page"
// link without rel, a "›" link named only by its aria-label, numbered links only (a window of
// numbers, so later pages are not linked from the first), a "Next" button that is disabled on
// the last page, a "Load more" button whose script appends rows, infinite scroll, a "Next" that
// leads from the last page back to the first, a "Next" button whose script swaps the rows in place
// (the address never changes), Bootstrap's pager (the last "Next" a "#" link in a disabled item,
// a "More" menu in the header), a next link to a private address, one to a host that does not
// exist, and a listing that never ends. Every shape lists the same records: `row-1` … `row-N`, each a link to a file.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A file on the machine Orca runs on, which the "/local-file" listing's next link points at. */
export const localListingFile = join(tmpdir(), 'orca-listing-local-file.html');

export const listingShapes = [
  'next-text',
  'arrow',
  'numbered',
  'disabled-button',
  'load-more',
  'scroll',
  'loop',
  'in-place',
  'bootstrap',
] as const;
export type ListingShape = (typeof listingShapes)[number];

export interface ListingPortal {
  url: string;
  /** How many records each listing has, and how many a page shows. */
  total: number;
  perPage: number;
  /** The records every listing holds, as browser.paginate gives them with `listingRecords`. */
  expected: { name: string; href: string }[];
  /** How often each file (row-N.pdf) was downloaded. */
  downloads: Map<string, number>;
  close(): Promise<void>;
}

/** The records option that reads these listings. */
export const listingRecords = {
  selector: '.row',
  fields: { name: '.name', href: { selector: 'a.file', attribute: 'href' } },
};

function document(title: string, body: string, script = '') {
  return `<!doctype html><html><head><title>${title}</title><style>.row{padding:4px}.tall .row{height:300px}</style></head><body><header><a href="/">Home</a> <a href="/help">Help</a> <button type="button" aria-haspopup="menu" aria-expanded="false">More</button> <a href="/more">More</a></header>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;
}

/** Rows carry a "More" link of their own: it is about the row, not the listing's way forward. */
function rows(from: number, to: number) {
  return Array.from(
    { length: Math.max(0, to - from) },
    (_, index) =>
      `<div class="row"><span class="name">row-${from + index + 1}</span> <a class="file" href="/files/row-${from + index + 1}.pdf">PDF</a> <a href="/details/${from + index + 1}">More</a></div>`,
  ).join('');
}

/** The script of a page that fetches more rows, from `offset` on, and appends them. */
function appendingScript(shape: string, perPage: number, trigger: string) {
  return `
    let offset = ${perPage};
    let loading = false;
    let finished = false;
    async function loadMore() {
      if (loading || finished) return;
      loading = true;
      await new Promise((resolve) => setTimeout(resolve, 150));
      const answer = await (await fetch('/${shape}/rows?offset=' + offset)).json();
      document.querySelector('#rows').insertAdjacentHTML('beforeend', answer.html);
      offset = answer.next;
      finished = answer.done;
      if (finished) document.querySelector('#more')?.remove();
      loading = false;
    }
    ${trigger}`;
}

export async function startListingPortal(
  options: { total?: number; perPage?: number } = {},
): Promise<ListingPortal> {
  const total = options.total ?? 7;
  const perPage = options.perPage ?? 3;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const downloads = new Map<string, number>();

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://listing');
    const asked = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const number = Math.min(pages, asked);
    const shown = rows((number - 1) * perPage, Math.min(total, number * perPage));
    const html = (body: string) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    const shape = url.pathname.split('/')[1] ?? '';
    const later = number < pages;
    const listing = (pager: string) =>
      html(document(`${shape} ${number}`, `<main><div id="rows">${shown}</div><nav>${pager}</nav></main>`));

    const file = /^\/files\/(row-\d+\.pdf)$/.exec(url.pathname)?.[1];
    if (file) {
      // A HEAD request (browser.download asking the name and size) transfers nothing.
      if (request.method !== 'HEAD') downloads.set(file, (downloads.get(file) ?? 0) + 1);
      const content = `%PDF-1.4 ${file}`;
      return response
        .writeHead(200, {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="${file}"`,
          'content-length': String(Buffer.byteLength(content)),
        })
        .end(content);
    }
    if (url.pathname.endsWith('/rows')) {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const next = Math.min(total, offset + perPage);
      return response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ html: rows(offset, next), next, done: next >= total }));
    }
    switch (url.pathname) {
      case '/next-text':
        return listing(later ? `<a href="/next-text?page=${number + 1}">Next page</a>` : '');
      case '/arrow':
        return listing(
          `<a href="/arrow?page=${Math.max(1, number - 1)}" aria-label="‹"><svg width="10" height="10"><path d="M8 0 L2 5 L8 10"/></svg></a>${later ? ` <a href="/arrow?page=${number + 1}" aria-label="›"><svg width="10" height="10"><path d="M2 0 L8 5 L2 10"/></svg></a>` : ''}`,
        );
      case '/numbered': {
        // A window of two numbers either side, every one a link, the current one too: only the
        // walker's count says which page it is on.
        const links = [];
        for (let page = Math.max(1, number - 2); page <= Math.min(pages, number + 2); page++)
          links.push(`<a href="/numbered?page=${page}">${page}</a>`);
        return listing(`<div class="pages">${links.join(' ')}</div>`);
      }
      case '/disabled-button':
        return listing(
          later
            ? `<button type="button" class="next" onclick="location.href='/disabled-button?page=${number + 1}'">Next</button>`
            : '<button type="button" class="next" disabled>Next</button>',
        );
      case '/bootstrap':
        return listing(
          `<ul class="pagination"><li class="page-item"><a class="page-link" href="/bootstrap?page=${Math.max(1, number - 1)}">Previous</a></li>${
            later
              ? `<li class="page-item"><a class="page-link" href="/bootstrap?page=${number + 1}">Next</a></li>`
              : '<li class="page-item disabled"><a class="page-link" href="#" tabindex="-1">Next</a></li>'
          }</ul>`,
        );
      case '/in-place':
        return html(
          document(
            'in place',
            `<main><div id="rows">${rows(0, Math.min(total, perPage))}</div><button id="next" type="button"${total > perPage ? '' : ' disabled'}>Next ›</button></main>`,
            `let offset = 0;
            document.querySelector('#next').addEventListener('click', async () => {
              offset += ${perPage};
              const answer = await (await fetch('/in-place/rows?offset=' + offset)).json();
              document.querySelector('#rows').innerHTML = answer.html;
              if (answer.done) document.querySelector('#next').disabled = true;
            });`,
          ),
        );
      case '/loop':
        return listing(`<a href="/loop?page=${later ? number + 1 : 1}">Next</a>`);
      case '/load-more':
        return html(
          document(
            'load more',
            `<main><div id="rows">${rows(0, Math.min(total, perPage))}</div>${total > perPage ? '<button id="more" type="button">Load more</button>' : ''}</main>`,
            appendingScript(
              'load-more',
              perPage,
              "document.querySelector('#more')?.addEventListener('click', loadMore);",
            ),
          ),
        );
      case '/scroll':
        return html(
          document(
            'scroll',
            `<main class="tall"><div id="rows">${rows(0, Math.min(total, perPage))}</div></main>`,
            appendingScript(
              'scroll',
              perPage,
              `window.addEventListener('scroll', () => {
                if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 50) loadMore();
              });`,
            ),
          ),
        );
      case '/local-file':
        return listing(`<a href="${pathToFileURL(localListingFile)}" rel="next">Next</a>`);
      case '/refused':
        return listing('<a href="http://10.1.2.3/refused?page=2" rel="next">Next</a>');
      case '/unresolved':
        return listing('<a href="http://listing.invalid/unresolved?page=2" rel="next">Next</a>');
      case '/endless':
        return html(
          document(
            `endless ${asked}`,
            `<div class="row"><span class="name">endless-${asked}</span></div><a href="/endless?page=${asked + 1}">Next</a>`,
          ),
        );
      default:
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    total,
    perPage,
    downloads,
    expected: Array.from({ length: total }, (_, index) => ({
      name: `row-${index + 1}`,
      href: `${base}/files/row-${index + 1}.pdf`,
    })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
