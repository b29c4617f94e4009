// Deliverables: files runs saved (files.save) or users uploaded. Metadata as JSON; the content
// at `/content`, with its type, a download name and its SHA-256 as the ETag.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound, OrcaError } from '../../domain/errors.ts';
import { fileNameSchema } from '../../domain/file-name.ts';
import { contentTypeFor } from '../../runtime/tools/file-formats.ts';
import {
  type DeliverableRecord,
  deleteDeliverable,
  deliverableKeyset,
  findDeliverable,
  insertDeliverable,
  listDeliverables,
  listVersions,
  versionKeyset,
} from '../../store/deliverable-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import type { ApiEnv } from '../context.ts';
import { contentSecurityPolicyFor, inlineContentType } from '../inline-content.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import { locateInWorkspace } from '../location.ts';
import {
  binaryContent,
  commonErrors,
  idParameter,
  jsonResponse,
  listOf,
  securedBy,
  timestamp,
} from '../schemas.ts';
import { iso } from '../serialize.ts';
import { readStoredContent } from '../stored-content.ts';
import { requireAction } from '../workspace-access.ts';
import { resolveWorkroomFilter, workroomQuery } from './workroom-filter.ts';

export const deliverableSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    runId: z.string().nullable(),
    agentId: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    contentPath: z.string().describe('Where to download the content.'),
    workroomId: z
      .string()
      .nullable()
      .describe('The workroom it was made in (the run’s, or chosen at upload).'),
    version: z
      .number()
      .int()
      .describe(
        'Its number among the files of the same workroom, agent and name (without regard to case): 1, then one more for each later save or upload.',
      ),
    latest: z.boolean().describe('Whether it is the newest version of its file.'),
    versionsPath: z.string().describe('Where every version of this file is listed.'),
  })
  .openapi('Deliverable');

const fileParams = z.object({ ws: idParameter('ws'), fileId: idParameter('fileId') });

export function deliverableView(record: DeliverableRecord) {
  return {
    id: record.id,
    name: record.name,
    contentType: record.contentType,
    sizeBytes: record.sizeBytes,
    sha256: record.sha256,
    runId: record.runId,
    agentId: record.agentId,
    createdBy: record.createdBy,
    createdAt: iso(record.createdAt),
    contentPath: `/api/workspaces/${record.workspaceId}/deliverables/${record.id}/content`,
    workroomId: record.workroomId,
    version: record.version,
    latest: record.latest,
    versionsPath: `/api/workspaces/${record.workspaceId}/deliverables/${record.id}/versions`,
  };
}

/** Where an upload goes: the workroom asked for, or into the family of the file it is a version of. */
async function uploadPlacement(
  scope: WorkspaceScope,
  asked: { workroom?: string; versionOf?: string },
): Promise<{ workroomId: string | null; agentId?: string | null; family?: string }> {
  if (asked.versionOf) {
    const earlier = await findDeliverable(scope, asked.versionOf);
    if (!earlier) throw notFound('The file given as versionOf');
    return { workroomId: earlier.workroomId, agentId: earlier.agentId, family: earlier.family };
  }
  return { workroomId: (await resolveWorkroomFilter(scope, asked.workroom)) ?? null };
}

const routes = {
  list: createRoute({
    method: 'get',
    operationId: 'listDeliverables',
    path: '/api/workspaces/{ws}/deliverables',
    tags: ['deliverables'],
    summary: 'Files runs saved and users uploaded, newest first',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws') }),
      query: z.object({
        run: z.uuid('run must be a run id').optional(),
        agent: z.uuid('agent must be an agent id').optional(),
        workroom: workroomQuery,
        name: z
          .string()
          .max(255)
          .optional()
          .describe('Only files with exactly this name, without regard to case.'),
        latest: z
          .enum(['true', 'false'], 'latest must be true or false')
          .optional()
          .describe('true: only the newest version of each file.'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(500).optional(),
      }),
    },
    responses: { 200: jsonResponse(listOf(deliverableSchema), 'A page of files.'), ...commonErrors },
  }),
  upload: createRoute({
    method: 'post',
    operationId: 'uploadDeliverable',
    path: '/api/workspaces/{ws}/deliverables',
    tags: ['deliverables'],
    summary: 'Upload a file (builder): the request body is the content, its Content-Type the type',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws') }),
      query: z.object({
        name: fileNameSchema,
        workroom: workroomQuery,
        versionOf: z
          .uuid('versionOf must be a file id')
          .optional()
          .describe(
            'Keep it as the next version of this file (its workroom and agent), whatever its name. Without it, an upload with the name of an earlier upload in the same workroom is that file’s next version.',
          ),
      }),
      body: {
        required: true,
        description: 'The file’s bytes; the Content-Type header is its type.',
        content: binaryContent('*/*'),
      },
    },
    responses: { 201: jsonResponse(deliverableSchema, 'The file, kept.'), ...commonErrors },
  }),
  versions: createRoute({
    method: 'get',
    operationId: 'listDeliverableVersions',
    path: '/api/workspaces/{ws}/deliverables/{fileId}/versions',
    tags: ['deliverables'],
    summary: 'Every version of a file, newest first',
    security: securedBy,
    request: { params: fileParams, query: z.object(pageParameters(200)) },
    responses: {
      200: jsonResponse(listOf(deliverableSchema), 'The versions.'),
      ...commonErrors,
    },
  }),
  read: createRoute({
    method: 'get',
    operationId: 'getDeliverable',
    path: '/api/workspaces/{ws}/deliverables/{fileId}',
    tags: ['deliverables'],
    summary: 'A file’s name, type, size and checksum',
    security: securedBy,
    request: { params: fileParams },
    responses: { 200: jsonResponse(deliverableSchema, 'The file.'), ...commonErrors },
  }),
  content: createRoute({
    method: 'get',
    operationId: 'downloadDeliverable',
    path: '/api/workspaces/{ws}/deliverables/{fileId}/content',
    tags: ['deliverables'],
    summary: 'Download a file, or show it in the page (PDF, pictures except SVG, plain text)',
    security: securedBy,
    request: {
      params: fileParams,
      query: z.object({
        disposition: z
          .enum(['attachment', 'inline'])
          .default('attachment')
          .describe(
            'inline: served for showing in the page, only for PDF, PNG/JPEG/GIF/WebP/AVIF pictures and plain text; any other type is still served as an attachment.',
          ),
      }),
    },
    responses: {
      200: { description: 'The content, with its type.', content: binaryContent('*/*') },
      ...commonErrors,
    },
  }),
  remove: createRoute({
    method: 'delete',
    operationId: 'deleteDeliverable',
    path: '/api/workspaces/{ws}/deliverables/{fileId}',
    tags: ['deliverables'],
    summary: 'Delete a file (builder)',
    security: securedBy,
    request: { params: fileParams },
    responses: { 204: { description: 'Deleted.' }, ...commonErrors },
  }),
};

