// The workspace's runs, newest first: filtered by agent, status and trigger (kept in the page
// address, so a filtered list can be shared and survives a reload), older runs a page at a time.
// The workspace's live events refresh it (useWorkspaceEvents).
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { between, relativeTime } from '../shared/format.ts';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { RunFilterBar } from './RunFilterBar.tsx';
import { type RunFilters, useAgentNames, useRunList } from './run-queries.ts';
import { type RunStatus, type RunTrigger, runStatuses, runTriggers, triggerInWords } from './run-words.ts';
import './runs.css';

function filtersFrom(search: URLSearchParams): RunFilters {
  const status = search.get('status');
  const trigger = search.get('trigger');
  return {
    agent: search.get('agent') || undefined,
    status: runStatuses.includes(status as RunStatus) ? (status as RunStatus) : undefined,
    trigger: runTriggers.includes(trigger as RunTrigger) ? (trigger as RunTrigger) : undefined,
    workroom: search.get('workroom') || undefined,
  };
}

export function RunList() {
  const { ws } = useWorkspace();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFrom(search);
  const runs = useRunList(ws, filters);
  const agents = useAgentNames(ws);
  const names = new Map((agents.data ?? []).map((agent) => [agent.id, agent.name]));
  const items = runs.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.agent || filters.status || filters.trigger || filters.workroom);

  const setFilter = (name: keyof RunFilters, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };

  return (
    <section className="runs" aria-labelledby="runs-title">
      <h1 id="runs-title">Runs</h1>
      <RunFilterBar filters={filters} agents={agents.data ?? []} onChange={setFilter} />
      <ErrorMessage error={agents.error} onRetry={() => void agents.refetch()} />
      {runs.isPending ? <p className="loading">Loading runs…</p> : null}
      <ErrorMessage error={runs.error} onRetry={() => void runs.refetch()} />
      {runs.isSuccess && items.length === 0 ? (
        filtered ? (
          <p className="empty">
            No runs match these filters.{' '}
            <button type="button" onClick={() => setSearch(new URLSearchParams(), { replace: true })}>
              Show all runs
            </button>
          </p>
        ) : (
          <p className="empty">
            No runs yet. Run an agent from its page, or ask the Orchestrator to run one; its runs show here as
            they happen.
          </p>
        )
      ) : null}
      {items.length > 0 ? (
        <table className="run-table">
          <caption className="visually-hidden">Runs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Status</th>
              <th scope="col">Trigger</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {items.map((run) => (
              <tr key={run.id} data-testid="run-row">
                <td>
                  <Link to={`/w/${ws}/runs/${run.id}`}>
                    {names.get(run.agentId) ?? (agents.isPending ? 'Run' : 'Deleted agent')}
                  </Link>
                </td>
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td>{triggerInWords(run.trigger)}</td>
                <td>
                  <time dateTime={run.startedAt ?? run.createdAt} title={run.startedAt ?? run.createdAt}>
                    {run.startedAt ? relativeTime(run.startedAt) : `Queued ${relativeTime(run.createdAt)}`}
                  </time>
                </td>
                <td>
                  {run.finishedAt ? between(run.startedAt, run.finishedAt) : run.startedAt ? 'Running…' : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {runs.hasNextPage ? (
        <button type="button" onClick={() => void runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
          {runs.isFetchingNextPage ? 'Loading older runs…' : 'Older runs'}
        </button>
      ) : null}
    </section>
  );
}
