// The chain a run belongs to, from its first run to its last: each run a linked step with its
// agent and status, this one marked. Shown only when the run is part of a chain or a call.
import { Link } from 'react-router';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { usePipeline } from './run-queries.ts';
import { triggerInWords } from './run-words.ts';

export function PipelineView({ ws, runId }: { ws: string; runId: string }) {
  const pipeline = usePipeline(ws, runId);
  if (pipeline.error) return <ErrorMessage error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  const runs = pipeline.data?.runs ?? [];
  if (runs.length < 2) return null;
  return (
    <section className="pipeline" aria-labelledby="pipeline-title">
      <h2 id="pipeline-title">Pipeline</h2>
      <p className="hint">The runs this one belongs to, in the order they happened.</p>
      <ol className="pipeline-runs" data-testid="pipeline">
        {runs.map((run) => {
          const current = run.id === runId;
          return (
            <li key={run.id} className="pipeline-run" data-current={current || undefined}>
              <Link to={`/w/${ws}/runs/${run.id}`} aria-current={current ? 'page' : undefined}>
                <span className="pipeline-agent">{run.agentName || 'Deleted agent'}</span>
                <StatusBadge status={run.status} />
                <span className="hint">{triggerInWords(run.trigger)}</span>
              </Link>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
