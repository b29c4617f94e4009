// One log line per request: method, route pattern, status, duration, and the workspace and user
// when known (the request id comes with the request's logger). The route is the pattern
// (`/api/hooks/:hookId`), never the path or the query string, which can carry secrets (a hook's
// address is its credential, an invitation's token is in its path); no header is logged.
// Probes (health, readiness, metrics) are logged at debug so that they do not drown the rest.
// An event stream's line is written when its response starts: its duration is to the first byte.
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import type { ApiEnv, Principal, WorkspaceAccess } from './context.ts';

const probeRoutes = new Set(['/api/health', '/api/ready', '/metrics']);

export const accessLog: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  // The endpoint the request was for, even when a middleware before it answered (a 401), else
  // the pattern of whatever answered (`/api/*` for an unknown API path, `*` for the web app).
  const endpoint = matchedRoutes(c).find((matched) => matched.method !== 'ALL');
  const route = endpoint?.path ?? (routePath(c) || '(none)');
  const status = c.res.status;
  // Set by the authentication and workspace middleware when the request got that far.
  const principal = c.get('principal') as Principal | undefined;
  const access = c.get('access') as WorkspaceAccess | undefined;
  const fields = {
    method: c.req.method,
    route,
    status,
    durationMs,
    ...(access ? { workspaceId: access.workspace.id } : {}),
    ...(principal ? { userId: principal.user.id } : {}),
  };
  const { logger } = c.get('services');
  if (status >= 500) logger.warn('request', fields);
  else if (probeRoutes.has(route)) logger.debug('request', fields);
  else logger.info('request', fields);
};
