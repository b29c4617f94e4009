// A workroom's name, description and monthly budget, changed together; a name another workroom has
// is refused by the server with a message shown in place.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { BudgetField } from './BudgetField.tsx';
import { budgetFromField, useRefreshWorkrooms, type Workroom, workroomActions } from './workroom-queries.ts';

export function WorkroomSettingsForm({ workroom }: { workroom: Workroom }) {
  const { ws } = useWorkspace();
  const id = useId();
  const refresh = useRefreshWorkrooms(ws);
  const [name, setName] = useState(workroom.name);
  const [description, setDescription] = useState(workroom.description);
  const [budget, setBudget] = useState(workroom.monthlyBudget === null ? '' : String(workroom.monthlyBudget));
  const [saved, setSaved] = useState(false);
  const parsedBudget = budgetFromField(budget);
  const save = useMutation({
    mutationFn: () =>
      workroomActions.update(ws, workroom.id, {
        name,
        description,
        monthlyBudget: parsedBudget === 'invalid' ? undefined : parsedBudget,
      }),
    onSuccess: async () => {
      await refresh();
      setSaved(true);
    },
  });
  const unchanged =
    name.trim() === workroom.name &&
    description.trim() === workroom.description &&
    parsedBudget === workroom.monthlyBudget;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (parsedBudget !== 'invalid') save.mutate();
  };
  return (
    <form className="workroom-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Name and budget</h2>
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setSaved(false);
        }}
        required
        maxLength={80}
      />
      <label htmlFor={`${id}-description`}>Description</label>
      <textarea
        id={`${id}-description`}
        value={description}
        onChange={(event) => {
          setDescription(event.target.value);
          setSaved(false);
        }}
        maxLength={2000}
        rows={2}
      />
      <BudgetField
        id={`${id}-budget`}
        value={budget}
        onChange={(value) => {
          setBudget(value);
          setSaved(false);
        }}
      />
      <ErrorMessage error={save.error} />
      <button
        type="submit"
        disabled={save.isPending || unchanged || parsedBudget === 'invalid' || !name.trim()}
      >
        {save.isPending ? 'Saving…' : 'Save'}
      </button>
      {saved ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
    </form>
  );
}