export function registerDeliverableRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.list, async (c) => {
    const access = requireAction(c, 'deliverables.read');
    const query = c.req.valid('query');
    const rows = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) =>
      listDeliverables(
        scope,
        {
          runId: query.run,
          agentId: query.agent,
          workroomId: await resolveWorkroomFilter(scope, query.workroom),
          name: query.name,
          latestOnly: query.latest === 'true',
        },
        requestedPage(deliverableKeyset, query),
      ),
    );
    const page = keysetPageOf(deliverableKeyset, rows, query.limit);
    return c.json({ items: page.items.map(deliverableView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.upload, async (c) => {
    const access = requireAction(c, 'deliverables.manage');
    const { name, workroom, versionOf } = c.req.valid('query');
    const content = new Uint8Array(await c.req.arrayBuffer());
    if (content.byteLength === 0) {
      throw new OrcaError('bad_request', 'The request body is empty: send the file’s content as the body.');
    }
    const declared = c.req.header('content-type');
    const contentType =
      declared &&
      declared !== 'application/octet-stream' &&
      !declared.startsWith('application/x-www-form-urlencoded')
        ? declared
        : contentTypeFor(name);
    const { files, store } = c.get('services');
    const written = await files.write(access.workspace.id, content);
    try {
      const { record } = await store.inWorkspace(access.workspace.id, async (scope) => {
        const placement = await uploadPlacement(scope, { workroom, versionOf });
        return insertDeliverable(scope, {
          name,
          contentType,
          sizeBytes: written.sizeBytes,
          sha256: written.sha256,
          storageKey: written.storageKey,
          createdBy: access.actor.userId ?? null,
          ...placement,
        });
      });
      locateInWorkspace(c, 'deliverables', record.id);
      return c.json(deliverableView(record), 201);
    } catch (error) {
      await files.remove(written.storageKey);
      throw error;
    }
  });

  app.openapi(routes.versions, async (c) => {
    const access = requireAction(c, 'deliverables.read');
    const { fileId } = c.req.valid('param');
    const query = c.req.valid('query');
    const versions = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const record = await findDeliverable(scope, fileId);
      if (!record) throw notFound('This file');
      return listVersions(scope, record.family, requestedPage(versionKeyset, query));
    });
    const page = keysetPageOf(versionKeyset, versions, query.limit);
    return c.json({ items: page.items.map(deliverableView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'deliverables.read');
    const { fileId } = c.req.valid('param');
    const record = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) => findDeliverable(scope, fileId));
    if (!record) throw notFound('This file');
    return c.json(deliverableView(record), 200);
  });

  app.openapi(routes.content, async (c) => {
    const access = requireAction(c, 'deliverables.read');
    const { fileId } = c.req.valid('param');
    const { files, store } = c.get('services');
    const record = await store.inWorkspace(access.workspace.id, (scope) => findDeliverable(scope, fileId));
    if (!record) throw notFound('This file');
    const inlineType =
      c.req.valid('query').disposition === 'inline' ? inlineContentType(record.contentType) : undefined;
    const inline = inlineType !== undefined;
    const etag = `"${record.sha256}"`;
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    const content = await readStoredContent(files, record);
    return c.body(new Uint8Array(content), 200, {
      'content-type': inlineType ?? record.contentType,
      'content-length': String(content.byteLength),
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(record.name)}`,
      etag,
      // User content is never run as a page of Orca's origin.
      'content-security-policy': contentSecurityPolicyFor(inline),
      'x-content-type-options': 'nosniff',
    });
  });

  app.openapi(routes.remove, async (c) => {
    const access = requireAction(c, 'deliverables.manage');
    const { fileId } = c.req.valid('param');
    const { files, store } = c.get('services');
    const record = await store.inWorkspace(access.workspace.id, (scope) => deleteDeliverable(scope, fileId));
    if (!record) throw notFound('This file');
    await files.remove(record.storageKey);
    return c.body(null, 204);
  });
}
