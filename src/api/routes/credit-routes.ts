// Credits: the workspace's plan and balance, its ledger, top-ups and adjustments, and its plan.
// Budgets and usage have their own files (budget-routes.ts, usage-routes.ts).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { CreditSettings } from '../../domain/credits.ts';
import { notFound, OrcaError, ruleViolated } from '../../domain/errors.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import {
  type CreditEntryRecord,
  findCreditEntry,
  type Ledger,
  listCreditEntries,
  openLedger,
  viewLedger,
} from '../../store/credit-repository.ts';
import type { ApiEnv } from '../context.ts';
import { locateInWorkspace } from '../location.ts';
import {
  commonErrors,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  securedBy,
  timestamp,
} from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';

const planSchema = z
  .object({
    name: z.string(),
    monthlyAllowance: z.number().int(),
    maxAgents: z.number().int().optional(),
    maxRunsAtOnce: z.number().int().optional(),
  })
  .openapi('CreditPlan');

const creditsSchema = z
  .object({
    plan: planSchema,
    plans: z.array(planSchema).describe('The plans this Orca offers (an owner may switch).'),
    balance: z.number().int().describe('Credits left; below zero when runs cost more than reserved.'),
    reserved: z.number().int().describe('Held by runs not yet finished (already off the balance).'),
    allowance: z.object({
      monthly: z.number().int(),
      remainingThisPeriod: z.number().int(),
      periodStarted: timestamp,
      periodEnds: timestamp.describe('When what is left of the allowance expires and a new one is granted.'),
    }),
    maximumTopup: z.number().int(),
  })
  .openapi('Credits');

export const creditEntrySchema = z
  .object({
    id: z.string(),
    position: z.number().int().describe('The entry’s place in the workspace’s ledger (1, 2, …).'),
    kind: z.enum([
      'grant',
      'allowance',
      'expiry',
      'topup',
      'reservation',
      'consumption',
      'release',
      'refund',
      'adjustment',
    ]),
    amount: z.number().int(),
    balanceAfter: z.number().int(),
    runId: z.string().nullable(),
    agentId: z.string().nullable(),
    workroomId: z.string().nullable(),
    actorUserId: z.string().nullable(),
    reason: z.string(),
    details: z.record(z.string(), z.unknown()),
    createdAt: timestamp,
  })
  .openapi('CreditEntry');

const amountBody = z.object({
  amount: z.number('amount must be a number of credits'),
  note: z.string().trim().max(500, 'note must be at most 500 characters').optional(),
});

const params = z.object({ ws: idParameter('ws') });

const routes = {
  read: createRoute({
    method: 'get',
    operationId: 'getCredits',
    path: '/api/workspaces/{ws}/credits',
    tags: ['credits'],
    summary: 'The plan, balance, allowance left this period and what runs hold',
    security: securedBy,
    request: { params },
    responses: { 200: jsonResponse(creditsSchema, 'The workspace’s credits.'), ...commonErrors },
  }),
  ledger: createRoute({
    method: 'get',
    operationId: 'listCreditLedger',
    path: '/api/workspaces/{ws}/credits/ledger',
    tags: ['credits'],
    summary: 'Every movement of the workspace’s credits, newest first',
    security: securedBy,
    request: {
      params,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().optional(),
        run: z.uuid('run must be a run id').optional(),
      }),
    },
    responses: { 200: jsonResponse(listOf(creditEntrySchema), 'A page of entries.'), ...commonErrors },
  }),
  entry: createRoute({
    method: 'get',
    operationId: 'getCreditEntry',
    path: '/api/workspaces/{ws}/credits/ledger/{entryId}',
    tags: ['credits'],
    summary: 'One movement of the workspace’s credits (where a top-up or adjustment is read)',
    security: securedBy,
    request: { params: params.extend({ entryId: idParameter('entryId') }) },
    responses: { 200: jsonResponse(creditEntrySchema, 'The entry.'), ...commonErrors },
  }),
  topup: createRoute({
    method: 'post',
    operationId: 'topUpCredits',
    path: '/api/workspaces/{ws}/credits/topups',
    tags: ['credits'],
    summary: 'Add credits to the workspace (owner or admin)',
    security: securedBy,
    request: { params, body: jsonBody(amountBody) },
    responses: {
      201: jsonResponse(z.object({ entry: creditEntrySchema, balance: z.number().int() }), 'Added.'),
      ...commonErrors,
    },
  }),
  adjust: createRoute({
    method: 'post',
    operationId: 'adjustCredits',
    path: '/api/workspaces/{ws}/credits/adjustments',
    tags: ['credits'],
    summary: 'Correct the balance up or down, with a reason (owner)',
    security: securedBy,
    request: { params, body: jsonBody(amountBody) },
    responses: {
      201: jsonResponse(z.object({ entry: creditEntrySchema, balance: z.number().int() }), 'Recorded.'),
      ...commonErrors,
    },
  }),
  plan: createRoute({
    method: 'put',
    operationId: 'changeCreditPlan',
    path: '/api/workspaces/{ws}/credits/plan',
    tags: ['credits'],
    summary: 'Move the workspace to another plan (owner); its allowance applies from the next period',
    security: securedBy,
    request: { params, body: jsonBody(z.object({ plan: z.string().min(1) })) },
    responses: { 200: jsonResponse(creditsSchema, 'The workspace’s credits.'), ...commonErrors },
  }),
};

