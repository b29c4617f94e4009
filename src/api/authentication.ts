// Who is calling: a session (cookie or bearer) or a workspace API token (bearer).
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { forbidden, unauthenticated } from '../domain/errors.ts';
import { hashSecret, type SecretKind, secretKind } from '../domain/secret-token.ts';
import { findLiveApiToken, findSessionUser, touchSession } from '../store/account-repository.ts';
import type { Store } from '../store/store.ts';
import type { ApiContext, ApiEnv, Principal } from './context.ts';

export const sessionCookieName = 'orca_session';

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  return match[1];
}

const safeMethods = /^(GET|HEAD|OPTIONS)$/;

/**
 * A browser sends the session cookie along with requests other sites make it send. Cookies are
 * SameSite=Lax already; in depth, a state-changing request that rides on the cookie must show that
 * it comes from Orca's own pages: `Sec-Fetch-Site: same-origin`, or (from browsers that do not
 * send that header) an `Origin` of Orca's own. A request that shows neither is refused too: a
 * browser always sends one of them with a script's POST, so only a form, a plug-in or a
 * non-browser client can leave both out, and those should use an API token. `Sec-Fetch-Site: none`
 * (a typed address or a bookmark) is refused: Orca's pages never send a state change that way.
 * Bearer requests carry their credential explicitly and pass.
 */
export const refuseCrossSiteCookieRequests: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const ridesOnCookie = !c.req.header('authorization') && getCookie(c, sessionCookieName) !== undefined;
  if (ridesOnCookie && !safeMethods.test(c.req.method)) {
    const { config } = c.get('services');
    const allowedOrigins = new Set([new URL(c.req.url).origin]);
    if (config.publicUrl) allowedOrigins.add(new URL(config.publicUrl).origin);
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const originAllowed = origin === undefined || allowedOrigins.has(origin);
    const sameOrigin =
      fetchSite === undefined
        ? origin !== undefined && originAllowed
        : fetchSite === 'same-origin' && originAllowed;
    if (!sameOrigin) {
      throw forbidden(
        fetchSite === undefined && origin === undefined
          ? 'This request uses your Orca session but does not say where it comes from (no Origin or Sec-Fetch-Site header). Use the Orca app, or an API token (Authorization: Bearer).'
          : 'Requests from other sites may not use your Orca session. Use the Orca app, or an API token.',
      );
    }
  }
  await next();
};

/** Who a secret (a session's or an API token's) stands for now: none if it ended or never was. */
async function findPrincipal(store: Store, secretHash: string, kind: SecretKind | undefined) {
  if (kind === 'session') {
    const found = await store.system((scope) => findSessionUser(scope, secretHash));
    if (found) {
      await store.system((scope) => touchSession(scope, found));
      return {
        kind: 'session',
        user: found.user,
        sessionTokenHash: secretHash,
        sessionId: found.sessionId,
      } satisfies Principal;
    }
  } else if (kind === 'apiToken') {
    const found = await store.system((scope) => findLiveApiToken(scope, secretHash));
    if (found) return { kind: 'apiToken', ...found, apiTokenHash: secretHash } satisfies Principal;
  }
  return undefined;
}

/**
 * The caller looked up again by the secret they authenticated with: undefined once the session
 * signed out or expired, or the token was revoked or expired. Long requests (event streams) ask.
 */
export function findPrincipalAgain(store: Store, principal: Principal): Promise<Principal | undefined> {
  return principal.kind === 'session'
    ? findPrincipal(store, principal.sessionTokenHash, 'session')
    : findPrincipal(store, principal.apiTokenHash, 'apiToken');
}

/** Resolves the caller when credentials are sent; wrong credentials are refused at once. */
export const authenticate: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const { store } = c.get('services');
  const bearer = bearerToken(c.req.header('authorization'));
  const cookie = bearer === undefined ? getCookie(c, sessionCookieName) : undefined;
  const secret = bearer ?? cookie;
  let principal: Principal | undefined;
  if (secret !== undefined) {
    principal = await findPrincipal(store, hashSecret(secret), secretKind(secret));
    if (!principal && bearer !== undefined) {
      throw unauthenticated(
        'Your session or token is not valid (expired, revoked or mistyped). Sign in again.',
      );
    }
    // A stale cookie is forgotten, and the request goes on as anonymous: signing in again works.
    if (!principal) deleteCookie(c, sessionCookieName, { path: '/' });
  }
  c.set('principal', principal);
  await next();
};

export function requirePrincipal(c: ApiContext): Principal {
  const principal = c.get('principal');
  if (!principal) throw unauthenticated();
  return principal;
}

/** Account-level actions need a signed-in person: an API token acts only inside its workspace. */
export function requireSession(c: ApiContext): Extract<Principal, { kind: 'session' }> {
  const principal = requirePrincipal(c);
  if (principal.kind !== 'session') {
    throw forbidden(
      'API tokens act inside one workspace only; sign in as a person for account-level actions.',
    );
  }
  return principal;
}

export function setSessionCookie(c: ApiContext, token: string, expiresAt: Date) {
  const { config } = c.get('services');
  const secure = config.secureCookies ?? config.publicUrl?.startsWith('https:') ?? false;
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: ApiContext) {
  deleteCookie(c, sessionCookieName, { path: '/' });
}
