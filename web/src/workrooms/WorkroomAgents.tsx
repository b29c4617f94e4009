// A workroom's agents: each links to its panel and, for builders, can be taken out (to no
// workroom); an agent from elsewhere (no workroom or another) is moved in with a picker. Runs and
// files already made stay where they were made.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { useAgents } from '../agents/agent-queries.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useRefreshWorkrooms, useWorkrooms, type Workroom, workroomActions } from './workroom-queries.ts';

export function WorkroomAgents({ workroom }: { workroom: Workroom }) {
  const { ws, canBuild } = useWorkspace();
  const agents = useAgents(ws);
  const workrooms = useWorkrooms(ws);
  const refresh = useRefreshWorkrooms(ws);
  const roomNames = new Map((workrooms.data?.items ?? []).map((room) => [room.id, room.name]));
  const all = agents.data?.items ?? [];
  const inside = all.filter((agent) => agent.workroomId === workroom.id);
  const outside = all.filter((agent) => agent.workroomId !== workroom.id);
  const takeOut = useMutation({
    mutationFn: (agentId: string) => workroomActions.setAgentWorkroom(ws, agentId, null),
    onSuccess: refresh,
  });
  return (
    <section aria-labelledby="workroom-agents">
      <h2 id="workroom-agents">Agents</h2>
      <ErrorMessage error={agents.error} onRetry={() => void agents.refetch()} />
      {agents.data && inside.length === 0 ? (
        <p className="muted">No agents in this workroom.{canBuild ? ' Move one in below.' : ''}</p>
      ) : null}
      {inside.length > 0 ? (
        <ul className="workroom-agents" aria-label={`Agents in ${workroom.name}`}>
          {inside.map((agent) => (
            <li key={agent.id}>
              <Link to={`/w/${ws}/agents/${agent.id}`}>{agent.name}</Link>
              <StatusBadge status={agent.status} />
              {canBuild ? (
                <button
                  type="button"
                  onClick={() => takeOut.mutate(agent.id)}
                  disabled={takeOut.isPending}
                  aria-label={`Take ${agent.name} out of ${workroom.name}`}
                >
                  Take out
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorMessage error={takeOut.error} />
      {canBuild && outside.length > 0 ? (
        <MoveAgentIn
          workroom={workroom}
          candidates={outside.map((agent) => ({
            id: agent.id,
            label: agent.workroomId
              ? `${agent.name} (now in ${roomNames.get(agent.workroomId) ?? 'another workroom'})`
              : agent.name,
          }))}
        />
      ) : null}
    </section>
  );
}

function MoveAgentIn({
  workroom,
  candidates,
}: {
  workroom: Workroom;
  candidates: { id: string; label: string }[];
}) {
  const { ws } = useWorkspace();
  const id = useId();
  const refresh = useRefreshWorkrooms(ws);
  const [agentId, setAgentId] = useState('');
  const move = useMutation({
    mutationFn: () => workroomActions.moveAgents(ws, workroom.id, [agentId]),
    onSuccess: async () => {
      setAgentId('');
      await refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agentId) move.mutate();
  };
  return (
    <form className="workroom-move" onSubmit={submit}>
      <label htmlFor={id}>Move an agent in</label>
      <select id={id} value={agentId} onChange={(event) => setAgentId(event.target.value)}>
        <option value="">Choose an agent…</option>
        {candidates.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!agentId || move.isPending}>
        {move.isPending ? 'Moving…' : `Move into ${workroom.name}`}
      </button>
      <ErrorMessage error={move.error} />
    </form>
  );
}
