// Whether the workspace can pay for a run it is about to admit: its balance, and the monthly
// budgets of the agent and of the agent's workroom, must each cover the run's estimate. The
// ledger is locked by the caller, so runs admitted at once cannot all spend the same credits.
import { OrcaError } from '../domain/errors.ts';
import type { AgentRecord } from '../store/agent-repository.ts';
import { findWorkroomBudget, type Ledger, spentSince } from '../store/credit-repository.ts';
import type { WorkspaceScope } from '../store/store.ts';

export interface CreditShortfall {
  /** The run's estimate, in credits. */
  needed: number;
  /** What is left: of the balance, or of the budget that refuses. */
  available: number;
  /** The budget that refuses the run, when it is a budget rather than the balance. */
  budget?: { kind: 'agent' | 'workroom'; id: string; name: string; monthlyBudget: number; spent: number };
  /** The workspace refused, so the refusal can name the real address of its fix. */
  workspaceId: string;
  message: string;
}

const credits = (amount: number) => `${amount.toLocaleString('en-US')} credit${amount === 1 ? '' : 's'}`;

export const topUpHint =
  'An owner or admin can top up on the Credits page of the workspace, or with POST /api/workspaces/{workspace}/credits/topups {"amount": …}.';

/**
 * What admitting a run of `needed` credits would overdraw, or undefined when it fits. `spentInBatch`
 * carries what earlier runs of the same admission reserved against each budget (keys agent:id,
 * workroom:id), as their entries are not written yet.
 */
export async function creditShortfall(
  scope: WorkspaceScope,
  ledger: Ledger,
  agent: AgentRecord,
  needed: number,
  spentInBatch: Map<string, number>,
): Promise<CreditShortfall | undefined> {
  if (ledger.balance < needed) {
    const available = Math.max(0, ledger.balance);
    return {
      needed,
      available,
      workspaceId: scope.workspaceId,
      message: `Running "${agent.name}" costs about ${credits(needed)} and the workspace has ${credits(available)} left${ledger.balance < 0 ? ` (it is ${credits(-ledger.balance)} overdrawn)` : ''}. ${topUpHint}`,
    };
  }
  const spending = { needed, since: ledger.period.startedAt, spentInBatch };
  if (agent.monthlyBudget !== null) {
    const budget: MonthlyBudget = {
      kind: 'agent',
      id: agent.id,
      name: agent.name,
      monthlyBudget: agent.monthlyBudget,
    };
    const refusal = await budgetShortfall(
      scope,
      budget,
      spending,
      (left, spent) =>
        `Running "${agent.name}" costs about ${credits(needed)} and the agent's monthly budget of ${credits(budget.monthlyBudget)} has ${credits(left)} left this month (${credits(spent)} spent). An admin can raise the budget on the agent's page, or the runs wait for the next period.`,
    );
    if (refusal) return refusal;
  }
  if (agent.workroomId) {
    const workroom = await findWorkroomBudget(scope, agent.workroomId);
    if (workroom && workroom.monthlyBudget !== null) {
      const budget: MonthlyBudget = { kind: 'workroom', ...workroom, monthlyBudget: workroom.monthlyBudget };
      const refusal = await budgetShortfall(
        scope,
        budget,
        spending,
        (left, spent) =>
          `Running "${agent.name}" costs about ${credits(needed)} and the monthly budget of the workroom "${workroom.name}" (${credits(budget.monthlyBudget)}) has ${credits(left)} left this month (${credits(spent)} spent). An admin can raise the workroom's budget, or the runs wait for the next period.`,
      );
      if (refusal) return refusal;
    }
  }
  return undefined;
}

type MonthlyBudget = Omit<NonNullable<CreditShortfall['budget']>, 'spent'>;

/**
 * The refusal of one monthly budget, or undefined when what is left of it this period covers
 * `needed`; `message` words it from what is left (never below zero) and what is spent.
 */
async function budgetShortfall(
  scope: WorkspaceScope,
  budget: MonthlyBudget,
  { needed, since, spentInBatch }: { needed: number; since: Date; spentInBatch: Map<string, number> },
  message: (left: number, spent: number) => string,
): Promise<CreditShortfall | undefined> {
  const of = budget.kind === 'agent' ? { agentId: budget.id } : { workroomId: budget.id };
  const spent = (await spentSince(scope, of, since)) + (spentInBatch.get(`${budget.kind}:${budget.id}`) ?? 0);
  const left = budget.monthlyBudget - spent;
  if (left >= needed) return undefined;
  return {
    needed,
    available: Math.max(0, left),
    workspaceId: scope.workspaceId,
    budget: { ...budget, spent },
    message: message(Math.max(0, left), spent),
  };
}

/** Counts a reservation against the budgets it falls under, for the rest of the admission. */
export function countAgainstBudgets(spentInBatch: Map<string, number>, agent: AgentRecord, amount: number) {
  for (const key of [`agent:${agent.id}`, agent.workroomId ? `workroom:${agent.workroomId}` : undefined]) {
    if (key) spentInBatch.set(key, (spentInBatch.get(key) ?? 0) + amount);
  }
}

/** The refusal as an error (HTTP 402), for triggers that answer with one. */
export function insufficientCredits(shortfall: CreditShortfall): OrcaError {
  const { needed, available, budget, workspaceId } = shortfall;
  const workspace = `/api/workspaces/${workspaceId}`;
  // A budget's refusal is lifted by raising the budget; topping up would not help.
  const fix = budget
    ? {
        raiseBudget: `PUT ${workspace}/${budget.kind === 'agent' ? 'agents' : 'workrooms'}/${budget.id}/budget`,
      }
    : { topUp: `POST ${workspace}/credits/topups` };
  return new OrcaError('insufficient_credits', shortfall.message, {
    details: { needed, available, ...(budget ? { budget } : {}), ...fix },
  });
}
