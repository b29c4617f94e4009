// The workspace's export profile: how branded PDF and HTML exports look. Anyone in the workspace
// reads it; admins change it. The letterhead is a PNG or JPEG sent as the request body, checked
// by its bytes (not by what the request claims) and by decoding it once.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { PDFDocument } from 'pdf-lib';
import { notFound, OrcaError, ruleViolated } from '../../domain/errors.ts';
import {
  exportFonts,
  exportProfileSettingsSchema,
  letterheadTypeOf,
  maximumLetterheadBytes,
  readExportProfileSettings,
} from '../../domain/export-profile.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import {
  type ExportProfileRecord,
  findExportProfile,
  saveExportProfileSettings,
  saveLetterhead,
} from '../../store/export-profile-repository.ts';
import type { ApiEnv } from '../context.ts';
import { validationError } from '../error-response.ts';
import { binaryContent, commonErrors, idParameter, jsonResponse, securedBy, timestamp } from '../schemas.ts';
import { isoOrNull } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

const fontSchema = z.enum(exportFonts);

const profileSchema = z
  .object({
    accentColor: z.string().describe('#rrggbb, used for headings, rules and table headers.'),
    bodyFont: fontSchema,
    headingFont: fontSchema,
    contactBlock: z.string().describe('A few lines (at most 6) shown at the top right of the first page.'),
    footerText: z
      .string()
      .describe('One line at the bottom of every page (next to the page number in a PDF).'),
    letterhead: z
      .object({
        contentType: z.enum(['image/png', 'image/jpeg']),
        sizeBytes: z.number().int(),
        width: z.number().int(),
        height: z.number().int(),
        path: z.string(),
      })
      .nullable()
      .describe('The image at the top of the first page, or null.'),
    allowedFonts: z.array(fontSchema).describe('The fonts bodyFont and headingFont may be.'),
    updatedAt: timestamp.nullable(),
  })
  .openapi('ExportProfile');

const settingsBody = z
  .object({
    accentColor: z.string().optional(),
    bodyFont: z.string().optional(),
    headingFont: z.string().optional(),
    contactBlock: z.string().optional(),
    footerText: z.string().optional(),
  })
  .openapi('ExportProfileSettings');

const params = z.object({ ws: idParameter('ws') });

async function letterheadSize(contentType: string, bytes: Uint8Array) {
  const document = await PDFDocument.create();
  const image = contentType === 'image/png' ? await document.embedPng(bytes) : await document.embedJpg(bytes);
  return { width: image.width, height: image.height };
}

async function profileView(workspaceId: string, record: ExportProfileRecord | undefined) {
  const settings = readExportProfileSettings(record?.settings);
  const letterheadType = record?.letterhead ? letterheadTypeOf(record.letterhead) : undefined;
  return {
    ...settings,
    letterhead:
      record?.letterhead && letterheadType
        ? {
            contentType: letterheadType,
            sizeBytes: record.letterhead.byteLength,
            ...(await letterheadSize(letterheadType, record.letterhead)),
            path: `/api/workspaces/${workspaceId}/export-profile/letterhead`,
          }
        : null,
    allowedFonts: [...exportFonts],
    updatedAt: isoOrNull(record?.updatedAt ?? null),
  };
}

const routes = {
  read: createRoute({
    method: 'get',
    operationId: 'getExportProfile',
    path: '/api/workspaces/{ws}/export-profile',
    tags: ['export profile'],
    summary: 'How branded exports look: letterhead, accent colour, fonts, contact block, footer',
    security: securedBy,
    request: { params },
    responses: { 200: jsonResponse(profileSchema, 'The profile (defaults until set).'), ...commonErrors },
  }),
  update: createRoute({
    method: 'put',
    operationId: 'updateExportProfile',
    path: '/api/workspaces/{ws}/export-profile',
    tags: ['export profile'],
    summary: 'Change the export profile (admin); fields not sent keep their value',
    security: securedBy,
    request: {
      params,
      body: { content: { 'application/json': { schema: settingsBody } }, required: true },
    },
    responses: { 200: jsonResponse(profileSchema, 'The profile, saved.'), ...commonErrors },
  }),
  letterhead: createRoute({
    method: 'get',
    operationId: 'getLetterhead',
    path: '/api/workspaces/{ws}/export-profile/letterhead',
    tags: ['export profile'],
    summary: 'The letterhead image',
    security: securedBy,
    request: {
      params,
      query: z.object({
        v: z
          .string()
          .max(100)
          .optional()
          .describe(
            'Ignored: a client changes it (the profile’s updatedAt) to load a new image past its cache.',
          ),
      }),
    },
    responses: {
      200: { description: 'The PNG or JPEG image.', content: binaryContent('image/png', 'image/jpeg') },
      ...commonErrors,
    },
  }),
  setLetterhead: createRoute({
    method: 'put',
    operationId: 'setLetterhead',
    path: '/api/workspaces/{ws}/export-profile/letterhead',
    tags: ['export profile'],
    summary: `Set the letterhead (admin): the body is a PNG or JPEG image of at most ${maximumLetterheadBytes / 1024} KB`,
    security: securedBy,
    request: {
      params,
      body: {
        required: true,
        description: 'The image’s bytes.',
        content: binaryContent('image/png', 'image/jpeg'),
      },
    },
    responses: { 200: jsonResponse(profileSchema, 'The profile with its new letterhead.'), ...commonErrors },
  }),
  removeLetterhead: createRoute({
    method: 'delete',
    operationId: 'deleteLetterhead',
    path: '/api/workspaces/{ws}/export-profile/letterhead',
    tags: ['export profile'],
    summary: 'Remove the letterhead (admin)',
    security: securedBy,
    request: { params },
    responses: { 200: jsonResponse(profileSchema, 'The profile without a letterhead.'), ...commonErrors },
  }),
};

