// The workspace's audit log, newest first, with cursor pagination.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { OrcaError } from '../../domain/errors.ts';
import { type AuditRecord, listAudit } from '../../store/audit-repository.ts';
import type { ApiEnv } from '../context.ts';
import { commonErrors, idParameter, jsonResponse, listOf, securedBy, timestamp } from '../schemas.ts';
import { iso } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

const auditSchema = z
  .object({
    id: z.string(),
    action: z.string(),
    actorUserId: z.string().nullable(),
    actorTokenId: z.string().nullable(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    createdAt: timestamp,
  })
  .openapi('AuditEvent');

const cursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });

function encodeCursor(record: AuditRecord): string {
  return Buffer.from(JSON.stringify({ createdAt: iso(record.createdAt), id: record.id })).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string) {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt: new Date(parsed.createdAt), id: parsed.id };
  } catch {
    throw new OrcaError(
      'bad_request',
      'The cursor is not valid. Pass the nextCursor of a previous page unchanged.',
    );
  }
}

const listAuditRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{ws}/audit',
  tags: ['audit'],
  summary: 'Audit log: membership, token and settings changes (admin)',
  security: securedBy,
  request: {
    params: z.object({ ws: idParameter('ws') }),
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(500).optional(),
      action: z
        .string()
        .regex(/^[a-z_.]{1,100}$/, 'action must look like member.invited')
        .optional()
        .describe('Only events of this action, e.g. member.invited.'),
    }),
  },
  responses: { 200: jsonResponse(listOf(auditSchema), 'A page of events.'), ...commonErrors },
});

export function registerAuditRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listAuditRoute, async (c) => {
    const access = requireAction(c, 'audit.read');
    const query = c.req.valid('query');
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const records = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) =>
        listAudit(scope, { limit: query.limit + 1, after, action: query.action }),
      );
    const page = records.slice(0, query.limit);
    const last = page[page.length - 1];
    return c.json(
      {
        items: page.map((record) => ({
          ...record,
          workspaceId: undefined,
          createdAt: iso(record.createdAt),
        })),
        nextCursor: records.length > query.limit && last ? encodeCursor(last) : null,
      },
      200,
    );
  });
}
