// The HTTP application: middleware, routes, the OpenAPI document and the web app.
import { fileURLToPath } from 'node:url';
import { OpenAPIHono } from '@hono/zod-openapi';
import { OrcaError } from '../domain/errors.ts';
import { metricsAccess } from '../operations/metrics-access.ts';
import { metricsRequestOf, metricsResponse, readinessResponse } from '../operations/operations-responses.ts';
import { accessLog } from './access-log.ts';
import { authenticate, refuseCrossSiteCookieRequests } from './authentication.ts';
import { limitRequestBody } from './body-limit.ts';
import { compressResponses } from './compression.ts';
import type { ApiEnv, ApiServices } from './context.ts';
import { toErrorResponse, validationError } from './error-response.ts';
import { honourIdempotencyKey, idempotentRoutes } from './idempotency.ts';
import { openApiDocumentOf } from './openapi-document.ts';
import { requestContext } from './request-context.ts';
import { requestMetrics } from './request-metrics.ts';
import { methodNotAllowed, refuseUnknownQueryParameters } from './route-table.ts';
import { registerAccountSecurityRoutes } from './routes/account-security-routes.ts';
import { registerAgentRoutes } from './routes/agent-routes.ts';
import { registerAuditRoutes } from './routes/audit-routes.ts';
import { registerAuthenticationRoutes } from './routes/authentication-routes.ts';
import { registerBudgetRoutes } from './routes/budget-routes.ts';
import { registerChainRoutes } from './routes/chain-routes.ts';
import { registerConnectionRoutes } from './routes/connection-routes.ts';
import { registerContextRoutes } from './routes/context-routes.ts';
import { registerCreditRoutes } from './routes/credit-routes.ts';
import { registerDeliverableExportRoutes } from './routes/deliverable-export-routes.ts';
import { registerDeliverableRoutes } from './routes/deliverable-routes.ts';
import { registerExportProfileRoutes } from './routes/export-profile-routes.ts';
import { registerHealthRoutes } from './routes/health-routes.ts';
import { registerHookActivityRoutes } from './routes/hook-activity-routes.ts';
import { registerHookCallRoutes } from './routes/hook-call-routes.ts';
import { registerHookRoutes } from './routes/hook-routes.ts';
import { registerInvitationRoutes } from './routes/invitation-routes.ts';
import { registerLearnedMemoryRoutes } from './routes/learned-memory-routes.ts';
import { registerMeRoutes } from './routes/me-routes.ts';
import { registerMemberRoutes } from './routes/member-routes.ts';
import { registerOAuthRoutes } from './routes/oauth-routes.ts';
import { registerOneOffRunRoutes } from './routes/one-off-run-routes.ts';
import { registerOrchestratorRoutes } from './routes/orchestrator-routes.ts';
import { registerPipelineRoutes } from './routes/pipeline-routes.ts';
import { registerPromoteRoutes } from './routes/promote-routes.ts';
import { registerRunRoutes } from './routes/run-routes.ts';
import { registerSchedulePreviewRoutes } from './routes/schedule-preview-routes.ts';
import { registerScheduleRoutes } from './routes/schedule-routes.ts';
import { registerStyleRoutes } from './routes/style-routes.ts';
import { registerTokenRoutes } from './routes/token-routes.ts';
import { registerUsageRoutes } from './routes/usage-routes.ts';
import { registerWebhookSecretRoutes } from './routes/webhook-secret-routes.ts';
import { registerWorkroomDeletionRoutes } from './routes/workroom-deletion-routes.ts';
import { registerWorkroomRoutes } from './routes/workroom-routes.ts';
import { bundleImportPath, registerWorkspaceBundleRoutes } from './routes/workspace-bundle-routes.ts';
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

