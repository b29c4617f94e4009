// Branded exports of a deliverable: a Markdown, HTML, plain-text, CSV or JSON file as a PDF or a
// standalone HTML page in the workspace's export profile. GET downloads the export; POST keeps it
// as a deliverable of its own (a new version each time it is exported again).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound } from '../../domain/errors.ts';
import { loadBrandProfile } from '../../export/brand-profile.ts';
import {
  type ExportedFile,
  type ExportFormat,
  exportFile,
  exportFormats,
} from '../../export/deliverable-export.ts';
import { findDeliverable, insertDeliverable } from '../../store/deliverable-repository.ts';
import type { ApiEnv, ApiServices } from '../context.ts';
import { locateInWorkspace } from '../location.ts';
import { binaryContent, commonErrors, idParameter, jsonResponse, securedBy } from '../schemas.ts';
import { readStoredContent } from '../stored-content.ts';
import { requireAction } from '../workspace-access.ts';
import { deliverableSchema, deliverableView } from './deliverable-routes.ts';

const fileParams = z.object({ ws: idParameter('ws'), fileId: idParameter('fileId') });
const formatSchema = z
  .enum(exportFormats, 'format must be pdf or html')
  .describe('pdf: a branded PDF (A4, page numbers in the footer); html: a standalone branded web page.');

const routes = {
  download: createRoute({
    method: 'get',
    operationId: 'exportDeliverable',
    path: '/api/workspaces/{ws}/deliverables/{fileId}/export',
    tags: ['deliverables'],
    summary: 'A Markdown, HTML, text, CSV or JSON file as a branded PDF or HTML page, in the export profile',
    security: securedBy,
    request: { params: fileParams, query: z.object({ format: formatSchema }) },
    responses: {
      200: {
        description: 'The export (application/pdf or text/html), as a download.',
        content: binaryContent('application/pdf', 'text/html'),
      },
      ...commonErrors,
    },
  }),
  keep: createRoute({
    method: 'post',
    operationId: 'saveDeliverableExport',
    path: '/api/workspaces/{ws}/deliverables/{fileId}/export',
    tags: ['deliverables'],
    summary: 'Export a file and keep the export as a deliverable (builder), beside the file it came from',
    security: securedBy,
    request: {
      params: fileParams,
      body: {
        content: { 'application/json': { schema: z.object({ format: formatSchema }) } },
        required: true,
      },
    },
    responses: { 201: jsonResponse(deliverableSchema, 'The export, kept.'), ...commonErrors },
  }),
};

export function registerDeliverableExportRoutes(app: OpenAPIHono<ApiEnv>) {
  async function exported(services: ApiServices, workspaceId: string, fileId: string, format: ExportFormat) {
    const { files, store } = services;
    const { record, profile } = await store.inWorkspace(workspaceId, async (scope) => {
      const found = await findDeliverable(scope, fileId);
      if (!found) throw notFound('This file');
      return { record: found, profile: await loadBrandProfile(scope) };
    });
    const content = await readStoredContent(files, record);
    const file: ExportedFile = await exportFile(
      { name: record.name, contentType: record.contentType, content },
      format,
      profile,
    );
    return { record, file };
  }

  app.openapi(routes.download, async (c) => {
    const access = requireAction(c, 'deliverables.read');
    const { fileId } = c.req.valid('param');
    const { file } = await exported(
      c.get('services'),
      access.workspace.id,
      fileId,
      c.req.valid('query').format,
    );
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': file.contentType,
      'content-length': String(file.content.byteLength),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'cache-control': 'private, no-store',
      // The HTML export is a page of its own, never run as one of Orca's origin.
      'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    });
  });

  app.openapi(routes.keep, async (c) => {
    const access = requireAction(c, 'deliverables.manage');
    const { fileId } = c.req.valid('param');
    const { files, store } = c.get('services');
    const { record, file } = await exported(
      c.get('services'),
      access.workspace.id,
      fileId,
      c.req.valid('json').format,
    );
    const written = await files.write(access.workspace.id, file.content);
    try {
      const kept = await store.inWorkspace(access.workspace.id, (scope) =>
        insertDeliverable(scope, {
          name: file.name,
          contentType: file.contentType,
          sizeBytes: written.sizeBytes,
          sha256: written.sha256,
          storageKey: written.storageKey,
          workroomId: record.workroomId,
          agentId: record.agentId,
          createdBy: access.actor.userId ?? null,
        }),
      );
      locateInWorkspace(c, 'deliverables', kept.record.id);
      return c.json(deliverableView(kept.record), 201);
    } catch (error) {
      await files.remove(written.storageKey);
      throw error;
    }
  });
}
