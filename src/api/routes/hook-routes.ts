// Inbound hooks of an agent: a secret address that starts a run, optionally signed, with a
// mapping from what the caller sends to the run's input. Builders make, change and delete them;
// viewers read them. The address and the signing secret are shown once, when made (or rotated):
// afterwards only the token's first characters are.
import { randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { publicUrlOf } from '../../config.ts';
import { notFound } from '../../domain/errors.ts';
import { hashSecret, secretDisplayPrefix } from '../../domain/secret-token.ts';
import { checkMapping } from '../../hooks/hook-mapping.ts';
import { newHookSigningSecret, newHookToken } from '../../hooks/hook-secrets.ts';
import { signatureScheme, signatureToleranceSeconds } from '../../hooks/hook-signature.ts';
import { sealSigningSecret } from '../../hooks/hook-signing-secret.ts';
import { findAgent } from '../../store/agent-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import {
  deleteHook,
  findHook,
  type HookRecord,
  type HookSecretChanges,
  hookKeyset,
  insertHook,
  listHooks,
  updateHook,
} from '../../store/hook-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import type { ApiEnv } from '../context.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import { locateInWorkspace } from '../location.ts';
import {
  commonErrors,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  securedBy,
  timestamp,
} from '../schemas.ts';
import { iso, isoOrNull } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlCharacters = /[\u0000-\u001f\u007f]/;

const hookName = z
  .string('name must be text')
  .trim()
  .max(80, 'name must be at most 80 characters')
  .refine((value) => !controlCharacters.test(value), 'name must not contain control characters');

const mapping = z
  .string('mapping must be a JSONata expression')
  .trim()
  .min(1, 'mapping must not be empty; leave it out to use the body as the input')
  // As long as a spec's expressions: JSONata parses some forms in time growing with the square
  // of their length, on the event loop when a hook is saved.
  .max(4000, 'mapping must be at most 4,000 characters')
  .describe(
    'JSONata over { body, headers, query } giving the run input, e.g. {"url": body.link}. Without one, the JSON body is the input.',
  );

const respond = z
  .enum(['accepted', 'result'], 'respond must be accepted or result')
  .describe(
    'accepted: answer 202 with the run id at once; result: wait for the run to end (up to waitTimeoutMs).',
  );

const waitTimeoutMs = z
  .number('waitTimeoutMs must be a number of milliseconds')
  .int('waitTimeoutMs must be a whole number of milliseconds')
  .min(100, 'waitTimeoutMs must be at least 100')
  .max(120_000, 'waitTimeoutMs must be at most 120000 (two minutes)');

const ratePerMinute = z
  .number('ratePerMinute must be a number of calls')
  .int('ratePerMinute must be a whole number of calls')
  .min(1, 'ratePerMinute must be at least 1')
  .max(100_000, 'ratePerMinute must be at most 100000')
  .describe('Calls a minute the hook accepts; more are answered 429 with Retry-After.');

const createBody = z
  .strictObject({
    name: hookName.default(''),
    mapping: mapping.optional(),
    respond: respond.default('accepted'),
    waitTimeoutMs: waitTimeoutMs.default(30_000),
    ratePerMinute: ratePerMinute.default(60),
    signed: z
      .boolean('signed must be true or false')
      .default(false)
      .describe('Make a signing secret: calls must then carry a valid Orca-Signature header.'),
  })
  .openapi('HookCreate');

const changeBody = z
  .strictObject({
    name: hookName.optional(),
    mapping: mapping
      .nullable()
      .optional()
      .describe('A JSONata expression, or null to use the JSON body as the input.'),
    respond: respond.optional(),
    waitTimeoutMs: waitTimeoutMs.optional(),
    ratePerMinute: ratePerMinute.optional(),
    enabled: z.boolean('enabled must be true or false').optional(),
    signed: z
      .boolean('signed must be true or false')
      .optional()
      .describe('true on an unsigned hook makes a signing secret (shown once); false removes it.'),
    rotateSigningSecret: z
      .literal(true, 'rotateSigningSecret can only be true')
      .optional()
      .describe(
        'Replace the signing secret (shown once); calls signed with the old one are refused at once.',
      ),
    rotateToken: z
      .literal(true, 'rotateToken can only be true')
      .optional()
      .describe('Give the hook a new address (shown once); the old address stops working at once.'),
  })
  .openapi('HookChange');

