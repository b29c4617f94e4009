// Follows one run's event stream (GET …/runs/{runId}/events) and folds it into its progress.
// EventSource reconnects by itself after a dropped connection and resends Last-Event-ID; when the
// browser gives up instead (an error answer, a closed stream), the stream is opened again after
// the last position folded. Either way repeats are dropped by position (run-progress.ts). The
// stream ends with `end` once the run has finished; a retry of the run starts it again. The page
// is keyed by run, so another run starts from nothing.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { queryKeys } from '../shared/query-keys.ts';
import { foldRunEvents, noProgress, type RunEvent, type RunProgress } from './run-progress.ts';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'ended';

const eventKinds = ['status', 'step', 'log'] as const;
const reopenDelayMilliseconds = 1000;

export function useRunProgress(
  ws: string,
  runId: string,
  options: {
    /** Changing it follows the stream again from where it stopped (after a retry). */
    restart: number;
    /** Called after each event folded, and when the stream ends. */
    onChange: () => void;
    /** False until the run is known to exist: a stream of an unknown run only answers 404s. */
    enabled: boolean;
  },
): { progress: RunProgress; connection: Connection } {
  const [progress, setProgress] = useState<RunProgress>(noProgress);
  const [connection, setConnection] = useState<Connection>('connecting');
  const last = useRef(noProgress);
  const onChange = useRef(options.onChange);
  onChange.current = options.onChange;
  const queryClient = useQueryClient();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `restart` opens the stream again after the last event folded.
  useEffect(() => {
    if (!options.enabled) return;
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const base = `/api/workspaces/${encodeURIComponent(ws)}/runs/${encodeURIComponent(runId)}/events`;

    const fold = (event: MessageEvent<string>) => {
      let parsed: RunEvent;
      try {
        parsed = JSON.parse(event.data) as RunEvent;
      } catch {
        return;
      }
      const next = foldRunEvents(last.current, [parsed]);
      if (next === last.current) return;
      last.current = next;
      setProgress(next);
      onChange.current();
    };

    const open = () => {
      if (stopped) return;
      const after = last.current.lastEventId;
      const stream = new EventSource(after > 0 ? `${base}?after=${after}` : base);
      source = stream;
      stream.onopen = () => setConnection('live');
      for (const kind of eventKinds) stream.addEventListener(kind, fold);
      stream.addEventListener('end', () => {
        stream.close();
        setConnection('ended');
        onChange.current();
      });
      stream.addEventListener('access-revoked', () => {
        stream.close();
        setConnection('ended');
        void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      });
      stream.onerror = () => {
        if (stopped) return;
        setConnection('reconnecting');
        if (stream.readyState !== EventSource.CLOSED) return;
        // Refused rather than dropped: the session may have ended before the stream opened.
        void queryClient.invalidateQueries({ queryKey: queryKeys.me });
        reopen = setTimeout(open, reopenDelayMilliseconds);
      };
    };

    setConnection('connecting');
    open();
    return () => {
      stopped = true;
      source?.close();
      if (reopen) clearTimeout(reopen);
    };
  }, [ws, runId, options.restart, options.enabled]);

  return { progress, connection };
}
