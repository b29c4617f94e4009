// API tokens: scoped to one workspace and one role, shown once, stored hashed, revocable.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { forbidden, notFound } from '../../domain/errors.ts';
import { roleAtLeast } from '../../domain/roles.ts';
import { hashSecret, newSecret, secretDisplayPrefix } from '../../domain/secret-token.ts';
import {
  type ApiTokenRecord,
  apiTokenKeyset,
  insertApiToken,
  listLiveApiTokens,
  revokeApiToken,
} from '../../store/api-token-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import type { ApiEnv } from '../context.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import { locateInWorkspace } from '../location.ts';
import {
  commonErrors,
  displayName,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  roleSchema,
  securedBy,
  timestamp,
} from '../schemas.ts';
import { iso, isoOrNull } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string().describe('The first characters of the token, to tell tokens apart.'),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    expiresAt: timestamp.nullable(),
    lastUsedAt: timestamp.nullable(),
  })
  .openapi('ApiToken');

const createdTokenSchema = tokenSchema
  .extend({ token: z.string().describe('The secret token. It is shown only now; store it safely.') })
  .openapi('CreatedApiToken');

const createTokenBody = z.strictObject({
  name: displayName('name', 80),
  role: roleSchema.default('builder'),
  expiresInDays: z
    .number('expiresInDays must be a number of days')
    .int('expiresInDays must be a whole number of days')
    .min(1, 'expiresInDays must be at least 1')
    .max(3650, 'expiresInDays must be at most 3650')
    .optional()
    .describe('Leave out for a token that does not expire.'),
});

function tokenView(token: ApiTokenRecord) {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    prefix: token.tokenPrefix,
    createdBy: token.createdBy,
    createdAt: iso(token.createdAt),
    expiresAt: isoOrNull(token.expiresAt),
    lastUsedAt: isoOrNull(token.lastUsedAt),
  };
}

const workspaceParameters = z.object({ ws: idParameter('ws') });

const listTokensRoute = createRoute({
  method: 'get',
  operationId: 'listTokens',
  path: '/api/workspaces/{ws}/tokens',
  tags: ['tokens'],
  summary: 'Live API tokens of the workspace (admin); secrets are never shown again',
  security: securedBy,
  request: { params: workspaceParameters, query: z.object(pageParameters()) },
  responses: { 200: jsonResponse(listOf(tokenSchema), 'A page of tokens, newest first.'), ...commonErrors },
});

const createTokenRoute = createRoute({
  method: 'post',
  operationId: 'createToken',
  path: '/api/workspaces/{ws}/tokens',
  tags: ['tokens'],
  summary: 'Create an API token for this workspace (admin; its role is at most yours)',
  security: securedBy,
  request: { params: workspaceParameters, body: jsonBody(createTokenBody) },
  responses: {
    201: jsonResponse(createdTokenSchema, 'The token, with its secret (shown once).'),
    ...commonErrors,
  },
});

const revokeTokenRoute = createRoute({
  method: 'delete',
  operationId: 'revokeToken',
  path: '/api/workspaces/{ws}/tokens/{tokenId}',
  tags: ['tokens'],
  summary: 'Revoke an API token (admin)',
  security: securedBy,
  request: { params: z.object({ ws: idParameter('ws'), tokenId: idParameter('tokenId') }) },
  responses: { 204: { description: 'Revoked; the token stops working at once.' }, ...commonErrors },
});

export function registerTokenRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listTokensRoute, async (c) => {
    const access = requireAction(c, 'tokens.read');
    const query = c.req.valid('query');
    const rows = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) =>
        listLiveApiTokens(scope, requestedPage(apiTokenKeyset, query)),
      );
    const page = keysetPageOf(apiTokenKeyset, rows, query.limit);
    return c.json({ items: page.items.map(tokenView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(createTokenRoute, async (c) => {
    const access = requireAction(c, 'tokens.manage');
    const body = c.req.valid('json');
    if (!roleAtLeast(access.role, body.role)) {
      throw forbidden(
        `A token cannot have more rights than you: your role is ${access.role}, the token asks for ${body.role}.`,
      );
    }
    const secret = newSecret('apiToken');
    const expiresAt = body.expiresInDays
      ? new Date(Date.now() + body.expiresInDays * 24 * 60 * 60 * 1000)
      : null;
    const token = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const created = await insertApiToken(scope, {
        name: body.name,
        role: body.role,
        tokenHash: hashSecret(secret),
        tokenPrefix: secretDisplayPrefix(secret),
        createdBy: access.actor.userId,
        expiresAt,
      });
      await recordAudit(scope, access.actor, {
        action: 'token.created',
        targetType: 'token',
        targetId: created.id,
        details: { name: body.name, role: body.role, expiresAt: isoOrNull(expiresAt) },
      });
      return created;
    });
    locateInWorkspace(c, 'tokens', token.id);
    return c.json({ ...tokenView(token), token: secret }, 201);
  });

  app.openapi(revokeTokenRoute, async (c) => {
    const access = requireAction(c, 'tokens.manage');
    const { tokenId } = c.req.valid('param');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const revoked = await revokeApiToken(scope, tokenId);
      if (!revoked) throw notFound('This API token');
      await recordAudit(scope, access.actor, {
        action: 'token.revoked',
        targetType: 'token',
        targetId: revoked.id,
        details: { name: revoked.name },
      });
    });
    c.get('services').accessChanges.announce({ workspaceId: access.workspace.id });
    return c.body(null, 204);
  });
}
