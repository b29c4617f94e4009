// Sign up, sign in, sign out.

import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { publicUrlOf } from '../../config.ts';
import { OrcaError, ruleViolated } from '../../domain/errors.ts';
import { decoyPasswordHash, hashPassword, passwordWeakness, verifyPassword } from '../../domain/password.ts';
import { hashSecret, newSecret } from '../../domain/secret-token.ts';
import { recordLearning } from '../../orchestrator/learning/learning-recorder.ts';
import { localeObservations } from '../../orchestrator/learning/observations.ts';
import { recordAccountEvent } from '../../store/account-event-repository.ts';
import {
  deleteSession,
  findUserWithPasswordByEmail,
  insertSession,
  insertUser,
} from '../../store/account-repository.ts';
import {
  markSignInAttemptSucceeded,
  pruneThrottleRecords,
  rememberSignInAddress,
  reserveSignInAttempt,
  reserveSignUpAttempt,
} from '../../store/sign-in-throttle-repository.ts';
import { isUniqueViolation } from '../../store/store.ts';
import { clearSessionCookie, setSessionCookie } from '../authentication.ts';
import { clientNetwork } from '../client-address.ts';
import type { ApiContext, ApiEnv } from '../context.ts';
import {
  commonErrors,
  displayName,
  emailSchema,
  jsonBody,
  jsonResponse,
  passwordSchema,
  publicRoute,
  rateLimitedResponse,
  securedBy,
  userSchema,
} from '../schemas.ts';
import { userView } from '../serialize.ts';

/** Where a new account is read (the Location of a sign-up): the caller's own account. */
const accountPath = '/api/me';

const sessionResponse = z.object({ user: userSchema, token: z.string() }).openapi('Session');

const signupRoute = createRoute({
  method: 'post',
  operationId: 'signUp',
  security: publicRoute,
  path: '/api/auth/signup',
  tags: ['accounts'],
  summary: 'Create an account and sign in',
  request: {
    body: jsonBody(
      z.strictObject({ email: emailSchema, password: passwordSchema, name: displayName('name', 100) }),
    ),
  },
  responses: {
    201: jsonResponse(
      sessionResponse,
      'The account, and a session token (also set as an HTTP-only cookie). An address that has an account already gets the same answer, so that sign-up does not tell who has one; its token signs nobody in, and the owner is e-mailed (when e-mail is configured).',
    ),
    400: commonErrors[400],
    422: commonErrors[422],
    429: rateLimitedResponse('Too many sign-ups from this address; Retry-After says when to try again.'),
  },
});

