// An agent's one-off runs ("run it once on Friday at 3"): the ones still ahead, with a way to
// cancel each, the ones that fired with their run, and, for builders, a date and time to add one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { client, unwrap } from '../api/client.ts';
import { useDefaultTimezone, useOneOffRuns } from '../automations/automation-queries.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { relativeTime } from '../shared/format.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { InputFields } from './InputFields.tsx';
import { type FormValues, fieldsFromSchema, initialValues, inputFromValues } from './input-form.ts';

export function OneOffRuns({ agentId, inputSchema }: { agentId: string; inputSchema: unknown }) {
  const { ws, canBuild } = useWorkspace();
  const id = useId();
  const queryClient = useQueryClient();
  const runs = useOneOffRuns(ws, agentId);
  const timezone = useDefaultTimezone();
  const [when, setWhen] = useState('');
  const fields = useMemo(() => fieldsFromSchema(inputSchema), [inputSchema]);
  const [values, setValues] = useState<FormValues>(() => initialValues(inputSchema, fields));
  const [inputErrors, setInputErrors] = useState<Record<string, string>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.oneOffRuns(ws, agentId) });
  const add = useMutation({
    // The input holds the browser's local time; the instant goes with its offset (as UTC).
    mutationFn: (input: Record<string, unknown>) =>
      unwrap(
        client.POST('/api/workspaces/{ws}/agents/{agentId}/one-off-runs', {
          params: { path: { ws, agentId } },
          body: { runAt: new Date(when).toISOString(), timezone, ...(fields.length > 0 ? { input } : {}) },
        }),
      ),
    onSuccess: async () => {
      setWhen('');
      setValues(initialValues(inputSchema, fields));
      await refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (oneOffRunId: string) =>
      unwrap(
        client.DELETE('/api/workspaces/{ws}/agents/{agentId}/one-off-runs/{oneOffRunId}', {
          params: { path: { ws, agentId, oneOffRunId } },
        }),
      ),
    onSettled: refresh,
  });
  const items = runs.data?.items ?? [];
  const ahead = items.filter((run) => run.firedAt === null);
  const fired = items.filter((run) => run.firedAt !== null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!when) return;
    const result = inputFromValues(fields, values);
    setInputErrors(result.errors);
    if (Object.keys(result.errors).length === 0) add.mutate(result.input);
  }
  const inputErrorCount = Object.keys(inputErrors).length;

  return (
    <div className="one-off-runs">
      <h3>Run once</h3>
      <ErrorMessage error={runs.error} onRetry={() => void runs.refetch()} />
      {runs.data && items.length === 0 ? <p className="muted">No one-off runs.</p> : null}
      {ahead.length > 0 ? (
        <ul className="automation-list">
          {ahead.map((run) => (
            <li key={run.id}>
              <span>
                {run.description} <span className="muted">({relativeTime(run.runAt)})</span>
              </span>
              {canBuild ? (
                <button
                  type="button"
                  onClick={() => cancel.mutate(run.id)}
                  disabled={cancel.isPending}
                  aria-label={`Cancel the run ${run.description}`}
                >
                  Cancel
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorMessage error={cancel.error} />
      {fired.length > 0 ? (
        <ul className="automation-list">
          {fired.map((run) => (
            <li key={run.id}>
              <span className="muted">{run.description}: ran</span>
              {run.runId ? <Link to={`/w/${ws}/runs/${run.runId}`}>See the run</Link> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canBuild ? (
        <form className="inline-form" onSubmit={submit} aria-label="Run once" noValidate>
          {fields.length > 0 ? (
            <fieldset className="schedule-input">
              <legend>What this run gets</legend>
              <InputFields
                fields={fields}
                values={values}
                errors={inputErrors}
                idPrefix={`${id}-input`}
                onChange={(path, value) => setValues((current) => ({ ...current, [path]: value }))}
              />
            </fieldset>
          ) : null}
          <label htmlFor={`${id}-when`}>Run once at</label>
          <input
            id={`${id}-when`}
            type="datetime-local"
            value={when}
            onChange={(event) => setWhen(event.target.value)}
            required
          />
          <button type="submit" disabled={!when || add.isPending}>
            Add
          </button>
          <span className="hint">Your time ({Intl.DateTimeFormat().resolvedOptions().timeZone}).</span>
          {inputErrorCount > 0 ? (
            <p className="error" role="alert">
              {inputErrorCount === 1 ? 'One field needs' : `${inputErrorCount} fields need`} attention before
              the run can be added.
            </p>
          ) : null}
          <ErrorMessage error={add.error} />
        </form>
      ) : null}
    </div>
  );
}
