// The workspace's files (deliverables): what runs saved and people uploaded, newest first, each
// with its type, size, date and the agent and run that made it. Filtered by agent and by run (kept
// in the page address, so the run page and the agent panel can link to "files of this"), older
// files a page at a time.
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAgentNames, useRunList } from '../runs/run-queries.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { WorkroomFilter } from '../workrooms/WorkroomFilter.tsx';
import { FileRow } from './FileRow.tsx';
import { type FileFilters, useFileList } from './file-queries.ts';
import './files.css';

export function FilesPage() {
  const { ws } = useWorkspace();
  const [search, setSearch] = useSearchParams();
  const filters: FileFilters = {
    agent: search.get('agent') || undefined,
    run: search.get('run') || undefined,
    workroom: search.get('workroom') || undefined,
  };
  // Only each file's newest version (older ones are under its "Versions"), except for one run's
  // files: the run made exactly those versions.
  const files = useFileList(ws, { ...filters, latest: filters.run ? undefined : 'true' });
  const agents = useAgentNames(ws);
  const names = new Map((agents.data ?? []).map((agent) => [agent.id, agent.name]));
  const items = files.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.agent || filters.run || filters.workroom);

  const setFilter = (name: keyof FileFilters, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    // A run belongs to one agent: another agent's files have none of its runs.
    if (name === 'agent') next.delete('run');
    setSearch(next, { replace: true });
  };

  return (
    <section className="files" aria-labelledby="files-title">
      <h1 id="files-title">Files</h1>
      <p className="muted">
        What your agents saved (reports, tables, screenshots, downloads) and files uploaded to the workspace.
      </p>
      <FileFilterBar filters={filters} agents={agents.data ?? []} onChange={setFilter} />
      <ErrorMessage error={agents.error} onRetry={() => void agents.refetch()} />
      {files.isPending ? <p className="loading">Loading files…</p> : null}
      <ErrorMessage error={files.error} onRetry={() => void files.refetch()} />
      {files.isSuccess && items.length === 0 ? (
        filtered ? (
          <p className="empty">
            No files match these filters.{' '}
            <button type="button" onClick={() => setSearch(new URLSearchParams(), { replace: true })}>
              Show all files
            </button>
          </p>
        ) : (
          <p className="empty">
            No files yet. An agent keeps a file when one of its steps saves it (for example a report, a CSV
            table or a screenshot); ask the Orchestrator for an agent that saves what it finds, and its files
            show here.
          </p>
        )
      ) : null}
      {items.length > 0 ? (
        <ul className="file-list" aria-label="Files, newest first">
          {items.map((file) => (
            <FileRow
              key={file.id}
              file={file}
              agentName={file.agentId ? names.get(file.agentId) : undefined}
            />
          ))}
        </ul>
      ) : null}
      {files.hasNextPage ? (
        <button type="button" onClick={() => void files.fetchNextPage()} disabled={files.isFetchingNextPage}>
          {files.isFetchingNextPage ? 'Loading more files…' : 'Load more files'}
        </button>
      ) : null}
    </section>
  );
}

function FileFilterBar({
  filters,
  agents,
  onChange,
}: {
  filters: FileFilters;
  agents: { id: string; name: string }[];
  onChange: (name: keyof FileFilters, value: string) => void;
}) {
  const id = useId();
  const { ws } = useWorkspace();
  const runs = useRunList(ws, { agent: filters.agent });
  const runItems = runs.data?.pages[0]?.items ?? [];
  const knownRun = !filters.run || runItems.some((run) => run.id === filters.run);
  return (
    <form className="file-filters" aria-label="Filter files" onSubmit={(event) => event.preventDefault()}>
      <WorkroomFilter />
      {/* Each label stays on the line of its list when the filters wrap on a phone. */}
      <span className="file-filter">
        <label htmlFor={`${id}-agent`}>Agent</label>
        <select
          id={`${id}-agent`}
          value={filters.agent ?? ''}
          onChange={(event) => onChange('agent', event.target.value)}
        >
          <option value="">All agents</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </span>
      <span className="file-filter">
        <label htmlFor={`${id}-run`}>Run</label>
        <select
          id={`${id}-run`}
          value={filters.run ?? ''}
          onChange={(event) => onChange('run', event.target.value)}
        >
          <option value="">All runs</option>
          {knownRun ? null : <option value={filters.run}>The run chosen</option>}
          {runItems.map((run) => (
            <option key={run.id} value={run.id}>
              {filters.agent ? '' : `${agents.find((agent) => agent.id === run.agentId)?.name ?? 'Run'}, `}
              {dateTime(run.startedAt ?? run.createdAt)}
            </option>
          ))}
        </select>
      </span>
      {filters.run ? (
        <Link to={`/w/${ws}/runs/${filters.run}`} className="file-filter-link">
          Open this run
        </Link>
      ) : null}
    </form>
  );
}
