// A hook's recent calls: when, what became of each (started a run, or refused and why) and the
// run it started. Nothing of what the caller sent is kept, so nothing of it shows.
import { Link } from 'react-router';
import { useHookCalls } from '../automations/automation-queries.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';

export function HookCalls({
  agentId,
  hookId,
  hookName,
}: {
  agentId: string;
  hookId: string;
  hookName: string;
}) {
  const { ws } = useWorkspace();
  const calls = useHookCalls(ws, agentId, hookId);
  const items = calls.data?.items ?? [];
  return (
    <section className="hook-calls" aria-label={`Recent calls of ${hookName}`}>
      <h4>Recent calls</h4>
      <ErrorMessage error={calls.error} onRetry={() => void calls.refetch()} />
      {calls.data && items.length === 0 ? (
        <p className="muted">No calls yet. Calls to its address show here, accepted or refused.</p>
      ) : null}
      {items.length > 0 ? (
        <ol className="automation-list">
          {items.map((call) => (
            <li key={call.id} data-outcome={call.outcome}>
              <time dateTime={call.calledAt} title={dateTime(call.calledAt)}>
                {relativeTime(call.calledAt)}
              </time>
              <span className={call.outcome === 'refused' ? 'error' : undefined}>{call.words}</span>
              {call.runId ? <Link to={`/w/${ws}/runs/${call.runId}`}>See the run</Link> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
