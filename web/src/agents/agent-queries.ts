// The agent views' server state. Every query polls every 5 s as well as following the workspace's
// live events, so a change made by the chat, another tab or another member shows without a reload
// (agent changes are not in the event stream, only runs are).
import { useQuery } from '@tanstack/react-query';
import { ApiError, client, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';

export const refreshEvery = 5000;

export function useAgents(ws: string) {
  return useQuery({
    queryKey: queryKeys.agents(ws),
    queryFn: () =>
      unwrap(client.GET('/api/workspaces/{ws}/agents', { params: { path: { ws }, query: { limit: 200 } } })),
    refetchInterval: refreshEvery,
  });
}

export function useAgent(ws: string, agentId: string) {
  return useQuery({
    queryKey: queryKeys.agent(ws, agentId),
    queryFn: () =>
      unwrap(client.GET('/api/workspaces/{ws}/agents/{agentId}', { params: { path: { ws, agentId } } })),
    refetchInterval: (query) =>
      query.state.error instanceof ApiError && query.state.error.status === 404 ? false : refreshEvery,
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
  });
}

/**
 * The agent's schedule. The agent list says whether it has one (`none`): asking for a schedule
 * that does not exist answers 404, which the browser logs in its console on every visit. A 404
 * still means "none" when the list has not said (an agent beyond its first page).
 */
export function useAgentSchedule(ws: string, agentId: string, options: { poll?: boolean } = {}) {
  const listed = useAgents(ws).data?.items.find((agent) => agent.id === agentId);
  const listedNone = listed !== undefined && listed.schedule === null;
  const query = useQuery({
    queryKey: queryKeys.agentSchedule(ws, agentId),
    queryFn: () =>
      unwrap(
        client.GET('/api/workspaces/{ws}/agents/{agentId}/schedule', { params: { path: { ws, agentId } } }),
      ),
    // A plan card shows the schedule once; the agent panel follows it. None (404) stays none.
    refetchInterval: (query) =>
      options.poll === false || isMissing(query.state.error) ? false : refreshEvery,
    retry: false,
    enabled: !listedNone,
  });
  const none = listedNone || isMissing(query.error);
  return {
    none,
    data: none ? undefined : query.data,
    error: none ? null : query.error,
    isPending: !none && query.isPending,
    refetch: query.refetch,
  };
}

export function isMissing(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function useAgentRuns(ws: string, agentId: string, limit = 20) {
  return useQuery({
    queryKey: queryKeys.agentRuns(ws, agentId),
    queryFn: () =>
      unwrap(
        client.GET('/api/workspaces/{ws}/runs', {
          params: { path: { ws }, query: { agent: agentId, limit } },
        }),
      ),
    refetchInterval: refreshEvery,
  });
}

export function useRecentRuns(ws: string) {
  return useQuery({
    queryKey: queryKeys.recentRuns(ws),
    queryFn: () =>
      unwrap(client.GET('/api/workspaces/{ws}/runs', { params: { path: { ws }, query: { limit: 50 } } })),
    refetchInterval: refreshEvery,
  });
}

export function useChains(ws: string) {
  return useQuery({
    queryKey: queryKeys.chains(ws),
    queryFn: () => unwrap(client.GET('/api/workspaces/{ws}/chains', { params: { path: { ws } } })),
    refetchInterval: refreshEvery,
  });
}

export function useAgentHooks(ws: string, agentId: string) {
  return useQuery({
    queryKey: queryKeys.agentHooks(ws, agentId),
    queryFn: () =>
      unwrap(
        client.GET('/api/workspaces/{ws}/agents/{agentId}/hooks', { params: { path: { ws, agentId } } }),
      ),
    refetchInterval: refreshEvery,
  });
}

export function useAgentVersions(ws: string, agentId: string) {
  return useQuery({
    queryKey: queryKeys.agentVersions(ws, agentId),
    queryFn: () =>
      unwrap(
        client.GET('/api/workspaces/{ws}/agents/{agentId}/versions', { params: { path: { ws, agentId } } }),
      ),
    refetchInterval: refreshEvery,
  });
}

export function useAgentVersion(ws: string, agentId: string, version: number | undefined) {
  return useQuery({
    queryKey: queryKeys.agentVersion(ws, agentId, version ?? 0),
    queryFn: () =>
      unwrap(
        client.GET('/api/workspaces/{ws}/agents/{agentId}/versions/{version}', {
          params: { path: { ws, agentId, version: version ?? 0 } },
        }),
      ),
    enabled: version !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePendingPlans(ws: string) {
  return useQuery({
    queryKey: queryKeys.pendingPlans(ws),
    queryFn: () =>
      unwrap(
        client.GET('/api/workspaces/{ws}/plans', {
          params: { path: { ws }, query: { status: 'proposed', limit: 200 } },
        }),
      ),
    refetchInterval: refreshEvery,
  });
}
