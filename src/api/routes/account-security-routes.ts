// The signed-in person's own security: change the password, see and end their sessions, read the
// account's security log (decision 0019). Sessions are shown by opaque id only: never a token or
// its hash. Every query runs in the caller's account scope, so another person's session is 404.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound, OrcaError, ruleViolated } from '../../domain/errors.ts';
import { hashPassword, passwordWeakness, verifyPassword } from '../../domain/password.ts';
import { describeUserAgent } from '../../domain/user-agent.ts';
import {
  accountEventKeyset,
  listAccountEvents,
  recordAccountEvent,
} from '../../store/account-event-repository.ts';
import { findPasswordHash, replacePassword } from '../../store/account-repository.ts';
import {
  deleteOwnSession,
  deleteOwnSessionsExcept,
  listOwnSessions,
  type OwnSessionRecord,
} from '../../store/session-repository.ts';
import { markSignInAttemptSucceeded, reserveSignInAttempt } from '../../store/sign-in-throttle-repository.ts';
import { clearSessionCookie, requireSession } from '../authentication.ts';
import { clientNetwork } from '../client-address.ts';
import type { ApiContext, ApiEnv } from '../context.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import {
  commonErrors,
  errorSchema,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  passwordSchema,
  rateLimitedResponse,
  securedBy,
  timestamp,
} from '../schemas.ts';
import { iso } from '../serialize.ts';
import { waitInWords } from './authentication-routes.ts';

const sessionSchema = z
  .object({
    id: z.string().describe('An opaque id: it cannot be used to sign in.'),
    current: z.boolean().describe('Whether this is the session the request was made with.'),
    createdAt: timestamp,
    lastSeenAt: timestamp.describe('Updated at most every five minutes.'),
    expiresAt: timestamp,
    userAgent: z.string().nullable(),
    device: z.string().describe('The browser and system in words, such as "Firefox on Linux".'),
  })
  .openapi('AccountSession');

const accountEventSchema = z
  .object({
    id: z.string(),
    action: z.enum([
      'password_changed',
      'signed_out',
      'session_revoked',
      'other_sessions_revoked',
      'all_sessions_revoked',
    ]),
    details: z.record(z.string(), z.unknown()),
    createdAt: timestamp,
  })
  .openapi('AccountEvent');

const revokedSchema = z.object({
  signedOutSessions: z.number().int().describe('How many sessions were ended.'),
  message: z.string(),
});

const rateLimited = rateLimitedResponse(
  'Too many wrong passwords lately; Retry-After says when the next attempt is allowed.',
);

const changePasswordRoute = createRoute({
  method: 'post',
  operationId: 'changePassword',
  path: '/api/me/password',
  tags: ['accounts'],
  summary: 'Change your password (signs out your other sessions)',
  security: securedBy,
  request: {
    body: jsonBody(z.strictObject({ currentPassword: passwordSchema, newPassword: passwordSchema })),
  },
  responses: {
    200: jsonResponse(revokedSchema, 'Changed; every other session of yours was signed out.'),
    400: commonErrors[400],
    401: commonErrors[401],
    403: commonErrors[403],
    422: jsonResponse(
      errorSchema,
      'The current password is wrong, or the new one is too weak or the same; details name the field.',
    ),
    429: rateLimited,
  },
});

const listSessionsRoute = createRoute({
  method: 'get',
  operationId: 'listSessions',
  path: '/api/me/sessions',
  tags: ['accounts'],
  summary: 'Your sessions: where you are signed in',
  security: securedBy,
  responses: {
    200: jsonResponse(listOf(sessionSchema), 'Your live sessions, the most recently used first.'),
    401: commonErrors[401],
    403: commonErrors[403],
  },
});

const revokeSessionRoute = createRoute({
  method: 'delete',
  operationId: 'revokeSession',
  path: '/api/me/sessions/{sessionId}',
  tags: ['accounts'],
  summary: 'Sign out one of your sessions',
  security: securedBy,
  request: { params: z.object({ sessionId: idParameter('sessionId') }) },
  responses: {
    204: { description: 'Signed out. When it was this session, the session cookie is cleared too.' },
    401: commonErrors[401],
    403: commonErrors[403],
    404: commonErrors[404],
  },
});

const revokeOthersRoute = createRoute({
  method: 'post',
  operationId: 'revokeOtherSessions',
  path: '/api/me/sessions/revoke-others',
  tags: ['accounts'],
  summary: 'Sign out everywhere else (keeps this session)',
  security: securedBy,
  responses: {
    200: jsonResponse(revokedSchema, 'Every other session was signed out.'),
    401: commonErrors[401],
    403: commonErrors[403],
  },
});

const revokeAllRoute = createRoute({
  method: 'post',
  operationId: 'revokeAllSessions',
  path: '/api/me/sessions/revoke-all',
  tags: ['accounts'],
  summary: 'Sign out everywhere, this session included',
  security: securedBy,
  responses: {
    200: jsonResponse(revokedSchema, 'Every session was signed out; the session cookie is cleared.'),
    401: commonErrors[401],
    403: commonErrors[403],
  },
});

const accountEventsRoute = createRoute({
  method: 'get',
  operationId: 'listAccountEvents',
  path: '/api/me/account-events',
  tags: ['accounts'],
  summary: 'Your security log: password changes and sign-outs',
  security: securedBy,
  request: { query: z.object(pageParameters()) },
  responses: {
    200: jsonResponse(listOf(accountEventSchema), 'Your events, newest first, a page at a time.'),
    401: commonErrors[401],
    403: commonErrors[403],
  },
});

