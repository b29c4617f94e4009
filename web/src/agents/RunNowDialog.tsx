// Run now: a form made from the agent's input schema, checked before it is sent; on success the
// run's page opens, where it is followed live.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { InputFields } from './InputFields.tsx';
import { type FormValues, fieldsFromSchema, initialValues, inputFromValues } from './input-form.ts';

export function RunNowDialog({
  agent,
  open,
  onClose,
}: {
  agent: Schemas['Agent'];
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={`Run ${agent.name} now`}>
      {open ? <RunNowForm agent={agent} /> : null}
    </Dialog>
  );
}

function RunNowForm({ agent }: { agent: Schemas['Agent'] }) {
  const { ws } = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idPrefix = useId();
  const schema = agent.spec.input;
  const fields = useMemo(() => fieldsFromSchema(schema), [schema]);
  const [values, setValues] = useState<FormValues>(() => initialValues(schema, fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const start = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      unwrap(
        client.POST('/api/workspaces/{ws}/agents/{agentId}/runs', {
          params: { path: { ws, agentId: agent.id } },
          body: { input },
        }),
      ),
    onSuccess: (run) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.agents(ws) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.runs(ws) });
      navigate(`/w/${ws}/runs/${run.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = inputFromValues(fields, values);
    setErrors(result.errors);
    if (Object.keys(result.errors).length > 0) return;
    start.mutate(result.input);
  };
  const errorCount = Object.keys(errors).length;
  return (
    <form className="run-form" onSubmit={submit} noValidate>
      {fields.length === 0 ? <p>This agent needs no input.</p> : null}
      <InputFields
        fields={fields}
        values={values}
        errors={errors}
        idPrefix={idPrefix}
        onChange={(path, value) => setValues((current) => ({ ...current, [path]: value }))}
      />
      {errorCount > 0 ? (
        <p className="error" role="alert">
          {errorCount === 1 ? 'One field needs' : `${errorCount} fields need`} attention before the run can
          start.
        </p>
      ) : null}
      <ErrorMessage error={start.error} />
      <button type="submit" disabled={start.isPending}>
        {start.isPending ? 'Starting…' : 'Start the run'}
      </button>
    </form>
  );
}
