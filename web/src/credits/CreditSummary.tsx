// The workspace's plan and what it has: the balance, what running runs hold, and the allowance
// left this period with the day it renews.
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { credits, useCredits } from './credit-queries.ts';

export function CreditSummary() {
  const { ws } = useWorkspace();
  const summary = useCredits(ws);
  if (summary.isPending) return <p className="loading">Loading the credits…</p>;
  if (summary.isError) return <ErrorMessage error={summary.error} onRetry={() => void summary.refetch()} />;
  const { plan, balance, reserved, allowance } = summary.data;
  return (
    <dl className="credit-summary" aria-label="Credits">
      <dt>Plan</dt>
      <dd>{plan.name}</dd>
      <dt>Balance</dt>
      <dd data-testid="credit-balance">{credits(balance)}</dd>
      <dt>Held by running runs</dt>
      <dd>{credits(reserved)}</dd>
      <dt>Allowance left this period</dt>
      <dd>
        {credits(allowance.remainingThisPeriod)} of {credits(allowance.monthly)}
        <span className="hint"> — renews {dateTime(allowance.periodEnds)}</span>
      </dd>
    </dl>
  );
}
