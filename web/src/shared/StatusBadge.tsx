// A run's or an agent's status as a coloured word (the word carries the meaning, not the colour).
const labels: Record<string, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  cancelling: 'Cancelling',
  waiting: 'Waiting',
  active: 'Active',
  paused: 'Paused',
  proposed: 'Waiting for approval',
  applied: 'Applied',
  rejected: 'Rejected',
  undone: 'Undone',
  skipped: 'Skipped',
  pending: 'Pending',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      {labels[status] ?? status}
    </span>
  );
}
