// How the agent's last runs went: the success rate and the language-model tokens they used, then
// the runs themselves, each a link to its page.
import { Link } from 'react-router';
import type { Schemas } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { between, count, relativeTime } from '../shared/format.ts';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useAgentRuns } from './agent-queries.ts';

const finished = new Set(['succeeded', 'failed', 'cancelled']);

/** Success rate over finished runs, and tokens over all of them. */
export function runStatistics(runs: Schemas['Run'][]) {
  const done = runs.filter((run) => finished.has(run.status));
  const succeeded = done.filter((run) => run.status === 'succeeded').length;
  let inputTokens = 0;
  let outputTokens = 0;
  for (const run of runs) {
    inputTokens += run.usage?.inputTokens ?? 0;
    outputTokens += run.usage?.outputTokens ?? 0;
  }
  return {
    finished: done.length,
    succeeded,
    successRate: done.length > 0 ? Math.round((succeeded / done.length) * 100) : undefined,
    inputTokens,
    outputTokens,
  };
}

export function AgentRunStats({ agentId }: { agentId: string }) {
  const { ws } = useWorkspace();
  const runs = useAgentRuns(ws, agentId);
  const items = runs.data?.items ?? [];
  const stats = runStatistics(items);
  return (
    <section aria-labelledby="agent-runs">
      <h2 id="agent-runs">Last runs</h2>
      <ErrorMessage error={runs.error} onRetry={() => void runs.refetch()} />
      {runs.data && items.length === 0 ? <p className="muted">It has not run yet.</p> : null}
      {items.length > 0 ? (
        <>
          <dl className="facts stats">
            <dt>Success rate</dt>
            <dd data-testid="success-rate">
              {stats.successRate === undefined
                ? 'No finished runs yet'
                : `${stats.successRate}% (${stats.succeeded} of ${count(stats.finished, 'finished run')})`}
            </dd>
            <dt>Tokens used</dt>
            <dd>
              {stats.inputTokens + stats.outputTokens === 0
                ? 'None (no language-model steps ran)'
                : `${(stats.inputTokens + stats.outputTokens).toLocaleString()} (${stats.inputTokens.toLocaleString()} in, ${stats.outputTokens.toLocaleString()} out)`}
            </dd>
          </dl>
          <p className="muted">Over the last {count(items.length, 'run')}.</p>
          <ul className="run-rows">
            {items.slice(0, 8).map((run) => (
              <li key={run.id}>
                <StatusBadge status={run.status} />
                <Link to={`/w/${ws}/runs/${run.id}`}>{relativeTime(run.createdAt)}</Link>
                <span className="muted">took {between(run.startedAt, run.finishedAt)}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/w/${ws}/runs?agent=${agentId}`}>All its runs</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
