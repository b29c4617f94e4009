// What the app's own routes say about a request before any of them answers it: which methods a
// path has (a 405 with Allow instead of a 404 for a known path) and which query parameters a
// route declares (an unknown one is refused, like an unknown body field, instead of dropped).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { OrcaError } from '../domain/errors.ts';
import type { ApiEnv } from './context.ts';

/** A Hono path (`/api/workspaces/:ws/agents`, `/api/*`) as a regular expression over a request path. */
function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** The methods the app answers on a path, as an Allow header lists them; empty for an unknown path. */
export function allowedMethods(app: OpenAPIHono<ApiEnv>, path: string): string[] {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || route.path.endsWith('*')) continue;
    if (pathPattern(route.path).test(path)) methods.add(route.method.toUpperCase());
  }
  // Hono answers HEAD with the GET handler.
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** The 405 for a known path asked with a method it does not have; undefined for an unknown path. */
export function methodNotAllowed(app: OpenAPIHono<ApiEnv>, method: string, path: string) {
  const allowed = allowedMethods(app, path);
  if (allowed.length === 0) return undefined;
  return new OrcaError(
    'method_not_allowed',
    `${path} does not take ${method}; it takes ${allowed.join(', ')}. See /api/openapi.json.`,
    { headers: { Allow: allowed.join(', ') }, details: { allowed } },
  );
}

interface QueryShape {
  /** The declared parameters; undefined when the route accepts any (a provider's callback). */
  names: string[] | undefined;
}

interface ObjectSchemaLike {
  shape?: Record<string, unknown>;
  _zod?: { def?: { catchall?: unknown } };
}

/** Declared query parameters of every OpenAPI route, keyed by `METHOD /hono/path`. */
function queryShapes(app: OpenAPIHono<ApiEnv>): Map<string, QueryShape> {
  const shapes = new Map<string, QueryShape>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const { method, path, request } = definition.route;
    // Probes are called by monitors that add their own cache-busting parameters: never refused.
    if (probePaths.has(path)) continue;
    const honoPath = path.replace(/\{([^}]+)\}/g, ':$1');
    const schema = request?.query as ObjectSchemaLike | undefined;
    let names: string[] | undefined = [];
    if (schema) {
      // A loose object (z.looseObject) declares that the route takes parameters it cannot name.
      names = schema._zod?.def?.catchall ? undefined : Object.keys(schema.shape ?? {});
    }
    shapes.set(`${method.toUpperCase()} ${honoPath}`, { names });
  }
  return shapes;
}

const probePaths = new Set(['/api/health']);

/**
 * Refuses a query parameter the answering route does not declare, naming it and the ones it
 * does: a misspelt `limt=5` would otherwise be dropped, and the caller would get 50 items without
 * knowing why. Routes outside the OpenAPI document (health, the document itself) are not checked.
 */
export function refuseUnknownQueryParameters(app: OpenAPIHono<ApiEnv>): MiddlewareHandler<ApiEnv> {
  let shapes: Map<string, QueryShape> | undefined;
  return async (c, next) => {
    const given = [...new Set(new URL(c.req.url).searchParams.keys())];
    if (given.length === 0) return next();
    // Built on first use: every route is registered by then.
    shapes ??= queryShapes(app);
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const answering = matchedRoutes(c).find((route) => route.method === method);
    const shape = answering && shapes.get(`${method} ${answering.path}`);
    if (!shape?.names) return next();
    const allowed = shape.names;
    const unknown = given.filter((name) => !allowed.includes(name));
    if (unknown.length === 0) return next();
    const allowedText = allowed.length > 0 ? `it takes ${allowed.join(', ')}` : 'it takes none';
    throw new OrcaError(
      'validation_failed',
      `The query string is invalid. Unknown query parameter(s): ${unknown.join(', ')}; ${allowedText}. Remove the unknown ones.`,
      {
        details: unknown.map((name) => ({
          path: name,
          message: `unknown query parameter; allowed: ${allowed.join(', ') || 'none'}`,
        })),
      },
    );
  };
}
