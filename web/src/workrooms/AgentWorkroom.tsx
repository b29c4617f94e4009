// The workroom an agent belongs to, in its panel: a link to it, and for builders a picker that
// moves the agent (its earlier runs and files stay where they were made).
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import './workrooms.css';
import { useRefreshWorkrooms, useWorkrooms, workroomActions } from './workroom-queries.ts';

export function AgentWorkroom({
  agentId,
  agentName,
  workroomId,
}: {
  agentId: string;
  agentName: string;
  workroomId: string | null;
}) {
  const { ws, canBuild } = useWorkspace();
  const id = useId();
  const workrooms = useWorkrooms(ws);
  const refresh = useRefreshWorkrooms(ws);
  const items = workrooms.data?.items ?? [];
  const current = items.find((room) => room.id === workroomId);
  const move = useMutation({
    mutationFn: (next: string | null) => workroomActions.setAgentWorkroom(ws, agentId, next),
    onSuccess: refresh,
  });
  if (!canBuild || (workrooms.data && items.length === 0 && !workroomId)) {
    return current ? (
      <p className="agent-workroom">
        Workroom: <Link to={`/w/${ws}/workrooms/${current.id}`}>{current.name}</Link>
      </p>
    ) : null;
  }
  return (
    <div className="agent-workroom">
      <label htmlFor={id}>Workroom</label>
      <select
        id={id}
        value={workroomId ?? ''}
        disabled={move.isPending || workrooms.isPending}
        aria-describedby={`${id}-hint`}
        onChange={(event) => move.mutate(event.target.value || null)}
      >
        <option value="">No workroom</option>
        {items.map((room) => (
          <option key={room.id} value={room.id}>
            {room.name}
          </option>
        ))}
      </select>
      {current ? (
        <Link to={`/w/${ws}/workrooms/${current.id}`} aria-label={`Open the workroom ${current.name}`}>
          Open
        </Link>
      ) : null}
      <span id={`${id}-hint`} className="hint">
        Runs of {agentName} count in its workroom from now on; earlier ones stay where they were made.
      </span>
      <ErrorMessage error={move.error} />
    </div>
  );
}
