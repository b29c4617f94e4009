// OAuth 2 connected accounts: an admin asks for the address to authorize at, the provider sends
// the user back to the callback. The callback is opened by a browser coming from the provider,
// without Orca's credentials: the state it carries is what identifies (unguessably) the
// connection, and it answers with a page for a person, not JSON.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { outboundPolicy } from '../../network/outbound-policy.ts';
import { connectionPagePath } from '../../vault/missing-secret.ts';
import {
  callbackPath,
  completeAuthorization,
  OAuthCallbackError,
  redirectUriOf,
  startAuthorization,
} from '../../vault/oauth-authorization.ts';
import type { ApiEnv } from '../context.ts';
import { oauthCallbackPage } from '../oauth-callback-page.ts';
import { commonErrors, idParameter, jsonResponse, publicRoute, securedBy, timestamp } from '../schemas.ts';
import { callbackPageContentSecurityPolicy } from '../security-headers.ts';
import { requireAction } from '../workspace-access.ts';

const authorizationSchema = z
  .object({
    authorizationUrl: z.string().describe('Open this address in a browser and sign in at the provider.'),
    expiresAt: timestamp.describe('The address works once, until then.'),
    redirectUri: z.string().describe('The callback address, to register with the provider.'),
  })
  .openapi('OAuthAuthorization');

const providerText = z.string().max(4000).optional();
const htmlPage = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() } },
});

const routes = {
  authorize: createRoute({
    method: 'post',
    operationId: 'authorizeConnection',
    path: '/api/workspaces/{ws}/connections/{connectionId}/authorize',
    tags: ['connections'],
    summary: 'Authorize an oauth2 account (admin): the provider address to open, with PKCE and a state',
    security: securedBy,
    request: { params: z.object({ ws: idParameter('ws'), connectionId: idParameter('connectionId') }) },
    responses: { 200: jsonResponse(authorizationSchema, 'Where to authorize.'), ...commonErrors },
  }),
  callback: createRoute({
    method: 'get',
    operationId: 'completeOAuthAuthorization',
    security: publicRoute,
    path: callbackPath,
    tags: ['connections'],
    summary: 'Where the OAuth provider sends the user back: exchanges the code and shows a page',
    request: {
      // Loose: providers add parameters of their own (scope, session_state), which must not refuse the sign-in.
      query: z.looseObject({
        code: providerText,
        state: providerText,
        error: providerText,
        error_description: providerText,
        iss: providerText,
      }),
    },
    responses: {
      200: htmlPage('The account is connected.'),
      400: htmlPage('Not connected: the state is unknown, used or expired, or the provider refused.'),
      502: htmlPage('Not connected: the provider could not be reached or answered wrongly.'),
    },
  }),
};

export function registerOAuthRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.authorize, async (c) => {
    const access = requireAction(c, 'connections.manage');
    const { store, vault, config } = c.get('services');
    const started = await startAuthorization(
      { store, vault, network: outboundPolicy(config.allowNetwork) },
      {
        workspaceId: access.workspace.id,
        connectionId: c.req.valid('param').connectionId,
        actor: access.actor,
        redirectUri: redirectUriOf(config),
      },
    );
    return c.json(
      {
        authorizationUrl: started.authorizationUrl,
        expiresAt: started.expiresAt.toISOString(),
        redirectUri: redirectUriOf(config),
      },
      200,
    );
  });

  app.openapi(routes.callback, async (c) => {
    const { store, vault, config, logger } = c.get('services');
    // The address holds the code: keep it out of caches and of the next page's Referer.
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    // The whole query as the provider sent it (oauth4webapi checks its parameters itself).
    const parameters = new URL(c.req.url).searchParams;
    try {
      const { connection } = await completeAuthorization(
        { store, vault, network: outboundPolicy(config.allowNetwork) },
        parameters,
        redirectUriOf(config),
      );
      logger.info('oauth connection authorized', {
        connectionId: connection.id,
        service: connection.service,
      });
      return c.html(
        oauthCallbackPage({
          connected: true,
          title: 'Account connected',
          message: `Orca is connected to your ${connection.service} account. You can close this window.`,
          back: { href: connectionPagePath(connection), text: 'Back to the account in Orca' },
        }),
        200,
        { 'Content-Security-Policy': callbackPageContentSecurityPolicy },
      );
    } catch (error) {
      if (!(error instanceof OAuthCallbackError)) throw error;
      return c.html(
        oauthCallbackPage({ connected: false, title: 'Account not connected', message: error.message }),
        error.status,
        { 'Content-Security-Policy': callbackPageContentSecurityPolicy },
      );
    }
  });
}
