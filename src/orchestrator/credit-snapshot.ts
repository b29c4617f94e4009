// The workspace's credits as a planner sees them: the balance, the allowance, and what each agent
// (and the Orchestrator) spent hour by hour, so any period's cost can be summed without the store.
import { planNamed } from '../domain/credits.ts';
import { hourlySpending, readBalance } from '../store/credit-repository.ts';
import { creditSettings } from '../store/schema.ts';
import type { WorkspaceScope } from '../store/store.ts';
import type { CreditSnapshot } from './planner.ts';

export async function creditSnapshot(
  scope: WorkspaceScope,
  since: Date,
): Promise<CreditSnapshot | undefined> {
  const balance = await readBalance(scope);
  if (!balance) return undefined;
  const [published] = await scope.db.select({ settings: creditSettings.settings }).from(creditSettings);
  const plan = published
    ? planNamed(published.settings as never, balance.plan)
    : { name: balance.plan, monthlyAllowance: balance.periodAllowance };
  return {
    plan: plan.name,
    balance: balance.balance,
    reserved: balance.reserved,
    allowanceLeft: Math.min(balance.allowanceLeft, Math.max(0, balance.balance)),
    monthlyAllowance: plan.monthlyAllowance,
    periodEnds: balance.periodEndsAt.toISOString(),
    spending: await hourlySpending(scope, since),
  };
}
