// The agent panel's Files section: the newest files the agent's runs saved, each to its preview,
// and a link to all of them on the Files page.
import { Link } from 'react-router';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { FileRow } from './FileRow.tsx';
import { useFileList } from './file-queries.ts';
import './files.css';

const newest = 5;

export function AgentFiles({ agentId, agentName }: { agentId: string; agentName: string }) {
  const { ws } = useWorkspace();
  const files = useFileList(ws, { agent: agentId }, newest);
  const items = files.data?.pages[0]?.items ?? [];
  return (
    <section className="agent-files" aria-labelledby="agent-files">
      <h2 id="agent-files">Files</h2>
      <ErrorMessage error={files.error} onRetry={() => void files.refetch()} />
      {files.isPending ? <p className="muted">Loading its files…</p> : null}
      {files.isSuccess && items.length === 0 ? (
        <p className="muted">No files yet: its runs have saved none.</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="file-list" aria-label={`Files of ${agentName}, newest first`}>
          {items.map((file) => (
            <FileRow key={file.id} file={file} agentName={agentName} />
          ))}
        </ul>
      ) : null}
      {files.hasNextPage ? (
        <Link to={`/w/${ws}/files?agent=${agentId}`}>All files of {agentName}</Link>
      ) : null}
    </section>
  );
}
