// Deleting a workroom says what happens before it does: what the workroom holds, that its agents
// move to no workroom, and a choice for its files (keep them in the workspace, move them with the
// runs to another workroom, or delete them). An empty workroom is simply deleted.
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Dialog } from '../shared/Dialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { count } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import {
  type DeliverableChoice,
  useRefreshWorkrooms,
  useWorkrooms,
  type Workroom,
  workroomActions,
} from './workroom-queries.ts';

export function DeleteWorkroomDialog({
  open,
  workroom,
  onClose,
  onDeleted,
}: {
  open: boolean;
  workroom: Workroom;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { ws } = useWorkspace();
  const id = useId();
  const refresh = useRefreshWorkrooms(ws);
  const workrooms = useWorkrooms(ws);
  const others = (workrooms.data?.items ?? []).filter((room) => room.id !== workroom.id);
  const [choice, setChoice] = useState<DeliverableChoice>('keep');
  const [target, setTarget] = useState('');
  const { counts } = workroom;
  const holds = counts.agents + counts.runs + counts.deliverables > 0;
  const remove = useMutation({
    mutationFn: () => workroomActions.remove(ws, workroom.id, holds ? choice : undefined, target),
    onSuccess: async () => {
      await refresh();
      onDeleted();
    },
  });
  // Each opening starts from the safe choice: keeping the files.
  const close = () => {
    remove.reset();
    setChoice('keep');
    setTarget('');
    onClose();
  };
  const blocked = holds && choice === 'move' && !target;
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Delete the workroom “${workroom.name}”?`}
      description={
        holds
          ? `It holds ${count(counts.agents, 'agent')}, ${count(counts.runs, 'run')} and ${count(counts.deliverables, 'file')}. Its agents move to no workroom; nothing is deleted but what you choose below.`
          : 'It holds no agents, runs or files.'
      }
    >
      {holds ? (
        <fieldset className="workroom-choice">
          <legend>Its files ({counts.deliverables})</legend>
          <label>
            <input
              type="radio"
              name={`${id}-choice`}
              checked={choice === 'keep'}
              onChange={() => setChoice('keep')}
            />
            Keep them in the workspace, in no workroom (with its runs)
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-choice`}
              checked={choice === 'move'}
              onChange={() => setChoice('move')}
              disabled={others.length === 0}
            />
            Move them and its runs to another workroom
            {others.length === 0 ? ' (there is no other workroom)' : ''}
          </label>
          {choice === 'move' ? (
            <span className="workroom-target">
              <label htmlFor={`${id}-target`}>Workroom to move them to</label>
              <select id={`${id}-target`} value={target} onChange={(event) => setTarget(event.target.value)}>
                <option value="">Choose a workroom…</option>
                {others.map((room) => (
                  <option key={room.id} value={room.id}>
                    {room.name}
                  </option>
                ))}
              </select>
            </span>
          ) : null}
          <label>
            <input
              type="radio"
              name={`${id}-choice`}
              checked={choice === 'delete'}
              onChange={() => setChoice('delete')}
            />
            Delete them, content and all (its runs stay, in no workroom)
          </label>
        </fieldset>
      ) : null}
      <ErrorMessage error={remove.error} />
      <button
        type="button"
        className="danger"
        onClick={() => remove.mutate()}
        disabled={remove.isPending || blocked}
      >
        {remove.isPending
          ? 'Deleting…'
          : holds && choice === 'delete' && counts.deliverables > 0
            ? `Delete the workroom and ${count(counts.deliverables, 'file')}`
            : 'Delete the workroom'}
      </button>
    </Dialog>
  );
}
