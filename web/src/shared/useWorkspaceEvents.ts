// Follows the workspace's live event stream (every run's status, steps and logs) and refreshes
// the views that show runs. EventSource reconnects by itself and sends Last-Event-ID, so a dropped
// connection resumes where it stopped.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from './query-keys.ts';

const runEvents = ['run', 'status', 'step', 'log'];

export function useWorkspaceEvents(ws: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource(`/api/workspaces/${encodeURIComponent(ws)}/events`);
    let pending: ReturnType<typeof setTimeout> | undefined;
    const touched = new Set<string>();
    // Many events arrive together while a run goes; refresh once per burst.
    const flush = () => {
      pending = undefined;
      void queryClient.invalidateQueries({ queryKey: queryKeys.runs(ws), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.runLists(ws) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.agents(ws) });
      for (const runId of touched) void queryClient.invalidateQueries({ queryKey: queryKeys.run(ws, runId) });
      touched.clear();
    };
    const onEvent = (event: MessageEvent<string>) => {
      try {
        const runId = (JSON.parse(event.data) as { runId?: string }).runId;
        if (runId) touched.add(runId);
      } catch {
        // An event without JSON data still means something changed.
      }
      pending ??= setTimeout(flush, 150);
    };
    for (const name of runEvents) source.addEventListener(name, onEvent);
    source.addEventListener('access-revoked', () => {
      source.close();
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    });
    return () => {
      source.close();
      if (pending) clearTimeout(pending);
    };
  }, [ws, queryClient]);
}
