// Promote an agent to another workspace (staging to production): the answer is a plan in the
// target, reviewed and approved there like any plan. The caller is an admin (or owner) of both.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { forbidden, notFound } from '../../domain/errors.ts';
import { can } from '../../domain/roles.ts';
import { planPromotion } from '../../promote/promotion.ts';
import { requirePrincipal } from '../authentication.ts';
import type { ApiContext, ApiEnv, WorkspaceAccess } from '../context.ts';
import { workspacePath } from '../location.ts';
import { commonErrors, errorSchema, idParameter, jsonBody, jsonResponse, securedBy } from '../schemas.ts';
import { findWorkspaceAccess, requireAction } from '../workspace-access.ts';
import { planSchema, planView } from './orchestrator-routes.ts';

const carrySchema = z
  .object({
    schedule: z.boolean().default(false).describe('Give the agent its schedule in the target too.'),
    hooks: z
      .boolean()
      .default(false)
      .describe('Say which webhooks to make again: a webhook’s address is its secret, never copied.'),
    chains: z
      .boolean()
      .default(false)
      .describe('Chain it as in the source, where the agent at the other end exists in the target.'),
  })
  .strict();

export const promoteBodySchema = z
  .object({
    targetWorkspace: z
      .string()
      .trim()
      .min(1, 'targetWorkspace must name the workspace to promote into (its id or slug)')
      .max(200),
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('The version to promote; the current one by default.'),
    carry: carrySchema.default({ schedule: false, hooks: false, chains: false }),
    onExisting: z
      .enum(['refuse', 'update'])
      .default('refuse')
      .describe(
        'When the target has an agent of the same name not promoted from this one: refuse (409), or update it.',
      ),
  })
  .strict();

const changesSchema = z.object({
  action: z.enum(['create', 'update']),
  diff: z.record(z.string(), z.unknown()).describe('Steps added, removed and changed; settings changed.'),
  accounts: z.array(z.record(z.string(), z.unknown())).describe('How each account the steps use is mapped.'),
  schedule: z.enum(['carried', 'not_carried', 'none', 'disabled']),
  chains: z.array(z.record(z.string(), z.unknown())),
  hooks: z.object({ names: z.array(z.string()), carried: z.boolean() }),
});

const promotionSchema = z
  .object({
    plan: planSchema,
    version: z.number().int().describe('The version promoted.'),
    changes: changesSchema,
    review: z.object({
      workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
      conversationId: z.string().describe('The target’s Orchestrator conversation holding the plan.'),
      path: z.string().describe('Where the web app shows the plan, to approve or reject it.'),
      approve: z.string().describe('The API call that approves it.'),
    }),
  })
  .openapi('Promotion');

const route = createRoute({
  method: 'post',
  operationId: 'promoteAgent',
  path: '/api/workspaces/{ws}/agents/{agentId}/promote',
  tags: ['agents'],
  summary: 'Promote an agent to another workspace: a plan there to review (admin of both)',
  security: securedBy,
  request: {
    params: z.object({ ws: idParameter('ws'), agentId: idParameter('agentId') }),
    body: jsonBody(promoteBodySchema),
  },
  responses: {
    201: jsonResponse(promotionSchema, 'The plan in the target workspace, and where to review it.'),
    ...commonErrors,
    409: jsonResponse(errorSchema, 'The target has an unrelated agent of that name.'),
  },
});

/**
 * The caller's access to the target: a workspace they are not in is not found (never confirmed to
 * exist), one where their role is below admin is refused, saying so.
 */
export async function requireTargetAccess(c: ApiContext, targetWorkspace: string): Promise<WorkspaceAccess> {
  const access = await findWorkspaceAccess(c.get('services').store, requirePrincipal(c), targetWorkspace);
  if (!access) throw notFound(`Workspace "${targetWorkspace}"`);
  if (!can(access.role, 'agents.promote')) {
    throw forbidden(
      `Your role in "${access.workspace.name}" is ${access.role}; promoting into it needs admin or owner. Ask an owner of "${access.workspace.name}".`,
    );
  }
  return access;
}

export function promotionView(
  promotion: Awaited<ReturnType<typeof planPromotion>>,
  target: WorkspaceAccess['workspace'],
) {
  return {
    plan: planView(promotion.plan),
    version: promotion.version,
    changes: {
      ...promotion.changes,
      diff: promotion.changes.diff as unknown as Record<string, unknown>,
      accounts: promotion.changes.accounts as unknown as Record<string, unknown>[],
    },
    review: {
      workspace: { id: target.id, slug: target.slug, name: target.name },
      conversationId: promotion.conversationId,
      path: `/w/${target.slug}?c=${promotion.conversationId}`,
      approve: `POST /api/workspaces/${target.id}/plans/${promotion.plan.id}/approve`,
    },
  };
}

export function registerPromoteRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(route, async (c) => {
    const source = requireAction(c, 'agents.promote');
    const { agentId } = c.req.valid('param');
    const body = c.req.valid('json');
    const target = await requireTargetAccess(c, body.targetWorkspace);
    const promotion = await planPromotion(c.get('services').store, {
      source: source.workspace,
      target: target.workspace,
      actor: target.actor,
      agentId,
      version: body.version,
      carry: body.carry,
      onExisting: body.onExisting,
    });
    c.header('Location', workspacePath(target.workspace.id, 'plans', promotion.plan.id));
    return c.json(promotionView(promotion, target.workspace), 201);
  });
}