const loginRoute = createRoute({
  method: 'post',
  operationId: 'signIn',
  security: publicRoute,
  path: '/api/auth/login',
  tags: ['accounts'],
  summary: 'Sign in',
  request: { body: jsonBody(z.strictObject({ email: emailSchema, password: passwordSchema })) },
  responses: {
    200: jsonResponse(sessionResponse, 'Signed in; the session cookie is set too.'),
    400: commonErrors[400],
    401: commonErrors[401],
    429: rateLimitedResponse(
      'Too many failed attempts lately; Retry-After says when the next one is allowed.',
    ),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  operationId: 'signOut',
  path: '/api/auth/logout',
  tags: ['accounts'],
  summary: 'Sign out (ends this session)',
  // With a session it ends it; without one it still clears the cookie.
  security: [...securedBy, {}],
  responses: {
    204: { description: 'Signed out.' },
    401: commonErrors[401],
  },
});

/** "42 seconds" or "15 minutes": how long to wait, in words a person reads. */
export function waitInWords(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Now and then, forget old attempts, so the tables stay small without a job. */
async function pruneNowAndThen(c: ApiContext) {
  if (Math.random() < 0.01) await c.get('services').store.system(pruneThrottleRecords);
}

/**
 * Tells the owner of an address that someone tried to sign up with it. Not awaited by the caller:
 * the time an SMTP server takes must not tell the caller that the address has an account.
 */
function warnOwnerOfSignUpAttempt(c: ApiContext, email: string) {
  const { mailer, config, logger } = c.get('services');
  if (!mailer.configured) return;
  const url = publicUrlOf(config);
  mailer
    .send({
      to: email,
      subject: 'Someone tried to sign up to Orca with your address',
      text: [
        `Someone (perhaps you) tried to create an Orca account at ${url} with this e-mail address.`,
        'It has an account already, so nothing was created and nobody was signed in.',
        `If it was you, sign in instead: ${url}`,
        'If it was not you, you can ignore this message; your account is unchanged.',
      ].join('\n\n'),
    })
    .catch((error: unknown) => logger.error('could not send the sign-up warning e-mail', error));
}

async function startSession(c: ApiContext, userId: string) {
  const { store, config } = c.get('services');
  const token = newSecret('session');
  const expiresAt = new Date(Date.now() + config.sessionDays * 24 * 60 * 60 * 1000);
  // Kept so that the person can tell their sessions apart on their account page.
  const userAgent = c.req.header('user-agent')?.slice(0, 500) ?? null;
  await store.system((scope) =>
    insertSession(scope, { userId, tokenHash: hashSecret(token), expiresAt, userAgent }),
  );
  setSessionCookie(c, token, expiresAt);
  // The browser's language is learned for the person's locale, used only while they set none.
  await recordLearning(
    store,
    userId,
    localeObservations(c.req.header('accept-language')?.slice(0, 500), 'sign_in'),
    c.get('services').logger,
  );
  return token;
}

export function registerAuthenticationRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(signupRoute, async (c) => {
    const { email, password, name } = c.req.valid('json');
    const { store, config } = c.get('services');
    const address = clientNetwork(c);
    const reservation = await store.systemTransaction((scope) =>
      reserveSignUpAttempt(scope, { address, limit: config.signUpsPerAddressPerHour, windowMinutes: 60 }),
    );
    await pruneNowAndThen(c);
    if (!reservation.allowed) {
      throw new OrcaError(
        'rate_limited',
        `Too many sign-ups from your network address. Wait ${waitInWords(reservation.retryAfterSeconds)}, then try again.`,
        { retryAfterSeconds: reservation.retryAfterSeconds },
      );
    }
    const weakness = passwordWeakness(password, [email, name]);
    if (weakness)
      throw ruleViolated(`The password is too weak: ${weakness}`, [{ path: 'password', message: weakness }]);
    const passwordHash = await hashPassword(password);
    const user = await store
      .system((scope) => insertUser(scope, { email, name, passwordHash }))
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) return undefined;
        throw error;
      });
    if (!user) {
      // The address has an account. Answer as for a new one (same status, same shape, a cookie),
      // but with a token that was never stored: it signs nobody in. See decision 0011.
      warnOwnerOfSignUpAttempt(c, email);
      const token = newSecret('session');
      const expiresAt = new Date(Date.now() + config.sessionDays * 24 * 60 * 60 * 1000);
      setSessionCookie(c, token, expiresAt);
      const decoy = { id: randomUUID(), email, name, createdAt: new Date() };
      c.header('Location', accountPath);
      return c.json({ user: userView(decoy), token }, 201);
    }
    await store.system((scope) => rememberSignInAddress(scope, user.id, address));
    const token = await startSession(c, user.id);
    c.header('Location', accountPath);
    return c.json({ user: userView(user), token }, 201);
  });

  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const { store } = c.get('services');
    const address = clientNetwork(c);
    const reservation = await store.systemTransaction((scope) =>
      reserveSignInAttempt(scope, { email, address }),
    );
    await pruneNowAndThen(c);
    if (!reservation.allowed) {
      throw new OrcaError(
        'rate_limited',
        `Too many failed sign-in attempts for this account or from your network address. Wait ${waitInWords(reservation.retryAfterSeconds)}, then try again.`,
        { retryAfterSeconds: reservation.retryAfterSeconds },
      );
    }
    const user = await store.system((scope) => findUserWithPasswordByEmail(scope, email));
    // Compare against a decoy when there is no such account, so the timing does not tell.
    const matches = await verifyPassword(password, user?.passwordHash ?? decoyPasswordHash);
    if (!matches || !user) {
      throw new OrcaError(
        'unauthenticated',
        'The e-mail address or the password is wrong. Check both and try again.',
      );
    }
    await store.systemTransaction(async (scope) => {
      await markSignInAttemptSucceeded(scope, reservation.attemptId);
      await rememberSignInAddress(scope, user.id, address);
    });
    const token = await startSession(c, user.id);
    return c.json({ user: userView(user), token }, 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const principal = c.get('principal');
    if (principal?.kind === 'session') {
      await c.get('services').store.system((scope) => deleteSession(scope, principal.sessionTokenHash));
      await c
        .get('services')
        .store.asUser(principal.user.id, (scope) => recordAccountEvent(scope, { action: 'signed_out' }));
      c.get('services').accessChanges.announce({ userId: principal.user.id });
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });
}
