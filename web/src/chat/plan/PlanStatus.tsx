// A plan's state as a word (the word carries the meaning, the colour only repeats it).
import type { Plan } from './plan-mutations.ts';

const labels: Record<Plan['status'], string> = {
  proposed: 'Waiting for approval',
  needs_answers: 'Needs your answer',
  applied: 'Applied',
  rejected: 'Rejected',
  undone: 'Undone',
  superseded: 'Replaced by a newer plan',
};

export function PlanStatus({ status }: { status: Plan['status'] }) {
  return (
    <span className={`status status-${status === 'needs_answers' ? 'waiting' : status}`} data-status={status}>
      {labels[status]}
    </span>
  );
}
