// Edit a plan before approving it: a form of the fields a user may change, grouped by operation,
// that approves the plan with the edited operations.
import { type FormEvent, useId, useState } from 'react';
import { Dialog } from '../../shared/Dialog.tsx';
import { ErrorMessage } from '../../shared/ErrorMessage.tsx';
import { applyEdits, type EditableField, editableFields } from './plan-edits.ts';
import type { PlanOperation } from './spec-shape.ts';

const operationTitles: Record<PlanOperation['type'], string> = {
  createAgent: 'New agent',
  updateAgent: 'Agent change',
  deleteAgent: 'Delete',
  pauseAgent: 'Pause',
  resumeAgent: 'Resume',
  runAgent: 'Test run',
  scheduleAgent: 'Schedule',
  unscheduleAgent: 'Unschedule',
  chainAgents: 'Chain',
  unchainAgents: 'Unchain',
  connectAccount: 'Account',
};

function Field({
  field,
  value,
  onChange,
}: {
  field: EditableField;
  value: string;
  onChange(value: string): void;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const common = {
    id,
    value,
    'aria-describedby': field.hint ? hintId : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="edit-field">
      <label htmlFor={id}>{field.label}</label>
      {field.multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
      {field.hint ? (
        <small id={hintId} className="hint">
          {field.hint}
        </small>
      ) : null}
    </div>
  );
}

export function EditPlanDialog({
  open,
  operations,
  onClose,
  onApprove,
  pending,
  error,
}: {
  open: boolean;
  operations: PlanOperation[];
  onClose(): void;
  onApprove(operations: PlanOperation[]): void;
  pending: boolean;
  error: unknown;
}) {
  const fields = editableFields(operations);
  const [values, setValues] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApprove(applyEdits(operations, values));
  };
  const groups = operations
    .map((operation, index) => ({
      operation,
      index,
      fields: fields.filter((field) => field.operation === index),
    }))
    .filter((group) => group.fields.length > 0);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Edit the plan"
      description="Change what you need, then approve. Anything you leave stays as proposed."
    >
      <form className="edit-plan" onSubmit={submit}>
        {groups.length === 0 ? <p>This plan has nothing to edit; approve or reject it as it is.</p> : null}
        {groups.map((group) => (
          <fieldset key={group.index}>
            <legend>
              {group.index + 1}. {operationTitles[group.operation.type]}
            </legend>
            {group.fields.map((field) => (
              <Field
                key={field.key}
                field={field}
                value={values[field.key] ?? field.value}
                onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
              />
            ))}
          </fieldset>
        ))}
        <ErrorMessage error={error} />
        <button type="submit" disabled={pending}>
          {pending ? 'Approving…' : 'Approve with these changes'}
        </button>
      </form>
    </Dialog>
  );
}
