// The Workrooms feature's server state: the workrooms with their counts, one workroom, its newest
// runs and files, and the changes (create, rename, budget, move agents, delete). Every change
// refreshes the agents' key, under which the workrooms' keys sit, so counts, the agent panel and
// the overview agree at once.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { refreshEvery } from '../agents/agent-queries.ts';
import { ApiError, client, type Schemas, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';

export type Workroom = Schemas['Workroom'];
export type WorkroomDeletion = Schemas['WorkroomDeletion'];
export type DeliverableChoice = 'keep' | 'move' | 'delete';

export function useWorkrooms(ws: string) {
  return useQuery({
    queryKey: queryKeys.workrooms(ws),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/workrooms', {
          params: { path: { ws }, query: { limit: 200 } },
          signal,
        }),
      ),
    refetchInterval: refreshEvery,
  });
}

export function useWorkroom(ws: string, workroomId: string) {
  return useQuery({
    queryKey: queryKeys.workroom(ws, workroomId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/workrooms/{workroomId}', {
          params: { path: { ws, workroomId } },
          signal,
        }),
      ),
    refetchInterval: (query) =>
      query.state.error instanceof ApiError && query.state.error.status === 404 ? false : refreshEvery,
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
  });
}

/** The workroom's newest runs and files (the files page shows the rest, filtered by workroom). */
export function useWorkroomRecent(ws: string, workroomId: string) {
  return useQuery({
    queryKey: [...queryKeys.workroom(ws, workroomId), 'recent'],
    queryFn: async ({ signal }) => {
      const query = { workroom: workroomId, limit: 10 };
      const [runs, files] = await Promise.all([
        unwrap(client.GET('/api/workspaces/{ws}/runs', { params: { path: { ws }, query }, signal })),
        unwrap(client.GET('/api/workspaces/{ws}/deliverables', { params: { path: { ws }, query }, signal })),
      ]);
      return { runs: runs.items, files: files.items, moreFiles: files.nextCursor !== null };
    },
    refetchInterval: refreshEvery,
  });
}

export const workroomActions = {
  create: (ws: string, body: { name: string; description?: string; monthlyBudget?: number | null }) =>
    unwrap(client.POST('/api/workspaces/{ws}/workrooms', { params: { path: { ws } }, body })),
  update: (
    ws: string,
    workroomId: string,
    body: { name?: string; description?: string; monthlyBudget?: number | null },
  ) =>
    unwrap(
      client.PATCH('/api/workspaces/{ws}/workrooms/{workroomId}', {
        params: { path: { ws, workroomId } },
        body,
      }),
    ),
  remove: (ws: string, workroomId: string, choice: DeliverableChoice | undefined, to?: string) =>
    unwrap(
      client.DELETE('/api/workspaces/{ws}/workrooms/{workroomId}', {
        params: {
          path: { ws, workroomId },
          query: { deliverables: choice, to: choice === 'move' ? to : undefined },
        },
      }),
    ),
  moveAgents: (ws: string, workroomId: string, agentIds: string[]) =>
    unwrap(
      client.POST('/api/workspaces/{ws}/workrooms/{workroomId}/agents', {
        params: { path: { ws, workroomId } },
        body: { agentIds },
      }),
    ),
  setAgentWorkroom: (ws: string, agentId: string, workroomId: string | null) =>
    unwrap(
      client.PUT('/api/workspaces/{ws}/agents/{agentId}/workroom', {
        params: { path: { ws, agentId } },
        body: { workroomId },
      }),
    ),
};

/** Refreshes everything a workroom change shows in: workrooms, agents, their panels. */
export function useRefreshWorkrooms(ws: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.agents(ws) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.agentNames(ws) }),
    ]);
}

/** A budget typed in a field: empty for none, else a whole number of credits. */
export function budgetFromField(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replaceAll(/[\s,_]/g, '');
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : 'invalid';
}

export function budgetInWords(budget: number | null): string {
  return budget === null ? 'No budget' : `${budget.toLocaleString('en')} credits a month`;
}
