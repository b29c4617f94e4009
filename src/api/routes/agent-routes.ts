// Agents: create, read, list, change (each change a new immutable version), restore a version,
// pause and resume, delete, export to a file and import into another workspace.
import { isDeepStrictEqual } from 'node:util';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AgentSpec, describeSpecIssues, validateAgentSpec } from '../../domain/agent-spec.ts';
import { conflict, notFound, ruleViolated } from '../../domain/errors.ts';
import {
  type AgentRecord,
  type AgentStatus,
  type AgentVersionRecord,
  deleteAgent,
  findAgent,
  findAgentForUpdate,
  findAgentVersion,
  insertAgent,
  insertAgentVersion,
  listAgents,
  listAgentVersions,
  setAgentStatus,
} from '../../store/agent-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import { isUniqueViolation, type WorkspaceScope } from '../../store/store.ts';
import type { ApiContext, ApiEnv, WorkspaceAccess } from '../context.ts';
import { decodeCursor, pageOf } from '../cursor.ts';
import {
  commonErrors,
  errorSchema,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  securedBy,
  timestamp,
} from '../schemas.ts';
import { iso } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';
import { agentActivity, agentActivitySchema } from './agent-activity.ts';

export const agentExportFormat = 'orca.agent';
export const agentExportFormatVersion = 1;

const agentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    status: z.enum(['active', 'paused']),
    spec: z.record(z.string(), z.unknown()),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Agent');

const listedAgentSchema = agentSchema.extend(agentActivitySchema).openapi('ListedAgent');

const versionSchema = z
  .object({
    version: z.number().int(),
    spec: z.record(z.string(), z.unknown()),
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    current: z.boolean(),
  })
  .openapi('AgentVersion');

const specField = z
  .unknown()
  .openapi({ description: 'The agent spec: name, goal, instructions, input, steps, output.' });
const noteField = z
  .string()
  .max(500)
  .optional()
  .describe('Why this version was made, shown in the version list.');

function agentView(agent: AgentRecord) {
  return {
    ...agent,
    spec: agent.spec as Record<string, unknown>,
    createdAt: iso(agent.createdAt),
    updatedAt: iso(agent.updatedAt),
  };
}

function versionView(version: AgentVersionRecord, current: number) {
  return {
    version: version.version,
    spec: version.spec as Record<string, unknown>,
    note: version.note,
    createdBy: version.createdBy,
    createdAt: iso(version.createdAt),
    current: version.version === current,
  };
}

/** The spec, validated, or a 422 that names each step and field at fault. */
function validSpec(raw: unknown): AgentSpec {
  const validation = validateAgentSpec(raw);
  if (!validation.success) {
    throw ruleViolated(
      `The agent spec is invalid: ${describeSpecIssues(validation.issues)}.`,
      validation.issues,
    );
  }
  return validation.spec;
}

function nameTaken(name: string) {
  return conflict(`An agent named "${name}" exists in this workspace already. Choose another name.`);
}

