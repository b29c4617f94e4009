// The Credits feature's server state: the workspace's plan and balance, its ledger (paged), usage
// grouped by agent, workroom or day, top-ups, and an agent's monthly budget. The keys sit under
// `agents`, so run events (runs reserve and spend credits) refresh every figure shown here.
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { refreshEvery } from '../agents/agent-queries.ts';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';
import type { UsagePeriod } from './usage-period.ts';

export type Credits = Schemas['Credits'];
export type CreditEntry = Schemas['CreditEntry'];
export type Usage = Schemas['Usage'];
export type UsageGrouping = Usage['groupBy'];
export type Budget = Schemas['Budget'];

export function useCredits(ws: string) {
  return useQuery({
    queryKey: queryKeys.credits(ws),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/workspaces/{ws}/credits', { params: { path: { ws } }, signal })),
    refetchInterval: refreshEvery,
  });
}

/** The ledger, newest first, a page at a time: "Load more" follows the server's cursor. */
export function useLedger(ws: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.creditLedger(ws),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/credits/ledger', {
          params: { path: { ws }, query: { limit: 25, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useUsage(ws: string, groupBy: UsageGrouping, period: UsagePeriod | undefined) {
  return useQuery({
    queryKey: queryKeys.creditUsage(ws, groupBy, period?.from ?? '', period?.to ?? ''),
    enabled: period !== undefined,
    // Asked without `format`, the answer is JSON; the schema also lists the CSV string it may be.
    queryFn: async ({ signal }) =>
      (await unwrap(
        client.GET('/api/workspaces/{ws}/usage', {
          params: { path: { ws }, query: { groupBy, ...period } },
          signal,
        }),
      )) as Usage,
  });
}

/** The address of the same usage as a CSV file, for a plain download link. */
export function usageCsvPath(ws: string, groupBy: UsageGrouping, period: UsagePeriod): string {
  const query = new URLSearchParams({ groupBy, format: 'csv', from: period.from, to: period.to });
  return `/api/workspaces/${encodeURIComponent(ws)}/usage?${query}`;
}

export function useAgentBudget(ws: string, agentId: string) {
  return useQuery({
    queryKey: queryKeys.agentBudget(ws, agentId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/agents/{agentId}/budget', {
          params: { path: { ws, agentId } },
          signal,
        }),
      ),
  });
}

/** What a workroom's runs spent this billing period (its budget's figure, refreshed by run events). */
export function useWorkroomBudget(ws: string, workroomId: string) {
  return useQuery({
    queryKey: queryKeys.workroomBudget(ws, workroomId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/workrooms/{workroomId}/budget', {
          params: { path: { ws, workroomId } },
          signal,
        }),
      ),
  });
}

export const creditActions = {
  topUp: (ws: string, body: { amount: number; note?: string }) =>
    unwrap(client.POST('/api/workspaces/{ws}/credits/topups', { params: { path: { ws } }, body })),
  setAgentBudget: (ws: string, agentId: string, monthlyBudget: number) =>
    unwrap(
      client.PUT('/api/workspaces/{ws}/agents/{agentId}/budget', {
        params: { path: { ws, agentId } },
        body: { monthlyBudget },
      }),
    ),
  clearAgentBudget: (ws: string, agentId: string) =>
    unwrap(
      client.DELETE('/api/workspaces/{ws}/agents/{agentId}/budget', {
        params: { path: { ws, agentId } },
      }),
    ),
};

/** Refreshes every credit figure: balance, ledger, usage and budgets. */
export function useRefreshCredits(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.creditsAll(ws) });
}

export function credits(amount: number): string {
  return `${amount.toLocaleString('en')} ${Math.abs(amount) === 1 ? 'credit' : 'credits'}`;
}

/** A typed amount as the server gets it: a number when it reads as one, so the server's own rule (and message) decides. */
export function amountFromField(text: string): number | null {
  const trimmed = text.trim().replaceAll(/[\s,_]/g, '');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

export const kindInWords: Record<CreditEntry['kind'], string> = {
  grant: 'Grant',
  allowance: 'Monthly allowance',
  expiry: 'Allowance expired',
  topup: 'Top-up',
  reservation: 'Held for a run',
  consumption: 'Spent by a run',
  release: 'Released',
  refund: 'Refund',
  adjustment: 'Adjustment',
};
