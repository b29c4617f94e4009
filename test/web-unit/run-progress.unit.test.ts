// The run page folds its event stream into step progress: a repeated event (a reconnect that
// resent it) changes nothing, and a retry starts its steps over from the step it names.
import { describe, expect, it } from 'vitest';
import { foldRunEvents, noProgress, type RunEvent } from '../../web/src/runs/run-progress.ts';

const at = '2026-12-05T10:00:00.000Z';
const events: RunEvent[] = [
  { id: 1, kind: 'status', at, status: 'queued' },
  { id: 2, kind: 'status', at, status: 'running' },
  { id: 3, kind: 'step', at, stepId: 'fetch', status: 'running', attempt: 1 },
  { id: 4, kind: 'log', at, stepId: 'fetch', level: 'info', message: 'GET http://127.0.0.1/page' },
  { id: 5, kind: 'step', at, stepId: 'fetch', status: 'succeeded', attempt: 1, durationMs: 12 },
  { id: 6, kind: 'step', at, stepId: 'report', status: 'running', attempt: 1 },
  {
    id: 7,
    kind: 'step',
    at,
    stepId: 'report',
    status: 'failed',
    attempt: 1,
    error: { code: 'http_status', message: 'down', stepId: 'report' },
  },
  { id: 8, kind: 'status', at, status: 'failed', error: { code: 'http_status', message: 'down' } },
];

describe('run progress', () => {
  it('folds steps, logs and the run’s status in stream order', () => {
    const progress = foldRunEvents(noProgress, events);
    expect(progress.lastEventId).toBe(8);
    expect(progress.status).toBe('failed');
    expect(progress.steps.map((step) => [step.stepId, step.status])).toEqual([
      ['fetch', 'succeeded'],
      ['report', 'failed'],
    ]);
    expect(progress.steps[0]?.logs.map((line) => line.message)).toEqual(['GET http://127.0.0.1/page']);
    expect(progress.steps[1]?.error).toEqual({ code: 'http_status', message: 'down', stepId: 'report' });
  });

  it('ignores events it has folded already, however often they come again', () => {
    const once = foldRunEvents(noProgress, events.slice(0, 5));
    const resent = foldRunEvents(once, [...events.slice(2, 5), ...events.slice(2)]);
    expect(resent).toEqual(foldRunEvents(noProgress, events));
    expect(resent.steps[0]?.logs).toHaveLength(1);
    expect(foldRunEvents(resent, events)).toBe(resent);
  });

  it('starts over from the step a retry names, keeping the steps before it', () => {
    const failed = foldRunEvents(noProgress, events);
    const retried = foldRunEvents(failed, [
      { id: 9, kind: 'status', at, status: 'queued', retryFrom: 1 },
      { id: 10, kind: 'status', at, status: 'running' },
    ]);
    expect(retried.status).toBe('running');
    expect(retried.error).toBeUndefined();
    expect(retried.steps.map((step) => step.stepId)).toEqual(['fetch']);
  });
});
