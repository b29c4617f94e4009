// The server state of schedules, chains and hooks beyond what the agent panel already reads: the
// preview of a schedule being typed, one-off runs, hooks' recent calls, every hook of the
// workspace, and the time zone a new schedule starts in.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { refreshEvery } from '../agents/agent-queries.ts';
import { client, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';

/** The browser's own time zone, what a person without one in their memory is in. */
export function browserTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The time zone in the user's memory, else the browser's. */
export function useDefaultTimezone(): string {
  const memory = useQuery({
    queryKey: queryKeys.accountMemory,
    queryFn: ({ signal }) => unwrap(client.GET('/api/me/memory', { signal })),
    staleTime: 60_000,
  });
  return memory.data?.timezone || browserTimezone();
}

/** The value once it has stayed the same for `delay` ms: a preview per pause, not per key. */
export function useDebouncedValue<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

export interface ScheduleSource {
  cron?: string;
  text?: string;
  timezone: string;
}

/**
 * The schedule as it would be saved, read by the server as the person types (after a pause). The
 * source is debounced as text: a new object each render must not restart the pause.
 */
export function useSchedulePreview(ws: string, source: ScheduleSource | undefined) {
  const written = source ? JSON.stringify(source) : '';
  const settledText = useDebouncedValue(written, 400);
  const settled = settledText ? (JSON.parse(settledText) as ScheduleSource) : undefined;
  const query = useQuery({
    queryKey: queryKeys.schedulePreview(ws, settled ?? { timezone: '' }),
    queryFn: ({ signal }) =>
      unwrap(
        client.POST('/api/workspaces/{ws}/schedule-preview', {
          params: { path: { ws } },
          body: settled ?? { timezone: '' },
          signal,
        }),
      ),
    enabled: settled !== undefined,
    retry: false,
    staleTime: 30_000,
  });
  return { ...query, settling: settledText !== written };
}

export function useOneOffRuns(ws: string, agentId: string) {
  return useQuery({
    queryKey: queryKeys.oneOffRuns(ws, agentId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/agents/{agentId}/one-off-runs', {
          params: { path: { ws, agentId } },
          signal,
        }),
      ),
    refetchInterval: refreshEvery,
  });
}

export function useHookCalls(ws: string, agentId: string, hookId: string) {
  return useQuery({
    queryKey: queryKeys.hookCalls(ws, agentId, hookId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/workspaces/{ws}/agents/{agentId}/hooks/{hookId}/calls', {
          params: { path: { ws, agentId, hookId }, query: { limit: 10 } },
          signal,
        }),
      ),
    refetchInterval: refreshEvery,
  });
}

export function useWorkspaceHooks(ws: string) {
  return useQuery({
    queryKey: queryKeys.workspaceHooks(ws),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/workspaces/{ws}/hooks', { params: { path: { ws } }, signal })),
    refetchInterval: refreshEvery,
  });
}
