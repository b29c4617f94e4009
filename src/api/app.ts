// The HTTP application: middleware, routes, the OpenAPI document and the web app.
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { OrcaError } from '../domain/errors.ts';
import { authenticate, refuseCrossSiteCookieRequests } from './authentication.ts';
import { compressResponses } from './compression.ts';
import type { ApiEnv, ApiServices } from './context.ts';
import { toErrorResponse, validationError } from './error-response.ts';
import { registerAccountSecurityRoutes } from './routes/account-security-routes.ts';
import { registerAgentRoutes } from './routes/agent-routes.ts';
import { registerAuditRoutes } from './routes/audit-routes.ts';
import { registerAuthenticationRoutes } from './routes/authentication-routes.ts';
import { registerChainRoutes } from './routes/chain-routes.ts';
import { registerConnectionRoutes } from './routes/connection-routes.ts';
import { registerContextRoutes } from './routes/context-routes.ts';
import { registerDeliverableRoutes } from './routes/deliverable-routes.ts';
import { registerHookActivityRoutes } from './routes/hook-activity-routes.ts';
import { registerHookCallRoutes } from './routes/hook-call-routes.ts';
import { registerHookRoutes } from './routes/hook-routes.ts';
import { registerInvitationRoutes } from './routes/invitation-routes.ts';
import { registerMeRoutes } from './routes/me-routes.ts';
import { registerMemberRoutes } from './routes/member-routes.ts';
import { registerOAuthRoutes } from './routes/oauth-routes.ts';
import { registerOneOffRunRoutes } from './routes/one-off-run-routes.ts';
import { registerOrchestratorRoutes } from './routes/orchestrator-routes.ts';
import { registerPipelineRoutes } from './routes/pipeline-routes.ts';
import { registerRunRoutes } from './routes/run-routes.ts';
import { registerSchedulePreviewRoutes } from './routes/schedule-preview-routes.ts';
import { registerScheduleRoutes } from './routes/schedule-routes.ts';
import { registerTokenRoutes } from './routes/token-routes.ts';
import { registerWebhookSecretRoutes } from './routes/webhook-secret-routes.ts';
import { registerWorkspaceRoutes } from './routes/workspace-routes.ts';
import { securityHeaders } from './security-headers.ts';
import { serveWebApp } from './static-files.ts';
import { resolveWorkspace } from './workspace-access.ts';

const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

const validationTargets: Record<string, string> = {
  json: 'request body',
  query: 'query string',
  param: 'path',
  header: 'headers',
  cookie: 'cookies',
};

/** The OpenAPI document's header; the paths come from the routes' own validating schemas. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Orca API',
    version: '0.1.0',
    description:
      'Workspaces, members, tokens and everything in them. Errors: { error: { code, message, details? } }.',
  },
};

export function createApp(services: ApiServices, options: { webRoot?: string } = {}) {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw validationError(result.error, validationTargets[result.target] ?? result.target);
    },
  });

  app.onError((error, c) => {
    const response = toErrorResponse(error, (message, cause) => services.logger.error(message, cause));
    return c.json(response.body, response.status, response.headers);
  });

  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use('*', securityHeaders());
  // Outside every route and the web app's files, so that all their text answers pass through it.
  app.use('*', compressResponses());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: services.config.bodyLimitBytes,
      onError: () => {
        throw new OrcaError(
          'payload_too_large',
          `The request body is larger than ${services.config.bodyLimitBytes} bytes. Send a smaller body.`,
        );
      },
    }),
  );
  // Before authentication: a hook's address is its credential (see hook-call-routes.ts).
  registerHookCallRoutes(app);
  app.use('/api/*', refuseCrossSiteCookieRequests);
  app.use('/api/*', authenticate);
  app.use('/api/workspaces/:ws', resolveWorkspace);
  app.use('/api/workspaces/:ws/*', resolveWorkspace);

  app.get('/api/health', (c) => c.json({ status: 'ok', database: services.store.database.kind }));
  registerAuthenticationRoutes(app);
  registerMeRoutes(app);
  registerAccountSecurityRoutes(app);
  registerWorkspaceRoutes(app);
  registerMemberRoutes(app);
  registerInvitationRoutes(app);
  registerTokenRoutes(app);
  registerAuditRoutes(app);
  registerAgentRoutes(app);
  registerRunRoutes(app);
  registerHookRoutes(app);
  registerScheduleRoutes(app);
  registerOneOffRunRoutes(app);
  registerSchedulePreviewRoutes(app);
  registerHookActivityRoutes(app);
  registerChainRoutes(app);
  registerPipelineRoutes(app);
  registerContextRoutes(app);
  registerDeliverableRoutes(app);
  registerWebhookSecretRoutes(app);
  registerOrchestratorRoutes(app);
  registerConnectionRoutes(app);
  registerOAuthRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A session token (from sign-up or sign-in) or a workspace API token.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'orca_session',
  });
  app.doc31('/api/openapi.json', openApiDocument);

  app.all('/api/*', (c) => {
    throw new OrcaError(
      'not_found',
      `There is no API route ${c.req.method} ${c.req.path}. See /api/openapi.json.`,
    );
  });
  app.use('*', serveWebApp(options.webRoot ?? defaultWebRoot));
  return app;
}

export type OrcaApp = ReturnType<typeof createApp>;
