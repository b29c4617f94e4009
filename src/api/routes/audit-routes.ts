// The workspace's audit log, newest first, with cursor pagination.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listAudit } from '../../store/audit-repository.ts';
import type { ApiEnv } from '../context.ts';
import { decodeCursor, pageOf } from '../cursor.ts';
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
    const page = pageOf(records, query.limit);
    return c.json(
      {
        items: page.items.map(({ workspaceId: _workspaceId, ...record }) => ({
          ...record,
          createdAt: iso(record.createdAt),
        })),
        nextCursor: page.nextCursor,
      },
      200,
    );
  });
}
