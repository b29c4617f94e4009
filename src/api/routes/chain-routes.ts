// Chains between agents of one workspace: when the first agent's run ends (on success, failure
// or either), the second starts with an input mapped from the first's output by JSONata.
// A chain that would close a loop is refused with the loop named.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { conflict, notFound } from '../../domain/errors.ts';
import { findAgent } from '../../store/agent-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import {
  type ChainRecord,
  chainKeyset,
  deleteChain,
  findChain,
  findChainBetween,
  insertChain,
  listChains,
  updateChain,
} from '../../store/chain-repository.ts';
import { agentNames, checkMapping, refuseLoops } from '../../triggers/chain-rules.ts';
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
import { iso } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

const conditions = ['success', 'failure', 'always'] as const;

const chainSchema = z
  .object({
    id: z.string(),
    fromAgentId: z.string(),
    fromAgentName: z.string(),
    toAgentId: z.string(),
    toAgentName: z.string(),
    on: z.enum(conditions),
    mapping: z.string().nullable(),
    enabled: z.boolean(),
    createdAt: timestamp,
  })
  .openapi('Chain');

const createSchema = z
  .strictObject({
    fromAgentId: z.string().min(1),
    toAgentId: z.string().min(1),
    on: z
      .enum(conditions)
      .default('success')
      .describe(
        'When the first agent’s run ends this way (always: succeeded or failed; a cancelled run starts nothing).',
      ),
    mapping: z
      .string()
      .trim()
      .min(1)
      .max(4000)
      .optional()
      .describe(
        'JSONata over { output, input, run } of the first run, giving the second’s input; without it, the output is the input.',
      ),
  })
  .openapi('ChainCreate');

const changeSchema = z
  .strictObject({
    on: z.enum(conditions).optional(),
    mapping: z.string().trim().min(1).max(4000).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .openapi('ChainChange');

const workspaceParameters = z.object({ ws: idParameter('ws') });
const chainParameters = z.object({ ws: idParameter('ws'), chainId: idParameter('chainId') });

const routes = {
  list: createRoute({
    method: 'get',
    operationId: 'listChains',
    path: '/api/workspaces/{ws}/chains',
    tags: ['chains'],
    summary: 'Chains of the workspace',
    security: securedBy,
    request: {
      params: workspaceParameters,
      query: z.object({
        agent: z.string().optional().describe('Only chains from or to this agent.'),
        ...pageParameters(),
      }),
    },
    responses: { 200: jsonResponse(listOf(chainSchema), 'A page of chains, oldest first.'), ...commonErrors },
  }),
  create: createRoute({
    method: 'post',
    operationId: 'createChain',
    path: '/api/workspaces/{ws}/chains',
    tags: ['chains'],
    summary: 'Chain two agents (builder)',
    security: securedBy,
    request: { params: workspaceParameters, body: jsonBody(createSchema) },
    responses: { 201: jsonResponse(chainSchema, 'The chain.'), ...commonErrors },
  }),
  read: createRoute({
    method: 'get',
    operationId: 'getChain',
    path: '/api/workspaces/{ws}/chains/{chainId}',
    tags: ['chains'],
    summary: 'One chain',
    security: securedBy,
    request: { params: chainParameters },
    responses: { 200: jsonResponse(chainSchema, 'The chain.'), ...commonErrors },
  }),
  change: createRoute({
    method: 'patch',
    operationId: 'updateChain',
    path: '/api/workspaces/{ws}/chains/{chainId}',
    tags: ['chains'],
    summary: 'Change when a chain applies, its mapping, or switch it off (builder)',
    security: securedBy,
    request: { params: chainParameters, body: jsonBody(changeSchema) },
    responses: { 200: jsonResponse(chainSchema, 'The chain.'), ...commonErrors },
  }),
  remove: createRoute({
    method: 'delete',
    operationId: 'deleteChain',
    path: '/api/workspaces/{ws}/chains/{chainId}',
    tags: ['chains'],
    summary: 'Remove a chain (builder)',
    security: securedBy,
    request: { params: chainParameters },
    responses: { 204: { description: 'Removed.' }, ...commonErrors },
  }),
};

function chainView(chain: ChainRecord, names: Map<string, string>) {
  return {
    id: chain.id,
    fromAgentId: chain.fromAgentId,
    fromAgentName: names.get(chain.fromAgentId) ?? '',
    toAgentId: chain.toAgentId,
    toAgentName: names.get(chain.toAgentId) ?? '',
    on: chain.on,
    mapping: chain.mapping,
    enabled: chain.enabled,
    createdAt: iso(chain.createdAt),
  };
}

export function registerChainRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.list, async (c) => {
    const access = requireAction(c, 'agents.read');
    const query = c.req.valid('query');
    const page = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const rows = await listChains(scope, { agentId: query.agent }, requestedPage(chainKeyset, query));
      const names = await agentNames(scope);
      const found = keysetPageOf(chainKeyset, rows, query.limit);
      return { items: found.items.map((chain) => chainView(chain, names)), nextCursor: found.nextCursor };
    });
    return c.json(page, 200);
  });

  app.openapi(routes.create, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const body = c.req.valid('json');
    checkMapping(body.mapping);
    const view = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const from = await findAgent(scope, body.fromAgentId);
      if (!from) throw notFound('The first agent (fromAgentId)');
      const to = await findAgent(scope, body.toAgentId);
      if (!to) throw notFound('The second agent (toAgentId)');
      // Under the workspace's chain lock (taken by refuseLoops), so a chain made at the same moment
      // is seen by this check rather than by the unique index.
      await refuseLoops(scope, from.id, to.id);
      if (await findChainBetween(scope, from.id, to.id)) {
        throw conflict(
          `"${from.name}" is already chained to "${to.name}". Change that chain (PATCH) instead.`,
        );
      }
      const chain = await insertChain(
        scope,
        { fromAgentId: from.id, toAgentId: to.id, on: body.on, mapping: body.mapping ?? null },
        access.actor.userId,
      );
      await recordAudit(scope, access.actor, {
        action: 'chain.created',
        targetType: 'chain',
        targetId: chain.id,
        details: { from: from.name, to: to.name, on: chain.on },
      });
      return chainView(
        chain,
        new Map([
          [from.id, from.name],
          [to.id, to.name],
        ]),
      );
    });
    locateInWorkspace(c, 'chains', view.id);
    return c.json(view, 201);
  });

  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { chainId } = c.req.valid('param');
    const view = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const chain = await findChain(scope, chainId);
      if (!chain) throw notFound('This chain');
      return chainView(chain, await agentNames(scope));
    });
    return c.json(view, 200);
  });

  app.openapi(routes.change, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { chainId } = c.req.valid('param');
    const change = c.req.valid('json');
    checkMapping(change.mapping);
    const view = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const chain = await findChain(scope, chainId);
      if (!chain) throw notFound('This chain');
      const changed = (await updateChain(scope, chain.id, change)) ?? chain;
      await recordAudit(scope, access.actor, {
        action: 'chain.changed',
        targetType: 'chain',
        targetId: chain.id,
        details: change,
      });
      return chainView(changed, await agentNames(scope));
    });
    return c.json(view, 200);
  });

  app.openapi(routes.remove, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { chainId } = c.req.valid('param');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const removed = await deleteChain(scope, chainId);
      if (!removed) throw notFound('This chain');
      await recordAudit(scope, access.actor, {
        action: 'chain.deleted',
        targetType: 'chain',
        targetId: chainId,
      });
    });
    return c.body(null, 204);
  });
}
