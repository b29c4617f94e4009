// What a workroom's runs spent this billing period beside its budget, so a run refused for the
// workroom's budget (402) can be understood on the workroom's own page.
import { credits, useWorkroomBudget } from '../credits/credit-queries.ts';
import { dateTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';

export function WorkroomSpent({
  workroomId,
  monthlyBudget,
}: {
  workroomId: string;
  monthlyBudget: number | null;
}) {
  const { ws } = useWorkspace();
  const budget = useWorkroomBudget(ws, workroomId);
  if (budget.error) return <span className="muted">Could not read what it spent.</span>;
  if (!budget.data) return <span className="loading">Loading…</span>;
  const spent = budget.data.spentThisMonth;
  const left = monthlyBudget === null ? null : Math.max(0, monthlyBudget - spent);
  return (
    <span data-testid="workroom-budget-spent">
      {credits(spent)}
      {left === null ? '' : ` (${credits(left)} of the budget left)`}
      <span className="hint"> The period ends {dateTime(budget.data.periodEnds)}.</span>
    </span>
  );
}
