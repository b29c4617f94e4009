// Serves the built web app (dist/web). Paths without a file fall back to index.html, so the
// app's own routes (such as /invitations/<token>) load on refresh.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './context.ts';
import { webAppContentSecurityPolicy } from './security-headers.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function serveWebApp(root: string): MiddlewareHandler<ApiEnv> {
  const rootWithSeparator = root.endsWith(sep) ? root : root + sep;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('This address is not valid (a malformed %-escape).', 400);
    }
    const requested = normalize(join(root, pathname));
    const inside = requested.startsWith(rootWithSeparator);
    const path = inside && (await isFile(requested)) ? requested : join(root, 'index.html');
    if (!(await isFile(path))) {
      return c.text('The web app is not built. Run `npm run build:web` (npm start does it for you).', 503);
    }
    const body = await readFile(path);
    const immutable = path.includes(`${sep}assets${sep}`);
    return c.body(body, 200, {
      'Content-Type': contentTypes[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Content-Security-Policy': webAppContentSecurityPolicy,
    });
  };
}
