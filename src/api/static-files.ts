// Serves the built web app (dist/web). The app's own routes (such as /invitations/<token>) fall
// back to index.html, so they load on refresh; any other path without a file is a 404
// (web-app-routes.ts says which are the app's).
//
// Files are read once and kept in memory with their brotli and gzip forms, compressed once at the
// highest setting (hashed assets never change; index.html is read again when its file changes).
// Hashed assets are cached by browsers for a year; index.html is revalidated on every load with
// its ETag, so a new build reaches everyone at once and an unchanged one costs a 304.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { OrcaError } from '../domain/errors.ts';
import {
  chooseEncoding,
  compress,
  type Encoding,
  isCompressible,
  minimumCompressedBytes,
} from './compression.ts';
import type { ApiEnv } from './context.ts';
import { webAppContentSecurityPolicy } from './security-headers.ts';
import { isWebAppRoute } from './web-app-routes.ts';

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

/** A file as read, with the compressed forms made so far (undefined: compressing did not help). */
interface CachedFile {
  modifiedMilliseconds: number;
  size: number;
  body: Buffer;
  hash: string;
  encoded: Map<Encoding, Promise<Buffer | undefined>>;
}

async function fileSize(path: string) {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** Whether an If-None-Match header names one of the tags (weak comparison, as RFC 9110 asks). */
function matches(ifNoneMatch: string | undefined, tags: string[]): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const named = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  return tags.some((tag) => named.includes(tag));
}

export function serveWebApp(root: string): MiddlewareHandler<ApiEnv> {
  const rootWithSeparator = root.endsWith(sep) ? root : root + sep;
  const cache = new Map<string, CachedFile>();

  async function load(path: string, modifiedMilliseconds: number, size: number): Promise<CachedFile> {
    const cached = cache.get(path);
    if (cached && cached.modifiedMilliseconds === modifiedMilliseconds && cached.size === size) return cached;
    const body = await readFile(path);
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    const file: CachedFile = { modifiedMilliseconds, size, body, hash, encoded: new Map() };
    cache.set(path, file);
    return file;
  }

  function encodedForm(file: CachedFile, encoding: Encoding): Promise<Buffer | undefined> {
    let form = file.encoded.get(encoding);
    if (!form) {
      form = compress(file.body, encoding, 'smallest').then((compressed) =>
        compressed.byteLength < file.body.byteLength ? compressed : undefined,
      );
      file.encoded.set(encoding, form);
    }
    return form;
  }

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
    let path = requested;
    let stats = inside ? await fileSize(requested) : undefined;
    if (!stats) {
      if (!isWebAppRoute(pathname)) {
        throw new OrcaError('not_found', `There is nothing at ${pathname}. The web app is at /.`);
      }
      path = join(root, 'index.html');
      stats = await fileSize(path);
    }
    if (!stats) {
      return c.text('The web app is not built. Run `npm run build:web` (npm start does it for you).', 503);
    }
    const file = await load(path, stats.mtimeMs, stats.size);
    const contentType = contentTypes[extname(path)] ?? 'application/octet-stream';
    const immutable = path.includes(`${sep}assets${sep}`);
    const compressible = isCompressible(contentType);
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Content-Security-Policy': webAppContentSecurityPolicy,
    };
    if (compressible) headers.Vary = 'Accept-Encoding';

    const encoding =
      compressible && file.body.byteLength >= minimumCompressedBytes
        ? chooseEncoding(c.req.header('accept-encoding'))
        : undefined;
    const encoded = encoding ? await encodedForm(file, encoding) : undefined;
    // Each form has its own tag (a strong ETag names exact bytes); any of them proves the
    // browser holds this version of the file.
    const tag = (form?: Encoding) => (form ? `"${file.hash}-${form}"` : `"${file.hash}"`);
    headers.ETag = tag(encoded ? encoding : undefined);
    if (matches(c.req.header('if-none-match'), [tag(), tag('br'), tag('gzip')])) {
      return c.body(null, 304, headers);
    }
    const body = encoded ?? file.body;
    if (encoded && encoding) headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = String(body.byteLength);
    return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), 200, headers);
  };
}
