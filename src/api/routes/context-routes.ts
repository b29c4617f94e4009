// Shared context (`/context`: every agent of the workspace reads and writes it) and each agent's
// private memory (`/agents/:agentId/memory`). Both list newest first, search with `?q=`, and
// take writes by key: writing a key again replaces its entry.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound } from '../../domain/errors.ts';
import {
  memoryKeySchema,
  memoryTagsSchema,
  memoryValueSchema,
  searchableText,
  searchableTextLimit,
} from '../../domain/memory.ts';
import { findAgent } from '../../store/agent-repository.ts';
import {
  deleteMemoryEntry,
  findMemoryEntry,
  findMemoryEntryById,
  listMemoryEntries,
  type MemoryOwner,
  type MemoryRecord,
  searchMemoryEntries,
  upsertMemoryEntry,
} from '../../store/memory-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import type { ApiContext, ApiEnv } from '../context.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
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

const entrySchema = z
  .object({
    id: z.string(),
    scope: z.enum(['workspace', 'agent']),
    agentId: z.string().nullable(),
    key: z.string(),
    value: z.unknown(),
    text: z.string(),
    tags: z.array(z.string()),
    sourceRunId: z.string().nullable().describe('The run that wrote it last, if a run did.'),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    rank: z.number().optional().describe('With ?q=: how well it matches.'),
    snippet: z.string().optional().describe('With ?q=: the matching words of its text, in <b>…</b>.'),
  })
  .openapi('MemoryEntry');

const writeSchema = z
  .object({
    key: memoryKeySchema,
    value: memoryValueSchema,
    text: z
      .string()
      .max(searchableTextLimit)
      .optional()
      .describe('What search matches; by default the value’s words.'),
    tags: memoryTagsSchema,
  })
  .openapi('MemoryWrite');

const listQuery = z.object({
  q: z.string().trim().min(1).max(500).optional().describe('Full-text search, best match first.'),
  key: memoryKeySchema.optional().describe('Only the entry with exactly this key.'),
  prefix: z.string().max(200).optional().describe('Only keys starting with this.'),
  tags: z.string().max(1100).optional().describe('Comma-separated: only entries with all these tags.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

function entryView(record: MemoryRecord & { rank?: number; snippet?: string }) {
  return {
    id: record.id,
    scope: record.agentId === null ? ('workspace' as const) : ('agent' as const),
    agentId: record.agentId,
    key: record.key,
    value: record.value,
    text: record.text,
    tags: record.tags,
    sourceRunId: record.sourceRunId,
    createdBy: record.createdBy,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    ...(record.rank === undefined ? {} : { rank: record.rank, snippet: record.snippet }),
  };
}

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
  params: z.ZodObject;
  /** Whose entries, after checking the agent (if any) is in the workspace. */
  owner(scope: WorkspaceScope, params: Record<string, string>): Promise<MemoryOwner>;
}

const surfaces: Surface[] = [
  {
    path: '/api/workspaces/{ws}/context',
    tag: 'context',
    what: 'shared context',
    params: z.object({ ws: idParameter('ws') }),
    owner: async () => ({ agentId: null }),
  },
  {
    path: '/api/workspaces/{ws}/agents/{agentId}/memory',
    tag: 'agents',
    what: 'agent memory',
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
      path: surface.path,
      tags: [surface.tag],
      summary: `List or search the ${surface.what}`,
      security: securedBy,
      request: { params: surface.params, query: listQuery },
      responses: { 200: jsonResponse(listOf(entrySchema), 'A page of entries.'), ...commonErrors },
    }),
    write: createRoute({
      method: 'post',
      path: surface.path,
      tags: [surface.tag],
      summary: `Write an entry of the ${surface.what} by key (builder); a key written again is replaced`,
      security: securedBy,
      request: { params: surface.params, body: jsonBody(writeSchema) },
      responses: {
        200: jsonResponse(entrySchema, 'The entry, replaced.'),
        201: jsonResponse(entrySchema, 'The entry, created.'),
        ...commonErrors,
      },
    }),
    read: createRoute({
      method: 'get',
      path: `${surface.path}/{entryId}`,
      tags: [surface.tag],
      summary: `Read an entry of the ${surface.what}`,
      security: securedBy,
      request: { params: entryParams },
      responses: { 200: jsonResponse(entrySchema, 'The entry.'), ...commonErrors },
    }),
    remove: createRoute({
      method: 'delete',
      path: `${surface.path}/{entryId}`,
      tags: [surface.tag],
      summary: `Delete an entry of the ${surface.what} (builder)`,
      security: securedBy,
      request: { params: entryParams },
      responses: { 204: { description: 'Deleted.' }, ...commonErrors },
    }),
  };
}

async function findOwnEntry(scope: WorkspaceScope, owner: MemoryOwner, entryId: string) {
  const entry = await findMemoryEntryById(scope, entryId);
  if (!entry || entry.agentId !== owner.agentId) throw notFound('This entry');
  return entry;
}

function register(app: OpenAPIHono<ApiEnv>, surface: Surface) {
  const routes = routesFor(surface);
  const params = (c: ApiContext) => c.req.param() as Record<string, string>;

  app.openapi(routes.list, async (c) => {
    const access = requireAction(c, 'context.read');
    const query = c.req.valid('query');
    const tags = parseTags(query.tags);
    const result = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const owner = await surface.owner(scope, params(c));
      if (query.q) {
        const found = await searchMemoryEntries(scope, owner, { text: query.q, tags, limit: query.limit });
        return { items: found, nextCursor: null };
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

  app.openapi(routes.write, async (c) => {
    const access = requireAction(c, 'context.manage');
    const body = c.req.valid('json');
    const { entry, created } = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) => {
        const owner = await surface.owner(scope, params(c));
        const existed = await findMemoryEntry(scope, owner, body.key);
        const written = await upsertMemoryEntry(scope, owner, {
          key: body.key,
          value: body.value,
          text: body.text ?? searchableText(body.value),
          tags: body.tags,
          createdBy: access.actor.userId ?? null,
        });
        return { entry: written, created: !existed };
      });
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

  app.openapi(routes.remove, async (c) => {
    const access = requireAction(c, 'context.manage');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const owner = await surface.owner(scope, params(c));
      const entry = await findOwnEntry(scope, owner, params(c).entryId ?? '');
      await deleteMemoryEntry(scope, owner, entry.key);
    });
    return c.body(null, 204);
  });
}

export function registerContextRoutes(app: OpenAPIHono<ApiEnv>) {
  for (const surface of surfaces) register(app, surface);
}
