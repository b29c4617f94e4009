// A run's progress as its event stream tells it, folded event by event. The stream's events carry
// their stream position as `id`: positions only grow, so an event at or below the last one folded
// is a repeat (a reconnect that resent it) and is dropped. Nothing is lost, because a reconnect
// asks for everything after the last position folded.
//
// The event stream is text/event-stream, outside the OpenAPI types, so its shapes are declared here
// from the server's run executor (src/runtime/run-executor.ts, src/store/run-repository.ts).
import { asFailure, type StoredFailure } from './run-words.ts';

export interface RunEvent {
  /** The stream position (the SSE id). */
  id: number;
  kind: 'status' | 'step' | 'log';
  at: string;
  status?: string;
  stepId?: string;
  attempt?: number;
  durationMs?: number;
  error?: unknown;
  willRetry?: boolean;
  reason?: string;
  until?: string;
  /** On a retry's `queued`: the position of the first step run again. */
  retryFrom?: number;
  level?: string;
  message?: string;
  fields?: Record<string, unknown>;
}

export interface LogLine {
  id: number;
  at: string;
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

export interface StepProgress {
  stepId: string;
  status: string;
  attempt?: number;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  error?: StoredFailure;
  willRetry?: boolean;
  reason?: string;
  until?: string;
  logs: LogLine[];
}

export interface RunProgress {
  /** The position of the last event folded; 0 before any. */
  lastEventId: number;
  status?: string;
  error?: StoredFailure;
  /** Steps in the order they first ran, which is the agent's order. */
  steps: StepProgress[];
  /** Log lines that belong to no step (the run's own). */
  logs: LogLine[];
}

export const noProgress: RunProgress = { lastEventId: 0, steps: [], logs: [] };

/** The progress after `events`, in stream order; repeats are ignored. */
export function foldRunEvents(progress: RunProgress, events: RunEvent[]): RunProgress {
  let next = progress;
  for (const event of events) {
    if (!(event.id > next.lastEventId)) continue;
    next = { ...foldOne(next, event), lastEventId: event.id };
  }
  return next;
}

function foldOne(progress: RunProgress, event: RunEvent): RunProgress {
  switch (event.kind) {
    case 'status': {
      if (!event.status) return progress;
      // A retry runs again from a step: that step and the ones after it start over.
      const steps = event.retryFrom !== undefined ? progress.steps.slice(0, event.retryFrom) : progress.steps;
      return { ...progress, status: event.status, error: asFailure(event.error), steps };
    }
    case 'step': {
      if (!event.stepId || !event.status) return progress;
      const index = progress.steps.findIndex((step) => step.stepId === event.stepId);
      const before = index >= 0 ? progress.steps[index] : undefined;
      const updated = foldStep(before ?? { stepId: event.stepId, status: 'pending', logs: [] }, event);
      const steps = [...progress.steps];
      if (index >= 0) steps[index] = updated;
      else steps.push(updated);
      return { ...progress, steps };
    }
    case 'log': {
      const line: LogLine = {
        id: event.id,
        at: event.at,
        level: event.level ?? 'info',
        message: event.message ?? '',
        fields: event.fields,
      };
      const index = event.stepId ? progress.steps.findIndex((step) => step.stepId === event.stepId) : -1;
      if (index < 0) return { ...progress, logs: [...progress.logs, line] };
      const steps = [...progress.steps];
      const step = steps[index] as StepProgress;
      steps[index] = { ...step, logs: [...step.logs, line] };
      return { ...progress, steps };
    }
  }
}

function foldStep(step: StepProgress, event: RunEvent): StepProgress {
  const status = event.status as string;
  if (status === 'running') {
    return { stepId: step.stepId, status, attempt: event.attempt, startedAt: event.at, logs: step.logs };
  }
  return {
    ...step,
    status,
    attempt: event.attempt ?? step.attempt,
    finishedAt: event.at,
    durationMs: event.durationMs ?? step.durationMs,
    error: asFailure(event.error),
    willRetry: event.willRetry,
    reason: event.reason,
    until: event.until,
  };
}
