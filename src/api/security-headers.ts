// Security headers on every response. The Content-Security-Policy differs by what is served:
// - the API (JSON, downloads, event streams) runs nothing in a browser: it allows nothing at all;
// - the web app loads only its own bundle (Vite emits no inline script or style), talks only to
//   its own API and may not be framed;
// - the OAuth callback page is static HTML with inline styles and no script.
// A handler that sets its own policy keeps it; the API's applies where none was set.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { ApiEnv } from './context.ts';

export const apiContentSecurityPolicy =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const webAppContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const callbackPageContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function securityHeaders(): MiddlewareHandler<ApiEnv> {
  const standard = secureHeaders({ xFrameOptions: 'DENY', referrerPolicy: 'no-referrer' });
  return async (c, next) => {
    await standard(c, async () => {
      await next();
      if (!c.res.headers.has('Content-Security-Policy')) {
        c.res.headers.set('Content-Security-Policy', apiContentSecurityPolicy);
      }
    });
  };
}
