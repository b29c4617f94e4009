// The secret notify.webhook signs with, for the admins who set up receivers. Receivers check
// `Orca-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with it.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { recordAudit } from '../../store/audit-repository.ts';
import { webhookSigningSecretSince } from '../../store/webhook-signing-repository.ts';
import { rotateWebhookSigningSecret, webhookSigningSecret } from '../../vault/webhook-signing-secret.ts';
import type { ApiEnv } from '../context.ts';
import { commonErrors, idParameter, jsonResponse, securedBy, timestamp } from '../schemas.ts';
import { isoOrNull } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

const secretSchema = z
  .object({
    secret: z.string(),
    header: z.literal('Orca-Signature'),
    scheme: z.string(),
  })
  .openapi('WebhookSigningSecret');

const statusSchema = z
  .object({
    set: z.boolean().describe('Whether the workspace has a secret yet (one is made on first use).'),
    since: timestamp.nullable().describe('When the current secret was made or last rotated.'),
    header: z.literal('Orca-Signature'),
    scheme: z.string(),
  })
  .openapi('WebhookSigningSecretStatus');

const scheme = 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the secret>';
const params = z.object({ ws: idParameter('ws') });

const routes = {
  read: createRoute({
    method: 'get',
    operationId: 'getWebhookSigningSecret',
    path: '/api/workspaces/{ws}/webhook-signing-secret',
    tags: ['workspaces'],
    summary: 'The secret outgoing webhooks are signed with (admin)',
    security: securedBy,
    request: { params },
    responses: {
      200: jsonResponse(secretSchema, 'The secret and how signatures are made.'),
      ...commonErrors,
    },
  }),
  status: createRoute({
    method: 'get',
    operationId: 'getWebhookSigningSecretStatus',
    path: '/api/workspaces/{ws}/webhook-signing-secret/status',
    tags: ['workspaces'],
    summary: 'Whether there is a webhook signing secret and since when, without its value (admin)',
    security: securedBy,
    request: { params },
    responses: { 200: jsonResponse(statusSchema, "The secret's status."), ...commonErrors },
  }),
  rotate: createRoute({
    method: 'post',
    operationId: 'rotateWebhookSigningSecret',
    path: '/api/workspaces/{ws}/webhook-signing-secret/rotate',
    tags: ['workspaces'],
    summary: 'Replace the webhook signing secret (admin); receivers must take the new one',
    security: securedBy,
    request: { params },
    responses: { 200: jsonResponse(secretSchema, 'The new secret.'), ...commonErrors },
  }),
};

export function registerWebhookSecretRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'webhooks.secret');
    const { store, vault } = c.get('services');
    const secret = await store.inWorkspace(access.workspace.id, (scope) =>
      webhookSigningSecret(vault, scope),
    );
    return c.json({ secret, header: 'Orca-Signature' as const, scheme }, 200);
  });

  // For pages that show the secret's state: reading it makes none and shows no value.
  app.openapi(routes.status, async (c) => {
    const access = requireAction(c, 'webhooks.secret');
    const since = await c.get('services').store.inWorkspace(access.workspace.id, webhookSigningSecretSince);
    return c.json(
      {
        set: since !== undefined,
        since: isoOrNull(since ?? null),
        header: 'Orca-Signature' as const,
        scheme,
      },
      200,
    );
  });

  app.openapi(routes.rotate, async (c) => {
    const access = requireAction(c, 'webhooks.secret');
    const { store, vault } = c.get('services');
    const secret = await store.inWorkspace(access.workspace.id, async (scope) => {
      const rotated = await rotateWebhookSigningSecret(vault, scope);
      await recordAudit(scope, access.actor, { action: 'webhook_secret.rotated', targetType: 'workspace' });
      return rotated;
    });
    return c.json({ secret, header: 'Orca-Signature' as const, scheme }, 200);
  });
}
