// Setting an agent's schedule: in words ("every weekday at 9") or in cron, in a time zone (the
// user's, else the browser's, until changed), with what to do about times missed while Orca was
// down. The server reads what is typed, after each pause, and the next five times show before
// anything is saved; what it cannot read is said in words, in place.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { client, describeError, type Schemas, unwrap } from '../api/client.ts';
import { useDefaultTimezone, useSchedulePreview } from '../automations/automation-queries.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { InputFields } from './InputFields.tsx';
import { type FormValues, fieldsFromSchema, inputFromValues, valuesFromInput } from './input-form.ts';

type Mode = 'words' | 'cron';
type Missed = Schemas['Schedule']['missed'];

const timeZones: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

export function ScheduleForm({
  agentId,
  inputSchema,
  schedule,
  onDone,
}: {
  agentId: string;
  /** The agent's input schema: an agent that needs input gets it on every scheduled run. */
  inputSchema: unknown;
  schedule: Schemas['Schedule'] | undefined;
  onDone: () => void;
}) {
  const { ws } = useWorkspace();
  const id = useId();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>(schedule && !schedule.text ? 'cron' : 'words');
  const [words, setWords] = useState(schedule?.text ?? '');
  const [cron, setCron] = useState(schedule?.cron ?? '');
  const defaultTimezone = useDefaultTimezone();
  const [chosenTimezone, setTimezone] = useState<string>();
  const timezone = chosenTimezone ?? schedule?.timezone ?? defaultTimezone;
  const [missed, setMissed] = useState<Missed>(schedule?.missed ?? 'skip');
  const written = (mode === 'words' ? words : cron).trim();
  const source = written
    ? { ...(mode === 'words' ? { text: written } : { cron: written }), timezone: timezone.trim() || 'UTC' }
    : undefined;
  const preview = useSchedulePreview(ws, source);
  const fields = useMemo(() => fieldsFromSchema(inputSchema), [inputSchema]);
  const [values, setValues] = useState<FormValues>(() =>
    valuesFromInput(inputSchema, fields, schedule?.input),
  );
  const [inputErrors, setInputErrors] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      unwrap(
        client.PUT('/api/workspaces/{ws}/agents/{agentId}/schedule', {
          params: { path: { ws, agentId } },
          // An agent without input fields keeps whatever input its schedule was given elsewhere.
          body: { ...(source ?? {}), missed, ...(fields.length > 0 ? { input } : {}) },
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.agentSchedule(ws, agentId), saved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.agents(ws) });
      onDone();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!source) return;
    const result = inputFromValues(fields, values);
    setInputErrors(result.errors);
    if (Object.keys(result.errors).length > 0) return;
    save.mutate(result.input);
  }
  const inputErrorCount = Object.keys(inputErrors).length;

  return (
    <form className="automation-form" onSubmit={submit} aria-label="Schedule" noValidate>
      <fieldset className="choice">
        <legend>Write it</legend>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'words'}
            onChange={() => setMode('words')}
          />
          In words
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'cron'}
            onChange={() => setMode('cron')}
          />
          As cron
        </label>
      </fieldset>
      {mode === 'words' ? (
        <label>
          When it runs
          <input
            value={words}
            onChange={(event) => setWords(event.target.value)}
            placeholder="every weekday at 9"
            aria-describedby={`${id}-words-hint`}
            maxLength={200}
          />
          <span className="hint" id={`${id}-words-hint`}>
            For example “every weekday at 9”, “every 15 minutes”, “first Monday of the month at 8am”.
          </span>
        </label>
      ) : (
        <label>
          Cron expression
          <input
            value={cron}
            onChange={(event) => setCron(event.target.value)}
            placeholder="0 9 * * 1-5"
            aria-describedby={`${id}-cron-hint`}
            maxLength={120}
            spellCheck={false}
          />
          <span className="hint" id={`${id}-cron-hint`}>
            Minute, hour, day of the month, month, day of the week.
          </span>
        </label>
      )}
      <label>
        Time zone
        <input
          value={timezone}
          onChange={(event) => setTimezone(event.target.value)}
          list={`${id}-zones`}
          maxLength={64}
          spellCheck={false}
        />
      </label>
      <datalist id={`${id}-zones`}>
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <label>
        If Orca was not running at a time
        <select value={missed} onChange={(event) => setMissed(event.target.value as Missed)}>
          <option value="skip">Skip the missed times</option>
          <option value="run_once">Run once when Orca is back</option>
        </select>
      </label>
      <section
        className="schedule-preview"
        aria-label="Preview"
        aria-live="polite"
        aria-busy={preview.settling}
      >
        <SchedulePreview written={written} preview={preview} />
      </section>
      {fields.length > 0 ? (
        <fieldset className="schedule-input">
          <legend>What each scheduled run gets</legend>
          <InputFields
            fields={fields}
            values={values}
            errors={inputErrors}
            idPrefix={`${id}-input`}
            onChange={(path, value) => setValues((current) => ({ ...current, [path]: value }))}
          />
        </fieldset>
      ) : null}
      {inputErrorCount > 0 ? (
        <p className="error" role="alert">
          {inputErrorCount === 1 ? 'One field needs' : `${inputErrorCount} fields need`} attention before the
          schedule can be saved.
        </p>
      ) : null}
      <ErrorMessage error={save.error} />
      <div className="form-actions">
        <button type="submit" disabled={!source || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save the schedule'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function SchedulePreview({
  written,
  preview,
}: {
  written: string;
  preview: ReturnType<typeof useSchedulePreview>;
}) {
  if (!written) return <p className="muted">Write when it should run to see its next five times here.</p>;
  if (preview.settling || preview.isPending) return <p className="muted">Reading…</p>;
  if (preview.error) return <p className="error">{describeError(preview.error)}</p>;
  const data = preview.data;
  if (!data) return null;
  return (
    <>
      <p>
        <strong>{data.description}</strong> <span className="muted">({data.timezoneNote})</span>
      </p>
      {data.nextRuns.length > 0 ? (
        <>
          <h4>Next five times</h4>
          <ol className="next-times" data-testid="next-times">
            {data.nextRuns.map((run) => (
              <li key={run.at}>
                <time dateTime={run.at}>{run.words}</time>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="error">This schedule never runs again after now. Check the day and the month.</p>
      )}
    </>
  );
}
