// An agent's monthly budget in its panel: what it spent this month against its cap, and for
// admins and owners a field to set the cap or clear it. The server's warning (a cap already
// reached, say) is shown as it comes.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { BudgetField } from '../workrooms/BudgetField.tsx';
import { budgetFromField } from '../workrooms/workroom-queries.ts';
import { type Budget, creditActions, credits, useAgentBudget, useRefreshCredits } from './credit-queries.ts';
import './credits.css';

const adminRoles = new Set(['owner', 'admin']);

export function AgentBudget({ agentId }: { agentId: string }) {
  const { ws, workspace } = useWorkspace();
  const id = useId();
  const budget = useAgentBudget(ws, agentId);
  const refresh = useRefreshCredits(ws);
  const [text, setText] = useState('');
  const [warning, setWarning] = useState<string | undefined>();
  const change = useMutation({
    mutationFn: (next: number | null) =>
      next === null
        ? creditActions.clearAgentBudget(ws, agentId)
        : creditActions.setAgentBudget(ws, agentId, next),
    onSuccess: async (result: Budget) => {
      setText('');
      setWarning(result.warning);
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = budgetFromField(text);
    if (value === 'invalid') return;
    change.mutate(value);
  };
  const data = budget.data;
  const shownWarning = warning ?? data?.warning;
  return (
    <section className="agent-budget" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Monthly budget</h2>
      {budget.isPending ? <p className="loading">Loading the budget…</p> : null}
      <ErrorMessage error={budget.error} onRetry={() => void budget.refetch()} />
      {data ? (
        <p data-testid="agent-budget-spent">
          {data.monthlyBudget === null
            ? `Spent ${credits(data.spentThisMonth)} this month; no budget.`
            : `Spent ${credits(data.spentThisMonth)} of ${credits(data.monthlyBudget)} this month (${credits(data.remaining ?? 0)} left).`}
          <span className="hint"> The month ends {dateTime(data.periodEnds)}.</span>
        </p>
      ) : null}
      {shownWarning ? (
        <p className="notice" role="status">
          {shownWarning}
        </p>
      ) : null}
      {data && adminRoles.has(workspace.role) ? (
        <form onSubmit={submit}>
          <BudgetField id={`${id}-budget`} value={text} onChange={setText} />
          <div className="agent-budget-buttons">
            <button type="submit" disabled={change.isPending || budgetFromField(text) === null}>
              Set budget
            </button>
            {data.monthlyBudget !== null ? (
              <button type="button" disabled={change.isPending} onClick={() => change.mutate(null)}>
                Clear budget
              </button>
            ) : null}
          </div>
          <ErrorMessage error={change.error} />
        </form>
      ) : null}
    </section>
  );
}