const workspaceParameters = z.object({ ws: idParameter('ws') });
const agentParameters = z.object({ ws: idParameter('ws'), agentId: idParameter('agentId') });
const versionParameters = agentParameters.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'version', in: 'path' } }),
});
const agentErrors = {
  ...commonErrors,
  409: jsonResponse(errorSchema, 'The name is taken, or the agent changed meanwhile.'),
};

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/workspaces/{ws}/agents',
    tags: ['agents'],
    summary: 'Agents of the workspace, oldest first',
    security: securedBy,
    request: {
      params: workspaceParameters,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(500).optional(),
        status: z.enum(['active', 'paused']).optional(),
        q: z.string().max(80).optional().describe('Only agents whose name contains this text.'),
      }),
    },
    responses: {
      200: jsonResponse(
        listOf(listedAgentSchema),
        'A page of agents, each with its newest run and next time.',
      ),
      ...commonErrors,
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/workspaces/{ws}/agents',
    tags: ['agents'],
    summary: 'Create an agent (builder)',
    security: securedBy,
    request: {
      params: workspaceParameters,
      body: jsonBody(z.strictObject({ spec: specField, note: noteField })),
    },
    responses: { 201: jsonResponse(agentSchema, 'The agent at version 1.'), ...agentErrors },
  }),
  read: createRoute({
    method: 'get',
    path: '/api/workspaces/{ws}/agents/{agentId}',
    tags: ['agents'],
    summary: 'An agent with its current spec',
    security: securedBy,
    request: { params: agentParameters },
    responses: { 200: jsonResponse(agentSchema, 'The agent.'), ...commonErrors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/api/workspaces/{ws}/agents/{agentId}',
    tags: ['agents'],
    summary: 'Change the spec: makes a new version (builder)',
    security: securedBy,
    request: {
      params: agentParameters,
      body: jsonBody(
        z.strictObject({
          spec: specField,
          note: noteField,
          expectedVersion: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Refuse with 409 if the current version is another (someone changed it meanwhile).'),
        }),
      ),
    },
    responses: { 200: jsonResponse(agentSchema, 'The agent at its new version.'), ...agentErrors },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/api/workspaces/{ws}/agents/{agentId}',
    tags: ['agents'],
    summary: 'Delete an agent and its versions (builder)',
    security: securedBy,
    request: { params: agentParameters },
    responses: { 204: { description: 'Deleted.' }, ...commonErrors },
  }),
  pause: createRoute({
    method: 'post',
    path: '/api/workspaces/{ws}/agents/{agentId}/pause',
    tags: ['agents'],
    summary: 'Pause an agent: it starts no new runs until resumed (builder)',
    security: securedBy,
    request: { params: agentParameters },
    responses: { 200: jsonResponse(agentSchema, 'The paused agent.'), ...commonErrors },
  }),
  resume: createRoute({
    method: 'post',
    path: '/api/workspaces/{ws}/agents/{agentId}/resume',
    tags: ['agents'],
    summary: 'Resume a paused agent (builder)',
    security: securedBy,
    request: { params: agentParameters },
    responses: { 200: jsonResponse(agentSchema, 'The active agent.'), ...commonErrors },
  }),
  versions: createRoute({
    method: 'get',
    path: '/api/workspaces/{ws}/agents/{agentId}/versions',
    tags: ['agents'],
    summary: 'Every version of an agent, newest first',
    security: securedBy,
    request: { params: agentParameters },
    responses: { 200: jsonResponse(listOf(versionSchema), 'The versions.'), ...commonErrors },
  }),
  version: createRoute({
    method: 'get',
    path: '/api/workspaces/{ws}/agents/{agentId}/versions/{version}',
    tags: ['agents'],
    summary: 'One version of an agent',
    security: securedBy,
    request: { params: versionParameters },
    responses: { 200: jsonResponse(versionSchema, 'The version.'), ...commonErrors },
  }),
  restore: createRoute({
    method: 'post',
    path: '/api/workspaces/{ws}/agents/{agentId}/versions/{version}/restore',
    tags: ['agents'],
    summary: 'Restore a version: its spec becomes a new current version (builder)',
    security: securedBy,
    request: { params: versionParameters },
    responses: { 200: jsonResponse(agentSchema, 'The agent at its new version.'), ...agentErrors },
  }),
  exportAgent: createRoute({
    method: 'get',
    path: '/api/workspaces/{ws}/agents/{agentId}/export',
    tags: ['agents'],
    summary: 'Download the agent as a JSON file, to import elsewhere',
    security: securedBy,
    request: { params: agentParameters },
    responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'The export file.'), ...commonErrors },
  }),
  importAgent: createRoute({
    method: 'post',
    path: '/api/workspaces/{ws}/agents/import',
    tags: ['agents'],
    summary: 'Import an exported agent into this workspace (builder)',
    security: securedBy,
    request: {
      params: workspaceParameters,
      body: jsonBody(
        z.strictObject({
          bundle: z.object({
            format: z.literal(
              agentExportFormat,
              `format must be "${agentExportFormat}" (a file from agent export)`,
            ),
            formatVersion: z.literal(
              agentExportFormatVersion,
              `formatVersion must be ${agentExportFormatVersion}`,
            ),
            agent: z.object({ spec: specField }),
          }),
          name: z
            .string()
            .trim()
            .min(1)
            .max(80)
            .optional()
            .describe('A new name, when the exported one is taken here.'),
        }),
      ),
    },
    responses: { 201: jsonResponse(agentSchema, 'The imported agent at version 1.'), ...agentErrors },
  }),
};

async function requireAgent(scope: WorkspaceScope, agentId: string) {
  const agent = await findAgent(scope, agentId);
  if (!agent) throw notFound('This agent');
  return agent;
}

/** Writes a new version when the spec differs from the current one; returns the agent after. */
async function changeSpec(
  scope: WorkspaceScope,
  access: WorkspaceAccess,
  agentId: string,
  spec: AgentSpec,
  options: { note?: string; expectedVersion?: number; action: string; details?: Record<string, unknown> },
) {
  const locked = await findAgentForUpdate(scope, agentId);
  if (!locked) throw notFound('This agent');
  if (options.expectedVersion !== undefined && options.expectedVersion !== locked.version) {
    throw conflict(
      `The agent is at version ${locked.version}, not ${options.expectedVersion}: someone changed it meanwhile. ` +
        'Read it again and reapply your change.',
      { currentVersion: locked.version },
    );
  }
  const current = await requireAgent(scope, agentId);
  // jsonb does not keep key order, so compare structurally.
  if (isDeepStrictEqual(current.spec, spec)) return current;
  const version = locked.version + 1;
  await insertAgentVersion(scope, agentId, version, spec, access.actor.userId, options.note);
  await recordAudit(scope, access.actor, {
    action: options.action,
    targetType: 'agent',
    targetId: agentId,
    details: { name: spec.name, from: locked.version, to: version, ...options.details },
  });
  return requireAgent(scope, agentId);
}

