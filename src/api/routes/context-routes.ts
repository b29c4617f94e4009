// Shared context (`/context`: every agent of the workspace reads and writes it) and each agent's
// private memory (`/agents/:agentId/memory`). Both list newest first, search with `?q=`, take
// writes by key (writing a key again replaces its entry) and edits by id with the version the
// editor opened, so a change made meanwhile by someone else (or a run) is never overwritten
// unseen. People's writes are audited; runs' writes are recorded on the entry (its run).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { conflict, notFound, OrcaError } from '../../domain/errors.ts';
import { searchableText } from '../../domain/memory.ts';
import { findAgent } from '../../store/agent-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import {
  deleteMemoryEntryById,
  editMemoryEntry,
  findMemoryEntry,
  findMemoryEntryById,
  listMemoryEntries,
  listMemoryTags,
  type MemoryDetails,
  type MemoryOwner,
  searchMemoryEntries,
  upsertMemoryEntry,
} from '../../store/memory-repository.ts';
import { isUniqueViolation, type WorkspaceScope } from '../../store/store.ts';
import type { ApiContext, ApiEnv, WorkspaceAccess } from '../context.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { commonErrors, idParameter, jsonBody, jsonResponse, listOf, securedBy } from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';
import {
  conflictResponse,
  decodeSearchCursor,
  deleteQuery,
  editSchema,
  encodeSearchCursor,
  entrySchema,
  entryView,
  lastWriterInWords,
  listQuery,
  tagListSchema,
  writeSchema,
} from './context-schemas.ts';

