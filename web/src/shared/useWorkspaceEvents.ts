// Follows the workspace's live event stream (every run's status, steps and logs) and refreshes
// the views that show runs. EventSource reconnects by itself after a dropped connection and sends
// Last-Event-ID, so the stream resumes where it stopped. A refused connection (401, 403, 5xx)
// closes the EventSource for good instead: the session is checked at once (it may have ended
// before the stream opened, so no `access-revoked` event could tell) and the stream is opened
// again a little later.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from './query-keys.ts';

const runEvents = ['run', 'status', 'step', 'log'];
const reopenDelayMilliseconds = 3000;

export function useWorkspaceEvents(ws: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
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
    const checkSession = () => void queryClient.invalidateQueries({ queryKey: queryKeys.me });

    const open = () => {
      if (stopped) return;
      const stream = new EventSource(`/api/workspaces/${encodeURIComponent(ws)}/events`);
      source = stream;
      for (const name of runEvents) stream.addEventListener(name, onEvent);
      stream.addEventListener('access-revoked', () => {
        stream.close();
        checkSession();
      });
      stream.onerror = () => {
        if (stopped || stream.readyState !== EventSource.CLOSED) return;
        checkSession();
        reopen = setTimeout(open, reopenDelayMilliseconds);
      };
    };

    open();
    return () => {
      stopped = true;
      source?.close();
      if (reopen) clearTimeout(reopen);
      if (pending) clearTimeout(pending);
    };
  }, [ws, queryClient]);
}
