// Deliverables: files runs saved (files.save) or users uploaded. Metadata as JSON; the content
// at `/content`, with its type, a download name and its SHA-256 as the ETag.
import { createHash } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound, OrcaError } from '../../domain/errors.ts';
import { fileNameSchema } from '../../domain/file-name.ts';
import { contentTypeFor } from '../../runtime/tools/file-formats.ts';
import {
  type DeliverableRecord,
  deleteDeliverable,
  findDeliverable,
  insertDeliverable,
  listDeliverables,
} from '../../store/deliverable-repository.ts';
import type { ApiEnv } from '../context.ts';
import { decodeCursor, pageOf } from '../cursor.ts';
import { contentSecurityPolicyFor, inlineContentType } from '../inline-content.ts';
import { commonErrors, idParameter, jsonResponse, listOf, securedBy, timestamp } from '../schemas.ts';
import { iso } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

const deliverableSchema = z
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
  })
  .openapi('Deliverable');

const fileParams = z.object({ ws: idParameter('ws'), fileId: idParameter('fileId') });

function deliverableView(record: DeliverableRecord) {
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
  };
}

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/workspaces/{ws}/deliverables',
    tags: ['deliverables'],
    summary: 'Files runs saved and users uploaded, newest first',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws') }),
      query: z.object({
        run: z.uuid('run must be a run id').optional(),
        agent: z.uuid('agent must be an agent id').optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(500).optional(),
      }),
    },
    responses: { 200: jsonResponse(listOf(deliverableSchema), 'A page of files.'), ...commonErrors },
  }),
  upload: createRoute({
    method: 'post',
    path: '/api/workspaces/{ws}/deliverables',
    tags: ['deliverables'],
    summary: 'Upload a file (builder): the request body is the content, its Content-Type the type',
    security: securedBy,
    request: { params: z.object({ ws: idParameter('ws') }), query: z.object({ name: fileNameSchema }) },
    responses: { 201: jsonResponse(deliverableSchema, 'The file, kept.'), ...commonErrors },
  }),
  read: createRoute({
    method: 'get',
    path: '/api/workspaces/{ws}/deliverables/{fileId}',
    tags: ['deliverables'],
    summary: 'A file’s name, type, size and checksum',
    security: securedBy,
    request: { params: fileParams },
    responses: { 200: jsonResponse(deliverableSchema, 'The file.'), ...commonErrors },
  }),
  content: createRoute({
    method: 'get',
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
    responses: { 200: { description: 'The content, with its type.' }, ...commonErrors },
  }),
  remove: createRoute({
    method: 'delete',
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
    const rows = await c.get('services').store.inWorkspace(access.workspace.id, (scope) =>
      listDeliverables(scope, {
        limit: query.limit + 1,
        runId: query.run,
        agentId: query.agent,
        before: query.cursor ? decodeCursor(query.cursor) : undefined,
      }),
    );
    const page = pageOf(rows, query.limit);
    return c.json({ items: page.items.map(deliverableView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.upload, async (c) => {
    const access = requireAction(c, 'deliverables.manage');
    const { name } = c.req.valid('query');
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
      const { record } = await store.inWorkspace(access.workspace.id, (scope) =>
        insertDeliverable(scope, {
          name,
          contentType,
          sizeBytes: written.sizeBytes,
          sha256: written.sha256,
          storageKey: written.storageKey,
          createdBy: access.actor.userId ?? null,
        }),
      );
      return c.json(deliverableView(record), 201);
    } catch (error) {
      await files.remove(written.storageKey);
      throw error;
    }
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
    const content = await files.read(record.storageKey).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        throw new OrcaError('not_found', `The content of "${record.name}" is missing from the file store.`);
      }
      throw error;
    });
    // A file damaged on disk is refused rather than served as if it were the original.
    if (createHash('sha256').update(content).digest('hex') !== record.sha256) {
      throw new OrcaError(
        'internal',
        `The stored content of "${record.name}" no longer matches its checksum.`,
      );
    }
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
