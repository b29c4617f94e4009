// The Files feature's server state: the workspace's files under the list's filters, one file, and
// the start of a file's content for its preview. Lists refresh with the run events that follow
// a run (which saves files).
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, client, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { previewBytes, readContentStart } from './file-content.ts';

export interface FileFilters {
  agent?: string;
  run?: string;
  /** A workroom's id, or "none". */
  workroom?: string;
  /** "true": only the newest version of each file. */
  latest?: 'true';
}

const pageSize = 25;

export function useFileList(ws: string, filters: FileFilters, limit = pageSize) {
  return useInfiniteQuery({
    queryKey: queryKeys.fileList(ws, { ...filters, limit: String(limit) }),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/deliverables', {
          params: { path: { ws }, query: { ...filters, limit, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useFile(ws: string, fileId: string) {
  return useQuery({
    queryKey: queryKeys.file(ws, fileId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/deliverables/{fileId}', {
          params: { path: { ws, fileId } },
          signal,
        }),
      ),
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
  });
}

/** The first bytes of a file's content (a file never changes, so it is read once). */
export function useContentStart(ws: string, fileId: string, contentPath: string | undefined) {
  return useQuery({
    queryKey: [...queryKeys.file(ws, fileId), 'content'],
    queryFn: ({ signal }) => readContentStart(contentPath ?? '', previewBytes, signal),
    enabled: Boolean(contentPath),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