export function createApp(services: ApiServices, options: { webRoot?: string } = {}) {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw validationError(result.error, validationTargets[result.target] ?? result.target);
    },
  });

  app.onError((error, c) => {
    // The request's logger and id, set first thing by requestContext.
    const { logger } = c.get('services') ?? services;
    const log = (message: string, cause: unknown) => logger.error(message, cause);
    const response = toErrorResponse(error, log, c.get('requestId'));
    return c.json(response.body, response.status, response.headers);
  });

  app.use('*', requestContext(services));
  app.use('*', accessLog);
  app.use('*', requestMetrics());
  app.use('*', securityHeaders());
  // Outside every route and the web app's files, so that all their text answers pass through it.
  app.use('*', compressResponses());
  const requestBodyLimit = limitRequestBody(
    () => services.config.bodyLimitBytes,
    (limit) =>
      new OrcaError(
        'payload_too_large',
        `The request body is larger than ${limit} bytes. Send a smaller body.`,
      ),
  );
  // A workspace bundle's import has a larger limit of its own (workspace-bundle-routes.ts).
  app.use('/api/*', (c, next) => (bundleImportPath.test(c.req.path) ? next() : requestBodyLimit(c, next)));
  // Before authentication: a hook's address is its credential (see hook-call-routes.ts).
  registerHookCallRoutes(app);
  app.use('/api/*', refuseCrossSiteCookieRequests);
  app.use('/api/*', authenticate);
  app.use('/api/workspaces/:ws', resolveWorkspace);
  app.use('/api/workspaces/:ws/*', resolveWorkspace);
  app.use('/api/*', refuseUnknownQueryParameters(app));
  for (const path of idempotentRoutes) app.use(path, honourIdempotencyKey);

  registerHealthRoutes(app);
  // Who may read operational detail: /metrics, and /api/ready's messages (operations/metrics-access.ts).
  const access = metricsAccess(services.config);
  app.get('/api/ready', (c) =>
    readinessResponse(
      services.readiness,
      access,
      metricsRequestOf((name) => c.req.header(name)),
    ),
  );
  // Outside /api: Prometheus's own path.
  app.get('/metrics', (c) =>
    metricsResponse(
      services.metrics,
      access,
      metricsRequestOf((name) => c.req.header(name)),
    ),
  );
  registerAuthenticationRoutes(app);
  registerMeRoutes(app);
  registerLearnedMemoryRoutes(app);
  registerAccountSecurityRoutes(app);
  registerWorkspaceRoutes(app);
  registerMemberRoutes(app);
  registerInvitationRoutes(app);
  registerTokenRoutes(app);
  registerAuditRoutes(app);
  registerAgentRoutes(app);
  registerPromoteRoutes(app);
  registerRunRoutes(app);
  registerCreditRoutes(app);
  registerBudgetRoutes(app);
  registerUsageRoutes(app);
  registerHookRoutes(app);
  registerScheduleRoutes(app);
  registerOneOffRunRoutes(app);
  registerSchedulePreviewRoutes(app);
  registerHookActivityRoutes(app);
  registerChainRoutes(app);
  registerPipelineRoutes(app);
  registerContextRoutes(app);
  registerDeliverableRoutes(app);
  registerDeliverableExportRoutes(app);
  registerExportProfileRoutes(app);
  registerWebhookSecretRoutes(app);
  registerOrchestratorRoutes(app);
  registerConnectionRoutes(app);
  registerOAuthRoutes(app);
  registerWorkroomRoutes(app);
  registerWorkroomDeletionRoutes(app);
  registerWorkspaceBundleRoutes(app);
  registerStyleRoutes(app);

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
  app.get('/api/openapi.json', (c) =>
    c.json(openApiDocumentOf(app, services.config.publicUrl ?? new URL(c.req.url).origin)),
  );

  app.all('/api/*', (c) => {
    const refusal = methodNotAllowed(app, c.req.method, c.req.path);
    if (refusal) throw refusal;
    throw new OrcaError(
      'not_found',
      `There is no API route ${c.req.method} ${c.req.path}. See /api/openapi.json.`,
    );
  });
  app.use('*', serveWebApp(options.webRoot ?? defaultWebRoot));
  return app;
}

export type OrcaApp = ReturnType<typeof createApp>;
