// Times every request and counts it under its route pattern (`/api/workspaces/:ws/runs/:runId`),
// never its raw path: ids and slugs in labels would make a series per resource. Requests no route
// claims are counted as `unmatched` (under /api and operational paths) or `web app` (the app's
// files and routes), so a scanner trying random addresses adds no series either.
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { ApiEnv } from './context.ts';

const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The pattern of the route that answers the request: the first match that is not middleware. */
export function routeLabel(c: Context): string {
  // Middleware (`app.use`) and catch-alls (`app.all`) are registered for every method.
  const route = matchedRoutes(c).find((candidate) => candidate.method !== 'ALL');
  if (route) return route.path;
  const path = c.req.path;
  return path.startsWith('/api/') || path === '/api' || c.res.status === 404 ? 'unmatched' : 'web app';
}

export function requestMetrics(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const method = knownMethods.has(c.req.method) ? c.req.method : 'other';
      c.get('services').metrics.httpRequest(method, routeLabel(c), c.res.status, performance.now() - started);
    }
  };
}
