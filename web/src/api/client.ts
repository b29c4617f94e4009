// The typed API client: paths, parameters and bodies come from the generated OpenAPI types
// (schema.d.ts, `npm run generate:api`), so a route the server changes breaks the build here.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** An API failure in words: what went wrong and what to do, never raw JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const unreachableMessage =
  'The Orca server cannot be reached. Check your connection or that Orca is running, then try again.';

const sessionListeners = new Set<() => void>();

/** Calls `listener` when a request finds the session gone (expired, revoked or signed out elsewhere). */
export function onSessionExpired(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** Tells the app a request found no session (sign-in's own refusals do not count). */
export function reportUnauthorized(url: string, status: number) {
  const isSignIn = new URL(url, window.location.origin).pathname.startsWith('/api/auth/');
  if (status === 401 && !isSignIn) for (const listener of sessionListeners) listener();
}

const sessionWatch: Middleware = {
  onResponse({ request, response }) {
    reportUnauthorized(request.url, response.status);
    return undefined;
  },
};

export const client = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
client.use(sessionWatch);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a call, or an ApiError carrying the server's own message. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (caught) {
    if (caught instanceof DOMException && caught.name === 'AbortError') throw caught;
    throw new ApiError(0, 'unreachable', unreachableMessage);
  }
  if (result.response.ok) return result.data as T;
  throw toApiError(result.response.status, result.error);
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
    ?.error;
  if (error?.message) return new ApiError(status, error.code ?? 'unknown', error.message, error.details);
  if (status >= 500)
    return new ApiError(status, 'server_error', 'Orca had a problem answering. Try again in a moment.');
  return new ApiError(status, 'unknown', `The request failed (status ${status}).`);
}

/** A message for anything thrown by a call, in words. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return unreachableMessage;
  return error instanceof Error ? error.message : String(error);
}
