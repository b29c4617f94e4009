// Sign up, sign in, sign out.

import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { conflict, OrcaError, ruleViolated } from '../../domain/errors.ts';
import { decoyPasswordHash, hashPassword, passwordWeakness, verifyPassword } from '../../domain/password.ts';
import { hashSecret, newSecret } from '../../domain/secret-token.ts';
import {
  deleteSession,
  findUserWithPasswordByEmail,
  insertSession,
  insertUser,
  markLoginAttemptSucceeded,
  pruneLoginAttempts,
  reserveLoginAttempt,
} from '../../store/account-repository.ts';
import { isUniqueViolation } from '../../store/store.ts';
import { clearSessionCookie, setSessionCookie } from '../authentication.ts';
import type { ApiContext, ApiEnv } from '../context.ts';
import {
  commonErrors,
  displayName,
  emailSchema,
  jsonBody,
  jsonResponse,
  passwordSchema,
  userSchema,
} from '../schemas.ts';
import { userView } from '../serialize.ts';

/**
 * Failed sign-ins allowed within the window: per e-mail from one network address (guessing),
 * per address (spraying many accounts), and per e-mail from anywhere (a distributed attack). The
 * per-e-mail limit is high so that a stranger cannot lock a user out with a few bad attempts.
 */
export const signInLimits = { perEmailAndAddress: 5, perAddress: 30, perEmail: 50, windowMinutes: 15 };

const sessionResponse = z.object({ user: userSchema, token: z.string() }).openapi('Session');

const signupRoute = createRoute({
  method: 'post',
  path: '/api/auth/signup',
  tags: ['accounts'],
  summary: 'Create an account and sign in',
  request: {
    body: jsonBody(
      z.strictObject({ email: emailSchema, password: passwordSchema, name: displayName('name', 100) }),
    ),
  },
  responses: {
    201: jsonResponse(sessionResponse, 'The account, and a session token (also set as an HTTP-only cookie).'),
    400: commonErrors[400],
    409: jsonResponse(
      commonErrors[400].content['application/json'].schema,
      'The e-mail address has an account.',
    ),
    422: commonErrors[422],
  },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['accounts'],
  summary: 'Sign in',
  request: { body: jsonBody(z.strictObject({ email: emailSchema, password: passwordSchema })) },
  responses: {
    200: jsonResponse(sessionResponse, 'Signed in; the session cookie is set too.'),
    400: commonErrors[400],
    401: commonErrors[401],
    429: jsonResponse(commonErrors[400].content['application/json'].schema, 'Too many failed attempts.'),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['accounts'],
  summary: 'Sign out (ends this session)',
  responses: { 204: { description: 'Signed out.' } },
});

function clientAddress(c: ApiContext): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests calling app.request) have no socket.
    return 'unknown';
  }
}

async function startSession(c: ApiContext, userId: string) {
  const { store, config } = c.get('services');
  const token = newSecret('session');
  const expiresAt = new Date(Date.now() + config.sessionDays * 24 * 60 * 60 * 1000);
  await store.system((scope) => insertSession(scope, { userId, tokenHash: hashSecret(token), expiresAt }));
  setSessionCookie(c, token, expiresAt);
  return token;
}

export function registerAuthenticationRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(signupRoute, async (c) => {
    const { email, password, name } = c.req.valid('json');
    const weakness = passwordWeakness(password, email);
    if (weakness)
      throw ruleViolated(`The password is too weak: ${weakness}`, [{ path: 'password', message: weakness }]);
    const { store } = c.get('services');
    const passwordHash = await hashPassword(password);
    const user = await store
      .system((scope) => insertUser(scope, { email, name, passwordHash }))
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw conflict('An account with this e-mail address exists already. Sign in instead.');
        throw error;
      });
    const token = await startSession(c, user.id);
    return c.json({ user: userView(user), token }, 201);
  });

  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const { store } = c.get('services');
    const address = clientAddress(c);
    const since = new Date(Date.now() - signInLimits.windowMinutes * 60 * 1000);
    const reservation = await store.systemTransaction((scope) =>
      reserveLoginAttempt(scope, { email, address, since, limits: signInLimits }),
    );
    if (!reservation.allowed) {
      throw new OrcaError(
        'rate_limited',
        `Too many failed sign-in attempts. Wait ${signInLimits.windowMinutes} minutes, then try again.`,
        { retryAfterSeconds: signInLimits.windowMinutes * 60 },
      );
    }
    const user = await store.system((scope) => findUserWithPasswordByEmail(scope, email));
    // Compare against a decoy when there is no such account, so the timing does not tell.
    const matches = await verifyPassword(password, user?.passwordHash ?? decoyPasswordHash);
    const succeeded = matches && user !== undefined;
    await store.system(async (scope) => {
      if (succeeded) await markLoginAttemptSucceeded(scope, reservation.attemptId);
      // Now and then, forget attempts older than a day, so the table stays small without a job.
      if (Math.random() < 0.01) await pruneLoginAttempts(scope, new Date(Date.now() - 24 * 60 * 60 * 1000));
    });
    if (!succeeded || !user) {
      throw new OrcaError(
        'unauthenticated',
        'The e-mail address or the password is wrong. Check both and try again.',
      );
    }
    const token = await startSession(c, user.id);
    return c.json({ user: userView(user), token }, 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const principal = c.get('principal');
    if (principal?.kind === 'session') {
      await c.get('services').store.system((scope) => deleteSession(scope, principal.sessionTokenHash));
      c.get('services').accessChanges.announce({ userId: principal.user.id });
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });
}
