// One file in a list: its name (to its preview), type, size, when it was made, the agent and run
// that made it, and a download link.
import { Link } from 'react-router';
import type { Schemas } from '../api/client.ts';
import { dateTime, relativeTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { UseAsStyleSample } from '../style/UseAsStyleSample.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { FileVersions } from './FileVersions.tsx';
import { sizeInWords, typeInWords } from './file-words.ts';

export type StoredFile = Schemas['Deliverable'];

export function FileRow({ file, agentName }: { file: StoredFile; agentName?: string }) {
  const { ws } = useWorkspace();
  return (
    <li className="file-row" data-testid="file-row">
      <div className="file-main">
        <Link className="file-name" to={`/w/${ws}/files/${file.id}`}>
          {file.name}
        </Link>
        <span className="muted">
          <span className="file-version" data-testid="file-version-number">
            v{file.version}
          </span>{' '}
          · {typeInWords(file.contentType)} · {sizeInWords(file.sizeBytes)} ·{' '}
          <time dateTime={file.createdAt} title={dateTime(file.createdAt)}>
            {relativeTime(file.createdAt)}
          </time>
        </span>
      </div>
      <div className="file-origin">
        <FileOrigin file={file} agentName={agentName} />
        <a href={file.contentPath} download={file.name} aria-label={`Download ${file.name}`}>
          Download
        </a>
        <ExportLinks file={file} />
        <UseAsStyleSample fileId={file.id} fileName={file.name} contentType={file.contentType} />
      </div>
      <FileVersions file={file} />
    </li>
  );
}

/** "Made by Weekly Report in the run of 6 Dec, 10:00" with links, or "Uploaded". */
export function FileOrigin({ file, agentName }: { file: StoredFile; agentName?: string }) {
  const { ws } = useWorkspace();
  if (!file.agentId && !file.runId) return <span className="muted">Uploaded</span>;
  return (
    <span>
      Made by{' '}
      {file.agentId ? (
        <Link to={`/w/${ws}/agents/${file.agentId}`}>{agentName ?? 'an agent'}</Link>
      ) : (
        'a deleted agent'
      )}
      {file.runId ? (
        <>
          {' '}
          in <Link to={`/w/${ws}/runs/${file.runId}`}>the run of {dateTime(file.createdAt)}</Link>
        </>
      ) : null}
    </span>
  );
}
