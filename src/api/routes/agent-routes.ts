// Agents: create, read, list, change (each change a new immutable version), restore a version,
// pause and resume, delete, export to a file and import into another workspace.
import { isDeepStrictEqual } from 'node:util';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type AgentOrigin, agentOriginSchema, describeOrigin } from '../../domain/agent-origin.ts';
import { type AgentSpec, describeSpecIssues, validateAgentSpec } from '../../domain/agent-spec.ts';
import { conflict, notFound, OrcaError, ruleViolated } from '../../domain/errors.ts';
import { recordLearning } from '../../orchestrator/learning/learning-recorder.ts';
import { specObservations } from '../../orchestrator/learning/observations.ts';
import {
  type AgentRecord,
  type AgentStatus,
  type AgentVersionRecord,
  agentKeyset,
  deleteAgent,
  findAgent,
  findAgentByName,
  findAgentForUpdate,
  findAgentsByOrigin,
  findAgentVersion,
  insertAgent,
  insertAgentVersion,
  listAgents,
  listAgentVersions,
  setAgentOrigin,
  setAgentStatus,
} from '../../store/agent-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import { isUniqueViolation, type WorkspaceScope } from '../../store/store.ts';
import type { ApiContext, ApiEnv, WorkspaceAccess } from '../context.ts';
import { entityTag, requireIfMatch } from '../entity-tag.ts';
import { keysetPageOf, requestedPage } from '../keyset-cursor.ts';
import { locateInWorkspace } from '../location.ts';
import {
  commonErrors,
  errorSchema,
  idParameter,
  ifMatchHeaders,
  jsonBody,
  jsonResponse,
  listOf,
  preconditionFailed,
  publishedAs,
  securedBy,
  taggedResponse,
  timestamp,
} from '../schemas.ts';
import { iso } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';
import { agentActivity, agentActivitySchema } from './agent-activity.ts';
import { resolveWorkroomFilter, workroomQuery } from './workroom-filter.ts';

export const agentExportFormat = 'orca.agent';
export const agentExportFormatVersion = 1;

export const agentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    status: z.enum(['active', 'paused']),
    spec: publishedAs(z.record(z.string(), z.unknown()), 'AgentSpec'),
    workroomId: z.string().nullable().describe('The workroom the agent belongs to; null for none.'),
    origin: agentOriginSchema
      .nullable()
      .describe(
        'Where a promoted or imported agent came from (workspace, agent, version); null if made here.',
      ),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Agent');

const listedAgentSchema = agentSchema.extend(agentActivitySchema).openapi('ListedAgent');

const versionSchema = z
  .object({
    version: z.number().int(),
    spec: publishedAs(z.record(z.string(), z.unknown()), 'AgentSpec'),
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    current: z.boolean(),
  })
  .openapi('AgentVersion');

// Any value but none at all: validateAgentSpec checks it and names each step and field at fault.
const specField = publishedAs(
  z.custom<unknown>((value) => value !== undefined, 'spec is missing: send the agent spec'),
  'AgentSpecInput',
);
const noteField = z
  .string()
  .max(500)
  .optional()
  .describe('Why this version was made, shown in the version list.');

export function agentView(agent: AgentRecord) {
  return {
    ...agent,
    spec: agent.spec as Record<string, unknown>,
    createdAt: iso(agent.createdAt),
    updatedAt: iso(agent.updatedAt),
  };
}

/** The agent as an answer, with its ETag (If-Match on a change names it). */
function agentAnswer<Status extends 200 | 201>(c: ApiContext, agent: AgentRecord, status: Status) {
  c.header('ETag', entityTag(agent.version, agent.updatedAt));
  return c.json(agentView(agent), status);
}

/** A version list's cursor: the last version of the page, opaque to callers. */
function encodeVersionCursor(version: number): string {
  return Buffer.from(JSON.stringify({ version })).toString('base64url');
}

