// What a builder can do with a run: cancel it while it is queued, running or waiting; retry it
// once it failed or was cancelled, from the start or from a chosen step (the steps before it keep
// their outputs). A retry runs the same run again, so the page stays and follows it live.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { client, unwrap } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { finishedStatuses } from './run-words.ts';

export function RunActions({
  ws,
  runId,
  status,
  steps,
  failedStep,
  onRetried,
}: {
  ws: string;
  runId: string;
  status: string;
  /** The agent's step ids, in order, for "retry from". */
  steps: string[];
  /** The step the run failed at, offered first. */
  failedStep?: string;
  onRetried: () => void;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [fromStep, setFromStep] = useState('');
  const chosen = fromStep || failedStep || steps[0] || '';
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.run(ws, runId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.runLists(ws) });
  };
  const cancel = useMutation({
    mutationFn: () =>
      unwrap(client.POST('/api/workspaces/{ws}/runs/{runId}/cancel', { params: { path: { ws, runId } } })),
    onSettled: refresh,
  });
  const retry = useMutation({
    mutationFn: (step: string | undefined) =>
      unwrap(
        client.POST('/api/workspaces/{ws}/runs/{runId}/retry', {
          params: { path: { ws, runId } },
          body: step ? { fromStep: step } : {},
        }),
      ),
    onSuccess: () => onRetried(),
    onSettled: refresh,
  });

  const cancellable = !finishedStatuses.has(status);
  const retryable = status === 'failed' || status === 'cancelled';
  if (!cancellable && !retryable) return null;
  return (
    <div className="run-actions">
      {cancellable ? (
        <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          {cancel.isPending ? 'Cancelling…' : 'Cancel run'}
        </button>
      ) : null}
      {retryable ? (
        <>
          <button
            type="button"
            className="primary"
            onClick={() => retry.mutate(undefined)}
            disabled={retry.isPending}
          >
            Retry from the start
          </button>
          {steps.length > 1 ? (
            <form
              className="retry-from"
              onSubmit={(event) => {
                event.preventDefault();
                retry.mutate(chosen);
              }}
            >
              <label htmlFor={`${id}-step`}>Retry from step</label>
              <select id={`${id}-step`} value={chosen} onChange={(event) => setFromStep(event.target.value)}>
                {steps.map((step) => (
                  <option key={step} value={step}>
                    {step}
                    {step === failedStep ? ' (where it failed)' : ''}
                  </option>
                ))}
              </select>
              <button type="submit" disabled={retry.isPending || !chosen}>
                Retry from this step
              </button>
            </form>
          ) : null}
        </>
      ) : null}
      <ErrorMessage error={cancel.error ?? retry.error} />
    </div>
  );
}
