// Workspaces: create, list mine, read, rename, delete.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { conflict, ruleViolated } from '../../domain/errors.ts';
import { slugCandidate, slugFromName, slugPattern } from '../../domain/slug.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import { isUniqueViolation, type Store } from '../../store/store.ts';
import {
  deleteWorkspace,
  insertMembership,
  insertWorkspace,
  listWorkspacesOfUser,
  updateWorkspace,
  type WorkspaceRecord,
  workspaceKeyset,
} from '../../store/workspace-repository.ts';
import { requireSession } from '../authentication.ts';
import type { ApiEnv } from '../context.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import {
  commonErrors,
  displayName,
  errorSchema,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  securedBy,
  workspaceSchema,
} from '../schemas.ts';
import { workspaceView } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    slugPattern,
    'slug must be 1-48 lower-case letters, digits or hyphens, not starting or ending with a hyphen',
  )
  .refine((value) => !/^[0-9a-f]{8}-/.test(value), 'slug must not look like a workspace id');

const workspaceParameters = z.object({ ws: idParameter('ws') });

const createWorkspaceRoute = createRoute({
  method: 'post',
  operationId: 'createWorkspace',
  path: '/api/workspaces',
  tags: ['workspaces'],
  summary: 'Create a workspace (you become its owner)',
  security: securedBy,
  request: { body: jsonBody(z.strictObject({ name: displayName('name', 80), slug: slugSchema.optional() })) },
  responses: {
    201: jsonResponse(workspaceSchema, 'The new workspace.'),
    400: commonErrors[400],
    401: commonErrors[401],
    403: commonErrors[403],
    409: jsonResponse(errorSchema, 'The slug is taken.'),
  },
});

const listWorkspacesRoute = createRoute({
  method: 'get',
  operationId: 'listWorkspaces',
  path: '/api/workspaces',
  tags: ['workspaces'],
  summary: 'The workspaces you belong to, oldest first',
  security: securedBy,
  request: { query: z.object(pageParameters()) },
  responses: {
    200: jsonResponse(listOf(workspaceSchema), 'A page of your workspaces.'),
    400: commonErrors[400],
    401: commonErrors[401],
  },
});

const getWorkspaceRoute = createRoute({
  method: 'get',
  operationId: 'getWorkspace',
  path: '/api/workspaces/{ws}',
  tags: ['workspaces'],
  summary: 'A workspace (by id or slug)',
  security: securedBy,
  request: { params: workspaceParameters },
  responses: {
    200: jsonResponse(workspaceSchema, 'The workspace.'),
    401: commonErrors[401],
    404: commonErrors[404],
  },
});

const updateWorkspaceRoute = createRoute({
  method: 'patch',
  operationId: 'updateWorkspace',
  path: '/api/workspaces/{ws}',
  tags: ['workspaces'],
  summary: 'Rename a workspace or change its slug (admin)',
  security: securedBy,
  request: {
    params: workspaceParameters,
    body: jsonBody(z.strictObject({ name: displayName('name', 80).optional(), slug: slugSchema.optional() })),
  },
  responses: {
    200: jsonResponse(workspaceSchema, 'The workspace after the change.'),
    ...commonErrors,
    409: jsonResponse(errorSchema, 'The slug is taken.'),
  },
});

const deleteWorkspaceRoute = createRoute({
  method: 'delete',
  operationId: 'deleteWorkspace',
  path: '/api/workspaces/{ws}',
  tags: ['workspaces'],
  summary: 'Delete a workspace and everything in it (owner; confirm with its slug)',
  security: securedBy,
  request: {
    params: workspaceParameters,
    query: z.object({ confirm: z.string().optional().describe('The workspace slug, typed again.') }),
  },
  responses: { 204: { description: 'Deleted.' }, ...commonErrors },
});