export function registerExportProfileRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'workspace.read');
    const record = await c.get('services').store.inWorkspace(access.workspace.id, findExportProfile);
    return c.json(await profileView(access.workspace.id, record), 200);
  });

  app.openapi(routes.update, async (c) => {
    const access = requireAction(c, 'workspace.update');
    const changes = c.req.valid('json');
    const record = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const current = readExportProfileSettings((await findExportProfile(scope))?.settings);
      const parsed = exportProfileSettingsSchema.safeParse({ ...current, ...changes });
      if (!parsed.success) throw validationError(parsed.error, 'export profile');
      const saved = await saveExportProfileSettings(scope, parsed.data, access.actor.userId ?? null);
      await recordAudit(scope, access.actor, {
        action: 'export_profile.updated',
        targetType: 'workspace',
        targetId: scope.workspaceId,
        details: { fields: Object.keys(changes) },
      });
      return saved;
    });
    return c.json(await profileView(access.workspace.id, record), 200);
  });

  app.openapi(routes.letterhead, async (c) => {
    const access = requireAction(c, 'workspace.read');
    const record = await c.get('services').store.inWorkspace(access.workspace.id, findExportProfile);
    const type = record?.letterhead ? letterheadTypeOf(record.letterhead) : undefined;
    if (!record?.letterhead || !type) throw notFound('The letterhead');
    return c.body(new Uint8Array(record.letterhead), 200, {
      'content-type': type,
      'content-length': String(record.letterhead.byteLength),
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  app.openapi(routes.setLetterhead, async (c) => {
    const access = requireAction(c, 'workspace.update');
    const bytes = Buffer.from(await c.req.arrayBuffer());
    if (bytes.byteLength === 0) {
      throw new OrcaError(
        'bad_request',
        'The request body is empty: send the PNG or JPEG image as the body.',
      );
    }
    if (bytes.byteLength > maximumLetterheadBytes) {
      throw new OrcaError(
        'payload_too_large',
        `The letterhead is ${bytes.byteLength} bytes; it may be at most ${maximumLetterheadBytes} bytes. Send a smaller image (a banner of about 1600×200 pixels is plenty).`,
      );
    }
    const contentType = letterheadTypeOf(bytes);
    if (!contentType) {
      throw ruleViolated(
        'The letterhead must be a PNG or JPEG image; these bytes are neither. Export it as PNG or JPEG and try again.',
      );
    }
    await letterheadSize(contentType, bytes).catch((error: unknown) => {
      throw ruleViolated(
        `The letterhead could not be read as a ${contentType} image: ${(error as Error).message}`,
      );
    });
    const record = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const saved = await saveLetterhead(scope, { contentType, bytes }, access.actor.userId ?? null);
      await recordAudit(scope, access.actor, {
        action: 'export_profile.letterhead_set',
        targetType: 'workspace',
        targetId: scope.workspaceId,
        details: { contentType, sizeBytes: bytes.byteLength },
      });
      return saved;
    });
    return c.json(await profileView(access.workspace.id, record), 200);
  });

  app.openapi(routes.removeLetterhead, async (c) => {
    const access = requireAction(c, 'workspace.update');
    const record = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const saved = await saveLetterhead(scope, undefined, access.actor.userId ?? null);
      await recordAudit(scope, access.actor, {
        action: 'export_profile.letterhead_removed',
        targetType: 'workspace',
        targetId: scope.workspaceId,
        details: {},
      });
      return saved;
    });
    return c.json(await profileView(access.workspace.id, record), 200);
  });
}