function parseTags(tags: string | undefined) {
  return tags
    ?.split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** Either surface: the shared context, or one agent's memory. */
interface Surface {
  path: string;
  tag: string;
  what: string;
  /** The noun in its operation ids: `listContextEntries`, `getAgentMemoryEntry`. */
  operationNoun: string;
  /** The prefix of its audit actions: `context.updated`, `memory.updated`. */
  auditPrefix: string;
  params: z.ZodObject;
  /** Whose entries, after checking the agent (if any) is in the workspace. */
  owner(scope: WorkspaceScope, params: Record<string, string>): Promise<MemoryOwner>;
}

const surfaces: Surface[] = [
  {
    path: '/api/workspaces/{ws}/context',
    tag: 'context',
    what: 'shared context',
    operationNoun: 'Context',
    auditPrefix: 'context',
    params: z.object({ ws: idParameter('ws') }),
    owner: async () => ({ agentId: null }),
  },
  {
    path: '/api/workspaces/{ws}/agents/{agentId}/memory',
    tag: 'agents',
    what: 'agent memory',
    operationNoun: 'AgentMemory',
    auditPrefix: 'memory',
    params: z.object({ ws: idParameter('ws'), agentId: idParameter('agentId') }),
    owner: async (scope, params) => {
      const agent = await findAgent(scope, params.agentId ?? '');
      if (!agent) throw notFound('This agent');
      return { agentId: agent.id };
    },
  },
];

function routesFor(surface: Surface) {
  const entryParams = surface.params.extend({ entryId: idParameter('entryId') });
  return {
    list: createRoute({
      method: 'get',
      operationId: `list${surface.operationNoun}Entries`,
      path: surface.path,
      tags: [surface.tag],
      summary: `List or search the ${surface.what}`,
      security: securedBy,
      request: { params: surface.params, query: listQuery },
      responses: { 200: jsonResponse(listOf(entrySchema), 'A page of entries.'), ...commonErrors },
    }),
    tags: createRoute({
      method: 'get',
      operationId: `list${surface.operationNoun}Tags`,
      path: `${surface.path}/tags`,
      tags: [surface.tag],
      summary: `The tags used in the ${surface.what}, most used first`,
      security: securedBy,
      request: { params: surface.params },
      responses: {
        200: jsonResponse(tagListSchema, 'Tags with how many entries carry each.'),
        ...commonErrors,
      },
    }),
    write: createRoute({
      method: 'post',
      operationId: `write${surface.operationNoun}Entry`,
      path: surface.path,
      tags: [surface.tag],
      summary: `Write an entry of the ${surface.what} by key (builder); a key written again is replaced`,
      security: securedBy,
      request: { params: surface.params, body: jsonBody(writeSchema) },
      responses: {
        200: jsonResponse(entrySchema, 'The entry, replaced.'),
        201: jsonResponse(entrySchema, 'The entry, created.'),
        409: conflictResponse,
        ...commonErrors,
      },
    }),
    read: createRoute({
      method: 'get',
      operationId: `get${surface.operationNoun}Entry`,
      path: `${surface.path}/{entryId}`,
      tags: [surface.tag],
      summary: `Read an entry of the ${surface.what}`,
      security: securedBy,
      request: { params: entryParams },
      responses: { 200: jsonResponse(entrySchema, 'The entry.'), ...commonErrors },
    }),
    edit: createRoute({
      method: 'put',
      operationId: `update${surface.operationNoun}Entry`,
      path: `${surface.path}/{entryId}`,
      tags: [surface.tag],
      summary: `Change an entry of the ${surface.what} (builder), refused if it changed since you opened it`,
      security: securedBy,
      request: { params: entryParams, body: jsonBody(editSchema) },
      responses: {
        200: jsonResponse(entrySchema, 'The entry, changed.'),
        409: conflictResponse,
        ...commonErrors,
      },
    }),
    remove: createRoute({
      method: 'delete',
      operationId: `delete${surface.operationNoun}Entry`,
      path: `${surface.path}/{entryId}`,
      tags: [surface.tag],
      summary: `Delete an entry of the ${surface.what} (builder)`,
      security: securedBy,
      request: { params: entryParams, query: deleteQuery },
      responses: { 204: { description: 'Deleted.' }, 409: conflictResponse, ...commonErrors },
    }),
  };
}

async function findOwnEntry(scope: WorkspaceScope, owner: MemoryOwner, entryId: string) {
  const entry = await findMemoryEntryById(scope, entryId);
  if (!entry || entry.agentId !== owner.agentId) throw notFound('This entry');
  return entry;
}

/** Re-reads a written entry with its writers' names, for the answer. */
async function details(scope: WorkspaceScope, entryId: string): Promise<MemoryDetails> {
  const entry = await findMemoryEntryById(scope, entryId);
  if (!entry) throw new Error(`memory entry ${entryId} vanished inside its own transaction`);
  return entry;
}

/** Why a write based on version `opened` was refused: what the entry is now, in words. */
function staleRefusal(current: MemoryDetails, opened: number, access: WorkspaceAccess) {
  return conflict(
    `“${current.key}” was changed by ${lastWriterInWords(current, access.actor.userId)} since you opened it — reload to see it. ` +
      `(You opened version ${opened}; it is now at version ${current.version}.)`,
    { currentVersion: current.version, expectedVersion: opened },
  );
}

function keyTaken(key: string) {
  return conflict(
    `Another entry already has the key “${key}”. Choose another key, or open that entry to change it.`,
  );
}

function deletedMeanwhile() {
  return new OrcaError(
    'not_found',
    'This entry was not found: it was deleted since you opened it, or its id is wrong. Add it again as a new entry to keep what you wrote.',
  );
}

function register(app: OpenAPIHono<ApiEnv>, surface: Surface) {
  const routes = routesFor(surface);
  const params = (c: ApiContext) => c.req.param() as Record<string, string>;
  const audit = (
    scope: WorkspaceScope,
    access: WorkspaceAccess,
    change: 'created' | 'updated' | 'deleted',
    entry: MemoryDetails | { id: string; key: string; agentId: string | null; version: number },
    extra: Record<string, unknown> = {},
  ) =>
    recordAudit(scope, access.actor, {
      action: `${surface.auditPrefix}.${change}`,
      targetType: surface.auditPrefix === 'context' ? 'context_entry' : 'agent_memory_entry',
      targetId: entry.id,
      details: {
        key: entry.key,
        version: entry.version,
        ...(entry.agentId ? { agentId: entry.agentId } : {}),
        ...extra,
      },
    });

  app.openapi(routes.list, async (c) => {
    const access = requireAction(c, 'context.read');
    const query = c.req.valid('query');
    const tags = parseTags(query.tags);
    const result = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const owner = await surface.owner(scope, params(c));
      if (query.q) {
        const offset = query.cursor ? decodeSearchCursor(query.cursor) : 0;
        const found = await searchMemoryEntries(scope, owner, {
          text: query.q,
          tags,
          limit: query.limit + 1,
          offset,
        });
        const more = found.length > query.limit;
        return {
          items: found.slice(0, query.limit),
          nextCursor: more ? encodeSearchCursor(offset + query.limit) : null,
        };
      }
      if (query.key) {
        const found = await findMemoryEntry(scope, owner, query.key);
        return { items: found ? [found] : [], nextCursor: null };
      }
      const before = query.cursor ? decodeCursor(query.cursor) : undefined;
      const rows = await listMemoryEntries(scope, owner, {
        limit: query.limit + 1,
        prefix: query.prefix,
        tags,
        before: before && { updatedAt: before.createdAt, id: before.id },
      });
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      // The list is ordered by last update, so the cursor holds that time.
      const nextCursor =
        rows.length > query.limit && last ? encodeCursor({ createdAt: last.updatedAt, id: last.id }) : null;
      return { items, nextCursor };
    });
    return c.json({ items: result.items.map(entryView), nextCursor: result.nextCursor }, 200);
  });

  // Registered before the `{entryId}` routes, so `tags` is never taken for an entry's id.
  app.openapi(routes.tags, async (c) => {
    const access = requireAction(c, 'context.read');
    const items = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) =>
        listMemoryTags(scope, await surface.owner(scope, params(c))),
      );
    return c.json({ items }, 200);
  });

  app.openapi(routes.write, async (c) => {
    const access = requireAction(c, 'context.manage');
    const body = c.req.valid('json');
    const { entry, created } = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) => {
        const owner = await surface.owner(scope, params(c));
        const existed = await findMemoryEntry(scope, owner, body.key);
        if (body.expectedVersion !== undefined) {
          if (existed && body.expectedVersion === 0) throw keyTaken(body.key);
          if (!existed && body.expectedVersion > 0) throw deletedMeanwhile();
          if (existed && existed.version !== body.expectedVersion)
            throw staleRefusal(existed, body.expectedVersion, access);
        }
        const written = await upsertMemoryEntry(scope, owner, {
          key: body.key,
          value: body.value,
          text: body.text ?? searchableText(body.value),
          tags: body.tags,
          createdBy: access.actor.userId ?? null,
          expectedVersion: body.expectedVersion,
        });
        // Refused by the database: someone wrote the key between the check above and the write.
        if (!written) {
          const now = await findMemoryEntry(scope, owner, body.key);
          throw now && body.expectedVersion
            ? staleRefusal(now, body.expectedVersion, access)
            : keyTaken(body.key);
        }
        const entry = await details(scope, written.id);
        await audit(scope, access, existed ? 'updated' : 'created', entry);
        return { entry, created: !existed };
      });
    if (created) {
      const place = surface.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
        name === 'ws' ? access.workspace.id : encodeURIComponent(params(c)[name] ?? ''),
      );
      c.header('Location', `${place}/${entry.id}`);
    }
    return c.json(entryView(entry), created ? 201 : 200);
  });

  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'context.read');
    const entry = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) =>
        findOwnEntry(scope, await surface.owner(scope, params(c)), params(c).entryId ?? ''),
      );
    return c.json(entryView(entry), 200);
  });

  app.openapi(routes.edit, async (c) => {
    const access = requireAction(c, 'context.manage');
    const body = c.req.valid('json');
    const entryId = params(c).entryId ?? '';
    const entry = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const owner = await surface.owner(scope, params(c));
      const before = await findMemoryEntryById(scope, entryId);
      if (!before || before.agentId !== owner.agentId) throw deletedMeanwhile();
      if (before.version !== body.expectedVersion) throw staleRefusal(before, body.expectedVersion, access);
      let edited: Awaited<ReturnType<typeof editMemoryEntry>>;
      try {
        edited = await editMemoryEntry(scope, owner, entryId, {
          key: body.key,
          value: body.value,
          text: body.text ?? searchableText(body.value),
          tags: body.tags,
          updatedBy: access.actor.userId ?? null,
          expectedVersion: body.expectedVersion,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw keyTaken(body.key);
        throw error;
      }
      // Changed between the read above and the update (another request or a run).
      if (!edited) throw staleRefusal(await details(scope, entryId), body.expectedVersion, access);
      const after = await details(scope, entryId);
      await audit(
        scope,
        access,
        'updated',
        after,
        before.key === after.key ? {} : { previousKey: before.key },
      );
      return after;
    });
    return c.json(entryView(entry), 200);
  });

  app.openapi(routes.remove, async (c) => {
    const access = requireAction(c, 'context.manage');
    const { expectedVersion } = c.req.valid('query');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const owner = await surface.owner(scope, params(c));
      const entry = await findOwnEntry(scope, owner, params(c).entryId ?? '');
      if (expectedVersion !== undefined && entry.version !== expectedVersion)
        throw staleRefusal(entry, expectedVersion, access);
      const deleted = await deleteMemoryEntryById(scope, owner, entry.id, expectedVersion);
      if (!deleted) {
        const now = await findMemoryEntryById(scope, entry.id);
        if (now && expectedVersion !== undefined) throw staleRefusal(now, expectedVersion, access);
        throw notFound('This entry');
      }
      await audit(scope, access, 'deleted', entry);
    });
    return c.body(null, 204);
  });
}

export function registerContextRoutes(app: OpenAPIHono<ApiEnv>) {
  for (const surface of surfaces) register(app, surface);
}
