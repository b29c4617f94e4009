// The run a plan started, live: its status while it goes (the workspace's event stream refreshes
// it; a poll every 2 s covers a missed event), then how it ended, with a link to the run.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client.ts';
import { ErrorMessage } from '../../shared/ErrorMessage.tsx';
import { between } from '../../shared/format.ts';
import { queryKeys } from '../../shared/query-keys.ts';
import { StatusBadge } from '../../shared/StatusBadge.tsx';
import { usePane } from '../../shell/pane.tsx';

const finished = new Set(['succeeded', 'failed', 'cancelled']);

function errorText(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { message } = error as { message?: unknown };
  return typeof message === 'string' ? message : undefined;
}

export function TestRunResult({ ws, runId, agentName }: { ws: string; runId: string; agentName?: string }) {
  const { showPanel } = usePane();
  const run = useQuery({
    queryKey: queryKeys.run(ws, runId),
    queryFn: () =>
      unwrap(client.GET('/api/workspaces/{ws}/runs/{runId}', { params: { path: { ws, runId } } })),
    refetchInterval: (query) => (query.state.data && finished.has(query.state.data.status) ? false : 2000),
  });
  const queryClient = useQueryClient();
  const ended = run.data ? finished.has(run.data.status) : false;
  // The Orchestrator reports the ended run in the conversation just after it ends: fetch the
  // conversation now and once more a moment later, so the report shows without a reload.
  useEffect(() => {
    if (!ended) return;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.conversations(ws) });
    refresh();
    const later = setTimeout(refresh, 1500);
    return () => clearTimeout(later);
  }, [ended, ws, queryClient]);
  return (
    <div className="test-run" data-testid="test-run">
      <span>Test run{agentName ? ` of ${agentName}` : ''}:</span>{' '}
      {run.data ? <StatusBadge status={run.data.status} /> : <span className="muted">loading…</span>}
      {run.data && finished.has(run.data.status) ? (
        <span className="muted"> in {between(run.data.startedAt, run.data.finishedAt)}</span>
      ) : null}{' '}
      <Link to={`/w/${ws}/runs/${runId}`} onClick={showPanel}>
        Open the run
      </Link>
      {run.data?.status === 'failed' && errorText(run.data.error) ? (
        <p className="run-error">{errorText(run.data.error)}</p>
      ) : null}
      <ErrorMessage error={run.error} onRetry={() => void run.refetch()} />
    </div>
  );
}
