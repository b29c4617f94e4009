// A file's older versions, behind a "Versions" disclosure: read only when opened (most people
// never look), newest first, each with its number, date and a download link.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client, unwrap } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { sizeInWords } from './file-words.ts';

export function useFileVersions(ws: string, fileId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.fileVersions(ws, fileId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/deliverables/{fileId}/versions', {
          params: { path: { ws, fileId } },
          signal,
        }),
      ),
    enabled,
  });
}

export function FileVersions({ file }: { file: { id: string; name: string; version: number } }) {
  const { ws } = useWorkspace();
  const [open, setOpen] = useState(false);
  const versions = useFileVersions(ws, file.id, open);
  // Version 1 has nothing older to list.
  if (file.version < 2) return null;
  return (
    <details
      className="file-versions"
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Versions</summary>
      {versions.isPending && open ? <p className="loading">Loading versions…</p> : null}
      <ErrorMessage error={versions.error} onRetry={() => void versions.refetch()} />
      {versions.data ? (
        <ul aria-label={`Versions of ${file.name}, newest first`}>
          {versions.data.items.map((version) => (
            <li key={version.id} data-testid="file-version">
              <strong>v{version.version}</strong>{' '}
              <span className="muted">
                {sizeInWords(version.sizeBytes)} ·{' '}
                <time dateTime={version.createdAt} title={dateTime(version.createdAt)}>
                  {relativeTime(version.createdAt)}
                </time>
              </span>{' '}
              <a
                href={version.contentPath}
                download={version.name}
                aria-label={`Download ${version.name} version ${version.version}`}
              >
                Download
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
