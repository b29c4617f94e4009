// Workrooms: list with what each holds, create, read, rename or change the budget, and move
// agents in (several at once, or one agent at a time from its own path). Deleting is in
// workroom-deletion.ts: it has choices of its own.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { conflict, notFound, ruleViolated } from '../../domain/errors.ts';
import { findAgent } from '../../store/agent-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import { isUniqueViolation, type WorkspaceScope } from '../../store/store.ts';
import {
  findWorkroom,
  insertWorkroom,
  listWorkrooms,
  moveAgents,
  startOfMonth,
  updateWorkroom,
  type WorkroomRecord,
  workroomFigures,
  workroomKeyset,
} from '../../store/workroom-repository.ts';
import type { ApiEnv, WorkspaceAccess } from '../context.ts';
import { keysetPageOf, requestedPage } from '../keyset-cursor.ts';
import { locateInWorkspace } from '../location.ts';
import {
  commonErrors,
  errorSchema,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  securedBy,
} from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';
import { agentSchema, agentView } from './agent-routes.ts';
import { noWorkroom } from './workroom-filter.ts';
import {
  descriptionSchema,
  monthlyBudgetSchema,
  workroomNameSchema,
  workroomParameters,
  workroomSchema,
  workroomView,
  workspaceParameters,
} from './workroom-schemas.ts';

const conflictErrors = {
  ...commonErrors,
  409: jsonResponse(errorSchema, 'Another workroom of the workspace has this name.'),
};

const movedAgentSchema = z
  .object({ id: z.string(), name: z.string(), fromWorkroomId: z.string().nullable() })
  .openapi('MovedAgent');

const routes = {
  list: createRoute({
    method: 'get',
    operationId: 'listWorkrooms',
    path: '/api/workspaces/{ws}/workrooms',
    tags: ['workrooms'],
    summary: 'Workrooms of the workspace, oldest first, each with what it holds',
    security: securedBy,
    request: {
      params: workspaceParameters,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(500).optional(),
      }),
    },
    responses: { 200: jsonResponse(listOf(workroomSchema), 'A page of workrooms.'), ...commonErrors },
  }),
  create: createRoute({
    method: 'post',
    operationId: 'createWorkroom',
    path: '/api/workspaces/{ws}/workrooms',
    tags: ['workrooms'],
    summary: 'Create a workroom (builder)',
    security: securedBy,
    request: {
      params: workspaceParameters,
      body: jsonBody(
        z.strictObject({
          name: workroomNameSchema,
          description: descriptionSchema.optional(),
          monthlyBudget: monthlyBudgetSchema.optional(),
        }),
      ),
    },
    responses: { 201: jsonResponse(workroomSchema, 'The workroom.'), ...conflictErrors },
  }),
  read: createRoute({
    method: 'get',
    operationId: 'getWorkroom',
    path: '/api/workspaces/{ws}/workrooms/{workroomId}',
    tags: ['workrooms'],
    summary: 'A workroom with what it holds',
    security: securedBy,
    request: { params: workroomParameters },
    responses: { 200: jsonResponse(workroomSchema, 'The workroom.'), ...commonErrors },
  }),
  update: createRoute({
    method: 'patch',
    operationId: 'updateWorkroom',
    path: '/api/workspaces/{ws}/workrooms/{workroomId}',
    tags: ['workrooms'],
    summary: 'Rename a workroom, change its description or its monthly budget (builder)',
    security: securedBy,
    request: {
      params: workroomParameters,
      body: jsonBody(
        z
          .strictObject({
            name: workroomNameSchema.optional(),
            description: descriptionSchema.optional(),
            monthlyBudget: monthlyBudgetSchema.optional(),
          })
          .refine(
            (body) => Object.values(body).some((value) => value !== undefined),
            'Send at least one of name, description, monthlyBudget.',
          ),
      ),
    },
    responses: { 200: jsonResponse(workroomSchema, 'The workroom after the change.'), ...conflictErrors },
  }),
  moveAgents: createRoute({
    method: 'post',
    operationId: 'moveAgentsToWorkroom',
    path: '/api/workspaces/{ws}/workrooms/{workroomId}/agents',
    tags: ['workrooms'],
    summary: 'Move agents into the workroom, out of any other (builder)',
    description: 'Runs and files the agents made before keep the workroom they were made in.',
    security: securedBy,
    request: {
      params: workroomParameters,
      body: jsonBody(
        z.strictObject({
          agentIds: z
            .array(z.string().min(1).max(200), 'agentIds must be a list of agent ids')
            .min(1, 'agentIds must name at least one agent')
            .max(200, 'agentIds may name at most 200 agents'),
        }),
      ),
    },
    responses: {
      200: jsonResponse(
        z.object({ workroom: workroomSchema, moved: z.array(movedAgentSchema) }),
        'The workroom, and the agents that moved (those already in it are left out).',
      ),
      ...commonErrors,
    },
  }),
  agentWorkroom: createRoute({
    method: 'put',
    operationId: 'setAgentWorkroom',
    path: '/api/workspaces/{ws}/agents/{agentId}/workroom',
    tags: ['workrooms'],
    summary: 'Put an agent in a workroom, or in none with null (builder)',
    description: 'Runs and files the agent made before keep the workroom they were made in.',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws'), agentId: idParameter('agentId') }),
      body: jsonBody(
        z.strictObject({
          workroomId: z
            .string('workroomId must be a workroom id or name, or null for no workroom')
            .min(1)
            .max(200)
            .nullable(),
        }),
      ),
    },
    responses: { 200: jsonResponse(agentSchema, 'The agent, in its workroom.'), ...commonErrors },
  }),
};

