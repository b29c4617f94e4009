// Monthly budgets of agents and workrooms: caps, in credits, on what their runs may spend in a
// billing period. Lowering one below what is spent already is allowed and said: nothing is lost,
// new runs wait for the next period.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound } from '../../domain/errors.ts';
import { findAgent } from '../../store/agent-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import {
  findWorkroomBudget,
  setAgentBudget,
  setWorkroomBudget,
  spentSince,
  viewLedger,
} from '../../store/credit-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import { findWorkroom } from '../../store/workroom-repository.ts';
import type { ApiEnv } from '../context.ts';
import { commonErrors, idParameter, jsonBody, jsonResponse, securedBy, timestamp } from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';

const budgetSchema = z
  .object({
    monthlyBudget: z.number().int().nullable().describe('The cap in credits; null for none.'),
    spentThisMonth: z.number().int().describe('Spent (and held by running runs) this billing period.'),
    remaining: z.number().int().nullable().describe('What is left of the cap; null without one.'),
    periodEnds: timestamp,
    warning: z.string().optional(),
  })
  .openapi('Budget');

const budgetBody = z.object({
  monthlyBudget: z
    .number('monthlyBudget must be a number of credits')
    .int('monthlyBudget must be a whole number of credits')
    .min(0, 'monthlyBudget cannot be negative')
    .max(1_000_000_000_000, 'monthlyBudget is too large'),
});

type Owner = { kind: 'agent'; agentId: string } | { kind: 'workroom'; workroomId: string };

const agentParams = z.object({ ws: idParameter('ws'), agentId: z.string() });
const workroomParams = z.object({
  ws: idParameter('ws'),
  workroomId: z.string().describe('The workroom’s id, or its name.'),
});

function budgetRoute(method: 'get' | 'put' | 'delete', of: 'agents' | 'workrooms') {
  const name = of === 'agents' ? 'agent' : 'workroom';
  const summaries = {
    get: `The ${name}'s monthly budget and what it spent this period`,
    put: `Set the ${name}'s monthly budget (admin)`,
    delete: `Remove the ${name}'s monthly budget (admin)`,
  };
  const verbs = { get: 'get', put: 'set', delete: 'remove' };
  const noun = of === 'agents' ? 'Agent' : 'Workroom';
  return createRoute({
    method,
    operationId: `${verbs[method]}${noun}Budget`,
    path: `/api/workspaces/{ws}/${of}/{${name}Id}/budget`,
    tags: ['credits'],
    summary: summaries[method],
    security: securedBy,
    request:
      method === 'put'
        ? { params: of === 'agents' ? agentParams : workroomParams, body: jsonBody(budgetBody) }
        : { params: of === 'agents' ? agentParams : workroomParams },
    responses: { 200: jsonResponse(budgetSchema, 'The budget.'), ...commonErrors },
  });
}

async function budgetView(scope: WorkspaceScope, owner: Owner, monthlyBudget: number | null) {
  const ledger = await viewLedger(scope);
  const { startedAt, endsAt } = ledger.period;
  const spent = await spentSince(
    scope,
    owner.kind === 'agent' ? { agentId: owner.agentId } : { workroomId: owner.workroomId },
    startedAt,
  );
  const view = {
    monthlyBudget,
    spentThisMonth: spent,
    remaining: monthlyBudget === null ? null : Math.max(0, monthlyBudget - spent),
    periodEnds: endsAt.toISOString(),
  };
  if (monthlyBudget !== null && spent >= monthlyBudget) {
    return {
      ...view,
      warning: `${spent.toLocaleString('en-US')} credits are spent already this period, at or over the budget of ${monthlyBudget.toLocaleString('en-US')}: new runs are refused until ${endsAt.toISOString().slice(0, 10)}, or until the budget is raised. Nothing already spent or running is lost.`,
    };
  }
  return view;
}

/**
 * A workroom named in the path by its name (as every other workroom route accepts) becomes its id,
 * so the budget and what was spent are read for the workroom itself; an unknown one is not found.
 */
async function resolveOwner(scope: WorkspaceScope, owner: Owner): Promise<Owner> {
  if (owner.kind === 'agent') return owner;
  const workroom = await findWorkroom(scope, owner.workroomId);
  if (!workroom) throw notFound('This workroom');
  return { kind: 'workroom', workroomId: workroom.id };
}

async function currentBudget(scope: WorkspaceScope, owner: Owner) {
  if (owner.kind === 'agent') {
    const agent = await findAgent(scope, owner.agentId);
    if (!agent) throw notFound('This agent');
    return agent.monthlyBudget;
  }
  const workroom = await findWorkroomBudget(scope, owner.workroomId);
  if (!workroom) throw notFound('This workroom');
  return workroom.monthlyBudget;
}

async function changeBudget(scope: WorkspaceScope, owner: Owner, budget: number | null) {
  const changed =
    owner.kind === 'agent'
      ? await setAgentBudget(scope, owner.agentId, budget)
      : await setWorkroomBudget(scope, owner.workroomId, budget);
  if (!changed) throw notFound(owner.kind === 'agent' ? 'This agent' : 'This workroom');
  return changed;
}

export function registerBudgetRoutes(app: OpenAPIHono<ApiEnv>) {
  for (const of of ['agents', 'workrooms'] as const) {
    const ownerOf = (param: { agentId?: string; workroomId?: string }): Owner =>
      of === 'agents'
        ? { kind: 'agent', agentId: param.agentId ?? '' }
        : { kind: 'workroom', workroomId: param.workroomId ?? '' };

    app.openapi(budgetRoute('get', of), async (c) => {
      const access = requireAction(c, 'credits.read');
      const owner = ownerOf(c.req.param());
      const view = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
        const resolved = await resolveOwner(scope, owner);
        return budgetView(scope, resolved, await currentBudget(scope, resolved));
      });
      return c.json(view, 200);
    });

    for (const method of ['put', 'delete'] as const) {
      app.openapi(budgetRoute(method, of), async (c) => {
        const access = requireAction(c, 'budgets.manage');
        const owner = ownerOf(c.req.param());
        const budget =
          method === 'put'
            ? (c.req.valid('json' as never) as z.infer<typeof budgetBody>).monthlyBudget
            : null;
        const view = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
          const resolved = await resolveOwner(scope, owner);
          const changed = await changeBudget(scope, resolved, budget);
          await recordAudit(scope, access.actor, {
            action: budget === null ? 'budget.removed' : 'budget.set',
            targetType: resolved.kind,
            targetId: changed.id,
            details: { monthlyBudget: budget },
          });
          return budgetView(scope, resolved, budget);
        });
        return c.json(view, 200);
      });
    }
  }
}
