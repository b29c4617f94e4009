// The workspace's audit log, newest first, with cursor pagination and filters (action, person,
// time span). Each event names who acted, so a reader needs no list of ids to make sense of it.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ruleViolated } from '../../domain/errors.ts';
import {
  type AuditRecord,
  auditActorNames,
  auditKeyset,
  listAudit,
  listAuditActions,
} from '../../store/audit-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import type { ApiEnv } from '../context.ts';
import { keysetPageOf, requestedPage } from '../keyset-cursor.ts';
import { commonErrors, idParameter, jsonResponse, listOf, securedBy, timestamp } from '../schemas.ts';
import { iso } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

const auditSchema = z
  .object({
    id: z.string(),
    action: z.string(),
    actorUserId: z.string().nullable(),
    actorTokenId: z.string().nullable(),
    actorName: z
      .string()
      .nullable()
      .describe(
        'The name of the person who acted (through a token or not); null for a former member or Orca.',
      ),
    actorTokenName: z
      .string()
      .nullable()
      .describe('The name of the API token the person acted through, if any (even when since revoked).'),
    targetType: z.string(),
    targetId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    createdAt: timestamp,
  })
  .openapi('AuditEvent');

const instant = (name: string) =>
  z.iso
    .datetime({ offset: true, error: `${name} must be a date and time like 2026-12-01T00:00:00Z` })
    .transform((value) => new Date(value))
    .optional();

const listAuditRoute = createRoute({
  method: 'get',
  operationId: 'listAuditEvents',
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
      actor: z
        .uuid('actor must be the user id of a member (see /members)')
        .optional()
        .describe('Only what this person did, themselves or through their API tokens (a user id).'),
      since: instant('since').describe('Only events at or after this instant (ISO 8601).'),
      until: instant('until').describe('Only events before this instant (ISO 8601).'),
    }),
  },
  responses: { 200: jsonResponse(listOf(auditSchema), 'A page of events.'), ...commonErrors },
});

const listActionsRoute = createRoute({
  method: 'get',
  operationId: 'listAuditActions',
  path: '/api/workspaces/{ws}/audit/actions',
  tags: ['audit'],
  summary: 'The actions the audit log holds so far, e.g. to filter by (admin)',
  security: securedBy,
  request: { params: z.object({ ws: idParameter('ws') }) },
  responses: { 200: jsonResponse(listOf(z.string()), 'The actions, alphabetically.'), ...commonErrors },
});

async function withActorNames(scope: WorkspaceScope, records: AuditRecord[]) {
  const names = await auditActorNames(scope, {
    userIds: [...new Set(records.flatMap((record) => (record.actorUserId ? [record.actorUserId] : [])))],
    tokenIds: [...new Set(records.flatMap((record) => (record.actorTokenId ? [record.actorTokenId] : [])))],
  });
  return records.map(({ workspaceId: _workspaceId, ...record }) => ({
    ...record,
    actorName: record.actorUserId ? (names.users.get(record.actorUserId) ?? null) : null,
    actorTokenName: record.actorTokenId ? (names.tokens.get(record.actorTokenId) ?? null) : null,
    createdAt: iso(record.createdAt),
  }));
}

export function registerAuditRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listActionsRoute, async (c) => {
    const access = requireAction(c, 'audit.read');
    const actions = await c.get('services').store.inWorkspace(access.workspace.id, listAuditActions);
    return c.json({ items: actions, nextCursor: null }, 200);
  });

  app.openapi(listAuditRoute, async (c) => {
    const access = requireAction(c, 'audit.read');
    const query = c.req.valid('query');
    if (query.since && query.until && query.since >= query.until) {
      throw ruleViolated('since must be before until: choose a start date before the end date.');
    }
    const requested = requestedPage(auditKeyset, query);
    const items = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const records = await listAudit(scope, {
        ...requested,
        action: query.action,
        actorUserId: query.actor,
        since: query.since,
        until: query.until,
      });
      const page = keysetPageOf(auditKeyset, records, query.limit);
      return { items: await withActorNames(scope, page.items), nextCursor: page.nextCursor };
    });
    return c.json(items, 200);
  });
}