/** Creates a workspace, trying acme, acme-2, … when the slug from its name is taken. */
async function createWorkspace(store: Store, userId: string, name: string, requestedSlug?: string) {
  const base = requestedSlug ?? slugFromName(name);
  const attempts = requestedSlug ? 1 : 12;
  for (let attempt = 0; attempt <= attempts; attempt++) {
    const slug =
      attempt < attempts ? slugCandidate(base, attempt) : `${base}-${randomBytes(3).toString('hex')}`;
    try {
      return await store.inWorkspace(randomUUID(), async (scope) => {
        const workspace = await insertWorkspace(scope, { slug, name });
        await insertMembership(scope, userId, 'owner');
        await recordAudit(
          scope,
          { userId },
          {
            action: 'workspace.created',
            targetType: 'workspace',
            targetId: scope.workspaceId,
            details: { name, slug },
          },
        );
        return workspace;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (requestedSlug) throw conflict(`The slug "${slug}" is taken. Choose another slug, or leave it out.`);
    }
  }
  throw conflict('Could not find a free slug for this name. Give a slug explicitly.');
}

export function registerWorkspaceRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(createWorkspaceRoute, async (c) => {
    const principal = requireSession(c);
    const { name, slug } = c.req.valid('json');
    const workspace = await createWorkspace(c.get('services').store, principal.user.id, name, slug);
    c.header('Location', `/api/workspaces/${workspace.id}`);
    return c.json(workspaceView(workspace, 'owner'), 201);
  });

  app.openapi(listWorkspacesRoute, async (c) => {
    const principal = requireSession(c);
    const query = c.req.valid('query');
    const rows = await c
      .get('services')
      .store.asUser(principal.user.id, (scope) =>
        listWorkspacesOfUser(scope, requestedPage(workspaceKeyset, query)),
      );
    const page = keysetPageOf(workspaceKeyset, rows, query.limit);
    return c.json(
      {
        items: page.items.map(({ role, ...workspace }) => workspaceView(workspace, role)),
        nextCursor: page.nextCursor,
      },
      200,
    );
  });

  app.openapi(getWorkspaceRoute, async (c) => {
    const access = requireAction(c, 'workspace.read');
    return c.json(workspaceView(access.workspace, access.role), 200);
  });

  app.openapi(updateWorkspaceRoute, async (c) => {
    const access = requireAction(c, 'workspace.update');
    const changes = c.req.valid('json');
    if (changes.name === undefined && changes.slug === undefined) {
      throw ruleViolated('Nothing to change: send a new name, a new slug, or both.');
    }
    const { store } = c.get('services');
    const updated: WorkspaceRecord | undefined = await store
      .inWorkspace(access.workspace.id, async (scope) => {
        const result = await updateWorkspace(scope, changes);
        await recordAudit(scope, access.actor, {
          action: 'workspace.updated',
          targetType: 'workspace',
          targetId: access.workspace.id,
          details: {
            before: { name: access.workspace.name, slug: access.workspace.slug },
            after: { name: result?.name, slug: result?.slug },
          },
        });
        return result;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw conflict(`The slug "${changes.slug}" is taken. Choose another.`);
        throw error;
      });
    return c.json(workspaceView(updated ?? access.workspace, access.role), 200);
  });

  app.openapi(deleteWorkspaceRoute, async (c) => {
    const access = requireAction(c, 'workspace.delete');
    const { confirm } = c.req.valid('query');
    if (confirm !== access.workspace.slug) {
      throw ruleViolated(
        `Deleting "${access.workspace.name}" removes everything in it and cannot be undone. ` +
          `To confirm, send ?confirm=${access.workspace.slug}.`,
      );
    }
    await c.get('services').store.inWorkspace(access.workspace.id, deleteWorkspace);
    c.get('services').accessChanges.announce({ workspaceId: access.workspace.id });
    c.get('services').logger.info('workspace deleted', {
      workspaceId: access.workspace.id,
      by: access.actor.userId,
    });
    return c.body(null, 204);
  });
}
