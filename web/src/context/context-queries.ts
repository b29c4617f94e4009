// Shared context and an agent's memory, read and changed through the typed client. Both surfaces
// answer the same shapes, so every view here works on either: `MemorySurface` says which.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';

export type MemoryEntry = Schemas['MemoryEntry'];
export type MemorySurface = { kind: 'context' } | { kind: 'agent'; agentId: string };

export interface EntryFields {
  key: string;
  value: unknown;
  text?: string;
  tags: string[];
}

const pageSize = 25;

/** Every key of a surface starts here, so one invalidation refreshes its lists, entries and tags. */
export function surfaceKey(ws: string, surface: MemorySurface) {
  return surface.kind === 'context' ? queryKeys.context(ws) : queryKeys.agentMemory(ws, surface.agentId);
}

interface ListQuery {
  q?: string;
  tags?: string;
  limit: number;
  cursor?: string;
}

function list(ws: string, surface: MemorySurface, query: ListQuery, signal: AbortSignal) {
  if (surface.kind === 'context')
    return unwrap(client.GET('/api/workspaces/{ws}/context', { params: { path: { ws }, query }, signal }));
  return unwrap(
    client.GET('/api/workspaces/{ws}/agents/{agentId}/memory', {
      params: { path: { ws, agentId: surface.agentId }, query },
      signal,
    }),
  );
}

/** Entries newest first, or best match first when searching, a page at a time. */
export function useEntries(ws: string, surface: MemorySurface, filters: { q?: string; tag?: string }) {
  return useInfiniteQuery({
    queryKey: [...surfaceKey(ws, surface), 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      list(ws, surface, { q: filters.q, tags: filters.tag, limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function fetchEntry(ws: string, surface: MemorySurface, entryId: string, signal?: AbortSignal) {
  if (surface.kind === 'context')
    return unwrap(
      client.GET('/api/workspaces/{ws}/context/{entryId}', { params: { path: { ws, entryId } }, signal }),
    );
  return unwrap(
    client.GET('/api/workspaces/{ws}/agents/{agentId}/memory/{entryId}', {
      params: { path: { ws, agentId: surface.agentId, entryId } },
      signal,
    }),
  );
}

export function entryKey(ws: string, surface: MemorySurface, entryId: string) {
  return [...surfaceKey(ws, surface), 'entry', entryId] as const;
}

export function useEntry(ws: string, surface: MemorySurface, entryId: string) {
  return useQuery({
    queryKey: entryKey(ws, surface, entryId),
    queryFn: ({ signal }) => fetchEntry(ws, surface, entryId, signal),
    retry: false,
  });
}

/** The tags in use, most used first, for the filter. */
export function useTags(ws: string, surface: MemorySurface) {
  return useQuery({
    queryKey: [...surfaceKey(ws, surface), 'tags'],
    queryFn: ({ signal }) =>
      surface.kind === 'context'
        ? unwrap(client.GET('/api/workspaces/{ws}/context/tags', { params: { path: { ws } }, signal }))
        : unwrap(
            client.GET('/api/workspaces/{ws}/agents/{agentId}/memory/tags', {
              params: { path: { ws, agentId: surface.agentId } },
              signal,
            }),
          ),
    select: (answer) => answer.items,
  });
}

export const entryActions = {
  /** Creates an entry; refused (409) when the key is in use, never replacing it unseen. */
  create: (ws: string, surface: MemorySurface, fields: EntryFields) => {
    const body = { ...fields, expectedVersion: 0 };
    if (surface.kind === 'context')
      return unwrap(client.POST('/api/workspaces/{ws}/context', { params: { path: { ws } }, body }));
    return unwrap(
      client.POST('/api/workspaces/{ws}/agents/{agentId}/memory', {
        params: { path: { ws, agentId: surface.agentId } },
        body,
      }),
    );
  },
  /** Changes an entry, refused (409) when it changed since `expectedVersion`. */
  edit: (
    ws: string,
    surface: MemorySurface,
    entryId: string,
    fields: EntryFields,
    expectedVersion: number,
  ) => {
    const body = { ...fields, expectedVersion };
    if (surface.kind === 'context')
      return unwrap(
        client.PUT('/api/workspaces/{ws}/context/{entryId}', { params: { path: { ws, entryId } }, body }),
      );
    return unwrap(
      client.PUT('/api/workspaces/{ws}/agents/{agentId}/memory/{entryId}', {
        params: { path: { ws, agentId: surface.agentId, entryId } },
        body,
      }),
    );
  },
  remove: (ws: string, surface: MemorySurface, entryId: string, expectedVersion: number) => {
    const query = { expectedVersion };
    if (surface.kind === 'context')
      return unwrap(
        client.DELETE('/api/workspaces/{ws}/context/{entryId}', { params: { path: { ws, entryId }, query } }),
      );
    return unwrap(
      client.DELETE('/api/workspaces/{ws}/agents/{agentId}/memory/{entryId}', {
        params: { path: { ws, agentId: surface.agentId, entryId }, query },
      }),
    );
  },
};
