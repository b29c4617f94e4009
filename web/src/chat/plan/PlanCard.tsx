// A plan in the chat: its summary and state, each operation as a readable change, its questions,
// and (for builders) Approve / Edit / Reject, then Undo and the test run once applied.
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { ErrorMessage } from '../../shared/ErrorMessage.tsx';
import { useWorkspace } from '../../shared/workspace-context.tsx';
import { EditPlanDialog } from './EditPlanDialog.tsx';
import { type OperationResult, OperationView } from './OperationView.tsx';
import { PlanQuestions } from './PlanQuestions.tsx';
import { PlanStatus } from './PlanStatus.tsx';
import { type Plan, usePlanMutations } from './plan-mutations.ts';
import type { PlanOperation } from './spec-shape.ts';
import { TestRunResult } from './TestRunResult.tsx';

export interface PlanCardProps {
  plan: Plan;
  /** Called with the plan's new state after approve, reject or undo. */
  onChanged(plan: Plan): void;
  /** Sends an answer to one of the plan's questions; absent where answers cannot be sent. */
  onAnswer?(text: string): void;
  /** Whether a message is in flight (answers wait for it). */
  busy?: boolean;
}

export function PlanCard({ plan, onChanged, onAnswer, busy = false }: PlanCardProps) {
  const { ws, canBuild } = useWorkspace();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const card = useRef<HTMLElement>(null);
  const { approve, reject, undo } = usePlanMutations(ws, plan.id, (changed) => {
    setEditing(false);
    onChanged(changed);
  });
  // The API declares operations and results as open records; the server validated both.
  const operations = plan.operations as PlanOperation[];
  const results = (plan.results ?? []) as unknown as OperationResult[];
  const applied = plan.status === 'applied';
  const testRuns = results.filter((result) => result.runId);
  const working = approve.isPending || reject.isPending || undo.isPending;
  useFocusKept(card, working);
  const actionError = reject.error ?? undo.error ?? (editing ? null : approve.error);

  return (
    <article
      ref={card}
      className="plan-card"
      aria-labelledby={titleId}
      data-plan-status={plan.status}
      tabIndex={-1}
    >
      <header className="plan-header">
        <h4 id={titleId}>Plan</h4>
        <PlanStatus status={plan.status} />
      </header>
      <p className="plan-summary">{plan.summary}</p>
      {operations.length > 0 ? (
        <ol className="operations">
          {operations.map((operation, index) => (
            // A plan's operations never change order: the index is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={`${index}-${operation.type}`} className={`operation operation-${operation.type}`}>
              <OperationView
                ws={ws}
                operation={operation}
                result={results.find((result) => result.index === index)}
                applied={applied}
              />
            </li>
          ))}
        </ol>
      ) : null}
      {plan.status === 'needs_answers' && plan.questions.length > 0 && onAnswer ? (
        <PlanQuestions
          questions={plan.questions}
          onAnswer={(text) => {
            // The answers are disabled (then gone) once one is sent: keep the focus on the plan.
            card.current?.focus({ preventScroll: true });
            onAnswer(text);
          }}
          busy={busy}
        />
      ) : null}
      {applied
        ? testRuns.map((result) => (
            <TestRunResult
              key={result.runId}
              ws={ws}
              runId={result.runId as string}
              agentName={result.agentName}
            />
          ))
        : null}
      {canBuild && plan.status === 'proposed' ? (
        <div className="plan-actions">
          <button
            type="button"
            className="primary"
            disabled={working}
            onClick={() => approve.mutate(undefined)}
          >
            {approve.isPending && !editing ? 'Approving…' : 'Approve'}
          </button>
          <button type="button" disabled={working} onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" disabled={working} onClick={() => reject.mutate()}>
            {reject.isPending ? 'Rejecting…' : 'Reject'}
          </button>
        </div>
      ) : null}
      {canBuild && applied ? (
        <div className="plan-actions">
          <button type="button" disabled={working} onClick={() => undo.mutate()}>
            {undo.isPending ? 'Undoing…' : 'Undo'}
          </button>
        </div>
      ) : null}
      <ErrorMessage error={actionError} />
      {editing ? (
        <EditPlanDialog
          open={editing}
          operations={operations}
          onClose={() => setEditing(false)}
          onApprove={(edited) => approve.mutate(edited)}
          pending={approve.isPending}
          error={approve.error}
        />
      ) : null}
    </article>
  );
}

/**
 * The control just used (Approve, Reject, Undo, an edited approval's dialog) is disabled while it
 * works and then goes away, which drops the focus on the page's body: the card takes it back, so a
 * keyboard user's next Tab goes on from the plan rather than from the top of the page.
 */
function useFocusKept(card: RefObject<HTMLElement | null>, working: boolean) {
  const wasWorking = useRef(false);
  useEffect(() => {
    const dropped = document.activeElement === null || document.activeElement === document.body;
    if (wasWorking.current && !working && dropped) card.current?.focus({ preventScroll: true });
    wasWorking.current = working;
  }, [card, working]);
}