async function requireWorkroom(scope: WorkspaceScope, idOrName: string): Promise<WorkroomRecord> {
  const workroom = await findWorkroom(scope, idOrName);
  if (!workroom) throw notFound(`The workroom "${idOrName}"`);
  return workroom;
}

/** The workroom as the API shows it, with its figures as of now. */
export async function viewOf(scope: WorkspaceScope, workroom: WorkroomRecord) {
  const figures = await workroomFigures(scope, [workroom.id], startOfMonth(new Date()));
  return workroomView(workroom, figures.get(workroom.id));
}

function nameTaken(name: string) {
  return conflict(`A workroom named "${name}" exists in this workspace already. Choose another name.`);
}

function refuseReservedName(name: string | undefined) {
  if (name?.toLowerCase() === noWorkroom) {
    throw ruleViolated(
      `"${name}" stands for "no workroom" in filters, so no workroom may take it. Choose another name.`,
    );
  }
}

/** Moves agents and writes one audit entry for each that moved. */
export async function moveAndAudit(
  scope: WorkspaceScope,
  access: WorkspaceAccess,
  agentIds: string[],
  workroom: WorkroomRecord | null,
) {
  const moved = await moveAgents(scope, agentIds, workroom?.id ?? null);
  for (const agent of moved) {
    await recordAudit(scope, access.actor, {
      action: 'agent.workroom_changed',
      targetType: 'agent',
      targetId: agent.id,
      details: {
        name: agent.name,
        from: agent.fromWorkroomId,
        to: workroom?.id ?? null,
        workroom: workroom?.name ?? null,
      },
    });
  }
  return moved;
}

export function registerWorkroomRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.list, async (c) => {
    const access = requireAction(c, 'agents.read');
    const query = c.req.valid('query');
    const items = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const rows = await listWorkrooms(scope, requestedPage(workroomKeyset, query));
      const page = keysetPageOf(workroomKeyset, rows, query.limit);
      const figures = await workroomFigures(
        scope,
        page.items.map((workroom) => workroom.id),
        startOfMonth(new Date()),
      );
      return {
        items: page.items.map((workroom) => workroomView(workroom, figures.get(workroom.id))),
        nextCursor: page.nextCursor,
      };
    });
    return c.json(items, 200);
  });

  app.openapi(routes.create, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const body = c.req.valid('json');
    refuseReservedName(body.name);
    const view = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) => {
        const workroom = await insertWorkroom(scope, {
          name: body.name,
          description: body.description ?? '',
          monthlyBudget: body.monthlyBudget ?? null,
          createdBy: access.actor.userId,
        });
        await recordAudit(scope, access.actor, {
          action: 'workroom.created',
          targetType: 'workroom',
          targetId: workroom.id,
          details: { name: workroom.name, monthlyBudget: workroom.monthlyBudget },
        });
        return workroomView(workroom, undefined);
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw nameTaken(body.name);
        throw error;
      });
    locateInWorkspace(c, 'workrooms', view.id);
    return c.json(view, 201);
  });

  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { workroomId } = c.req.valid('param');
    const view = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) =>
        viewOf(scope, await requireWorkroom(scope, workroomId)),
      );
    return c.json(view, 200);
  });

  app.openapi(routes.update, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { workroomId } = c.req.valid('param');
    const body = c.req.valid('json');
    refuseReservedName(body.name);
    const view = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) => {
        const before = await requireWorkroom(scope, workroomId);
        const after = await updateWorkroom(scope, before.id, body);
        if (!after) throw notFound(`The workroom "${workroomId}"`);
        const changed = (['name', 'description', 'monthlyBudget'] as const).filter(
          (field) => before[field] !== after[field],
        );
        if (changed.length > 0) {
          await recordAudit(scope, access.actor, {
            action: changed.includes('name') ? 'workroom.renamed' : 'workroom.updated',
            targetType: 'workroom',
            targetId: after.id,
            details: {
              name: after.name,
              changed,
              before: Object.fromEntries(changed.map((field) => [field, before[field]])),
              after: Object.fromEntries(changed.map((field) => [field, after[field]])),
            },
          });
        }
        return viewOf(scope, after);
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw nameTaken(body.name ?? '');
        throw error;
      });
    return c.json(view, 200);
  });

  app.openapi(routes.moveAgents, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { workroomId } = c.req.valid('param');
    const { agentIds } = c.req.valid('json');
    const result = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const workroom = await requireWorkroom(scope, workroomId);
      // All or nothing: one unknown agent (or one of another workspace) moves none.
      for (const agentId of new Set(agentIds)) {
        if (!(await findAgent(scope, agentId))) throw notFound(`The agent "${agentId}"`);
      }
      const moved = await moveAndAudit(scope, access, agentIds, workroom);
      return { workroom: await viewOf(scope, workroom), moved };
    });
    return c.json(result, 200);
  });

  app.openapi(routes.agentWorkroom, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId } = c.req.valid('param');
    const { workroomId } = c.req.valid('json');
    const agent = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      if (!(await findAgent(scope, agentId))) throw notFound('This agent');
      const workroom = workroomId === null ? null : await requireWorkroom(scope, workroomId);
      await moveAndAudit(scope, access, [agentId], workroom);
      const after = await findAgent(scope, agentId);
      if (!after) throw notFound('This agent');
      return after;
    });
    return c.json(agentView(agent), 200);
  });
}