function creditsView(ledger: Ledger) {
  const { startedAt, endsAt, allowance, allowanceLeft } = ledger.period;
  const settings: CreditSettings = ledger.settings;
  return {
    plan: ledger.plan,
    plans: settings.plans,
    balance: ledger.balance,
    reserved: ledger.reserved,
    allowance: {
      monthly: allowance,
      remainingThisPeriod: Math.min(allowanceLeft, Math.max(0, ledger.balance)),
      periodStarted: startedAt.toISOString(),
      periodEnds: endsAt.toISOString(),
    },
    maximumTopup: settings.maximumTopup,
  };
}

export function creditEntryView(entry: CreditEntryRecord) {
  return { ...entry, createdAt: entry.createdAt.toISOString() };
}

/** Checks an amount of credits: a whole number, not zero, within the configured maximum. */
function checkedAmount(amount: number, maximum: number, options: { mayBeNegative: boolean }) {
  if (!Number.isInteger(amount)) {
    throw ruleViolated(`amount must be a whole number of credits; ${amount} is not.`);
  }
  if (amount === 0) throw ruleViolated('amount must not be zero.');
  if (amount < 0 && !options.mayBeNegative) {
    throw ruleViolated(
      'amount must be a positive number of credits; to take credits away, an owner records an adjustment.',
    );
  }
  if (Math.abs(amount) > maximum) {
    throw ruleViolated(
      `amount ${amount.toLocaleString('en-US')} is more than the ${maximum.toLocaleString('en-US')} credits one entry may move (ORCA_CREDITS maximumTopup). Check the figure, or split it.`,
    );
  }
  return amount;
}

function decodePosition(cursor: string | undefined) {
  if (cursor === undefined) return undefined;
  const position = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(position) || position < 1) {
    throw new OrcaError(
      'bad_request',
      'The cursor is not valid. Pass the nextCursor of a previous page unchanged.',
    );
  }
  return position;
}

export function registerCreditRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'credits.read');
    const view = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, async (scope) => creditsView(await viewLedger(scope)));
    return c.json(view, 200);
  });

  app.openapi(routes.ledger, async (c) => {
    const access = requireAction(c, 'credits.read');
    const query = c.req.valid('query');
    const beforePosition = decodePosition(query.cursor);
    const rows = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      // Opening the ledger rolls an ended period on, so the page shows the expiry and allowance.
      await viewLedger(scope);
      return listCreditEntries(scope, { limit: query.limit + 1, beforePosition, runId: query.run });
    });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > query.limit && last ? Buffer.from(String(last.position)).toString('base64url') : null;
    return c.json({ items: items.map(creditEntryView), nextCursor }, 200);
  });

  app.openapi(routes.entry, async (c) => {
    const access = requireAction(c, 'credits.read');
    const { entryId } = c.req.valid('param');
    const entry = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) => findCreditEntry(scope, entryId));
    if (!entry) throw notFound('This ledger entry');
    return c.json(creditEntryView(entry), 200);
  });

  for (const [route, kind] of [
    [routes.topup, 'topup'],
    [routes.adjust, 'adjustment'],
  ] as const) {
    app.openapi(route, async (c) => {
      const access = requireAction(c, kind === 'topup' ? 'credits.topup' : 'credits.adjust');
      const { amount, note } = c.req.valid('json');
      const result = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
        const ledger = await openLedger(scope);
        const checked = checkedAmount(amount, ledger.settings.maximumTopup, {
          mayBeNegative: kind === 'adjustment',
        });
        if (kind === 'adjustment' && !note) {
          throw ruleViolated('An adjustment needs a note saying why (it is kept in the ledger).');
        }
        ledger.append({
          kind,
          amount: checked,
          actorUserId: access.actor.userId,
          reason: note || (kind === 'topup' ? 'Top-up' : 'Adjustment'),
        });
        await ledger.save();
        await recordAudit(scope, access.actor, {
          action: kind === 'topup' ? 'credits.topped_up' : 'credits.adjusted',
          targetType: 'workspace',
          details: { amount: checked, note: note ?? null },
        });
        const [entry] = await listCreditEntries(scope, { limit: 1 });
        if (!entry) throw new Error('the ledger entry just written cannot be read back');
        return { entry: creditEntryView(entry), balance: ledger.balance };
      });
      locateInWorkspace(c, 'credits', 'ledger', result.entry.id);
      return c.json(result, 201);
    });
  }

  app.openapi(routes.plan, async (c) => {
    const access = requireAction(c, 'credits.adjust');
    const { plan } = c.req.valid('json');
    const view = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const ledger = await openLedger(scope);
      const names = ledger.settings.plans.map((offered) => offered.name);
      if (!names.includes(plan)) {
        throw ruleViolated(`There is no plan "${plan}". Plans: ${names.join(', ')}.`);
      }
      const from = ledger.plan.name;
      ledger.changePlan(plan);
      await ledger.save();
      await recordAudit(scope, access.actor, {
        action: 'credits.plan_changed',
        targetType: 'workspace',
        details: { from, to: plan },
      });
      return creditsView(ledger);
    });
    return c.json(view, 200);
  });
}