function sessionView(session: OwnSessionRecord, currentSessionId: string) {
  return {
    id: session.id,
    current: session.id === currentSessionId,
    createdAt: iso(session.createdAt),
    lastSeenAt: iso(session.lastSeenAt),
    expiresAt: iso(session.expiresAt),
    userAgent: session.userAgent,
    device: describeUserAgent(session.userAgent),
  };
}

const sessionsInWords = (count: number) => (count === 1 ? '1 other session' : `${count} other sessions`);

/**
 * Checks the current password under the sign-in throttle: a stolen session cookie must not become
 * a way to guess the password faster than the sign-in form allows.
 */
async function checkCurrentPassword(c: ApiContext, user: { id: string; email: string }, password: string) {
  const { store } = c.get('services');
  const reservation = await store.systemTransaction((scope) =>
    reserveSignInAttempt(scope, { email: user.email, address: clientNetwork(c) }),
  );
  if (!reservation.allowed) {
    throw new OrcaError(
      'rate_limited',
      `Too many wrong passwords for this account lately. Wait ${waitInWords(reservation.retryAfterSeconds)}, then try again.`,
      { retryAfterSeconds: reservation.retryAfterSeconds },
    );
  }
  const stored = await store.system((scope) => findPasswordHash(scope, user.id));
  if (!stored || !(await verifyPassword(password, stored))) {
    const message = 'Your current password is wrong. Type the password you sign in with now.';
    throw ruleViolated(message, [{ path: 'currentPassword', message }]);
  }
  await store.system((scope) => markSignInAttemptSucceeded(scope, reservation.attemptId));
}

export function registerAccountSecurityRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(changePasswordRoute, async (c) => {
    const principal = requireSession(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    const { store, accessChanges } = c.get('services');
    await checkCurrentPassword(c, principal.user, currentPassword);
    if (newPassword === currentPassword) {
      const message = 'The new password is the same as the current one. Choose a different one.';
      throw ruleViolated(message, [{ path: 'newPassword', message }]);
    }
    const weakness = passwordWeakness(newPassword, [principal.user.email, principal.user.name]);
    if (weakness) {
      throw ruleViolated(`The new password is too weak: ${weakness}`, [
        { path: 'newPassword', message: weakness },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    const signedOutSessions = await store.systemTransaction((scope) =>
      replacePassword(scope, { userId: principal.user.id, passwordHash, keptSessionId: principal.sessionId }),
    );
    accessChanges.announce({ userId: principal.user.id });
    const message =
      signedOutSessions === 0
        ? 'Your password is changed. You had no other sessions to sign out.'
        : `Your password is changed. We signed out your ${sessionsInWords(signedOutSessions)}; this one stays signed in.`;
    return c.json({ signedOutSessions, message }, 200);
  });

  app.openapi(listSessionsRoute, async (c) => {
    const principal = requireSession(c);
    const sessions = await c.get('services').store.asUser(principal.user.id, listOwnSessions);
    return c.json(
      { items: sessions.map((session) => sessionView(session, principal.sessionId)), nextCursor: null },
      200,
    );
  });

  app.openapi(revokeSessionRoute, async (c) => {
    const principal = requireSession(c);
    const { sessionId } = c.req.valid('param');
    const { store, accessChanges } = c.get('services');
    // A malformed id is "not found" too, never a database error: ids are UUIDs.
    const wellFormed = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sessionId);
    const deleted =
      wellFormed &&
      (await store.asUser(principal.user.id, async (scope) => {
        const found = await deleteOwnSession(scope, sessionId);
        if (found) await recordAccountEvent(scope, { action: 'session_revoked', details: { sessionId } });
        return found;
      }));
    if (!deleted) throw notFound('The session');
    accessChanges.announce({ userId: principal.user.id });
    if (sessionId === principal.sessionId) clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.openapi(revokeOthersRoute, async (c) => {
    const principal = requireSession(c);
    const { store, accessChanges } = c.get('services');
    const signedOutSessions = await store.asUser(principal.user.id, async (scope) => {
      const count = await deleteOwnSessionsExcept(scope, principal.sessionId);
      await recordAccountEvent(scope, {
        action: 'other_sessions_revoked',
        details: { signedOutSessions: count },
      });
      return count;
    });
    accessChanges.announce({ userId: principal.user.id });
    const message =
      signedOutSessions === 0
        ? 'You had no other sessions: you are signed in here only.'
        : `We signed out your ${sessionsInWords(signedOutSessions)}; this one stays signed in.`;
    return c.json({ signedOutSessions, message }, 200);
  });

  app.openapi(revokeAllRoute, async (c) => {
    const principal = requireSession(c);
    const { store, accessChanges } = c.get('services');
    const signedOutSessions = await store.asUser(principal.user.id, async (scope) => {
      const count = await deleteOwnSessionsExcept(scope, undefined);
      await recordAccountEvent(scope, {
        action: 'all_sessions_revoked',
        details: { signedOutSessions: count },
      });
      return count;
    });
    accessChanges.announce({ userId: principal.user.id });
    clearSessionCookie(c);
    return c.json(
      { signedOutSessions, message: 'You are signed out everywhere, here included. Sign in again to go on.' },
      200,
    );
  });

  app.openapi(accountEventsRoute, async (c) => {
    const principal = requireSession(c);
    const query = c.req.valid('query');
    const events = await c
      .get('services')
      .store.asUser(principal.user.id, (scope) =>
        listAccountEvents(scope, requestedPage(accountEventKeyset, query)),
      );
    const page = keysetPageOf(accountEventKeyset, events, query.limit);
    return c.json(
      {
        items: page.items.map((event) => ({ ...event, createdAt: iso(event.createdAt) })),
        nextCursor: page.nextCursor,
      },
      200,
    );
  });
}
