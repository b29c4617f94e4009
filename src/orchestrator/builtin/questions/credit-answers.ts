// Questions about credits answered from the ledger (through the snapshot): "how many credits are
// left", "what did X cost this month", "what did we spend this week". Figures, in words.
import type { CreditSnapshot, PlannerAnswer, WorkspaceSnapshot } from '../../planner.ts';
import type { Period } from '../../run-figures.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

/** "how many credits are left", "what's our balance", "credits remaining?" */
export const creditsLeftWords = [
  /\bcredits?\b.*\b(?:left|remain|remaining|balance)\b/,
  /\b(?:left|remaining)\b.*\bcredits?\b/,
  /\b(?:our|the|my|workspace'?s?|credit) balance\b/,
  /\bhow many credits (?:do|have|are|is)\b(?!.*\b(?:use|used|spend|spent|cost)\b)/,
];

const credits = (amount: number) => `${amount.toLocaleString('en-US')} credit${amount === 1 ? '' : 's'}`;
const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export function creditsLeft(snapshot: WorkspaceSnapshot): PlannerAnswer {
  const ledger = snapshot.credits;
  if (!ledger) return { reply: 'This workspace has no credit balance yet: it opens with its first run.' };
  const held = ledger.reserved > 0 ? ` ${credits(ledger.reserved)} of it are held by runs still going.` : '';
  const overdrawn =
    ledger.balance < 0
      ? ` It is overdrawn, so new runs are refused until an owner or admin tops up (Credits page).`
      : '';
  return {
    reply: `The workspace has ${credits(ledger.balance)} left on the ${ledger.plan} plan; ${credits(ledger.allowanceLeft)} of this period's ${credits(ledger.monthlyAllowance)} allowance remain, and the allowance renews on ${day(ledger.periodEnds)}.${held}${overdrawn}`,
  };
}

function spentIn(ledger: CreditSnapshot, period: Period, agentId?: string | null) {
  let total = 0;
  let runs = 0;
  for (const line of ledger.spending) {
    const at = new Date(line.hour).getTime();
    if (at < period.startsAt || at >= period.endsAt) continue;
    if (agentId !== undefined && line.agentId !== agentId) continue;
    total += line.credits;
    runs += line.runs;
  }
  return { total, runs };
}

/** What one agent cost in credits in the period, as a sentence; undefined without a ledger. */
export function agentCreditCost(agent: SnapshotAgent, snapshot: WorkspaceSnapshot, period: Period) {
  const ledger = snapshot.credits;
  if (!ledger) return undefined;
  const { total, runs } = spentIn(ledger, period, agent.id);
  if (runs === 0 && total === 0) return `"${agent.name}" cost no credits ${period.words}.`;
  return `"${agent.name}" cost ${credits(total)} ${period.words}, over ${runs} run${runs === 1 ? '' : 's'}.`;
}

/** What the workspace spent in the period, with the agents that spent most; undefined without a ledger. */
export function workspaceCreditCost(snapshot: WorkspaceSnapshot, period: Period) {
  const ledger = snapshot.credits;
  if (!ledger) return undefined;
  const { total } = spentIn(ledger, period);
  if (total === 0)
    return `The workspace spent no credits ${period.words}; ${credits(ledger.balance)} are left.`;
  const byAgent = new Map<string | null, number>();
  for (const line of ledger.spending) {
    const at = new Date(line.hour).getTime();
    if (at < period.startsAt || at >= period.endsAt) continue;
    byAgent.set(line.agentId, (byAgent.get(line.agentId) ?? 0) + line.credits);
  }
  const names = new Map(snapshot.agents.map((agent) => [agent.id, agent.name]));
  const lines = [...byAgent.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(
      ([agentId, amount]) =>
        `- ${agentId === null ? 'the Orchestrator' : `"${names.get(agentId) ?? 'a deleted agent'}"`}: ${credits(amount)}`,
    );
  return `The workspace spent ${credits(total)} ${period.words}; ${credits(ledger.balance)} are left. By agent:\n${lines.join('\n')}`;
}
