// Settling a run: when it ends (however it ends), its reservation is released and what its steps
// used is charged, itemised, in the transaction that records the end. Called from every place a
// run reaches a final status (run-repository.ts), so no ending path can skip it; claiming the
// settlement under the balance row's lock makes a second ending of the same run (a resumed worker)
// settle nothing.
import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import { type MeteredStep, type PricedStep, priceStep } from '../domain/credits.ts';
import { closeRunCharge, openLedger } from './credit-repository.ts';
import { runCharges, runSteps } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

type StepRow = Pick<
  typeof runSteps.$inferSelect,
  'stepId' | 'tool' | 'usage' | 'output' | 'startedAt' | 'finishedAt'
>;

/** The steps to price: loop items rather than the loop step that holds them (priced once each). */
function meteredSteps(rows: StepRow[]): MeteredStep[] {
  const looped = new Set(
    rows.filter((row) => row.stepId.includes('#')).map((row) => row.stepId.slice(0, row.stepId.indexOf('#'))),
  );
  return rows
    .filter((row) => !looped.has(row.stepId))
    .map((row) => {
      const output = row.output as { model?: unknown } | null;
      return {
        stepId: row.stepId,
        tool: row.tool,
        inputTokens: row.usage?.inputTokens ?? 0,
        outputTokens: row.usage?.outputTokens ?? 0,
        model: typeof output?.model === 'string' ? output.model : undefined,
        durationMs: row.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : 0,
      };
    });
}

/**
 * Settles the run's reservation to its itemised cost; does nothing when there is none open. Three
 * statements besides the ledger's own: the open reservation with the steps that ran since it (a
 * retry keeps earlier checkpoints, already charged), the balance row's lock, and the reservation
 * closed with its charge. Closing it only under the balance row's lock makes a second ending of
 * the same run (a resumed worker) wait for the first, then find it settled and charge nothing.
 */
export async function settleRunCharge(scope: WorkspaceScope, runId: string, now = new Date()) {
  const open = await scope.db
    .select({
      stepId: runSteps.stepId,
      tool: runSteps.tool,
      usage: runSteps.usage,
      output: runSteps.output,
      startedAt: runSteps.startedAt,
      finishedAt: runSteps.finishedAt,
    })
    .from(runCharges)
    .leftJoin(
      runSteps,
      and(
        eq(runSteps.workspaceId, runCharges.workspaceId),
        eq(runSteps.runId, runCharges.runId),
        inArray(runSteps.status, ['succeeded', 'failed']),
        gte(runSteps.finishedAt, runCharges.reservedAt),
      ),
    )
    .where(
      and(
        eq(runCharges.workspaceId, scope.workspaceId),
        eq(runCharges.runId, runId),
        isNull(runCharges.settledAt),
      ),
    )
    .orderBy(runSteps.position, runSteps.stepId);
  if (open.length === 0) return undefined;
  const rows = open.filter((row): row is StepRow => row.stepId !== null && row.tool !== null);
  const ledger = await openLedger(scope, now);
  const priced: PricedStep[] = meteredSteps(rows).map((step) => priceStep(ledger.settings, step));
  const charged = priced.reduce((total, item) => total + item.credits, 0);
  const items = priced.map(({ stepId, tool, credits, reason }) => ({ stepId, tool, credits, reason }));
  const charge = await closeRunCharge(scope, runId, { at: now, charged, items });
  if (!charge) return undefined;
  const on = { runId, agentId: charge.agentId, workroomId: charge.workroomId };
  ledger.append({ ...on, kind: 'release', amount: charge.reserved, reason: 'Reservation released' });
  ledger.releaseReservation(charge.reserved);
  ledger.append({
    ...on,
    kind: 'consumption',
    amount: -charged,
    reason: `Run of ${priced.length} step${priced.length === 1 ? '' : 's'}`,
    details: {
      items,
      inputTokens: priced.reduce((total, item) => total + item.inputTokens, 0),
      outputTokens: priced.reduce((total, item) => total + item.outputTokens, 0),
      browserMinutes: Number(priced.reduce((total, item) => total + item.browserMinutes, 0).toFixed(4)),
    },
  });
  await ledger.save();
  return { reserved: charge.reserved, charged, items };
}