export const hookSchema = z
  .object({
    id: z.string(),
    agentId: z.string(),
    name: z.string(),
    tokenPrefix: z.string().describe('The first characters of the address’s token, to tell hooks apart.'),
    signed: z.boolean().describe('Whether calls must be signed.'),
    mapping: z.string().nullable(),
    respond: z.enum(['accepted', 'result']),
    waitTimeoutMs: z.number().int(),
    ratePerMinute: z.number().int(),
    enabled: z.boolean(),
    lastUsedAt: timestamp.nullable(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
  })
  .openapi('Hook');

const addressField = z
  .string()
  .describe('The hook’s secret address: anyone who has it can call the hook. Shown only now.');
const signingFields = {
  signingSecret: z.string().optional().describe('The secret calls are signed with. Shown only now.'),
  signatureScheme: z.string().optional().describe('How to sign a call, when the hook is signed.'),
};

const createdHookSchema = hookSchema.extend({ url: addressField, ...signingFields }).openapi('CreatedHook');
const changedHookSchema = hookSchema
  .extend({ url: addressField.optional(), ...signingFields })
  .openapi('ChangedHook');

export function hookView(hook: HookRecord) {
  return {
    id: hook.id,
    agentId: hook.agentId,
    name: hook.name,
    tokenPrefix: hook.tokenPrefix,
    signed: hook.signed,
    mapping: hook.mapping,
    respond: hook.respond,
    waitTimeoutMs: hook.waitTimeoutMs,
    ratePerMinute: hook.ratePerMinute,
    enabled: hook.enabled,
    lastUsedAt: isoOrNull(hook.lastUsedAt),
    createdBy: hook.createdBy,
    createdAt: iso(hook.createdAt),
  };
}

const signingNote = `${signatureScheme}, within ${signatureToleranceSeconds} seconds of t; each signature is good for one call`;

const agentParameters = z.object({ ws: idParameter('ws'), agentId: idParameter('agentId') });
const hookParameters = agentParameters.extend({ hookId: idParameter('hookId') });

const routes = {
  list: createRoute({
    method: 'get',
    operationId: 'listAgentHooks',
    path: '/api/workspaces/{ws}/agents/{agentId}/hooks',
    tags: ['hooks'],
    summary: 'The agent’s inbound hooks; their addresses and signing secrets are never shown again',
    security: securedBy,
    request: { params: agentParameters, query: z.object(pageParameters()) },
    responses: { 200: jsonResponse(listOf(hookSchema), 'A page of hooks, oldest first.'), ...commonErrors },
  }),
  create: createRoute({
    method: 'post',
    operationId: 'createHook',
    path: '/api/workspaces/{ws}/agents/{agentId}/hooks',
    tags: ['hooks'],
    summary: 'Make an inbound hook (builder): a secret address that starts a run of the agent',
    description:
      'The answer holds the address (POST /api/hooks/{token}) and, for a signed hook, the signing secret: both are shown only now. ' +
      `Signed calls carry ${signingNote}.`,
    security: securedBy,
    request: { params: agentParameters, body: jsonBody(createBody) },
    responses: {
      201: jsonResponse(createdHookSchema, 'The hook, with its address and signing secret (shown once).'),
      ...commonErrors,
    },
  }),
  read: createRoute({
    method: 'get',
    operationId: 'getHook',
    path: '/api/workspaces/{ws}/agents/{agentId}/hooks/{hookId}',
    tags: ['hooks'],
    summary: 'One inbound hook',
    security: securedBy,
    request: { params: hookParameters },
    responses: { 200: jsonResponse(hookSchema, 'The hook.'), ...commonErrors },
  }),
  change: createRoute({
    method: 'patch',
    operationId: 'updateHook',
    path: '/api/workspaces/{ws}/agents/{agentId}/hooks/{hookId}',
    tags: ['hooks'],
    summary:
      'Change an inbound hook (builder): settings, enable or disable, sign, rotate its address or secret',
    security: securedBy,
    request: { params: hookParameters, body: jsonBody(changeBody) },
    responses: {
      200: jsonResponse(changedHookSchema, 'The hook; a new address or signing secret is shown this once.'),
      ...commonErrors,
    },
  }),
  remove: createRoute({
    method: 'delete',
    operationId: 'deleteHook',
    path: '/api/workspaces/{ws}/agents/{agentId}/hooks/{hookId}',
    tags: ['hooks'],
    summary: 'Delete an inbound hook (builder); its address stops working at once',
    security: securedBy,
    request: { params: hookParameters },
    responses: { 204: { description: 'Deleted.' }, ...commonErrors },
  }),
};

async function requireAgent(scope: WorkspaceScope, agentId: string) {
  const agent = await findAgent(scope, agentId);
  if (!agent) throw notFound('This agent');
  return agent;
}

async function requireHook(scope: WorkspaceScope, agentId: string, hookId: string) {
  await requireAgent(scope, agentId);
  const hook = await findHook(scope, agentId, hookId);
  if (!hook) throw notFound('This hook');
  return hook;
}

/** A new token as stored (hash and display prefix) and as shown once (the address). */
function newAddress(publicUrl: string) {
  const token = newHookToken();
  return {
    stored: { tokenHash: hashSecret(token), tokenPrefix: secretDisplayPrefix(token) },
    url: `${publicUrl}/api/hooks/${token}`,
  };
}

export function registerHookRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.list, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId } = c.req.valid('param');
    const query = c.req.valid('query');
    const rows = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgent(scope, agentId);
      return listHooks(scope, agentId, requestedPage(hookKeyset, query));
    });
    const page = keysetPageOf(hookKeyset, rows, query.limit);
    return c.json({ items: page.items.map(hookView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId } = c.req.valid('param');
    const body = c.req.valid('json');
    if (body.mapping !== undefined) checkMapping(body.mapping);
    const { store, vault, config } = c.get('services');
    const address = newAddress(publicUrlOf(config));
    const signingSecret = body.signed ? newHookSigningSecret() : undefined;
    const hook = await store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgent(scope, agentId);
      const id = randomUUID();
      const created = await insertHook(scope, {
        id,
        agentId,
        name: body.name,
        mapping: body.mapping ?? null,
        respond: body.respond,
        waitTimeoutMs: body.waitTimeoutMs,
        ratePerMinute: body.ratePerMinute,
        enabled: true,
        ...address.stored,
        sealedSigningSecret: signingSecret ? await sealSigningSecret(vault, scope, id, signingSecret) : null,
        createdBy: access.actor.userId,
      });
      await recordAudit(scope, access.actor, {
        action: 'hook.created',
        targetType: 'hook',
        targetId: created.id,
        details: {
          agentId,
          name: created.name,
          signed: created.signed,
          respond: created.respond,
          ratePerMinute: created.ratePerMinute,
        },
      });
      return created;
    });
    const signing = signingSecret ? { signingSecret, signatureScheme: signingNote } : {};
    locateInWorkspace(c, 'agents', agentId, 'hooks', hook.id);
    return c.json({ ...hookView(hook), url: address.url, ...signing }, 201);
  });

  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId, hookId } = c.req.valid('param');
    const hook = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) => requireHook(scope, agentId, hookId));
    return c.json(hookView(hook), 200);
  });

  app.openapi(routes.change, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId, hookId } = c.req.valid('param');
    const { rotateToken, rotateSigningSecret, signed, ...settings } = c.req.valid('json');
    if (typeof settings.mapping === 'string') checkMapping(settings.mapping);
    const { store, vault, config } = c.get('services');
    const address = rotateToken ? newAddress(publicUrlOf(config)) : undefined;
    const result = await store.inWorkspace(access.workspace.id, async (scope) => {
      const current = await requireHook(scope, agentId, hookId);
      const secrets: HookSecretChanges = { ...address?.stored };
      let signingSecret: string | undefined;
      let signing: 'added' | 'rotated' | 'removed' | undefined;
      if (signed === false && current.signed) {
        secrets.sealedSigningSecret = null;
        signing = 'removed';
      } else if ((signed === true && !current.signed) || (rotateSigningSecret && signed !== false)) {
        signingSecret = newHookSigningSecret();
        secrets.sealedSigningSecret = await sealSigningSecret(vault, scope, hookId, signingSecret);
        signing = current.signed ? 'rotated' : 'added';
      }
      const changed = await updateHook(scope, agentId, hookId, { ...settings, ...secrets });
      if (!changed) throw notFound('This hook');
      const fields = Object.keys(settings);
      if (fields.length === 0 && !address && !signing) return { hook: changed, signingSecret };
      await recordAudit(scope, access.actor, {
        action: 'hook.changed',
        targetType: 'hook',
        targetId: hookId,
        details: {
          agentId,
          fields,
          ...(address ? { tokenRotated: true } : {}),
          ...(signing ? { signingSecret: signing } : {}),
        },
      });
      return { hook: changed, signingSecret };
    });
    return c.json(
      {
        ...hookView(result.hook),
        ...(address ? { url: address.url } : {}),
        ...(result.signingSecret
          ? { signingSecret: result.signingSecret, signatureScheme: signingNote }
          : {}),
      },
      200,
    );
  });

  app.openapi(routes.remove, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId, hookId } = c.req.valid('param');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const hook = await requireHook(scope, agentId, hookId);
      await deleteHook(scope, agentId, hookId);
      await recordAudit(scope, access.actor, {
        action: 'hook.deleted',
        targetType: 'hook',
        targetId: hookId,
        details: { agentId, name: hook.name },
      });
    });
    return c.body(null, 204);
  });
}
