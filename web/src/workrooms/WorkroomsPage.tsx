// The Workrooms page: the workspace's workrooms (a client or a project each) with what each holds
// (agents, runs this month, files) and its monthly budget, and a form to create one. A workroom's
// own page shows its agents, runs and files and changes or deletes it.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { BudgetField } from './BudgetField.tsx';
import {
  budgetFromField,
  budgetInWords,
  useRefreshWorkrooms,
  useWorkrooms,
  type Workroom,
  workroomActions,
} from './workroom-queries.ts';
import './workrooms.css';

export function WorkroomsPage() {
  const { ws, canBuild } = useWorkspace();
  const workrooms = useWorkrooms(ws);
  const items = workrooms.data?.items ?? [];
  return (
    <section className="workrooms" aria-labelledby="workrooms-title">
      <h1 id="workrooms-title">Workrooms</h1>
      <p className="muted">
        A workroom groups agents, their runs and their files for one client or project, with an optional
        monthly budget. Runs and files stay in the workroom they were made in, even when an agent moves.
      </p>
      <ErrorMessage error={workrooms.error} onRetry={() => void workrooms.refetch()} />
      {workrooms.isPending ? <p className="loading">Loading workrooms…</p> : null}
      {workrooms.data && items.length === 0 ? (
        <p className="empty">
          No workrooms yet. {canBuild ? 'Create one below for your first client or project.' : ''}
        </p>
      ) : null}
      {items.length > 0 ? (
        <table className="workroom-table" aria-labelledby="workrooms-title">
          <thead>
            <tr>
              <th scope="col">Workroom</th>
              <th scope="col">Agents</th>
              <th scope="col">Runs this month</th>
              <th scope="col">Files</th>
              <th scope="col">Monthly budget</th>
            </tr>
          </thead>
          <tbody>
            {items.map((workroom) => (
              <WorkroomRow key={workroom.id} workroom={workroom} />
            ))}
          </tbody>
        </table>
      ) : null}
      {canBuild ? (
        <CreateWorkroomForm />
      ) : (
        <p className="muted">Builders, admins and owners create workrooms.</p>
      )}
    </section>
  );
}

function WorkroomRow({ workroom }: { workroom: Workroom }) {
  const { ws } = useWorkspace();
  return (
    <tr>
      <th scope="row">
        <Link to={`/w/${ws}/workrooms/${workroom.id}`}>{workroom.name}</Link>
        {workroom.description ? (
          <span className="muted workroom-description">{workroom.description}</span>
        ) : null}
      </th>
      <td>{workroom.counts.agents}</td>
      <td>{workroom.counts.runsThisMonth}</td>
      <td>{workroom.counts.deliverables}</td>
      <td>{budgetInWords(workroom.monthlyBudget)}</td>
    </tr>
  );
}

function CreateWorkroomForm() {
  const { ws } = useWorkspace();
  const id = useId();
  const navigate = useNavigate();
  const refresh = useRefreshWorkrooms(ws);
  const [name, setName] = useState('');
  const [budget, setBudget] = useState('');
  const parsedBudget = budgetFromField(budget);
  const create = useMutation({
    mutationFn: () =>
      workroomActions.create(ws, {
        name,
        monthlyBudget: parsedBudget === 'invalid' ? undefined : parsedBudget,
      }),
    onSuccess: async (workroom) => {
      await refresh();
      setName('');
      setBudget('');
      void navigate(`/w/${ws}/workrooms/${workroom.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsedBudget !== 'invalid') create.mutate();
  };
  return (
    <form className="workroom-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New workroom</h2>
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(event) => setName(event.target.value)}
        required
        maxLength={80}
        placeholder="A client or project, e.g. Acme"
      />
      <BudgetField id={`${id}-budget`} value={budget} onChange={setBudget} />
      <ErrorMessage error={create.error} />
      <button type="submit" disabled={create.isPending || name.trim() === '' || parsedBudget === 'invalid'}>
        {create.isPending ? 'Creating…' : 'Create workroom'}
      </button>
    </form>
  );
}