function decodeVersionCursor(cursor: string): number {
  try {
    const { version } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      version?: unknown;
    };
    if (typeof version === 'number' && Number.isInteger(version) && version > 0) return version;
  } catch {
    // Falls through to the same answer as a well-formed cursor of the wrong shape.
  }
  throw new OrcaError(
    'bad_request',
    'The cursor is not valid. Pass the nextCursor of a previous page unchanged.',
  );
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
    operationId: 'listAgents',
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
        workroom: workroomQuery,
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
    operationId: 'createAgent',
    path: '/api/workspaces/{ws}/agents',
    tags: ['agents'],
    summary: 'Create an agent (builder)',
    security: securedBy,
    request: {
      params: workspaceParameters,
      body: jsonBody(z.strictObject({ spec: specField, note: noteField })),
    },
    responses: { 201: taggedResponse(agentSchema, 'The agent at version 1.'), ...agentErrors },
  }),
  read: createRoute({
    method: 'get',
    operationId: 'getAgent',
    path: '/api/workspaces/{ws}/agents/{agentId}',
    tags: ['agents'],
    summary: 'An agent with its current spec',
    security: securedBy,
    request: { params: agentParameters },
    responses: { 200: taggedResponse(agentSchema, 'The agent.'), ...commonErrors },
  }),
  update: createRoute({
    method: 'patch',
    operationId: 'updateAgent',
    path: '/api/workspaces/{ws}/agents/{agentId}',
    tags: ['agents'],
    summary: 'Change the spec: makes a new version (builder)',
    security: securedBy,
    request: {
      params: agentParameters,
      headers: ifMatchHeaders,
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
    responses: {
      200: taggedResponse(agentSchema, 'The agent at its new version.'),
      ...agentErrors,
      ...preconditionFailed,
    },
  }),
  remove: createRoute({
    method: 'delete',
    operationId: 'deleteAgent',
    path: '/api/workspaces/{ws}/agents/{agentId}',
    tags: ['agents'],
    summary: 'Delete an agent and its versions (builder)',
    security: securedBy,
    request: { params: agentParameters, headers: ifMatchHeaders },
    responses: { 204: { description: 'Deleted.' }, ...commonErrors, ...preconditionFailed },
  }),
  pause: createRoute({
    method: 'post',
    operationId: 'pauseAgent',
    path: '/api/workspaces/{ws}/agents/{agentId}/pause',
    tags: ['agents'],
    summary: 'Pause an agent: it starts no new runs until resumed (builder)',
    security: securedBy,
    request: { params: agentParameters, headers: ifMatchHeaders },
    responses: {
      200: taggedResponse(agentSchema, 'The paused agent.'),
      ...commonErrors,
      ...preconditionFailed,
    },
  }),
  resume: createRoute({
    method: 'post',
    operationId: 'resumeAgent',
    path: '/api/workspaces/{ws}/agents/{agentId}/resume',
    tags: ['agents'],
    summary: 'Resume a paused agent (builder)',
    security: securedBy,
    request: { params: agentParameters, headers: ifMatchHeaders },
    responses: {
      200: taggedResponse(agentSchema, 'The active agent.'),
      ...commonErrors,
      ...preconditionFailed,
    },
  }),
  versions: createRoute({
    method: 'get',
    operationId: 'listAgentVersions',
    path: '/api/workspaces/{ws}/agents/{agentId}/versions',
    tags: ['agents'],
    summary: 'Every version of an agent, newest first, a page at a time',
    security: securedBy,
    request: {
      params: agentParameters,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(100),
        cursor: z.string().max(100).optional().describe('The nextCursor of the previous page.'),
      }),
    },
    responses: { 200: jsonResponse(listOf(versionSchema), 'The versions.'), ...commonErrors },
  }),
  version: createRoute({
    method: 'get',
    operationId: 'getAgentVersion',
    path: '/api/workspaces/{ws}/agents/{agentId}/versions/{version}',
    tags: ['agents'],
    summary: 'One version of an agent',
    security: securedBy,
    request: { params: versionParameters },
    responses: { 200: jsonResponse(versionSchema, 'The version.'), ...commonErrors },
  }),
  restore: createRoute({
    method: 'post',
    operationId: 'restoreAgentVersion',
    path: '/api/workspaces/{ws}/agents/{agentId}/versions/{version}/restore',
    tags: ['agents'],
    summary: 'Restore a version: its spec becomes a new current version (builder)',
    security: securedBy,
    request: { params: versionParameters, headers: ifMatchHeaders },
    responses: {
      200: taggedResponse(agentSchema, 'The agent at its new version.'),
      ...agentErrors,
      ...preconditionFailed,
    },
  }),
  exportAgent: createRoute({
    method: 'get',
    operationId: 'exportAgent',
    path: '/api/workspaces/{ws}/agents/{agentId}/export',
    tags: ['agents'],
    summary: 'Download the agent as a JSON file, to import elsewhere',
    security: securedBy,
    request: { params: agentParameters },
    responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'The export file.'), ...commonErrors },
  }),
  importAgent: createRoute({
    method: 'post',
    operationId: 'importAgent',
    path: '/api/workspaces/{ws}/agents/import',
    tags: ['agents'],
    summary: 'Import an exported agent into this workspace (builder)',
    security: securedBy,
    request: {
      params: workspaceParameters,
      query: z.object({
        onExisting: z
          .enum(['refuse', 'update'])
          .default('refuse')
          .describe(
            'When an agent of the same name exists that was not imported from this agent: refuse (409), or make the import a new version of it.',
          ),
      }),
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
            origin: agentOriginSchema
              .optional()
              .describe('The workspace, agent and version exported: importing it again updates that import.'),
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
    responses: {
      200: taggedResponse(agentSchema, 'The agent imported before from the same agent, at its new version.'),
      201: taggedResponse(agentSchema, 'The imported agent at version 1.'),
      ...agentErrors,
    },
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
  options: {
    note?: string;
    expectedVersion?: number;
    action: string;
    details?: Record<string, unknown>;
    /** Refuses the change unless If-Match names the current tag (the request's If-Match). */
    ifMatch?: (currentTag: string) => void;
  },
) {
  const locked = await findAgentForUpdate(scope, agentId);
  if (!locked) throw notFound('This agent');
  options.ifMatch?.(entityTag(locked.version, locked.updatedAt));
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
    requireIfMatch(c, entityTag(locked.version, locked.updatedAt));
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
  return agentAnswer(c, agent, 200);
}

async function createAgent(
  c: ApiContext,
  spec: AgentSpec,
  action: string,
  note?: string,
  origin?: AgentOrigin,
) {
  const access = requireAction(c, 'agents.manage');
  const agent = await c
    .get('services')
    .store.inWorkspace(access.workspace.id, async (scope) => {
      const created = await insertAgent(scope, spec, access.actor.userId, note, origin);
      await recordAudit(scope, access.actor, {
        action,
        targetType: 'agent',
        targetId: created.id,
        details: { name: spec.name, ...(origin ? { origin } : {}) },
      });
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw nameTaken(spec.name);
      throw error;
    });
  locateInWorkspace(c, 'agents', agent.id);
  return agentAnswer(c, agent, 201);
}

/**
 * An import of an agent this workspace has already (imported before from the same agent, the
 * agent itself, or with onExisting "update" one of the same name): its spec becomes a new version
 * of it. Undefined when the import is a new agent; a same-named unrelated agent is a 409.
 */
async function importAgain(
  scope: WorkspaceScope,
  access: WorkspaceAccess,
  spec: AgentSpec,
  origin: AgentOrigin | undefined,
  options: { onExisting: 'refuse' | 'update'; renamed: boolean },
) {
  // A new name asks for a copy beside the agent the file came from, not an update of it.
  const same = origin && !options.renamed ? await sameAgentAs(scope, origin) : undefined;
  const named = same ? undefined : await findAgentByName(scope, spec.name);
  if (named && options.onExisting !== 'update') {
    throw conflict(
      `An agent named "${named.name}" exists in this workspace already${origin ? ` and was not imported from "${origin.agentName}" of "${origin.workspaceName}"` : ''}. ` +
        'Import with ?onExisting=update to make this file a new version of it, or give the import another name.',
      { agentId: named.id, onExisting: 'update' },
    );
  }
  const existing = same ?? named;
  if (!existing) return undefined;
  // The agent keeps its name here unless the import names another.
  const kept = options.renamed ? spec : { ...spec, name: existing.name };
  await changeSpec(scope, access, existing.id, kept, {
    note: origin ? `imported again from ${describeOrigin(origin)}` : 'imported again',
    action: 'agent.imported',
    details: origin ? { origin } : {},
  });
  // The agent itself exported and imported back has no other origin to record.
  if (origin && origin.agentId !== existing.id) await setAgentOrigin(scope, existing.id, origin);
  return requireAgent(scope, existing.id);
}

/** The agent an exported file came from, when it is in this workspace: it, or an import of it. */
async function sameAgentAs(scope: WorkspaceScope, origin: AgentOrigin) {
  if (origin.workspaceId === scope.workspaceId) {
    const itself = await findAgent(scope, origin.agentId);
    if (itself) return itself;
  }
  const [imported] = await findAgentsByOrigin(scope, origin);
  return imported;
}

/** The person who saved the spec learns its shape in their user memory (learning-recorder.ts). */
async function learnFromSpec(c: ApiContext, spec: AgentSpec) {
  const { store, logger } = c.get('services');
  const access = requireAction(c, 'agents.manage');
  await recordLearning(store, access.actor.userId, specObservations(spec, 'agents_api'), logger);
}

export function registerAgentRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.list, async (c) => {
    const access = requireAction(c, 'agents.read');
    const query = c.req.valid('query');
    const { page, activity } = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) => {
        const rows = await listAgents(scope, {
          ...requestedPage(agentKeyset, query),
          status: query.status,
          nameContains: query.q,
          workroomId: await resolveWorkroomFilter(scope, query.workroom),
        });
        const page = keysetPageOf(agentKeyset, rows, query.limit);
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
    const spec = validSpec(body.spec);
    const response = await createAgent(c, spec, 'agent.created', body.note);
    await learnFromSpec(c, spec);
    return response;
  });

  app.openapi(routes.importAgent, async (c) => {
    const body = c.req.valid('json');
    const raw = body.bundle.agent.spec;
    const renamed = body.name && raw && typeof raw === 'object' ? { ...raw, name: body.name } : raw;
    const spec = validSpec(renamed);
    const origin = body.bundle.origin && { ...body.bundle.origin, via: 'import' as const };
    const access = requireAction(c, 'agents.manage');
    const onExisting = c.req.valid('query').onExisting;
    const updated = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) =>
        importAgain(scope, access, spec, origin, { onExisting, renamed: Boolean(body.name) }),
      )
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw nameTaken(spec.name);
        throw error;
      });
    if (updated) return agentAnswer(c, updated, 200);
    return createAgent(c, spec, 'agent.imported', 'imported', origin);
  });

  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId } = c.req.valid('param');
    const agent = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) => requireAgent(scope, agentId));
    return agentAnswer(c, agent, 200);
  });

  app.openapi(routes.update, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId } = c.req.valid('param');
    const body = c.req.valid('json');
    const spec = validSpec(body.spec);
    const { agent, changed } = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) => {
        const before = await findAgent(scope, agentId);
        const after = await changeSpec(scope, access, agentId, spec, {
          note: body.note,
          expectedVersion: body.expectedVersion,
          action: 'agent.updated',
          ifMatch: (currentTag) => requireIfMatch(c, currentTag),
        });
        return { agent: after, changed: after.version !== before?.version };
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw nameTaken(spec.name);
        throw error;
      });
    if (changed) await learnFromSpec(c, spec);
    return agentAnswer(c, agent, 200);
  });

  app.openapi(routes.remove, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId } = c.req.valid('param');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const locked = await findAgentForUpdate(scope, agentId);
      if (!locked) throw notFound('This agent');
      requireIfMatch(c, entityTag(locked.version, locked.updatedAt));
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
    const query = c.req.valid('query');
    const { agent, versions } = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) => ({
        agent: await requireAgent(scope, agentId),
        versions: await listAgentVersions(scope, agentId, {
          limit: query.limit + 1,
          beforeVersion: query.cursor === undefined ? undefined : decodeVersionCursor(query.cursor),
        }),
      }));
    const items = versions.slice(0, query.limit);
    const last = items[items.length - 1];
    const nextCursor = versions.length > query.limit && last ? encodeVersionCursor(last.version) : null;
    return c.json({ items: items.map((version) => versionView(version, agent.version)), nextCursor }, 200);
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
          ifMatch: (currentTag) => requireIfMatch(c, currentTag),
        });
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw conflict('Another agent has taken the name of that version. Rename it first.');
        throw error;
      });
    return agentAnswer(c, agent, 200);
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
      // Importing this file again (anywhere) updates what the first import made.
      origin: {
        workspaceId: access.workspace.id,
        workspaceName: access.workspace.name,
        agentId: agent.id,
        agentName: agent.name,
        version: agent.version,
        via: 'import',
      },
    };
    const fileName = `${agent.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'agent'}.orca-agent.json`;
    c.header('Content-Disposition', `attachment; filename="${fileName}"`);
    return c.json(bundle, 200);
  });
}
