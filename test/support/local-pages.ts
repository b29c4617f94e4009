// Web pages the browser suites' agents read: a server on 127.0.0.1 answering fixed HTML by path
// (404 otherwise), so a test's agent fetches a real page without leaving loopback.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalPages {
  /** Such as `http://127.0.0.1:41234`. */
  base: string;
  close(): Promise<void>;
}

export async function serveLocalPages(pages: Record<string, string>): Promise<LocalPages> {
  const server = createServer((request, response) => {
    const html = pages[request.url ?? ''];
    if (html !== undefined) return response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
