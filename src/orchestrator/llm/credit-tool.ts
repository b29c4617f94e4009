// What the LLM planner's readCredits tool answers: the balance and the spending of a period,
// read from the ledger in the conversation's workspace.
import { findAgent, findAgentByName } from '../../store/agent-repository.ts';
import { readBalance } from '../../store/credit-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import { usageBetween } from '../../store/usage-repository.ts';
import { type PeriodName, periodOf } from '../run-figures.ts';

export async function readCredits(
  scope: WorkspaceScope,
  options: { period: PeriodName; agent?: string; timezone: string; now: Date },
) {
  const period = periodOf(options.period, options.now, options.timezone);
  let agentId: string | undefined;
  if (options.agent) {
    const agent =
      (await findAgentByName(scope, options.agent)) ?? (await findAgent(scope, options.agent.trim()));
    if (!agent)
      return {
        error: `There is no agent "${options.agent}" in this workspace. Call listAgents for the exact names.`,
      };
    agentId = agent.id;
  }
  const balance = await readBalance(scope);
  const rows = await usageBetween(scope, {
    from: new Date(period.startsAt),
    to: new Date(period.endsAt),
    groupBy: 'agent',
    agentId,
  });
  return {
    period: period.words,
    plan: balance?.plan ?? null,
    balance: balance?.balance ?? null,
    reservedByRunningRuns: balance?.reserved ?? 0,
    allowanceLeft: balance ? Math.min(balance.allowanceLeft, Math.max(0, balance.balance)) : null,
    allowanceRenews: balance?.periodEndsAt.toISOString() ?? null,
    spent: rows.map((row) => ({ agent: row.label, credits: row.credits, runs: row.runs })),
    totalSpent: rows.reduce((total, row) => total + row.credits, 0),
  };
}
