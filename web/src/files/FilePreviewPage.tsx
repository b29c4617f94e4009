// One file: what it is (type, size, date, the agent and run that made it), a download, and its
// content shown the way its type reads best (a table, indented JSON, a picture, a PDF, text). Text
// kinds read only the file's first bytes, so a large file does not stall the page.
import { Link, useParams } from 'react-router';
import { isMissing } from '../agents/agent-queries.ts';
import { useAgentNames } from '../runs/run-queries.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { DeleteFileButton } from './DeleteFileButton.tsx';
import {
  CsvPreview,
  CutNotice,
  HtmlPreview,
  ImagePreview,
  JsonPreview,
  PdfPreview,
  TextPreview,
} from './FilePreviews.tsx';
import { FileOrigin, type StoredFile } from './FileRow.tsx';
import { useContentStart, useFile } from './file-queries.ts';
import { type PreviewKind, previewKind, sizeInWords, typeInWords } from './file-words.ts';
import './files.css';

const textKinds: PreviewKind[] = ['csv', 'json', 'html', 'text'];

export function FilePreviewPage() {
  const { fileId = '' } = useParams();
  const { ws } = useWorkspace();
  const file = useFile(ws, fileId);
  const agents = useAgentNames(ws);
  if (file.isPending) return <p className="loading">Loading the file…</p>;
  if (file.error) {
    if (isMissing(file.error))
      return (
        <section>
          <h1>File not found</h1>
          <p>
            This file does not exist in this workspace, or it was deleted.{' '}
            <Link to={`/w/${ws}/files`}>See all files</Link>
          </p>
        </section>
      );
    return <ErrorMessage error={file.error} onRetry={() => void file.refetch()} />;
  }
  const data = file.data;
  const agentName = agents.data?.find((agent) => agent.id === data.agentId)?.name;
  return (
    <article className="file-preview" aria-labelledby="file-name">
      <p>
        <Link to={`/w/${ws}/files`}>All files</Link>
      </p>
      <header className="file-header">
        <h1 id="file-name">{data.name}</h1>
        <p className="muted">
          {typeInWords(data.contentType)} · {sizeInWords(data.sizeBytes)} · saved {dateTime(data.createdAt)}
        </p>
        <p>
          <FileOrigin file={data} agentName={agentName} />
        </p>
        <div className="file-actions">
          <a className="file-download" href={data.contentPath} download={data.name}>
            Download {data.name}
          </a>
          <DeleteFileButton file={data} />
        </div>
      </header>
      <Preview file={data} />
    </article>
  );
}

function Preview({ file }: { file: StoredFile }) {
  const { ws } = useWorkspace();
  const kind = previewKind(file.contentType, file.name);
  const content = useContentStart(ws, file.id, textKinds.includes(kind) ? file.contentPath : undefined);
  switch (kind) {
    case 'image':
      return <ImagePreview name={file.name} contentPath={file.contentPath} />;
    case 'pdf':
      return <PdfPreview name={file.name} contentPath={file.contentPath} />;
    case 'other':
      return (
        <p className="notice">
          A {typeInWords(file.contentType)} of {sizeInWords(file.sizeBytes)} cannot be shown here: download it
          to open it with an app that reads it.
        </p>
      );
    case 'csv':
    case 'json':
    case 'html':
    case 'text':
      break;
  }
  if (content.isPending) return <p className="loading">Loading the content…</p>;
  if (content.error) return <ErrorMessage error={content.error} onRetry={() => void content.refetch()} />;
  const start = content.data;
  return (
    <section className="file-content" aria-label="Preview">
      <CutNotice content={start} sizeBytes={file.sizeBytes} />
      {kind === 'csv' ? <CsvPreview name={file.name} content={start} /> : null}
      {kind === 'json' ? <JsonPreview name={file.name} content={start} /> : null}
      {kind === 'html' ? <HtmlPreview name={file.name} text={start.text} /> : null}
      {kind === 'text' ? <TextPreview name={file.name} text={start.text} /> : null}
    </section>
  );
}
