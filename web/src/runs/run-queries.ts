// The runs feature's server state: each read through the typed client, under a key from
// query-keys.ts so the workspace's live events and the run page's own stream refresh it.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';
import type { RunStatus, RunTrigger } from './run-words.ts';

export interface RunFilters {
  agent?: string;
  status?: RunStatus;
  trigger?: RunTrigger;
  /** A workroom's id, or "none". */
  workroom?: string;
}

const pageSize = 25;

/** The run list under its filters, a page at a time (older pages by the API's cursor). */
export function useRunList(ws: string, filters: RunFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.runList(ws, { ...filters }),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/runs', {
          params: { path: { ws }, query: { ...filters, limit: pageSize, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The workspace's agents (up to 200), for the agent filter and for names beside runs. */
export function useAgentNames(ws: string) {
  return useQuery({
    queryKey: queryKeys.agentNames(ws),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/agents', {
          params: { path: { ws }, query: { limit: 200 } },
          signal,
        }),
      ),
    select: (page) => page.items.map((agent) => ({ id: agent.id, name: agent.name })),
    staleTime: 30_000,
  });
}

export function useRun(ws: string, runId: string) {
  return useQuery({
    queryKey: queryKeys.run(ws, runId),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/workspaces/{ws}/runs/{runId}', { params: { path: { ws, runId } }, signal })),
  });
}

export function usePipeline(ws: string, runId: string) {
  return useQuery({
    queryKey: queryKeys.runPipeline(ws, runId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/runs/{runId}/pipeline', { params: { path: { ws, runId } }, signal }),
      ),
  });
}

/** Files the run kept (screenshots, downloads, saved files). */
export function useRunFiles(ws: string, runId: string) {
  return useQuery({
    queryKey: queryKeys.runFiles(ws, runId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/deliverables', {
          params: { path: { ws }, query: { run: runId, limit: 200 } },
          signal,
        }),
      ),
    select: (page) => page.items,
  });
}

/** The agent's steps as they were in the version the run ran (a version never changes). */
export function useAgentVersion(ws: string, agentId: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: queryKeys.agentVersion(ws, agentId ?? '', version ?? 0),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/agents/{agentId}/versions/{version}', {
          params: { path: { ws, agentId: agentId ?? '', version: version ?? 0 } },
          signal,
        }),
      ),
    enabled: Boolean(agentId && version),
    staleTime: Number.POSITIVE_INFINITY,
    select: (agentVersion) => specSteps(agentVersion.spec),
  });
}

export interface SpecStep {
  id: string;
  tool: string;
  with?: unknown;
}

function specSteps(spec: Record<string, unknown>): SpecStep[] {
  const steps = Array.isArray(spec.steps) ? spec.steps : [];
  return steps.flatMap((step) =>
    step && typeof step === 'object' && typeof (step as SpecStep).id === 'string'
      ? [
          {
            id: (step as SpecStep).id,
            tool: String((step as SpecStep).tool ?? ''),
            with: (step as SpecStep).with,
          },
        ]
      : [],
  );
}