async function changeStatus(c: ApiContext, agentId: string, status: AgentStatus) {
  const access = requireAction(c, 'agents.manage');
  const agent = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
    const locked = await findAgentForUpdate(scope, agentId);
    if (!locked) throw notFound('This agent');
    if (locked.status !== status) {
      await setAgentStatus(scope, agentId, status);
      await recordAudit(scope, access.actor, {
        action: status === 'paused' ? 'agent.paused' : 'agent.resumed',
        targetType: 'agent',
        targetId: agentId,
        details: { name: locked.name },
      });
    }
    return requireAgent(scope, agentId);
  });
  return c.json(agentView(agent), 200);
}

async function createAgent(c: ApiContext, spec: AgentSpec, action: string, note?: string) {
  const access = requireAction(c, 'agents.manage');
  const agent = await c
    .get('services')
    .store.inWorkspace(access.workspace.id, async (scope) => {
      const created = await insertAgent(scope, spec, access.actor.userId, note);
      await recordAudit(scope, access.actor, {
        action,
        targetType: 'agent',
        targetId: created.id,
        details: { name: spec.name },
      });
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw nameTaken(spec.name);
      throw error;
    });
  return c.json(agentView(agent), 201);
}

export function registerAgentRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.list, async (c) => {
    const access = requireAction(c, 'agents.read');
    const query = c.req.valid('query');
    const { page, activity } = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) => {
        const rows = await listAgents(scope, {
          limit: query.limit + 1,
          after: query.cursor ? decodeCursor(query.cursor) : undefined,
          status: query.status,
          nameContains: query.q,
        });
        const page = pageOf(rows, query.limit);
        return {
          page,
          activity: await agentActivity(
            scope,
            page.items.map((agent) => agent.id),
          ),
        };
      });
    const items = page.items.map((agent) => ({
      ...agentView(agent),
      ...(activity.get(agent.id) ?? { lastRun: null, schedule: null }),
    }));
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const body = c.req.valid('json');
    return createAgent(c, validSpec(body.spec), 'agent.created', body.note);
  });

  app.openapi(routes.importAgent, async (c) => {
    const body = c.req.valid('json');
    const raw = body.bundle.agent.spec;
    const renamed = body.name && raw && typeof raw === 'object' ? { ...raw, name: body.name } : raw;
    return createAgent(c, validSpec(renamed), 'agent.imported', 'imported');
  });

  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId } = c.req.valid('param');
    const agent = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) => requireAgent(scope, agentId));
    return c.json(agentView(agent), 200);
  });

  app.openapi(routes.update, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId } = c.req.valid('param');
    const body = c.req.valid('json');
    const spec = validSpec(body.spec);
    const agent = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) =>
        changeSpec(scope, access, agentId, spec, {
          note: body.note,
          expectedVersion: body.expectedVersion,
          action: 'agent.updated',
        }),
      )
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw nameTaken(spec.name);
        throw error;
      });
    return c.json(agentView(agent), 200);
  });

  app.openapi(routes.remove, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId } = c.req.valid('param');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const agent = await requireAgent(scope, agentId);
      await deleteAgent(scope, agentId);
      await recordAudit(scope, access.actor, {
        action: 'agent.deleted',
        targetType: 'agent',
        targetId: agentId,
        details: { name: agent.name, version: agent.version },
      });
    });
    return c.body(null, 204);
  });

  app.openapi(routes.pause, (c) => changeStatus(c, c.req.valid('param').agentId, 'paused'));
  app.openapi(routes.resume, (c) => changeStatus(c, c.req.valid('param').agentId, 'active'));

  app.openapi(routes.versions, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId } = c.req.valid('param');
    const { agent, versions } = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) => ({
        agent: await requireAgent(scope, agentId),
        versions: await listAgentVersions(scope, agentId),
      }));
    return c.json(
      { items: versions.map((version) => versionView(version, agent.version)), nextCursor: null },
      200,
    );
  });

  app.openapi(routes.version, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId, version } = c.req.valid('param');
    const view = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const agent = await requireAgent(scope, agentId);
      const found = await findAgentVersion(scope, agentId, version);
      if (!found) throw notFound(`Version ${version} of this agent`);
      return versionView(found, agent.version);
    });
    return c.json(view, 200);
  });

  app.openapi(routes.restore, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId, version } = c.req.valid('param');
    const agent = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) => {
        await requireAgent(scope, agentId);
        const found = await findAgentVersion(scope, agentId, version);
        if (!found) throw notFound(`Version ${version} of this agent`);
        return changeSpec(scope, access, agentId, found.spec, {
          note: `restored from version ${version}`,
          action: 'agent.restored',
          details: { restoredVersion: version },
        });
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw conflict('Another agent has taken the name of that version. Rename it first.');
        throw error;
      });
    return c.json(agentView(agent), 200);
  });

  app.openapi(routes.exportAgent, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId } = c.req.valid('param');
    const agent = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) => requireAgent(scope, agentId));
    const bundle = {
      format: agentExportFormat,
      formatVersion: agentExportFormatVersion,
      exportedAt: new Date().toISOString(),
      source: { version: agent.version },
      agent: { name: agent.name, spec: agent.spec },
    };
    const fileName = `${agent.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'agent'}.orca-agent.json`;
    c.header('Content-Disposition', `attachment; filename="${fileName}"`);
    return c.json(bundle, 200);
  });
}
